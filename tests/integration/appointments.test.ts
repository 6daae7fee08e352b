// Booking at service points and roving office days, through the in-process HTTP API.
import { useTestTable } from '../support/table';
import { call } from '../support/api';
import { COUNTY, OTHER_TOWN, residentToken, seedReference, staffToken, TOWN, VILLAGE } from '../fixtures/world';
import { createCalendar, shanghaiDate } from '../../functions/domain/calendar';
import { putCalendarOverride } from '../../functions/store/calendar';
import { putRovingDay, putServicePoint } from '../../functions/store/points';
import { bookAppointment } from '../../functions/store/appointments';

useTestTable();
const cal = createCalendar();
let zhang: string, li: string, wang: string, townClerk: string, otherClerk: string, admin: string, head: string, agent: string;
const today = shanghaiDate();

/** Working days from tomorrow on (this year and the next, published below if the package lacks it). */
function futureWorkingDays(n: number): string[] {
  const out: string[] = [];
  const d = new Date(`${today}T00:00:00Z`);
  while (out.length < n) {
    d.setUTCDate(d.getUTCDate() + 1);
    const s = d.toISOString().slice(0, 10);
    if (calWithNext.isWorkingDay(s)) out.push(s);
  }
  return out;
}
const nextYear = Number(today.slice(0, 4)) + 1;
const nextYearSchedule = { holidays: [`${nextYear}-01-01`], workdays: [] as string[] };
const calWithNext = cal.knows(nextYear) ? cal : createCalendar({ [nextYear]: nextYearSchedule });

beforeAll(async () => {
  await seedReference();
  if (!cal.knows(nextYear)) {
    await putCalendarOverride({ year: nextYear, ...nextYearSchedule, updatedAt: new Date().toISOString(), updatedBy: 'test' });
  }
  await putServicePoint({
    id: 'chengguan-center', name: '城关镇便民服务中心', level: 'town', regionCode: TOWN, address: '人民路102号', phone: '0817-7231001',
    openingHours: '工作日 9:00—17:00', serviceCodes: ['QS-MZ-001'], cutoffMinutes: 120,
    windows: [{ start: '09:00', end: '10:00', capacity: 2 }, { start: '10:00', end: '11:00', capacity: 10 }],
  });
  await putServicePoint({
    id: 'qinglong-station', name: '青龙村便民服务站', level: 'village', regionCode: VILLAGE, address: '青龙村村委会', phone: '',
    openingHours: '工作日上午', serviceCodes: ['QS-MZ-001'],
  });
  await putServicePoint({
    id: 'county-center', name: '青山县政务服务中心', level: 'county', regionCode: COUNTY, address: '滨江大道88号', phone: '0817-7220000',
    openingHours: '工作日', serviceCodes: ['QS-MZ-001', 'QS-GA-001'],
  });
  await putServicePoint({
    id: 'xiangyang-center', name: '向阳镇便民服务中心', level: 'town', regionCode: OTHER_TOWN, address: '向阳街1号', phone: '',
    openingHours: '工作日', serviceCodes: ['QS-MZ-001'],
  });
  await putRovingDay({ id: 'mz-chengguan', departmentId: 'civil-affairs', townCode: TOWN, rule: 'nth-weekday:2:TUE', label: '每月第二个星期二', start: '09:00', end: '12:00' });
  zhang = await residentToken('r-zhang');
  li = await residentToken('r-li', { name: '李明', phone: '13912345678' });
  wang = await residentToken('r-wang', { name: '王小军' });
  townClerk = await staffToken('clerk-town', 'clerk', 'civil-affairs', TOWN);
  otherClerk = await staffToken('clerk-other', 'clerk', 'civil-affairs', OTHER_TOWN);
  admin = await staffToken('admin1', 'admin', null);
  head = await staffToken('head-mz', 'dept_head', 'civil-affairs');
  agent = await staffToken('agent-town', 'agent', null, TOWN);
});

const [d1, d2] = futureWorkingDays(2) as [string, string];
const slot = (place: string, date: string, hhmm: string) => `${place}~${date}~${hhmm}`;
let key = 0;
const book = (token: string, slotId: string, idem = `idem-key-${++key}-${Date.now()}`) =>
  call('POST', '/appointments', { token, body: { slotId, serviceCode: 'QS-MZ-001', idempotencyKey: idem } });

describe('where and when', () => {
  test('places that handle an item, nearest to the resident first', async () => {
    const res = await call('GET', '/services/QS-MZ-001/places', { query: { regionCode: VILLAGE } });
    expect(res.status).toBe(200);
    expect(res.body.places.map((p) => [p.id, p.nearness])).toEqual([
      ['qinglong-station', 'own_village'],
      ['chengguan-center', 'own_town'],
      ['roving-mz-chengguan', 'roving_in_town'],
      ['county-center', 'county'],
      ['xiangyang-center', 'other'],
    ]);
    const roving = res.body.places[2];
    expect(roving).toMatchObject({ kind: 'roving', departmentName: '县民政局', hours: '每月第二个星期二 09:00—12:00', regionName: '城关镇' });
    // The ID card is done only at the county centre.
    const id = await call('GET', '/services/QS-GA-001/places', { query: { regionCode: VILLAGE } });
    expect(id.body.places.map((p) => p.id)).toEqual(['county-center']);
    expect((await call('GET', '/services/QS-XX-404/places')).status).toBe(404);
    expect((await call('GET', '/services/QS-MZ-001/places', { query: { regionCode: 'abc' } })).status).toBe(400);
  });

  test('slots only on working days, with capacity and remaining seats', async () => {
    const res = await call('GET', '/places/chengguan-center/slots', { query: { days: '21' } });
    expect(res.status).toBe(200);
    const dates = res.body.days.map((d) => d.date);
    for (const d of dates) expect(calWithNext.isWorkingDay(d)).toBe(true);
    expect(dates).toContain(d1);
    const day = res.body.days.find((d) => d.date === d1);
    expect(day!.slots.map((s) => [s.start, s.end, s.capacity, s.remaining, s.status])).toEqual([
      ['09:00', '10:00', 2, 2, 'open'],
      ['10:00', '11:00', 10, 10, 'open'],
    ]);
    const roving = await call('GET', '/places/roving-mz-chengguan/slots', { query: { days: '42' } });
    for (const d of roving.body.days) expect(new Date(`${d.date}T00:00:00Z`).getUTCDay()).not.toBe(0);
    expect(roving.body.days.length).toBeLessThanOrEqual(2);
    expect((await call('GET', '/places/nowhere/slots')).status).toBe(404);
    expect((await call('GET', '/places/chengguan-center/slots', { query: { days: '99' } })).status).toBe(400);
  });
});

describe('booking', () => {
  const s09 = () => slot('chengguan-center', d1, '0900');

  test('a resident books a seat and gets a booking code; a retry returns the same booking', async () => {
    const idem = 'zhang-first-booking';
    const res = await book(zhang, s09(), idem);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ slotId: s09(), status: 'booked', placeName: '城关镇便民服务中心', date: d1, start: '09:00', end: '10:00', version: 1 });
    expect(res.body.code).toMatch(/^[A-Z2-9]{8}$/);
    expect(new Date(res.body.cutoffAt).getTime()).toBe(new Date(`${d1}T09:00:00+08:00`).getTime() - 120 * 60_000);
    const retry = await book(zhang, s09(), idem);
    expect(retry.status).toBe(201);
    expect(retry.body.id).toBe(res.body.id);
    const slots = await call('GET', '/places/chengguan-center/slots', { query: { from: d1, days: '1' } });
    expect(slots.body.days[0]!.slots[0]).toMatchObject({ booked: 1, remaining: 1 });
    const mine = await call('GET', '/appointments', { token: zhang });
    expect(mine.body.appointments.map((a) => a.id)).toEqual([res.body.id]);
  });

  test('one active booking per resident per slot', async () => {
    const again = await book(zhang, s09());
    expect(again.status).toBe(409);
    expect(again.body.message).toBe('您已预约该时段，无需重复预约');
  });

  test('a full slot refuses with 名额已满', async () => {
    expect((await book(li, s09())).status).toBe(201);
    const full = await book(wang, s09());
    expect(full.status).toBe(409);
    expect(full.body.message).toBe('名额已满');
    const slots = await call('GET', '/places/chengguan-center/slots', { query: { from: d1, days: '1' } });
    expect(slots.body.days[0]!.slots[0]).toMatchObject({ booked: 2, remaining: 0, status: 'full' });
  });

  test('bad input 400, no login 401, unknown place or slot 404, item not handled here 400, past slot 409', async () => {
    const bad = await call('POST', '/appointments', { token: zhang, body: { slotId: 'x', serviceCode: 'QS-MZ-001', idempotencyKey: 'short' } });
    expect(bad.status).toBe(400);
    expect(bad.body.fields).toMatchObject({ slotId: '时段编号格式不正确' });
    expect(bad.body.fields!.idempotencyKey).toMatch('幂等键');
    expect((await call('POST', '/appointments', { body: { slotId: s09(), serviceCode: 'QS-MZ-001', idempotencyKey: 'abcdefgh' } })).status).toBe(401);
    expect((await book(zhang, slot('nowhere', d1, '0900'))).status).toBe(404);
    expect((await book(zhang, slot('chengguan-center', d1, '0700'))).status).toBe(404);
    const notHere = await call('POST', '/appointments', { token: zhang, body: { slotId: slot('chengguan-center', d1, '1000'), serviceCode: 'QS-GA-001', idempotencyKey: 'not-here-1' } });
    expect(notHere.status).toBe(400);
    let past = new Date(`${today}T00:00:00Z`);
    do past = new Date(past.getTime() - 86_400_000); while (!cal.isWorkingDay(past.toISOString().slice(0, 10)));
    const late = await book(zhang, slot('chengguan-center', past.toISOString().slice(0, 10), '1000'));
    expect(late.status).toBe(409);
    expect(late.body.message).toMatch('已开始或已结束');
  });

  test('another resident cannot see or cancel my booking (404)', async () => {
    const mine = (await call('GET', '/appointments', { token: zhang })).body.appointments[0];
    expect((await call('GET', `/appointments/${mine!.id}`, { token: wang })).status).toBe(404);
    expect((await call('POST', `/appointments/${mine!.id}/cancel`, { token: wang, body: { version: 1 } })).status).toBe(404);
    expect((await call('GET', `/appointments/${mine!.id}`, { token: zhang })).body.code).toBe(mine!.code);
  });
});

describe('cancel and reschedule', () => {
  test('cancelling releases exactly one seat; a second cancel or a stale version is 409', async () => {
    const a = (await book(wang, slot('chengguan-center', d2, '1000'))).body;
    const stale = await call('POST', `/appointments/${a.id}/cancel`, { token: wang, body: { version: 7 } });
    expect(stale.status).toBe(409);
    const res = await call('POST', `/appointments/${a.id}/cancel`, { token: wang, body: { version: 1, reason: '家中有事' } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'cancelled', cancelledBy: 'resident', cancelReason: '家中有事', version: 2 });
    expect((await call('POST', `/appointments/${a.id}/cancel`, { token: wang, body: { version: 2 } })).status).toBe(409);
    const slots = await call('GET', '/places/chengguan-center/slots', { query: { from: d2, days: '1' } });
    expect(slots.body.days[0]!.slots[1]).toMatchObject({ booked: 0, remaining: 10 });
    // The seat is free again for the same resident.
    expect((await book(wang, slot('chengguan-center', d2, '1000'))).status).toBe(201);
  });

  test('after the cut-off neither cancel nor reschedule', async () => {
    const now = new Date().toISOString();
    await bookAppointment(
      {
        id: 'late-appointment-1', code: 'LATE2345', residentId: 'r-li', serviceCode: 'QS-MZ-001', serviceName: '最低生活保障申请',
        placeId: 'chengguan-center', placeName: '城关镇便民服务中心', placeAddress: '人民路102号', slotId: slot('chengguan-center', d1, '1000'),
        date: d1, start: '10:00', end: '11:00', status: 'booked', cutoffAt: new Date(Date.now() - 60_000).toISOString(),
        cancelledBy: null, cancelReason: null, createdAt: now, updatedAt: now, version: 1,
      },
      { placeId: 'chengguan-center', date: d1, start: '10:00', capacity: 10 },
      'late-idem-key-1',
    );
    const cancel = await call('POST', '/appointments/late-appointment-1/cancel', { token: li, body: { version: 1 } });
    expect(cancel.status).toBe(409);
    expect(cancel.body.message).toMatch('截止时间');
    expect((await call('POST', '/appointments/late-appointment-1/reschedule', { token: li, body: { version: 1, slotId: slot('chengguan-center', d2, '1000') } })).status).toBe(409);
  });

  test('rescheduling takes the new seat and frees the old together; into a full slot changes nothing', async () => {
    const a = (await book(zhang, slot('chengguan-center', d2, '0900'))).body;
    const moved = await call('POST', `/appointments/${a.id}/reschedule`, { token: zhang, body: { version: 1, slotId: slot('county-center', d2, '1000') } });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ id: a.id, code: a.code, placeId: 'county-center', start: '10:00', version: 2, status: 'booked' });
    const old = await call('GET', '/places/chengguan-center/slots', { query: { from: d2, days: '1' } });
    expect(old.body.days[0]!.slots[0]!.booked).toBe(0);
    const county = await call('GET', '/places/county-center/slots', { query: { from: d2, days: '1' } });
    expect(county.body.days[0]!.slots.find((s) => s.start === '10:00')!.booked).toBe(1);
    // d1 09:00 at the town centre is full (zhang and li): moving there fails and keeps the county seat.
    const full = await call('POST', `/appointments/${a.id}/reschedule`, { token: zhang, body: { version: 2, slotId: slot('chengguan-center', d1, '0900') } });
    expect(full.status).toBe(409);
    const after = await call('GET', `/appointments/${a.id}`, { token: zhang });
    expect(after.body).toMatchObject({ placeId: 'county-center', version: 2 });
    const countyAfter = await call('GET', '/places/county-center/slots', { query: { from: d2, days: '1' } });
    expect(countyAfter.body.days[0]!.slots.find((s) => s.start === '10:00')!.booked).toBe(1);
  });
});

describe('concurrency', () => {
  test('60 residents race for 5 seats: exactly 5 win, the rest get 名额已满, the counter matches', async () => {
    const seats = slot('county-center', d1, '1330');
    await call('PUT', `/admin/slots/${seats}/capacity`, { token: admin, body: { capacity: 5 } });
    const tokens = await Promise.all(Array.from({ length: 60 }, (_, i) => residentToken(`racer-${i}`)));
    const results = await Promise.all(tokens.map((t) => book(t, seats)));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(5);
    expect(statuses.filter((s) => s === 409)).toHaveLength(55);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.message === '名额已满')).toBe(true);
    const day = await call('GET', '/admin/places/county-center/day', { token: admin, query: { date: d1 } });
    const s = day.body.slots.find((x) => x.slot.id === seats);
    expect(s!.slot.booked).toBe(5);
    expect(s!.bookings.filter((b) => b.status === 'booked')).toHaveLength(5);
  }, 60_000);
});

describe('staff', () => {
  test('the day list shows masked residents; a clerk of another point gets 403; a resident 403', async () => {
    const res = await call('GET', '/admin/places/chengguan-center/day', { token: townClerk, query: { date: d1 } });
    expect(res.status).toBe(200);
    const nine = res.body.slots.find((s) => s.slot.start === '09:00');
    expect(nine!.bookings.map((b) => b.residentName).sort()).toEqual(['张*英', '李*']);
    expect(nine!.bookings.find((b) => b.residentName === '李*')!.residentPhone).toBe('139****5678');
    expect((await call('GET', '/admin/places/chengguan-center/day', { token: otherClerk, query: { date: d1 } })).status).toBe(403);
    expect((await call('GET', '/admin/places/chengguan-center/day', { token: zhang, query: { date: d1 } })).status).toBe(403);
    expect((await call('GET', '/admin/places/chengguan-center/day', { token: townClerk, query: { date: 'today' } })).status).toBe(400);
  });

  test('check-in by booking code on the day; not today 409; wrong point 404; twice 409', async () => {
    const now = new Date().toISOString();
    await bookAppointment(
      {
        id: 'today-appointment-1', code: 'TDAY2345', residentId: 'r-wang', serviceCode: 'QS-MZ-001', serviceName: '最低生活保障申请',
        placeId: 'chengguan-center', placeName: '城关镇便民服务中心', placeAddress: '人民路102号', slotId: slot('chengguan-center', today, '1000'),
        date: today, start: '10:00', end: '11:00', status: 'booked', cutoffAt: now, cancelledBy: null, cancelReason: null,
        createdAt: now, updatedAt: now, version: 1,
      },
      { placeId: 'chengguan-center', date: today, start: '10:00', capacity: 10 },
      'today-idem-key-1',
    );
    expect((await call('POST', '/admin/appointments/check-in', { token: townClerk, body: { code: 'TDAY2345', placeId: 'county-center' } })).status).toBe(404);
    expect((await call('POST', '/admin/appointments/check-in', { token: otherClerk, body: { code: 'TDAY2345', placeId: 'chengguan-center' } })).status).toBe(403);
    const ok = await call('POST', '/admin/appointments/check-in', { token: townClerk, body: { code: 'TDAY2345', placeId: 'chengguan-center' } });
    expect(ok.status).toBe(200);
    expect(ok.body.status).toBe('checked_in');
    const twice = await call('POST', '/admin/appointments/check-in', { token: townClerk, body: { code: 'TDAY2345', placeId: 'chengguan-center' } });
    expect(twice.status).toBe(409);
    expect(twice.body.message).toBe('该预约已签到');
    const zhangs = (await call('GET', '/appointments', { token: zhang })).body.appointments.find((a) => a.date === d1);
    const notToday = await call('POST', '/admin/appointments/check-in', { token: townClerk, body: { code: zhangs!.code, placeId: 'chengguan-center' } });
    expect(notToday.status).toBe(409);
    expect(notToday.body.message).toMatch('不是今天');
    expect((await call('POST', '/admin/appointments/check-in', { token: townClerk, body: { code: 'lower', placeId: 'chengguan-center' } })).status).toBe(400);
  });

  test('no-show only after the slot ends', async () => {
    const zhangs = (await call('GET', '/appointments', { token: zhang })).body.appointments.find((a) => a.date === d1);
    const early = await call('POST', `/admin/appointments/${zhangs!.id}/no-show`, { token: townClerk, body: { version: zhangs!.version } });
    expect(early.status).toBe(409);
    expect(early.body.message).toMatch('尚未结束');
  });

  test('capacity cannot go below bookings; only admin or department head may change it', async () => {
    const s09 = slot('chengguan-center', d1, '0900');
    const below = await call('PUT', `/admin/slots/${s09}/capacity`, { token: admin, body: { capacity: 1 } });
    expect(below.status).toBe(409);
    expect(below.body.message).toBe('名额不能低于已预约人数（2人）');
    expect((await call('PUT', `/admin/slots/${s09}/capacity`, { token: townClerk, body: { capacity: 5 } })).status).toBe(403);
    // A county department head does not run the town's centre.
    expect((await call('PUT', `/admin/slots/${s09}/capacity`, { token: head, body: { capacity: 4 } })).status).toBe(403);
    const up = await call('PUT', `/admin/slots/${s09}/capacity`, { token: admin, body: { capacity: 4 } });
    expect(up.status).toBe(200);
    expect(up.body).toMatchObject({ capacity: 4, booked: 2, remaining: 2, status: 'open' });
  });

  test('closing a slot cancels its bookings with the reason the residents see, and refuses new ones', async () => {
    const s09 = slot('chengguan-center', d1, '0900');
    const res = await call('POST', `/admin/slots/${s09}/close`, { token: townClerk, body: { reason: '停电检修' } });
    expect(res.status).toBe(200);
    expect(res.body.cancelled).toBe(2);
    const zhangs = (await call('GET', '/appointments', { token: zhang })).body.appointments.find((a) => a.slotId === s09);
    expect(zhangs).toMatchObject({ status: 'cancelled', cancelledBy: 'staff', cancelReason: '停电检修' });
    const late = await book(wang, s09);
    expect(late.status).toBe(409);
    expect(late.body.message).toBe('该时段已关闭：停电检修');
    const slots = await call('GET', '/places/chengguan-center/slots', { query: { from: d1, days: '1' } });
    expect(slots.body.days[0]!.slots[0]).toMatchObject({ status: 'closed', closeReason: '停电检修', booked: 0 });
    expect((await call('POST', `/admin/slots/${s09}/close`, { token: otherClerk, body: { reason: '停电检修' } })).status).toBe(403);
    expect((await call('POST', `/admin/slots/${s09}/close`, { token: townClerk, body: { reason: '' } })).status).toBe(400);
  });

  test('closing a whole roving day; managing points and roving schedules', async () => {
    const put = await call('PUT', '/admin/roving/roving-mz-xiangyang', {
      token: head,
      body: { departmentId: 'civil-affairs', townCode: OTHER_TOWN, rule: 'nth-weekday:1:MON', address: '向阳镇便民服务中心二楼', windows: [{ start: '09:00', end: '12:00', capacity: 20 }], cutoffMinutes: 60 },
    });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ id: 'roving-mz-xiangyang', kind: 'roving', hours: '每月第一个星期一 09:00—12:00', regionName: '向阳镇' });
    expect((await call('PUT', '/admin/roving/roving-ga-xiangyang', { token: head, body: { departmentId: 'public-security', townCode: OTHER_TOWN, rule: 'nth-weekday:1:MON', address: '向阳镇', windows: [{ start: '09:00', end: '12:00', capacity: 20 }], cutoffMinutes: 60 } })).status).toBe(403);
    expect((await call('PUT', '/admin/points/new-station', { token: head, body: {} })).status).toBe(403);
    const point = await call('PUT', '/admin/points/new-station', {
      token: admin,
      body: { name: '新村便民服务站', level: 'village', regionCode: VILLAGE, address: '新村', phone: '', openingHours: '工作日', serviceCodes: ['QS-MZ-001'], windows: [{ start: '09:00', end: '10:00', capacity: 3 }], cutoffMinutes: 120 },
    });
    expect(point.status).toBe(200);
    expect(point.body).toMatchObject({ id: 'new-station', kind: 'point', level: 'village' });
    const a = (await book(li, slot('chengguan-center', d2, '1000'))).body;
    const closed = await call('POST', `/admin/places/chengguan-center/days/${d2}/close`, { token: townClerk, body: { reason: '全员下村入户' } });
    expect(closed.status).toBe(200);
    expect(closed.body.cancelled).toBeGreaterThanOrEqual(2);
    expect((await call('GET', `/appointments/${a.id}`, { token: li })).body).toMatchObject({ status: 'cancelled', cancelReason: '全员下村入户' });
    // The resident is told in the same transaction: an inbox entry (and a push waiting in the outbox).
    const inbox = (await call('GET', '/inbox', { token: li })).body;
    const told = inbox.items.find((m) => m.page === `packages/booking/detail?id=${a.id}`);
    expect(told).toMatchObject({ kind: 'booking', title: '预约已取消', read: false });
    expect(told!.body).toContain('全员下村入户');
  });
});

describe('reopening what was closed', () => {
  const s09 = () => slot('chengguan-center', d1, '0900');

  test('a closed slot reopens: its seats are free again, the bookings it cancelled stay cancelled, the day log says who and why', async () => {
    const res = await call('POST', `/admin/slots/${s09()}/reopen`, { token: townClerk, body: { reason: '已恢复供电' } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ reopened: 1 });
    const slots = await call('GET', '/places/chengguan-center/slots', { query: { from: d1, days: '1' } });
    expect(slots.body.days[0]!.slots[0]).toMatchObject({ status: 'open', closeReason: null, booked: 0 });
    // Not rebooked behind the resident's back: the cancellation and its reason stand.
    const zhangs = (await call('GET', '/appointments', { token: zhang })).body.appointments.find((a) => a.slotId === s09());
    expect(zhangs).toMatchObject({ status: 'cancelled', cancelledBy: 'staff', cancelReason: '停电检修' });
    expect((await book(wang, s09())).status).toBe(201);
    const day = await call('GET', '/admin/places/chengguan-center/day', { token: townClerk, query: { date: d1 } });
    expect(day.body.log.map((e) => [e.action, e.start, e.reason])).toEqual([
      ['close', '09:00', '停电检修'],
      ['reopen', '09:00', '已恢复供电'],
    ]);
    expect(day.body.log[1]!.actor).toBeTruthy();
  });

  test('reopening a slot: 409 when it is not closed, 400 without a reason, 401 without a token, 403 for another point or an agent, 404 for no such slot', async () => {
    const again = await call('POST', `/admin/slots/${s09()}/reopen`, { token: townClerk, body: { reason: '已恢复供电' } });
    expect(again.status).toBe(409);
    expect(again.body.message).toBe('该时段未关闭，无需重新开放');
    await call('POST', `/admin/slots/${s09()}/close`, { token: townClerk, body: { reason: '临时停电' } });
    expect((await call('POST', `/admin/slots/${s09()}/reopen`, { token: townClerk, body: { reason: '' } })).status).toBe(400);
    expect((await call('POST', `/admin/slots/${s09()}/reopen`, { token: townClerk, body: {} })).status).toBe(400);
    expect((await call('POST', `/admin/slots/${s09()}/reopen`, { body: { reason: '已恢复供电' } })).status).toBe(401);
    expect((await call('POST', `/admin/slots/${s09()}/reopen`, { token: otherClerk, body: { reason: '已恢复供电' } })).status).toBe(403);
    expect((await call('POST', `/admin/slots/${s09()}/reopen`, { token: agent, body: { reason: '已恢复供电' } })).status).toBe(403);
    expect((await call('POST', `/admin/slots/${s09()}/reopen`, { token: zhang, body: { reason: '已恢复供电' } })).status).toBe(403);
    expect((await call('POST', `/admin/slots/${slot('chengguan-center', d1, '0700')}/reopen`, { token: townClerk, body: { reason: '已恢复供电' } })).status).toBe(404);
    expect((await call('POST', `/admin/slots/${slot('nowhere', d1, '0900')}/reopen`, { token: townClerk, body: { reason: '已恢复供电' } })).status).toBe(404);
    // Still closed after every refusal.
    const slots = await call('GET', '/places/chengguan-center/slots', { query: { from: d1, days: '1' } });
    expect(slots.body.days[0]!.slots[0]).toMatchObject({ status: 'closed', closeReason: '临时停电' });
  });

  test('a closed day reopens every closed slot; the cancelled stay cancelled; again is 409; refusals as for a slot', async () => {
    const path = `/admin/places/chengguan-center/days/${d2}/reopen`;
    expect((await call('POST', path, { token: otherClerk, body: { reason: '下村工作改期' } })).status).toBe(403);
    expect((await call('POST', path, { token: agent, body: { reason: '下村工作改期' } })).status).toBe(403);
    expect((await call('POST', path, { body: { reason: '下村工作改期' } })).status).toBe(401);
    expect((await call('POST', path, { token: townClerk, body: { reason: ' ' } })).status).toBe(400);
    expect((await call('POST', `/admin/places/nowhere/days/${d2}/reopen`, { token: townClerk, body: { reason: '下村工作改期' } })).status).toBe(404);
    const res = await call('POST', path, { token: townClerk, body: { reason: '下村工作改期' } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ reopened: 2 });
    const slots = await call('GET', '/places/chengguan-center/slots', { query: { from: d2, days: '1' } });
    expect(slots.body.days[0]!.slots.map((s) => [s.status, s.booked])).toEqual([['open', 0], ['open', 0]]);
    const lis = (await call('GET', '/appointments', { token: li })).body.appointments.filter((a) => a.date === d2);
    expect(lis.length).toBeGreaterThan(0);
    expect(lis.every((a) => a.status === 'cancelled' && a.cancelReason === '全员下村入户')).toBe(true);
    const again = await call('POST', path, { token: townClerk, body: { reason: '下村工作改期' } });
    expect(again.status).toBe(409);
    expect(again.body.message).toBe('当天没有已关闭的时段，无需重新开放');
    const day = await call('GET', '/admin/places/chengguan-center/day', { token: admin, query: { date: d2 } });
    expect(day.body.log.map((e) => [e.action, e.start, e.reason])).toEqual([
      ['close', null, '全员下村入户'],
      ['reopen', null, '下村工作改期'],
    ]);
  });
});
