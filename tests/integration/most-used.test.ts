// Long lists show the most-used first: the catalogue by bookings and
// applications, an item's places (within the same nearness) by its bookings
// there. The counters are written in the booking's and the application's own
// transaction; the catalogue stays one DynamoDB call.
import { useTestTable } from '../support/table';
import { call } from '../support/api';
import { COUNTY, residentToken, seedReference, VILLAGE } from '../fixtures/world';
import { createCalendar, shanghaiDate } from '../../functions/domain/calendar';
import { putCalendarOverride } from '../../functions/store/calendar';
import { putServicePoint } from '../../functions/store/points';

useTestTable();
const today = shanghaiDate();
const nextYear = Number(today.slice(0, 4)) + 1;
const schedule = { holidays: [`${nextYear}-01-01`], workdays: [] as string[] };
const cal = createCalendar().knows(nextYear) ? createCalendar() : createCalendar({ [nextYear]: schedule });

function nextWorkingDay(): string {
  const d = new Date(`${today}T00:00:00Z`);
  do d.setUTCDate(d.getUTCDate() + 1);
  while (!cal.isWorkingDay(d.toISOString().slice(0, 10)));
  return d.toISOString().slice(0, 10);
}

const county = (id: string, name: string) =>
  putServicePoint({
    id, name, level: 'county', regionCode: COUNTY, address: '滨江大道88号', phone: '', openingHours: '工作日',
    serviceCodes: ['QS-MZ-001', 'QS-GA-001'], windows: [{ start: '09:00', end: '10:00', capacity: 10 }],
  });

const codes = (res: { body: { items: { code: string }[] } }) => res.body.items.map((i) => i.code);
const placeIds = async () => (await call('GET', '/services/QS-GA-001/places', { query: { regionCode: VILLAGE } })).body.places.map((p: { id: string }) => p.id);

let residents: string[];
beforeAll(async () => {
  await seedReference();
  if (!createCalendar().knows(nextYear)) await putCalendarOverride({ year: nextYear, ...schedule, updatedAt: new Date().toISOString(), updatedBy: 'test' });
  // Two places of the same nearness for a village resident: by name, 县档案馆 comes before 县政务服务中心.
  await county('county-center', '青山县政务服务中心');
  await county('county-annex', '青山县档案馆服务点');
  residents = await Promise.all(['r-1', 'r-2', 'r-3'].map((id) => residentToken(id)));
});

test('with no use yet: the catalogue by category and code, the places by nearness and name', async () => {
  const list = await call('GET', '/services');
  expect(codes(list)).toEqual(['QS-MZ-001', 'QS-GA-001']);
  expect(list.headers['x-ddb-calls']).toBe('1');
  expect(await placeIds()).toEqual(['county-annex', 'county-center']);
});

test('bookings put their item first in the catalogue and their place first among equally near ones', async () => {
  const date = nextWorkingDay();
  for (const [i, token] of residents.slice(0, 2).entries()) {
    const res = await call('POST', '/appointments', {
      token,
      body: { slotId: `county-center~${date}~0900`, serviceCode: 'QS-GA-001', idempotencyKey: `most-used-booking-${i}` },
    });
    expect(res.status).toBe(201);
  }
  const list = await call('GET', '/services');
  expect(codes(list)).toEqual(['QS-GA-001', 'QS-MZ-001']);
  expect(list.headers['x-ddb-calls']).toBe('1');
  // A keyword both match equally (the departments' 县): the more used first.
  expect(codes(await call('GET', '/services', { query: { q: '县' } }))).toEqual(['QS-GA-001', 'QS-MZ-001']);
  expect(await placeIds()).toEqual(['county-center', 'county-annex']);
  // A replayed booking (same idempotency key) is not a second use.
  await call('POST', '/appointments', {
    token: residents[0]!,
    body: { slotId: `county-center~${date}~0900`, serviceCode: 'QS-GA-001', idempotencyKey: 'most-used-booking-0' },
  });
  expect(codes(await call('GET', '/services'))).toEqual(['QS-GA-001', 'QS-MZ-001']);
});

test('applications count too: three online applications outrank two bookings', async () => {
  for (const [i, token] of residents.entries()) {
    const res = await call('POST', '/applications', {
      token,
      body: { serviceCode: 'QS-MZ-001', idempotencyKey: `most-used-apply-${i}`, materials: [{ name: '户口簿', provided: false, uploadKeys: [] }], proxy: false },
    });
    expect(res.status).toBe(201);
  }
  expect(codes(await call('GET', '/services'))).toEqual(['QS-MZ-001', 'QS-GA-001']);
  // The department's list (through its index) is ordered the same way.
  expect(codes(await call('GET', '/services', { query: { departmentId: 'civil-affairs' } }))).toEqual(['QS-MZ-001']);
  // Applications are not bookings at a place: the places keep their order.
  expect(await placeIds()).toEqual(['county-center', 'county-annex']);
});
