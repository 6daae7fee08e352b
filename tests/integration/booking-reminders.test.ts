// The evening before a booking: the resident is reminded once (inbox + push), however often the job runs.
import { useTestTable } from '../support/table';
import { call } from '../support/api';
import { residentToken, seedReference, TOWN } from '../fixtures/world';
import { createCalendar, shanghaiDate } from '../../functions/domain/calendar';
import { putCalendarOverride } from '../../functions/store/calendar';
import { putServicePoint } from '../../functions/store/points';
import { remindTomorrow } from '../../functions/jobs/booking-reminders';
import { getOutbox } from '../../functions/store/outbox';

useTestTable();
const nextYear = Number(shanghaiDate().slice(0, 4)) + 1;

/** A working day at least two days on, and the evening before it (Asia/Shanghai). */
function bookableDay(): { date: string; eveBefore: Date } {
  const cal = createCalendar({ [nextYear]: { holidays: [`${nextYear}-01-01`], workdays: [] } });
  const d = new Date(`${shanghaiDate()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 2);
  while (!cal.isWorkingDay(d.toISOString().slice(0, 10))) d.setUTCDate(d.getUTCDate() + 1);
  const date = d.toISOString().slice(0, 10);
  return { date, eveBefore: new Date(Date.parse(`${date}T18:00:00+08:00`) - 86_400_000) };
}

beforeAll(async () => {
  await seedReference();
  if (!createCalendar().knows(nextYear)) {
    await putCalendarOverride({ year: nextYear, holidays: [`${nextYear}-01-01`], workdays: [], updatedAt: new Date().toISOString(), updatedBy: 'test' });
  }
  await putServicePoint({
    id: 'chengguan-center', name: '城关镇便民服务中心', level: 'town', regionCode: TOWN, address: '人民路102号', phone: '0817-7231001',
    openingHours: '工作日 9:00—17:00', serviceCodes: ['QS-MZ-001'], cutoffMinutes: 120,
    windows: [{ start: '09:00', end: '10:00', capacity: 2 }],
  });
});

test('the evening before, each booking is reminded once; a cancelled one is not', async () => {
  const { date, eveBefore } = bookableDay();
  const zhang = await residentToken('r-zhang');
  const li = await residentToken('r-li');
  const slotId = `chengguan-center~${date}~0900`;
  const kept = await call('POST', '/appointments', { token: zhang, body: { slotId, serviceCode: 'QS-MZ-001', idempotencyKey: 'remind-zhang-1' } });
  expect(kept.status).toBe(201);
  const gone = await call('POST', '/appointments', { token: li, body: { slotId, serviceCode: 'QS-MZ-001', idempotencyKey: 'remind-li-0001' } });
  expect((await call('POST', `/appointments/${gone.body.id}/cancel`, { token: li, body: { version: gone.body.version } })).status).toBe(200);

  expect(await remindTomorrow(eveBefore)).toEqual({ written: 1, already: 0 });
  expect(await remindTomorrow(eveBefore)).toEqual({ written: 0, already: 1 });
  expect(await getOutbox(`appt-remind-${kept.body.id}`)).toMatchObject({ template: 'booking_reminder', data: { time2: `${date} 09:00`, thing3: '城关镇便民服务中心' } });
  const inbox = (await call('GET', '/inbox', { token: zhang })).body.items;
  expect(inbox).toEqual([expect.objectContaining({ kind: 'booking', title: '明天有预约' })]);
  expect((await call('GET', '/inbox', { token: li })).body.items).toEqual([]);
});
