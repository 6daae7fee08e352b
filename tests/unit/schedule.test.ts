import { createCalendar } from '../../functions/domain/calendar';
import {
  bookingCode, cutoffAt, maskName, maskPhone, nearness, nthWeekdayOfMonth, parseRule, parseSlotId, ruleLabel,
  rovingSessionDates, slotIdOf, slotStatus, workingDates,
} from '../../functions/domain/schedule';

const cal = createCalendar();

describe('roving office days', () => {
  test('the nth weekday of a month', () => {
    expect(nthWeekdayOfMonth(2026, 3, parseRule('nth-weekday:2:TUE'))).toBe('2026-03-10');
    expect(nthWeekdayOfMonth(2026, 3, parseRule('nth-weekday:5:TUE'))).toBe('2026-03-31');
    expect(nthWeekdayOfMonth(2026, 2, parseRule('nth-weekday:5:TUE'))).toBeUndefined();
    expect(ruleLabel('nth-weekday:2:TUE')).toBe('每月第二个星期二');
  });

  test('expands a rule month by month within the range', () => {
    expect(rovingSessionDates('nth-weekday:2:TUE', '2026-03-01', '2026-05-31', cal)).toEqual(['2026-03-10', '2026-04-14', '2026-05-12']);
  });

  test('a session on a holiday is postponed to the next working day', () => {
    // 1st Thursday of Oct 2026 is 1 Oct (National Day): postponed past 1–7 Oct to Thu 8 Oct.
    expect(rovingSessionDates('nth-weekday:1:THU', '2026-10-01', '2026-10-31', cal)).toEqual(['2026-10-08']);
    // 3rd Monday of Feb 2026 is 16 Feb (Spring Festival, 15–23 off): Tue 24 Feb.
    expect(rovingSessionDates('nth-weekday:3:MON', '2026-02-01', '2026-02-28', cal)).toEqual(['2026-02-24']);
    // 1st Friday of Jan 2026 is 2 Jan (New Year holiday): Sun 4 Jan is a make-up working day.
    expect(rovingSessionDates('nth-weekday:1:FRI', '2026-01-01', '2026-01-31', cal)).toEqual(['2026-01-04']);
  });

  test('a session postponed out of last month still counts', () => {
    // 5th Wednesday of Sep 2026 is 30 Sep (a working day) — in range when asked from 30 Sep.
    expect(rovingSessionDates('nth-weekday:5:WED', '2026-09-30', '2026-10-31', cal)).toEqual(['2026-09-30']);
  });
});

describe('slots', () => {
  test('only working days: the Spring Festival week has none, make-up Saturdays have slots', () => {
    expect(workingDates('2026-02-13', 12, cal)).toEqual(['2026-02-13', '2026-02-14', '2026-02-24']);
    expect(workingDates('2026-09-19', 3, cal)).toEqual(['2026-09-20', '2026-09-21']);
  });

  test('slot ids round-trip', () => {
    const id = slotIdOf('chengguan-center', '2026-03-10', '09:00');
    expect(id).toBe('chengguan-center~2026-03-10~0900');
    expect(parseSlotId(id)).toEqual({ placeId: 'chengguan-center', date: '2026-03-10', start: '09:00' });
  });

  test('the cut-off is counted back from the start in Asia/Shanghai', () => {
    expect(cutoffAt('2026-03-10', '09:00', 120)).toBe('2026-03-09T23:00:00.000Z'); // 07:00 +08:00
    expect(cutoffAt('2026-03-10', '09:00', 24 * 60)).toBe('2026-03-09T01:00:00.000Z');
  });

  test('status: closed, past, full, open', () => {
    const base = { date: '2026-03-10', start: '09:00', capacity: 2, booked: 1, closed: false };
    const before = new Date('2026-03-10T00:59:00Z');
    expect(slotStatus(base, before)).toBe('open');
    expect(slotStatus({ ...base, booked: 2 }, before)).toBe('full');
    expect(slotStatus({ ...base, closed: true }, before)).toBe('closed');
    expect(slotStatus(base, new Date('2026-03-10T01:00:00Z'))).toBe('past');
  });
});

test('nearness: own village, own town, roving in town, county, other', () => {
  const home = '511999102201001'; // a group of a village of town 511999102
  expect(nearness({ kind: 'point', level: 'village', regionCode: '511999102201' }, home)).toBe('own_village');
  expect(nearness({ kind: 'point', level: 'village', regionCode: '511999102202' }, home)).toBe('other');
  expect(nearness({ kind: 'point', level: 'town', regionCode: '511999102' }, home)).toBe('own_town');
  expect(nearness({ kind: 'roving', level: 'town', regionCode: '511999102' }, home)).toBe('roving_in_town');
  expect(nearness({ kind: 'roving', level: 'town', regionCode: '511999103' }, home)).toBe('other');
  expect(nearness({ kind: 'point', level: 'county', regionCode: '511999' }, home)).toBe('county');
  expect(nearness({ kind: 'point', level: 'town', regionCode: '511999102' }, null)).toBe('other');
});

test('booking codes avoid look-alike characters; names and phones are masked', () => {
  const code = bookingCode(new Uint8Array([0, 1, 2, 3, 4, 5, 6, 7]));
  expect(code).toBe('ABCDEFGH');
  expect(bookingCode(new Uint8Array(8).fill(255))).toMatch(/^[A-Z2-9]{8}$/);
  expect(bookingCode(crypto.getRandomValues(new Uint8Array(8)))).not.toMatch(/[01OIL]/);
  expect(maskName('张桂英')).toBe('张*英');
  expect(maskName('李明')).toBe('李*');
  expect(maskName(null)).toBe('未填写');
  expect(maskPhone('13990817201')).toBe('139****7201');
});
