import { signStaffToken } from '../auth/tokens';
import { DUMMY_HASH, verifyPassword } from '../auth/password';
import { notFound, tooManyRequests, unauthorized } from '../lib/errors';
import { httpHandler } from '../lib/http';
import { log } from '../lib/log';
import { bindStaffOpenid, getStaff } from '../store/people';
import { code2session } from '../auth/wechat';
import { recordConsent } from '../store/consent';
import { PUSH_TEMPLATES, templateById } from '../../shared/push-templates';
import { clearLoginFailures, getLoginFailures, lockedFor, recordLoginFailure } from '../store/login-throttle';
import { toStaffProfile } from './views';

export const handler = httpHandler({
  'POST /admin/auth/login': async ({ body, requestId }) => {
    const now = new Date();
    // Unknown usernames are counted too: the answer never tells which exist.
    const failures = await getLoginFailures(body.username);
    const wait = lockedFor(failures, now);
    if (wait > 0) {
      log.warn('admin.login.locked', { requestId });
      throw tooManyRequests(`密码错误次数过多，请 ${Math.ceil(wait / 60)} 分钟后再试`, wait);
    }
    const staff = await getStaff(body.username);
    // Verify against a dummy hash when the user is unknown: same time either way.
    const ok = await verifyPassword(body.password, staff?.passwordHash ?? DUMMY_HASH);
    if (!staff || !ok) {
      await recordLoginFailure(body.username, now);
      log.warn('admin.login.failed', { requestId });
      throw unauthorized('用户名或密码错误');
    }
    if (failures) await clearLoginFailures(staff.username);
    const session = await signStaffToken(staff.username, {
      role: staff.role,
      dept: staff.departmentId ?? '',
      region: staff.regionCode,
    });
    return { ...session, staff: await toStaffProfile(staff) };
  },

  // Staff are WeChat users too: bound, a department head gets the morning digest as a push.
  'POST /admin/me/wechat': async ({ body, principal }) => {
    const staff = await getStaff(principal.username);
    if (!staff) throw notFound('工作人员不存在');
    const { openid } = await code2session(body.code);
    await bindStaffOpenid(staff, openid);
    const results = Object.entries(body.results ?? {}).flatMap(([id, answer]) => {
      const template = templateById(id);
      return template ? [{ template, accepted: answer === 'accept', long: PUSH_TEMPLATES[template].long }] : [];
    });
    await recordConsent({ kind: 'staff', username: staff.username }, results, new Date().toISOString());
    return toStaffProfile(staff);
  },

  'GET /admin/me': async ({ principal }) => {
    const staff = await getStaff(principal.username);
    if (!staff) throw notFound('工作人员不存在');
    return toStaffProfile(staff);
  },
});
