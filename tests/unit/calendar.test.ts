import {
  addWorkingDays,
  createCalendar,
  isWorkingDay,
  officialSchedule,
  shanghaiDate,
  UnknownCalendarYearError,
  validateSchedule,
} from '../../functions/domain/calendar';

// The State Council's 2026 schedule (国办发明电〔2025〕7号).
describe('official 2026 calendar', () => {
  test('Spring Festival: 15–23 Feb off, Saturdays 14 Feb and 28 Feb are make-up working days', () => {
    for (const d of ['2026-02-15', '2026-02-16', '2026-02-18', '2026-02-20', '2026-02-23']) expect(isWorkingDay(d)).toBe(false);
    expect(isWorkingDay('2026-02-14')).toBe(true);
    expect(isWorkingDay('2026-02-28')).toBe(true);
    expect(isWorkingDay('2026-02-24')).toBe(true);
  });

  test('National Day and Mid-Autumn: 1–7 Oct off, Sunday 20 Sep and Saturday 10 Oct are working days', () => {
    for (const d of ['2026-10-01', '2026-10-04', '2026-10-07']) expect(isWorkingDay(d)).toBe(false);
    expect(isWorkingDay('2026-09-20')).toBe(true);
    expect(isWorkingDay('2026-10-10')).toBe(true);
    expect(isWorkingDay('2026-10-11')).toBe(false);
    expect(isWorkingDay('2026-10-08')).toBe(true);
  });

  test('ordinary weekends are off and weekdays are on', () => {
    expect(isWorkingDay('2026-03-07')).toBe(false); // Saturday
    expect(isWorkingDay('2026-03-08')).toBe(false); // Sunday
    expect(isWorkingDay('2026-03-09')).toBe(true); // Monday
  });
});

describe('addWorkingDays', () => {
  test('the start day is not counted', () => {
    expect(addWorkingDays('2026-03-09', 1)).toBe('2026-03-10');
    expect(addWorkingDays('2026-03-09', 0)).toBe('2026-03-09');
  });

  test('a Friday plus one working day is the next Monday', () => {
    expect(addWorkingDays('2026-03-13', 1)).toBe('2026-03-16');
  });

  test('crossing the Spring Festival uses the make-up Saturday and skips the holiday', () => {
    expect(addWorkingDays('2026-02-13', 1)).toBe('2026-02-14'); // make-up Saturday
    expect(addWorkingDays('2026-02-14', 1)).toBe('2026-02-24'); // holiday 15–23 skipped
    // 20 promised working days accepted on 2026-02-10:
    // 11,12,13,14 (4) · 24,25,26,27,28 (9) · Mar 2–6 (14) · Mar 9–13 (19) · Mar 16 (20)
    expect(addWorkingDays('2026-02-10', 20)).toBe('2026-03-16');
  });

  test('crossing National Day uses 20 Sep and 10 Oct', () => {
    // From Fri 18 Sep: 20 Sep (Sun, make-up) 1, 21–24 (5), 25 Sep is Mid-Autumn (off),
    // 28, 29, 30 (8), 1–7 Oct off, 8, 9 (10), 10 Oct Sat make-up (11)
    expect(addWorkingDays('2026-09-18', 1)).toBe('2026-09-20');
    expect(addWorkingDays('2026-09-18', 8)).toBe('2026-09-30');
    expect(addWorkingDays('2026-09-18', 9)).toBe('2026-10-08');
    expect(addWorkingDays('2026-09-18', 11)).toBe('2026-10-10');
    expect(addWorkingDays('2026-09-18', 12)).toBe('2026-10-12');
  });

  test('refuses negative or fractional days and malformed dates', () => {
    expect(() => addWorkingDays('2026-03-09', -1)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-03-09', 1.5)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-02-30', 1)).toThrow(RangeError);
  });
});

describe('years the package does not know', () => {
  test('a date in an unknown year is an error, never a guess', () => {
    expect(() => isWorkingDay('2031-03-03')).toThrow(UnknownCalendarYearError);
    expect(() => addWorkingDays('2026-12-30', 5)).toThrow(UnknownCalendarYearError);
    expect(officialSchedule(2031)).toBeUndefined();
  });

  test('an admin-published year is used, across the year boundary too', () => {
    const cal = createCalendar({ 2027: { holidays: ['2027-01-01', '2027-01-02', '2027-01-03'], workdays: [] } });
    expect(cal.isWorkingDay('2027-01-01')).toBe(false); // Friday, New Year
    expect(cal.isWorkingDay('2027-01-04')).toBe(true);
    // 2026-12-30 (Wed): 31 Dec (1), 1 Jan off, 2–3 weekend/off, 4 Jan (2)
    expect(cal.addWorkingDays('2026-12-30', 2)).toBe('2027-01-04');
    expect(cal.workingDaysBetween('2026-12-30', '2027-01-04')).toBe(2);
  });

  test('validateSchedule rejects dates outside the year, weekday make-up days and overlaps', () => {
    expect(validateSchedule(2027, { holidays: ['2026-12-31'], workdays: [] }).holidays).toMatch('2026-12-31');
    expect(validateSchedule(2027, { holidays: [], workdays: ['2027-02-03'] }).workdays).toMatch('调休上班日应为周末');
    expect(validateSchedule(2027, { holidays: ['2027-02-06'], workdays: ['2027-02-06'] }).workdays).toMatch('不能既是');
    expect(validateSchedule(2027, { holidays: ['2027-10-01'], workdays: ['2027-09-26'] })).toEqual({});
  });
});

test('shanghaiDate is the calendar date in UTC+8', () => {
  expect(shanghaiDate(new Date('2026-02-13T15:59:59Z'))).toBe('2026-02-13');
  expect(shanghaiDate(new Date('2026-02-13T16:00:00Z'))).toBe('2026-02-14');
});
