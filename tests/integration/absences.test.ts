// AB岗 absences on days ahead: marking a future working day, the rules for the
// day (past, weekend, too far), the region's upcoming list, and withdrawing.
import { useTestTable } from '../support/table';
import { call } from '../support/api';
import { COUNTY, namedStaffToken, residentToken, seedReference, staffToken, TOWN } from '../fixtures/world';
import { futureWorkingDays, nextNonWorkingDay, publishNextYear, today } from '../fixtures/days';
import { addCalendarDays } from '../../functions/domain/calendar';

useTestTable();
// Six staff passwords hashed with scrypt, on a shared machine.
jest.setTimeout(30_000);
const [d1, d2] = futureWorkingDays(2) as [string, string];

let headMz: string, headGa: string, clerkA: string, agent: string, admin: string, zhang: string;

beforeAll(async () => {
  await seedReference();
  await publishNextYear();
  headMz = await namedStaffToken('head-mz', '陈秀兰', 'dept_head', 'civil-affairs');
  headGa = await namedStaffToken('head-ga', '马国强', 'dept_head', 'public-security');
  clerkA = await namedStaffToken('clerk-a', '赵丽', 'clerk', 'civil-affairs');
  await namedStaffToken('clerk-b', '钱芳', 'clerk', 'civil-affairs');
  agent = await staffToken('agent-wang', 'agent', null, TOWN);
  admin = await staffToken('admin1', 'admin', null);
  zhang = await residentToken('r-zhang');
  expect((await call('PUT', '/admin/staff/clerk-a/backup', { token: headMz, body: { backupUsername: 'clerk-b' } })).status).toBe(200);
}, 120_000);

const mark = (token: string | undefined, username: string, date: string, reason?: string) =>
  call('POST', `/admin/staff/${username}/absences`, { token, body: reason ? { date, reason } : { date } });

describe('marking an absence ahead', () => {
  test('a head marks a future working day: B serves A that day, not today', async () => {
    const res = await mark(headMz, 'clerk-a', d2, '年休假');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ username: 'clerk-a', via: 'backup', servedBy: { username: 'clerk-b' }, absence: { date: d2, reason: '年休假', version: 1 } });
    const that = await call('GET', '/admin/posts', { token: clerkA, query: { date: d2 } });
    expect(that.body.posts.find((p) => p.username === 'clerk-a')).toMatchObject({ via: 'backup', label: '钱芳代岗（B岗），赵丽今日不在岗' });
    const now = await call('GET', '/admin/posts', { token: clerkA });
    expect(now.body.posts.find((p) => p.username === 'clerk-a')).toMatchObject({ via: 'self', absence: null });
  });

  test('a past day, a later day off, or beyond 30 days is a 400 in Chinese; a day twice is a 409', async () => {
    const past = await mark(headMz, 'clerk-a', addCalendarDays(today, -1));
    expect(past.status).toBe(400);
    expect(past.body).toMatchObject({ code: 'BAD_REQUEST', message: '不能登记已经过去的日期', fields: { date: '不能登记已经过去的日期' } });
    const off = nextNonWorkingDay();
    const weekend = await mark(headMz, 'clerk-a', off);
    expect(weekend.status).toBe(400);
    expect(weekend.body.message).toBe(`${off} 不是工作日`);
    const far = await mark(headMz, 'clerk-a', addCalendarDays(today, 31));
    expect(far.status).toBe(400);
    expect(far.body.message).toBe('只能登记30天以内的不在岗');
    const malformed = await mark(headMz, 'clerk-a', '2026-13-01');
    expect(malformed.status).toBe(400);
    expect(malformed.body.message).toMatch(/[\u4e00-\u9fa5]/);
    const twice = await mark(headMz, 'clerk-a', d2);
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({ code: 'ALREADY_ABSENT', message: '该工作人员当天已登记不在岗' });
  });

  test('without a login 401; a clerk, another department\'s head or a resident 403; nobody 404', async () => {
    expect((await mark(undefined, 'clerk-a', d1)).status).toBe(401);
    expect((await mark(clerkA, 'clerk-b', d1)).status).toBe(403);
    expect((await mark(headGa, 'clerk-a', d1)).status).toBe(403);
    expect((await mark(zhang, 'clerk-a', d1)).status).toBe(403);
    expect((await mark(headMz, 'nobody', d1)).status).toBe(404);
  });
});

describe('GET /admin/absences: the region\'s absences from today on', () => {
  test('in date order, with names; the days to choose start today and skip days off; only the head may withdraw', async () => {
    expect((await mark(admin, 'clerk-b', d1)).status).toBe(201);
    const head = await call('GET', '/admin/absences', { token: headMz });
    expect(head.status).toBe(200);
    expect(head.body).toMatchObject({ regionCode: COUNTY, today });
    expect(head.body.absences.map((a) => [a.date, a.username, a.name, a.markedBy, a.mayManage])).toEqual([
      [d1, 'clerk-b', '钱芳', 'admin1', true],
      [d2, 'clerk-a', '赵丽', 'head-mz', true],
    ]);
    expect(head.body.days[0]).toBe(today);
    expect(head.body.days).toEqual(expect.arrayContaining([d1, d2]));
    expect(head.body.days).not.toContain(nextNonWorkingDay());
    expect(head.body.days.at(-1)! <= addCalendarDays(today, 30)).toBe(true);
    const clerk = await call('GET', '/admin/absences', { token: clerkA });
    expect(clerk.body.absences.map((a) => a.mayManage)).toEqual([false, false]);
    const other = await call('GET', '/admin/absences', { token: headGa });
    expect(other.body.absences.map((a) => a.mayManage)).toEqual([false, false]);
  });

  test('401 without a login; 403 for a proxy agent, a resident, or another region; an admin may look anywhere', async () => {
    expect((await call('GET', '/admin/absences')).status).toBe(401);
    expect((await call('GET', '/admin/absences', { token: agent })).status).toBe(403);
    expect((await call('GET', '/admin/absences', { token: zhang })).status).toBe(403);
    const elsewhere = await call('GET', '/admin/absences', { token: headMz, query: { regionCode: TOWN } });
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.body.message).toBe('只能查看本人所在地区的窗口岗位');
    const town = await call('GET', '/admin/absences', { token: admin, query: { regionCode: TOWN } });
    expect(town.status).toBe(200);
    expect(town.body.absences).toEqual([]);
    const bad = await call('GET', '/admin/absences', { token: admin, query: { regionCode: 'x' } });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  test('withdrawing a day ahead names the version; it leaves the list; again is a 404', async () => {
    const stale = await call('POST', `/admin/staff/clerk-a/absences/${d2}/cancel`, { token: headMz, body: { version: 7 } });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('VERSION_CONFLICT');
    const ok = await call('POST', `/admin/staff/clerk-a/absences/${d2}/cancel`, { token: headMz, body: { version: 1 } });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ username: 'clerk-a', via: 'self', absence: null });
    const left = await call('GET', '/admin/absences', { token: headMz });
    expect(left.body.absences.map((a) => a.username)).toEqual(['clerk-b']);
    expect((await call('POST', `/admin/staff/clerk-a/absences/${d2}/cancel`, { token: headMz, body: { version: 1 } })).status).toBe(404);
  });
});
