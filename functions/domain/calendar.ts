// The working-day clock on the official State Council schedule: holidays and
// make-up working days (调休上班日) from the `chinese-days` package, plus
// admin-published schedules for years the package does not know yet.
// Dates are `YYYY-MM-DD` in Asia/Shanghai. A year nobody knows is an error,
// never a guess: a deadline computed on an unknown calendar would be wrong.
import official from 'chinese-days/dist/chinese-days.json';

export interface YearSchedule {
  /** Days off: statutory holidays and the weekend days merged into them. */
  holidays: string[];
  /** Make-up working days that fall on a weekend. */
  workdays: string[];
}

export class UnknownCalendarYearError extends Error {
  constructor(readonly year: number) {
    super(`${year}年工作日历尚未发布`);
    this.name = 'UnknownCalendarYearError';
  }
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseDate(date: string): Date {
  const m = DATE.exec(date);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
  if (!d || d.toISOString().slice(0, 10) !== date) throw new RangeError(`Invalid date: ${date}`);
  return d;
}

const format = (d: Date) => d.toISOString().slice(0, 10);
const yearOf = (date: string) => Number(date.slice(0, 4));

interface YearSets {
  holidays: Set<string>;
  workdays: Set<string>;
}

function officialYears(): Map<number, YearSets> {
  const years = new Map<number, YearSets>();
  const get = (y: number) => {
    let s = years.get(y);
    if (!s) years.set(y, (s = { holidays: new Set(), workdays: new Set() }));
    return s;
  };
  for (const d of Object.keys(official.holidays)) get(yearOf(d)).holidays.add(d);
  for (const d of Object.keys(official.workdays)) get(yearOf(d)).workdays.add(d);
  return years;
}

const OFFICIAL = officialYears();

/** Years the official package covers. */
export const officialYearRange = (): number[] => [...OFFICIAL.keys()].sort((a, b) => a - b);

/** The official schedule of a year, or undefined when the package does not know it. */
export function officialSchedule(year: number): YearSchedule | undefined {
  const s = OFFICIAL.get(year);
  return s && { holidays: [...s.holidays].sort(), workdays: [...s.workdays].sort() };
}

export interface Calendar {
  isWorkingDay(date: string): boolean;
  addWorkingDays(start: string, days: number): string;
  /** Working days after `from` up to and including `to` (0 when `to` <= `from`). */
  workingDaysBetween(from: string, to: string): number;
  knows(year: number): boolean;
}

/** A calendar with admin-published overrides; an override replaces the official year. */
export function createCalendar(overrides: Record<number, YearSchedule> = {}): Calendar {
  const years = new Map(OFFICIAL);
  for (const [year, s] of Object.entries(overrides)) {
    years.set(Number(year), { holidays: new Set(s.holidays), workdays: new Set(s.workdays) });
  }

  function isWorkingDay(date: string): boolean {
    const d = parseDate(date);
    const s = years.get(d.getUTCFullYear());
    if (!s) throw new UnknownCalendarYearError(d.getUTCFullYear());
    if (s.holidays.has(date)) return false;
    if (s.workdays.has(date)) return true;
    const weekday = d.getUTCDay();
    return weekday !== 0 && weekday !== 6;
  }

  function addWorkingDays(start: string, days: number): string {
    if (!Number.isInteger(days) || days < 0) throw new RangeError(`days must be a non-negative integer: ${days}`);
    const d = parseDate(start);
    let left = days;
    while (left > 0) {
      d.setUTCDate(d.getUTCDate() + 1);
      if (isWorkingDay(format(d))) left -= 1;
    }
    return format(d);
  }

  function workingDaysBetween(from: string, to: string): number {
    const d = parseDate(from);
    const end = parseDate(to).getTime();
    let n = 0;
    while (d.getTime() < end) {
      d.setUTCDate(d.getUTCDate() + 1);
      if (isWorkingDay(format(d))) n += 1;
    }
    return n;
  }

  return { isWorkingDay, addWorkingDays, workingDaysBetween, knows: (y) => years.has(y) };
}

const officialCalendar = createCalendar();

/** Is `date` a working day on the official calendar? */
export const isWorkingDay = (date: string): boolean => officialCalendar.isWorkingDay(date);

/** The Nth working day after `start` (the start day is not counted). */
export const addWorkingDays = (start: string, days: number): string => officialCalendar.addWorkingDays(start, days);

/** Today's date in Asia/Shanghai (UTC+8, no daylight saving). */
export function shanghaiDate(instant: Date = new Date()): string {
  return new Date(instant.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** `date` plus `days` calendar days (negative goes back). */
export function addCalendarDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Check an admin-published schedule for `year`: every date inside the year,
 * make-up working days on weekends, no date both off and on. Returns field errors.
 */
export function validateSchedule(year: number, s: YearSchedule): Record<string, string> {
  const errors: Record<string, string> = {};
  const inYear = (d: string) => {
    try {
      return parseDate(d).getUTCFullYear() === year;
    } catch {
      return false;
    }
  };
  const badHoliday = s.holidays.find((d) => !inYear(d));
  if (badHoliday) errors.holidays = `${badHoliday} 不是 ${year} 年的有效日期`;
  const badWorkday = s.workdays.find((d) => !inYear(d));
  if (badWorkday) errors.workdays = `${badWorkday} 不是 ${year} 年的有效日期`;
  else {
    const weekday = s.workdays.find((d) => ![0, 6].includes(parseDate(d).getUTCDay()));
    if (weekday) errors.workdays = `${weekday} 本就是工作日，调休上班日应为周末`;
  }
  const both = s.holidays.find((d) => s.workdays.includes(d));
  if (both) errors.workdays = `${both} 不能既是节假日又是调休上班日`;
  return errors;
}
