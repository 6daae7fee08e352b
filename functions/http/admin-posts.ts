// Staff side of AB posts and reception days: the posts of a region on a day,
// a clerk's backup, absences (marked and withdrawn), and a leader's reception
// days. Heads run their department's posts; admins any.
import { conflict, forbidden, notFound, refuseFieldErrors } from '../lib/errors';
import { httpHandler, type StaffPrincipal } from '../lib/http';
import { shanghaiDate } from '../domain/calendar';
import { mayRunPosts, maySetReception } from '../domain/access';
import { backupErrors, holdsPost } from '../domain/posts';
import { receptionErrors } from '../domain/reception';
import { sortWindows } from '../domain/schedule';
import { loadCalendar } from '../store/calendar';
import { getStaff, type StaffRecord } from '../store/people';
import { cancelAbsence, getAbsence, markAbsent, setBackup } from '../store/posts';
import { putReception } from '../store/reception';
import { getDepartment, listLeaders } from '../store/reference';
import { loadRoster, toPost, toReception } from './post-views';

/** A window clerk this staff member runs the post of (404 when no such clerk, 403 when another unit's). */
async function runnableClerk(staff: StaffPrincipal, username: string): Promise<StaffRecord> {
  const clerk = await getStaff(username);
  if (!clerk || !holdsPost(clerk)) throw notFound('该窗口工作人员不存在');
  if (!mayRunPosts(staff, clerk)) throw forbidden('只能管理本部门窗口人员的AB岗');
  return clerk;
}

/** The clerk's post as it stands on `date`. */
async function postOn(clerk: StaffRecord, date: string, viewer: StaffPrincipal) {
  const r = await loadRoster(clerk.regionCode, date);
  const s = r.posts.find((p) => p.post.username === clerk.username);
  if (!s) throw notFound('该窗口工作人员不存在');
  return toPost(s, r, viewer);
}

const EVERYWHERE = new Set(['admin', 'supervisor']);

export const handler = httpHandler({
  'GET /admin/posts': async ({ query, principal }) => {
    const regionCode = query.regionCode ?? principal.regionCode;
    if (regionCode !== principal.regionCode && !EVERYWHERE.has(principal.role)) throw forbidden('只能查看本人所在地区的窗口岗位');
    const date = query.date ?? shanghaiDate();
    const r = await loadRoster(regionCode, date);
    return { date, regionCode, posts: r.posts.map((s) => toPost(s, r, principal)) };
  },

  'PUT /admin/staff/{username}/backup': async ({ params, body, principal }) => {
    const clerk = await runnableClerk(principal, params.username);
    const backup = body.backupUsername ? await getStaff(body.backupUsername) : undefined;
    refuseFieldErrors(backupErrors(clerk, body.backupUsername, backup));
    const updated = await setBackup(clerk.username, body.backupUsername);
    if (!updated) throw notFound('该窗口工作人员不存在');
    return postOn(updated, shanghaiDate(), principal);
  },

  'POST /admin/staff/{username}/absences': async ({ params, body, principal }) => {
    const clerk = await runnableClerk(principal, params.username);
    if (body.date < shanghaiDate()) refuseFieldErrors({ date: '不能登记已经过去的日期' });
    const outcome = await markAbsent({
      username: clerk.username,
      date: body.date,
      reason: body.reason?.trim() || null,
      markedBy: principal.username,
      markedAt: new Date().toISOString(),
      version: 1,
    });
    if (outcome === 'exists') throw conflict('该工作人员当天已登记不在岗', 'ALREADY_ABSENT');
    return postOn(clerk, body.date, principal);
  },

  'POST /admin/staff/{username}/absences/{date}/cancel': async ({ params, body, principal }) => {
    const clerk = await runnableClerk(principal, params.username);
    const absence = await getAbsence(params.date, clerk.username);
    if (!absence) throw notFound('没有该日的不在岗登记');
    if (absence.version !== body.version || (await cancelAbsence(params.date, clerk.username, body.version)) === 'stale') {
      throw conflict('不在岗登记已发生变化，请刷新后重试', 'VERSION_CONFLICT');
    }
    return postOn(clerk, params.date, principal);
  },

  'PUT /admin/receptions/{id}': async ({ params, body, principal }) => {
    if (!maySetReception(principal, params.id)) throw forbidden('部门负责人只能安排自己的接待日');
    const [host, cal, leaders] = await Promise.all([getStaff(params.id), loadCalendar(), body.leaderId ? listLeaders() : Promise.resolve([])]);
    if (!host || host.role !== 'dept_head' || !host.departmentId) throw notFound('该部门负责人不存在');
    const today = shanghaiDate();
    const leader = body.leaderId ? leaders.find((l) => l.id === body.leaderId) : undefined;
    refuseFieldErrors({
      ...(body.leaderId && !leader ? { leaderId: '领导公开联系表中没有这位领导' } : {}),
      ...receptionErrors(body, today, cal),
    });
    const dept = await getDepartment(host.departmentId);
    const record = {
      id: host.username,
      name: host.name,
      title: leader?.title ?? `${dept?.name ?? ''}负责人`,
      departmentId: host.departmentId,
      departmentName: dept?.name ?? host.departmentId,
      leaderId: leader?.id ?? null,
      regionCode: host.regionCode,
      address: body.address,
      dates: [...body.dates].sort(),
      windows: sortWindows(body.windows),
      cutoffMinutes: body.cutoffMinutes,
      updatedAt: new Date().toISOString(),
      updatedBy: principal.username,
    };
    await putReception(record);
    return toReception(record, today, cal);
  },
});
