// Staff side of AB posts and reception days: the posts of a region on a day,
// a clerk's backup, absences (marked, listed and withdrawn), and a leader's
// reception days (listed and set). Heads run their department's posts; admins any.
import { conflict, forbidden, notFound, refuseFieldErrors } from '../lib/errors';
import { httpHandler, type StaffPrincipal } from '../lib/http';
import { shanghaiDate } from '../domain/calendar';
import { mayRunPosts, maySetReception, seesEverything } from '../domain/access';
import { absenceDays, absenceErrors, backupErrors, holdsPost, type PostHolder } from '../domain/posts';
import { receptionChange, receptionDays, receptionErrors, receptionPlaceId } from '../domain/reception';
import { sortWindows } from '../domain/schedule';
import { loadCalendar } from '../store/calendar';
import { getStaff, type StaffRecord } from '../store/people';
import { cancelAbsence, getAbsence, listRegionPosts, listUpcomingAbsences, markAbsent, setBackup } from '../store/posts';
import { getReception, listReceptions, MAX_SEAT_MOVES, putReception } from '../store/reception';
import { getDepartment, listDepartments, listLeaders } from '../store/reference';
import { listSlotCounters } from '../store/slots';
import { loadRoster, toPost, toReception, toReceptionHost } from './post-views';

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

/** The region whose posts a staff member views: their own; supervisors and admins any they ask for. */
function viewableRegion(staff: StaffPrincipal, asked: string | undefined): string {
  const regionCode = asked ?? staff.regionCode;
  if (regionCode !== staff.regionCode && !seesEverything(staff)) throw forbidden('只能查看本人所在地区的窗口岗位');
  return regionCode;
}

/** Whose reception days a staff member sets: a head their own; an admin every department head of their region. */
async function receptionHosts(staff: StaffPrincipal): Promise<PostHolder[]> {
  const candidates = staff.role === 'admin' ? await listRegionPosts(staff.regionCode) : [await getStaff(staff.username)];
  return candidates.filter((h): h is PostHolder => !!h && h.role === 'dept_head' && !!h.departmentId);
}

export const handler = httpHandler({
  'GET /admin/posts': async ({ query, principal }) => {
    const regionCode = viewableRegion(principal, query.regionCode);
    const date = query.date ?? shanghaiDate();
    const r = await loadRoster(regionCode, date);
    return { date, regionCode, posts: r.posts.map((s) => toPost(s, r, principal)) };
  },

  'GET /admin/absences': async ({ query, principal }) => {
    const regionCode = viewableRegion(principal, query.regionCode);
    const today = shanghaiDate();
    const [absences, posts, cal] = await Promise.all([listUpcomingAbsences(regionCode, today), listRegionPosts(regionCode), loadCalendar()]);
    const byUser = new Map(posts.map((p) => [p.username, p]));
    return {
      regionCode,
      today,
      days: absenceDays(today, cal),
      absences: absences.map((a) => {
        const post = byUser.get(a.username);
        return { ...a, reason: a.reason ?? null, name: post?.name ?? a.username, departmentId: post?.departmentId ?? null, mayManage: !!post && mayRunPosts(principal, post) };
      }),
    };
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
    const [clerk, cal] = await Promise.all([runnableClerk(principal, params.username), loadCalendar()]);
    refuseFieldErrors(absenceErrors(body.date, shanghaiDate(), cal));
    const absence = { username: clerk.username, date: body.date, reason: body.reason?.trim() || null, markedBy: principal.username, markedAt: new Date().toISOString(), version: 1 };
    const outcome = await markAbsent(absence, clerk.regionCode);
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

  'GET /admin/receptions': async ({ principal }) => {
    const [hosts, receptions, leaders, departments, cal] = await Promise.all([receptionHosts(principal), listReceptions(), listLeaders(), listDepartments(), loadCalendar()]);
    const today = shanghaiDate();
    const reception = new Map(receptions.map((r) => [r.id, r]));
    const deptName = new Map(departments.map((d) => [d.id, d.name]));
    return {
      hosts: hosts
        .map((h) => toReceptionHost({ username: h.username, name: h.name, departmentName: deptName.get(h.departmentId!) ?? h.departmentId! }, reception.get(h.username), today))
        .sort((a, b) => a.departmentName.localeCompare(b.departmentName, 'zh-CN') || a.name.localeCompare(b.name, 'zh-CN')),
      leaders: leaders.map(({ id, name, title }) => ({ id, name, title })),
      days: receptionDays(today, cal),
    };
  },

  'PUT /admin/receptions/{id}': async ({ params, body, principal }) => {
    if (!maySetReception(principal, params.id)) throw forbidden('部门负责人只能安排自己的接待日');
    const [host, cal, leaders, before] = await Promise.all([getStaff(params.id), loadCalendar(), body.leaderId ? listLeaders() : Promise.resolve([]), getReception(params.id)]);
    if (!host || host.role !== 'dept_head' || !host.departmentId) throw notFound('该部门负责人不存在');
    const today = shanghaiDate();
    const leader = body.leaderId ? leaders.find((l) => l.id === body.leaderId) : undefined;
    refuseFieldErrors({
      ...(body.leaderId && !leader ? { leaderId: '领导公开联系表中没有这位领导' } : {}),
      ...receptionErrors(body, today, cal),
    });
    // The slots opened from today on (booked or closed) and what the change does to them.
    const last = before?.dates.filter((d) => d >= today).sort().at(-1);
    const change = receptionChange(body, last ? await listSlotCounters(receptionPlaceId(host.username), today, last) : []);
    if ('refused' in change) throw conflict(change.refused, 'SLOTS_BOOKED');
    if (change.seats.length > MAX_SEAT_MOVES) throw conflict('本次调整涉及的已开放时段过多，请分几次调整', 'TOO_MANY_SLOTS');
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
    if ((await putReception(record, change.seats)) === 'stale') throw conflict('有群众刚刚预约了要调整的时段，请刷新后重试', 'SLOTS_BOOKED');
    return toReception(record, today, cal);
  },
});
