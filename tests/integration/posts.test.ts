// Leaders' reception days and AB posts, through the in-process HTTP API on DynamoDB Local.
import { useTestTable } from '../support/table';
import { call } from '../support/api';
import { COUNTY, namedStaffToken, residentToken, seedReference, staffToken, TOWN } from '../fixtures/world';
import { futureWorkingDays, nextNonWorkingDay, publishNextYear, today } from '../fixtures/days';
import { putServicePoint } from '../../functions/store/points';
import { bookAppointment } from '../../functions/store/appointments';

useTestTable();
// Eight staff passwords hashed with scrypt, on a shared machine.
jest.setTimeout(30_000);
const [d1, d2] = futureWorkingDays(2) as [string, string];

let zhang: string, li: string, headMz: string, headGa: string, clerkA: string, clerkB: string, clerkGa: string, admin: string, townClerk: string;

beforeAll(async () => {
  await seedReference();
  await publishNextYear();
  await putServicePoint({
    id: 'county-center', name: '青山县政务服务中心', level: 'county', regionCode: COUNTY, address: '滨江大道88号', phone: '0817-7220000',
    openingHours: '工作日', serviceCodes: ['QS-MZ-001', 'QS-GA-001'],
  });
  zhang = await residentToken('r-zhang');
  li = await residentToken('r-li', { name: '李春花' });
  headMz = await namedStaffToken('head-mz', '陈秀兰', 'dept_head', 'civil-affairs');
  headGa = await namedStaffToken('head-ga', '马国强', 'dept_head', 'public-security');
  clerkA = await namedStaffToken('clerk-a', '赵丽', 'clerk', 'civil-affairs');
  clerkB = await namedStaffToken('clerk-b', '钱芳', 'clerk', 'civil-affairs');
  clerkGa = await namedStaffToken('clerk-ga', '孙海燕', 'clerk', 'public-security');
  townClerk = await namedStaffToken('clerk-town', '周敏', 'clerk', 'civil-affairs', TOWN);
  admin = await staffToken('admin1', 'admin', null);
}, 120_000);

const receptionBody = (dates: string[], windows = [{ start: '09:00', end: '10:00', capacity: 1 }, { start: '10:00', end: '11:00', capacity: 3 }]) => ({
  dates, windows, address: '县政务服务中心三楼接待室', leaderId: 'l2', cutoffMinutes: 120,
});
let idem = 0;
const bookReception = (token: string | undefined, slotId: string, topic: unknown = '村道塌方三个月无人修复', key = `rcp-key-${++idem}-${Date.now()}`) =>
  call('POST', '/receptions/head-mz/appointments', { token, body: { slotId, topic, idempotencyKey: key } });

describe('leader reception days', () => {
  test('a department head announces their reception days; residents see them with the leader, soonest first', async () => {
    const res = await call('PUT', '/admin/receptions/head-mz', { token: headMz, body: receptionBody([d2, d1]) });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: 'head-mz', placeId: 'reception-head-mz', name: '陈秀兰', title: '副县长', leaderId: 'l2', dates: [d1, d2], nextDate: d1, hours: '09:00—11:00' });
    const list = await call('GET', '/receptions');
    expect(list.status).toBe(200);
    expect(list.body.receptions.map((r: any) => [r.id, r.nextDate])).toEqual([['head-mz', d1]]);
    const slots = await call('GET', '/places/reception-head-mz/slots', { query: { days: '42' } });
    expect(slots.body.place).toMatchObject({ kind: 'reception', name: '副县长陈秀兰接待日' });
    expect(slots.body.days.map((d: any) => d.date)).toEqual([d1, d2]);
  });

  test('only the leader themself or an admin sets them; bad days are refused in Chinese', async () => {
    expect((await call('PUT', '/admin/receptions/head-mz', { body: receptionBody([d1]) })).status).toBe(401);
    expect((await call('PUT', '/admin/receptions/head-mz', { token: headGa, body: receptionBody([d1]) })).status).toBe(403);
    expect((await call('PUT', '/admin/receptions/head-mz', { token: clerkA, body: receptionBody([d1]) })).status).toBe(403);
    expect((await call('PUT', '/admin/receptions/head-mz', { token: zhang, body: receptionBody([d1]) })).status).toBe(403);
    expect((await call('PUT', '/admin/receptions/clerk-a', { token: admin, body: receptionBody([d1]) })).status).toBe(404);
    const weekend = await call('PUT', '/admin/receptions/head-mz', { token: headMz, body: receptionBody([nextNonWorkingDay()]) });
    expect(weekend.status).toBe(400);
    expect(weekend.body.fields!['dates.0']).toMatch('不是工作日');
    const unknownLeader = await call('PUT', '/admin/receptions/head-mz', { token: headMz, body: { ...receptionBody([d1]), leaderId: 'nobody' } });
    expect(unknownLeader.body).toMatchObject({ message: '领导公开联系表中没有这位领导' });
    expect((await call('PUT', '/admin/receptions/head-mz', { token: admin, body: receptionBody([d1, d2]) })).status).toBe(200);
  });

  test('booking needs a login and a topic; it carries the topic; a replay answers the same booking', async () => {
    const slotId = `reception-head-mz~${d1}~1000`;
    expect((await bookReception(undefined, slotId)).status).toBe(401);
    const noTopic = await bookReception(zhang, slotId, '  ');
    expect(noTopic.status).toBe(400);
    expect(noTopic.body.fields!.topic).toBe('请写明想反映的事由（至少4个字）');
    const key = `rcp-replay-${Date.now()}`;
    const first = await bookReception(zhang, slotId, '村道塌方三个月无人修复', key);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ serviceCode: 'RECEPTION', topic: '村道塌方三个月无人修复', placeName: '副县长陈秀兰接待日', status: 'booked' });
    const again = await bookReception(zhang, slotId, '村道塌方三个月无人修复', key);
    expect(again.body.id).toBe(first.body.id);
    const mine = await call('GET', `/appointments/${first.body.id}`, { token: zhang });
    expect(mine.body.topic).toBe('村道塌方三个月无人修复');
  });

  test('a full reception slot, another place\'s slot and an unknown leader are refused', async () => {
    const small = `reception-head-mz~${d1}~0900`;
    expect((await bookReception(zhang, small)).status).toBe(201);
    const full = await bookReception(li, small);
    expect(full.status).toBe(409);
    expect(full.body).toMatchObject({ code: 'SLOT_FULL', message: '名额已满' });
    const elsewhere = await bookReception(li, `county-center~${d1}~0900`);
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body.message).toBe('该时段不是这位领导的接待时段');
    const ghost = await call('POST', '/receptions/nobody/appointments', { token: li, body: { slotId: small, topic: '反映低保评定不公', idempotencyKey: `rcp-ghost-${Date.now()}` } });
    expect(ghost.status).toBe(404);
  });

  test('the leader sees the day\'s bookings with their topics; clerks and other heads do not', async () => {
    const day = await call('GET', '/admin/places/reception-head-mz/day', { token: headMz, query: { date: d1 } });
    expect(day.status).toBe(200);
    const topics = day.body.slots.flatMap((s: any) => s.bookings.map((b: any) => b.topic));
    expect(topics).toEqual(['村道塌方三个月无人修复', '村道塌方三个月无人修复']);
    expect((await call('GET', '/admin/places/reception-head-mz/day', { token: clerkA, query: { date: d1 } })).status).toBe(403);
    expect((await call('GET', '/admin/places/reception-head-mz/day', { token: headGa, query: { date: d1 } })).status).toBe(403);
  });
});

describe('AB posts', () => {
  test('a head sets a clerk\'s backup in their department; wrong choices are refused in Chinese', async () => {
    expect((await call('PUT', '/admin/staff/clerk-a/backup', { body: { backupUsername: 'clerk-b' } })).status).toBe(401);
    expect((await call('PUT', '/admin/staff/clerk-a/backup', { token: zhang, body: { backupUsername: 'clerk-b' } })).status).toBe(403);
    expect((await call('PUT', '/admin/staff/clerk-a/backup', { token: clerkB, body: { backupUsername: 'clerk-b' } })).status).toBe(403);
    expect((await call('PUT', '/admin/staff/clerk-a/backup', { token: headGa, body: { backupUsername: 'clerk-b' } })).status).toBe(403);
    expect((await call('PUT', '/admin/staff/nobody/backup', { token: headMz, body: { backupUsername: 'clerk-b' } })).status).toBe(404);
    const self = await call('PUT', '/admin/staff/clerk-a/backup', { token: headMz, body: { backupUsername: 'clerk-a' } });
    expect(self.status).toBe(400);
    expect(self.body.message).toBe('不能指定本人为自己的B岗');
    const other = await call('PUT', '/admin/staff/clerk-a/backup', { token: headMz, body: { backupUsername: 'clerk-ga' } });
    expect(other.status).toBe(400);
    expect(other.body.fields!.backupUsername).toMatch('同一部门');
    const elsewhere = await call('PUT', '/admin/staff/clerk-a/backup', { token: headMz, body: { backupUsername: 'clerk-town' } });
    expect(elsewhere.body.message).toBe('B岗应与本人在同一办理地点');
    const ok = await call('PUT', '/admin/staff/clerk-a/backup', { token: headMz, body: { backupUsername: 'clerk-b' } });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ username: 'clerk-a', backup: { username: 'clerk-b', name: '钱芳' }, via: 'self', label: '赵丽在岗', mayManage: true });
  });

  test('A marked absent: B serves A\'s window, publicly; twice is a 409; a clerk may not mark', async () => {
    expect((await call('POST', '/admin/staff/clerk-a/absences', { token: clerkB, body: { date: today } })).status).toBe(403);
    expect((await call('POST', '/admin/staff/clerk-a/absences', { token: headMz, body: { date: '2020-01-02' } })).status).toBe(400);
    const res = await call('POST', '/admin/staff/clerk-a/absences', { token: headMz, body: { date: today, reason: '参加业务培训' } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ servedBy: { username: 'clerk-b' }, via: 'backup', absence: { reason: '参加业务培训', version: 1 } });
    const twice = await call('POST', '/admin/staff/clerk-a/absences', { token: headMz, body: { date: today } });
    expect(twice.status).toBe(409);
    expect(twice.body.message).toBe('该工作人员当天已登记不在岗');
    const desk = await call('GET', '/places/county-center/desk');
    expect(desk.status).toBe(200);
    expect(desk.body.windows.map((w: any) => w.label)).toEqual(['钱芳代岗（B岗），赵丽今日不在岗', '钱芳在岗', '孙海燕在岗']);
  });

  test('B\'s day list marks A\'s bookings 代岗：赵丽, and B checks them in', async () => {
    const booking = {
      id: `appt-ab-${Date.now()}`, code: 'ABPOST23', residentId: 'r-li', serviceCode: 'QS-MZ-001', serviceName: '最低生活保障申请',
      placeId: 'county-center', placeName: '青山县政务服务中心', placeAddress: '滨江大道88号', slotId: `county-center~${today}~0900`,
      date: today, start: '09:00', end: '10:00', status: 'booked' as const, cutoffAt: new Date().toISOString(), cancelledBy: null, cancelReason: null,
      createdAt: new Date().toISOString(), updatedAt: new Date().toISOString(), version: 1,
    };
    const gaBooking = { ...booking, id: `appt-ga-${Date.now()}`, code: 'ABPOST34', residentId: 'r-zhang', serviceCode: 'QS-GA-001', serviceName: '居民身份证换领' };
    await bookAppointment(booking, { placeId: 'county-center', date: today, start: '09:00', capacity: 10 }, `ab-${Date.now()}`);
    await bookAppointment(gaBooking, { placeId: 'county-center', date: today, start: '09:00', capacity: 10 }, `ab-ga-${Date.now()}`);
    const marks = async (token: string) => {
      const day = await call('GET', '/admin/places/county-center/day', { token, query: { date: today } });
      expect(day.status).toBe(200);
      return Object.fromEntries(day.body.slots.flatMap((s: any) => s.bookings.map((b: any) => [b.serviceCode, b.coveringFor])));
    };
    expect(await marks(clerkB)).toEqual({ 'QS-MZ-001': '赵丽', 'QS-GA-001': null });
    expect(await marks(clerkGa)).toEqual({ 'QS-MZ-001': null, 'QS-GA-001': null });
    const checkIn = await call('POST', '/admin/appointments/check-in', { token: clerkB, body: { code: 'ABPOST23', placeId: 'county-center' } });
    expect(checkIn.status).toBe(200);
    expect(checkIn.body.status).toBe('checked_in');
    expect((await call('POST', '/admin/appointments/check-in', { token: townClerk, body: { code: 'ABPOST34', placeId: 'county-center' } })).status).toBe(403);
  });

  test('A and B both absent: the department head serves the window', async () => {
    expect((await call('POST', '/admin/staff/clerk-b/absences', { token: admin, body: { date: today } })).status).toBe(201);
    const posts = await call('GET', '/admin/posts', { token: clerkGa });
    expect(posts.status).toBe(200);
    expect(posts.body.posts.map((p: any) => [p.username, p.servedBy?.username ?? null, p.via, p.mayManage])).toEqual([
      ['clerk-a', 'head-mz', 'head', false],
      ['clerk-b', 'head-mz', 'head', false],
      ['clerk-ga', 'clerk-ga', 'self', false],
    ]);
    expect((await call('GET', '/admin/posts', { token: clerkGa, query: { regionCode: TOWN } })).status).toBe(403);
    expect((await call('GET', '/admin/posts', { token: admin, query: { regionCode: TOWN } })).body.posts.map((p: any) => p.username)).toEqual(['clerk-town']);
  });

  test('withdrawing an absence needs the version seen; A serves again', async () => {
    const stale = await call('POST', `/admin/staff/clerk-b/absences/${today}/cancel`, { token: headMz, body: { version: 2 } });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('VERSION_CONFLICT');
    expect((await call('POST', `/admin/staff/clerk-b/absences/${today}/cancel`, { token: headGa, body: { version: 1 } })).status).toBe(403);
    const ok = await call('POST', `/admin/staff/clerk-b/absences/${today}/cancel`, { token: headMz, body: { version: 1 } });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ username: 'clerk-b', via: 'self', absence: null });
    expect((await call('POST', `/admin/staff/clerk-b/absences/${today}/cancel`, { token: headMz, body: { version: 1 } })).status).toBe(404);
  });
});
