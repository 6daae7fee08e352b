import { signStaffToken } from '../auth/tokens';
import { DUMMY_HASH, verifyPassword } from '../auth/password';
import { notFound, unauthorized } from '../lib/errors';
import { httpHandler } from '../lib/http';
import { log } from '../lib/log';
import { getStaff } from '../store/people';
import { toStaffProfile } from './views';

export const handler = httpHandler({
  'POST /admin/auth/login': async ({ body, requestId }) => {
    const staff = await getStaff(body.username);
    // Verify against a dummy hash when the user is unknown: same time either way.
    const ok = await verifyPassword(body.password, staff?.passwordHash ?? DUMMY_HASH);
    if (!staff || !ok) {
      log.warn('admin.login.failed', { requestId });
      throw unauthorized('用户名或密码错误');
    }
    const session = await signStaffToken(staff.username, {
      role: staff.role,
      dept: staff.departmentId ?? '',
      region: staff.regionCode,
    });
    return { ...session, staff: await toStaffProfile(staff) };
  },

  'GET /admin/me': async ({ principal }) => {
    const staff = await getStaff(principal.username);
    if (!staff) throw notFound('工作人员不存在');
    return toStaffProfile(staff);
  },
});
