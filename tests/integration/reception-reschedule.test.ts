// 改约 of a leader's reception booking, through the in-process HTTP API on
// DynamoDB Local: only to another slot of the same leader's reception, the
// seats of both slots moved in one transaction, the topic kept or restated.
import { useTestTable } from '../support/table';
import { call } from '../support/api';
import { COUNTY, residentToken, seedReference } from '../fixtures/world';
import { futureWorkingDays, publishNextYear } from '../fixtures/days';
import { putServicePoint } from '../../functions/store/points';
import { putReception, type ReceptionRecord } from '../../functions/store/reception';
import { bookAppointment } from '../../functions/store/appointments';
import { closeSlot } from '../../functions/store/slots';

useTestTable();
const [d1, d2] = futureWorkingDays(2) as [string, string];
const TOPIC = '村道塌方三个月无人修复';

const reception = (id: string, name: string): ReceptionRecord => ({
  id, name, title: '副县长', departmentId: 'civil-affairs', departmentName: '县民政局', leaderId: null, regionCode: COUNTY,
  address: '县政务服务中心三楼接待室', dates: [d1, d2], cutoffMinutes: 120,
  windows: [{ start: '09:00', end: '10:00', capacity: 1 }, { start: '10:00', end: '11:00', capacity: 3 }, { start: '11:00', end: '12:00', capacity: 2 }],
  updatedAt: new Date().toISOString(), updatedBy: 'test',
});
const slotOf = (host: string, date: string, hhmm: string) => `reception-${host}~${date}~${hhmm}`;

let zhang: string, li: string;
let idem = 0;
const book = (token: string, slotId: string) =>
  call('POST', '/receptions/head-mz/appointments', { token, body: { slotId, topic: TOPIC, idempotencyKey: `rr-${++idem}-${Date.now()}` } });
const move = (token: string | undefined, id: string, body: { slotId: string; version: number; topic?: string }) =>
  call('POST', `/appointments/${id}/reschedule`, { token, body });
async function booked(host: string, date: string, start: string): Promise<number> {
  const res = await call('GET', `/places/reception-${host}/slots`, { query: { from: date, days: '1' } });
  return res.body.days[0]!.slots.find((s) => s.start === start)!.booked;
}

beforeAll(async () => {
  await seedReference();
  await publishNextYear();
  await putServicePoint({
    id: 'county-center', name: '青山县政务服务中心', level: 'county', regionCode: COUNTY, address: '滨江大道88号', phone: '0817-7220000',
    openingHours: '工作日', serviceCodes: ['QS-MZ-001'],
  });
  await putReception(reception('head-mz', '陈秀兰'));
  await putReception(reception('head-ga', '马国强'));
  zhang = await residentToken('r-zhang');
  li = await residentToken('r-li', { name: '李春花' });
}, 60_000);

describe('rescheduling a reception booking', () => {
  test('moves to another slot of the same leader: one seat freed, one taken, code and topic kept; the topic may be restated', async () => {
    const a = (await book(zhang, slotOf('head-mz', d1, '1000'))).body;
    expect(await booked('head-mz', d1, '10:00')).toBe(1);
    const moved = await move(zhang, a.id, { slotId: slotOf('head-mz', d2, '1100'), version: 1 });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ id: a.id, code: a.code, serviceCode: 'RECEPTION', topic: TOPIC, date: d2, start: '11:00', end: '12:00', version: 2, status: 'booked' });
    expect(await booked('head-mz', d1, '10:00')).toBe(0);
    expect(await booked('head-mz', d2, '11:00')).toBe(1);
    const again = await move(zhang, a.id, { slotId: slotOf('head-mz', d1, '1000'), version: 2, topic: '  反映低保评定不公  ' });
    expect(again.body).toMatchObject({ topic: '反映低保评定不公', date: d1, start: '10:00', version: 3 });
    expect(await booked('head-mz', d2, '11:00')).toBe(0);
    expect(await booked('head-mz', d1, '10:00')).toBe(1);
    const mine = await call('GET', `/appointments/${a.id}`, { token: zhang });
    expect(mine.body).toMatchObject({ topic: '反映低保评定不公', start: '10:00' });
  });

  test('another leader\'s slot or a service point\'s slot is 400 in Chinese; a bad topic is 400; nothing moves', async () => {
    const a = (await book(zhang, slotOf('head-mz', d2, '1000'))).body;
    const other = await move(zhang, a.id, { slotId: slotOf('head-ga', d2, '1100'), version: 1 });
    expect(other.status).toBe(400);
    expect(other.body.message).toBe('领导接待预约只能改约到同一位领导的其他接待时段');
    const point = await move(zhang, a.id, { slotId: `county-center~${d2}~0900`, version: 1 });
    expect(point.status).toBe(400);
    expect(point.body.fields!.slotId).toBe('领导接待预约只能改约到同一位领导的其他接待时段');
    const shortTopic = await move(zhang, a.id, { slotId: slotOf('head-mz', d2, '1100'), version: 1, topic: '修路' });
    expect(shortTopic.status).toBe(400);
    expect(shortTopic.body.fields!.topic).toBe('请写明想反映的事由（至少4个字）');
    expect(await booked('head-mz', d2, '10:00')).toBe(1);
    expect(await booked('head-ga', d2, '11:00')).toBe(0);
    expect((await call('GET', `/appointments/${a.id}`, { token: zhang })).body.version).toBe(1);
  });

  test('an ordinary booking cannot be moved onto a reception, nor given a topic', async () => {
    const a = (await call('POST', '/appointments', { token: li, body: { slotId: `county-center~${d2}~0900`, serviceCode: 'QS-MZ-001', idempotencyKey: `rr-pt-${Date.now()}` } })).body;
    const res = await move(li, a.id, { slotId: slotOf('head-mz', d2, '1100'), version: 1, topic: TOPIC });
    expect(res.status).toBe(400);
    expect(res.body.fields).toMatchObject({ slotId: expect.stringContaining('领导接待日'), topic: '只有领导接待预约需要填写事由' });
  });

  test('needs a login; another resident\'s booking is 404', async () => {
    const a = (await book(li, slotOf('head-mz', d2, '1000'))).body;
    expect((await move(undefined, a.id, { slotId: slotOf('head-mz', d2, '1100'), version: 1 })).status).toBe(401);
    const theirs = await move(zhang, a.id, { slotId: slotOf('head-mz', d2, '1100'), version: 1 });
    expect(theirs.status).toBe(404);
    expect(theirs.body.message).toBe('预约不存在');
  });

  test('a stale version, the same slot, a full slot and a closed slot are 409, and the seats stay as they were', async () => {
    const a = (await book(zhang, slotOf('head-mz', d2, '1100'))).body;
    expect((await book(li, slotOf('head-mz', d1, '0900'))).status).toBe(201); // 09:00 holds one: now full
    const stale = await move(zhang, a.id, { slotId: slotOf('head-mz', d1, '1100'), version: 9 });
    expect(stale.body).toMatchObject({ code: 'VERSION_CONFLICT', message: '预约已发生变化，请刷新后重试' });
    const same = await move(zhang, a.id, { slotId: a.slotId, version: 1 });
    expect(same.body).toMatchObject({ code: 'SAME_SLOT', message: '新时段与原时段相同' });
    const full = await move(zhang, a.id, { slotId: slotOf('head-mz', d1, '0900'), version: 1 });
    expect(full.status).toBe(409);
    expect(full.body).toMatchObject({ code: 'SLOT_FULL', message: '名额已满' });
    await closeSlot({ placeId: 'reception-head-mz', date: d1, start: '11:00', capacity: 2 }, '领导临时外出');
    const closed = await move(zhang, a.id, { slotId: slotOf('head-mz', d1, '1100'), version: 1 });
    expect(closed.body).toMatchObject({ code: 'SLOT_CLOSED' });
    expect([stale.status, same.status, closed.status]).toEqual([409, 409, 409]);
    expect(await booked('head-mz', d1, '09:00')).toBe(1);
    expect(await booked('head-mz', d2, '11:00')).toBe(1);
    expect((await call('GET', `/appointments/${a.id}`, { token: zhang })).body).toMatchObject({ version: 1, start: '11:00', date: d2 });
  });

  test('past the cut-off it cannot be moved', async () => {
    const now = new Date().toISOString();
    const seeded = await bookAppointment(
      {
        id: 'late-reception-1', code: 'LATE6789', residentId: 'r-zhang', serviceCode: 'RECEPTION', serviceName: '领导接待（副县长陈秀兰）',
        placeId: 'reception-head-mz', placeName: '副县长陈秀兰接待日', placeAddress: '县政务服务中心三楼接待室', slotId: slotOf('head-mz', d2, '0900'),
        date: d2, start: '09:00', end: '10:00', status: 'booked', cutoffAt: new Date(Date.now() - 60_000).toISOString(),
        cancelledBy: null, cancelReason: null, topic: TOPIC, createdAt: now, updatedAt: now, version: 1,
      },
      { placeId: 'reception-head-mz', date: d2, start: '09:00', capacity: 1 },
      'late-reception-key-1',
    );
    expect(seeded).toEqual({ kind: 'booked' });
    const late = await move(zhang, 'late-reception-1', { slotId: slotOf('head-mz', d1, '1000'), version: 1 });
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ code: 'PAST_CUTOFF' });
    expect(late.body.message).toMatch('截止时间');
  });
});
