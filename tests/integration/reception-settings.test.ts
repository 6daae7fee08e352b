// The workbench's 领导接待日 settings: what a head (their own) or an admin (every
// head) reads to edit, and changes that would strand residents' bookings.
import { useTestTable } from '../support/table';
import { call } from '../support/api';
import { namedStaffToken, residentToken, seedReference, staffToken } from '../fixtures/world';
import { futureWorkingDays, nextNonWorkingDay, publishNextYear } from '../fixtures/days';

useTestTable();
// Five staff passwords hashed with scrypt, on a shared machine.
jest.setTimeout(30_000);
const [d1, d2] = futureWorkingDays(2) as [string, string];

let headMz: string, clerk: string, supervisor: string, admin: string, zhang: string, li: string, wang: string;

beforeAll(async () => {
  await seedReference();
  await publishNextYear();
  headMz = await namedStaffToken('head-mz', '陈秀兰', 'dept_head', 'civil-affairs');
  await namedStaffToken('head-ga', '马国强', 'dept_head', 'public-security');
  clerk = await staffToken('clerk-a', 'clerk', 'civil-affairs');
  supervisor = await staffToken('xiaoneng', 'supervisor', null);
  admin = await staffToken('admin1', 'admin', null);
  zhang = await residentToken('r-zhang');
  li = await residentToken('r-li');
  wang = await residentToken('r-wang');
}, 120_000);

const windows = (first = 1, second = 3) => [{ start: '09:00', end: '10:00', capacity: first }, { start: '10:00', end: '11:00', capacity: second }];
const body = (dates: string[], w = windows()) => ({ dates, windows: w, address: '县政务服务中心三楼接待室', leaderId: 'l2', cutoffMinutes: 120 });
const put = (token: string, b: ReturnType<typeof body>) => call('PUT', '/admin/receptions/head-mz', { token, body: b });
let n = 0;
const book = (token: string, date: string, hhmm: string) =>
  call('POST', '/receptions/head-mz/appointments', { token, body: { slotId: `reception-head-mz~${date}~${hhmm}`, topic: '反映村道塌方无人修复', idempotencyKey: `rs-${++n}-${Date.now()}` } });

describe('GET /admin/receptions', () => {
  test('a head sees their own, unset at first, with the directory and the working days to choose', async () => {
    const res = await call('GET', '/admin/receptions', { token: headMz });
    expect(res.status).toBe(200);
    expect(res.body.hosts).toEqual([{ username: 'head-mz', name: '陈秀兰', departmentName: '县民政局', placeId: 'reception-head-mz', setting: null }]);
    expect(res.body.leaders).toEqual([{ id: 'l1', name: '王建国', title: '县长' }, { id: 'l2', name: '李秀兰', title: '副县长' }]);
    expect(res.body.days).toEqual(expect.arrayContaining([d1, d2]));
    expect(res.body.days).not.toContain(nextNonWorkingDay());
  });

  test('after setting: the days, windows with seats, place, directory entry and cut-off; an admin sees every head', async () => {
    expect((await put(headMz, body([d2, d1]))).status).toBe(200);
    const own = await call('GET', '/admin/receptions', { token: headMz });
    expect(own.body.hosts[0]!.setting).toEqual({ dates: [d1, d2], windows: windows(), address: '县政务服务中心三楼接待室', leaderId: 'l2', cutoffMinutes: 120 });
    const all = await call('GET', '/admin/receptions', { token: admin });
    expect(all.status).toBe(200);
    expect(all.body.hosts.map((h) => [h.username, h.departmentName, h.setting?.dates ?? null])).toEqual([
      ['head-ga', '县公安局', null],
      ['head-mz', '县民政局', [d1, d2]],
    ]);
  });

  test('401 without a login; 403 for a clerk, the supervisor or a resident', async () => {
    expect((await call('GET', '/admin/receptions')).status).toBe(401);
    for (const token of [clerk, supervisor, zhang]) expect((await call('GET', '/admin/receptions', { token })).status).toBe(403);
  });
});

describe('PUT /admin/receptions/{id} keeps booked seats', () => {
  test('a day or window with bookings cannot be dropped, nor its seats cut below them: 409 in Chinese', async () => {
    expect((await book(zhang, d1, '0900')).status).toBe(201);
    expect((await book(zhang, d2, '1000')).status).toBe(201);
    expect((await book(li, d2, '1000')).status).toBe(201);
    const dropDay = await put(headMz, body([d1]));
    expect(dropDay.status).toBe(409);
    expect(dropDay.body).toMatchObject({ code: 'SLOTS_BOOKED', message: `${d2} 10:00 已有2人预约，不能取消；请先在预约名单中关闭该时段（系统会通知已预约的群众）` });
    const dropWindow = await put(headMz, body([d1, d2], [{ start: '09:00', end: '10:00', capacity: 1 }]));
    expect(dropWindow.status).toBe(409);
    const fewer = await put(admin, body([d1, d2], windows(1, 1)));
    expect(fewer.status).toBe(409);
    expect(fewer.body.message).toBe(`${d2} 10:00 已有2人预约，名额不能少于2`);
    // Nothing changed.
    const still = await call('GET', '/admin/receptions', { token: headMz });
    expect(still.body.hosts[0]!.setting).toMatchObject({ dates: [d1, d2], windows: windows() });
  });

  test('more seats reach slots already booked: a full slot opens again', async () => {
    const full = await book(li, d1, '0900');
    expect(full.status).toBe(409);
    expect(full.body.code).toBe('SLOT_FULL');
    const more = await put(headMz, body([d1, d2], windows(2, 3)));
    expect(more.status).toBe(200);
    expect((await book(li, d1, '0900')).status).toBe(201);
    expect((await book(wang, d1, '0900')).status).toBe(409);
    const slots = await call('GET', '/places/reception-head-mz/slots', { query: { days: '42' } });
    const first = slots.body.days.find((d) => d.date === d1)!.slots.find((s) => s.start === '09:00')!;
    expect(first).toMatchObject({ capacity: 2, booked: 2, remaining: 0 });
  });

  test('a day closed first (its residents told) may go; bad input, no login, another head and nobody still answer 400/401/403/404', async () => {
    expect((await put(headMz, body([d2], windows(2, 3)))).status).toBe(409);
    const closed = await call('POST', `/admin/places/reception-head-mz/days/${d1}/close`, { token: headMz, body: { reason: '临时参加县委会议' } });
    expect(closed.status).toBe(200);
    const afterClose = await put(headMz, body([d2], windows(2, 3)));
    expect(afterClose.status).toBe(200);
    expect(afterClose.body.dates).toEqual([d2]);
    const weekend = await put(headMz, body([nextNonWorkingDay()]));
    expect(weekend.status).toBe(400);
    expect(weekend.body.message).toBe(`${nextNonWorkingDay()} 不是工作日`);
    expect((await call('PUT', '/admin/receptions/head-mz', { body: body([d2]) })).status).toBe(401);
    expect((await call('PUT', '/admin/receptions/head-ga', { token: headMz, body: body([d2]) })).status).toBe(403);
    expect((await call('PUT', '/admin/receptions/nobody', { token: admin, body: body([d2]) })).status).toBe(404);
  });
});
