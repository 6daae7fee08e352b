// Where and when a resident can book: service points open on working days,
// roving office days (县务镇办) expanded from monthly rules, slots, cut-offs
// and how near a place is to the resident. Pure functions, Asia/Shanghai dates.
import type { ServicePointLevel } from '../../shared/enums';
import type { Calendar } from './calendar';
import { parseSlotIdParts, type SlotIdParts } from '../../shared/schemas/common';

export interface SlotWindow {
  start: string; // HH:mm
  end: string;
  capacity: number;
}

/** Default windows when a point has none configured: mornings and afternoons. */
export const DEFAULT_WINDOWS: Record<ServicePointLevel, SlotWindow[]> = {
  county: [
    { start: '09:00', end: '10:00', capacity: 10 },
    { start: '10:00', end: '11:00', capacity: 10 },
    { start: '11:00', end: '12:00', capacity: 10 },
    { start: '13:30', end: '14:30', capacity: 10 },
    { start: '14:30', end: '15:30', capacity: 10 },
    { start: '15:30', end: '16:30', capacity: 10 },
  ],
  town: [
    { start: '09:00', end: '10:30', capacity: 6 },
    { start: '10:30', end: '12:00', capacity: 6 },
    { start: '14:00', end: '15:30', capacity: 6 },
    { start: '15:30', end: '17:00', capacity: 6 },
  ],
  village: [
    { start: '09:00', end: '11:00', capacity: 4 },
    { start: '14:30', end: '16:30', capacity: 4 },
  ],
};
export const DEFAULT_CUTOFF_MINUTES = 120;
export const ROVING_PREFIX = 'roving-';

const WEEKDAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] as const;
const WEEKDAY_LABELS = ['日', '一', '二', '三', '四', '五', '六'];
const ORDINAL_LABELS = ['', '一', '二', '三', '四', '五'];

const utc = (date: string) => new Date(`${date}T00:00:00Z`);
const fmt = (d: Date) => d.toISOString().slice(0, 10);
export const addDays = (date: string, n: number) => {
  const d = utc(date);
  d.setUTCDate(d.getUTCDate() + n);
  return fmt(d);
};

// Kept here, not in calendar.ts: the mini-program imports the reception rules, and calendar.ts carries the official data.
/** Why `date` cannot be a day of service (a reception, an absence): its year unpublished, or not a working day; null when it can. */
export function workingDayProblem(date: string, cal: Calendar): string | null {
  if (!cal.knows(Number(date.slice(0, 4)))) return `${date.slice(0, 4)} 年的工作日历尚未发布`;
  return cal.isWorkingDay(date) ? null : `${date} 不是工作日`;
}

/** The working days from `from` through `days` calendar days later, in order (a year the calendar does not know has none). */
export function upcomingWorkingDays(from: string, days: number, cal: Calendar): string[] {
  const out: string[] = [];
  for (let i = 0; i <= days; i++) {
    const d = addDays(from, i);
    if (!workingDayProblem(d, cal)) out.push(d);
  }
  return out;
}

export interface NthWeekdayRule {
  n: number;
  weekday: number; // 0 = Sunday
}

export function parseRule(rule: string): NthWeekdayRule {
  const m = /^nth-weekday:([1-5]):(MON|TUE|WED|THU|FRI|SAT|SUN)$/.exec(rule);
  if (!m) throw new RangeError(`Unknown roving rule: ${rule}`);
  return { n: Number(m[1]), weekday: WEEKDAYS.indexOf(m[2] as (typeof WEEKDAYS)[number]) };
}

/** 每月第二个星期二 */
export function ruleLabel(rule: string): string {
  const { n, weekday } = parseRule(rule);
  return `每月第${ORDINAL_LABELS[n]}个星期${WEEKDAY_LABELS[weekday]}`;
}

/** The nth given weekday of a month, or undefined (a 5th Tuesday may not exist). */
export function nthWeekdayOfMonth(year: number, month: number, { n, weekday }: NthWeekdayRule): string | undefined {
  const first = new Date(Date.UTC(year, month - 1, 1));
  const offset = (weekday - first.getUTCDay() + 7) % 7;
  const d = new Date(Date.UTC(year, month - 1, 1 + offset + (n - 1) * 7));
  return d.getUTCMonth() === month - 1 ? fmt(d) : undefined;
}

/**
 * Dated sessions of a roving rule within [from, to]. A session that falls on a
 * holiday is postponed (顺延) to the next working day, so a mountain town does
 * not wait two months for the county team.
 */
export function rovingSessionDates(rule: string, from: string, to: string, cal: Calendar): string[] {
  const parsed = parseRule(rule);
  const dates: string[] = [];
  // Start a month early: last month's postponed session may land in range.
  let y = utc(from).getUTCFullYear();
  let m = utc(from).getUTCMonth(); // previous month, 1-based below
  if (m === 0) {
    y -= 1;
    m = 12;
  }
  while (true) {
    const nominal = nthWeekdayOfMonth(y, m, parsed);
    if (nominal && nominal > to) break;
    if (nominal) {
      let d = nominal;
      while (!cal.isWorkingDay(d)) d = addDays(d, 1);
      if (d >= from && d <= to) dates.push(d);
    }
    m += 1;
    if (m === 13) {
      m = 1;
      y += 1;
    }
  }
  return dates;
}

/** Working days in [from, from + days). */
export function workingDates(from: string, days: number, cal: Calendar): string[] {
  const out: string[] = [];
  for (let i = 0; i < days; i++) {
    const d = addDays(from, i);
    if (cal.isWorkingDay(d)) out.push(d);
  }
  return out;
}

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3));

/**
 * Field errors of a day's bookable windows (keys `windows.<i>.start|end`):
 * each ends after it starts and none overlap, since a slot is one seat
 * counter per start time and a resident cannot be in two windows at once.
 */
export function windowErrors(windows: SlotWindow[]): Record<string, string> {
  const errors: Record<string, string> = {};
  windows.forEach((w, i) => {
    if (minutesOf(w.end) <= minutesOf(w.start)) errors[`windows.${i}.end`] = `第${i + 1}个时段的结束时间应晚于开始时间`;
  });
  const byStart = windows.map((w, i) => ({ w, i })).sort((a, b) => minutesOf(a.w.start) - minutesOf(b.w.start));
  for (let k = 1; k < byStart.length; k++) {
    const prev = byStart[k - 1]!;
    const cur = byStart[k]!;
    if (minutesOf(cur.w.start) < Math.max(minutesOf(prev.w.end), minutesOf(prev.w.start) + 1)) {
      errors[`windows.${cur.i}.start`] ??= `第${cur.i + 1}个时段与第${prev.i + 1}个时段重叠`;
    }
  }
  return errors;
}

/** The windows in the order of the day. */
export const sortWindows = <W extends SlotWindow>(windows: W[]): W[] => [...windows].sort((a, b) => minutesOf(a.start) - minutesOf(b.start));

export const slotIdOf = (placeId: string, date: string, start: string) => `${placeId}~${date}~${start.replace(':', '')}`;

/** The parts of a slot id the contract has already checked (a real date and time of day). */
export function parseSlotId(slotId: string): SlotIdParts {
  const parts = parseSlotIdParts(slotId);
  if (!parts) throw new RangeError(`Not a slot id: ${slotId}`);
  return parts;
}

/** A Shanghai wall-clock time as a UTC instant (China has no daylight saving). */
export const shanghaiInstant = (date: string, time: string) => new Date(`${date}T${time}:00+08:00`);

/** Until when a booking may be cancelled or moved: `cutoffMinutes` before it starts. */
export const cutoffAt = (date: string, start: string, cutoffMinutes: number) =>
  new Date(shanghaiInstant(date, start).getTime() - cutoffMinutes * 60_000).toISOString();

export type SlotStatus = 'open' | 'full' | 'closed' | 'past';

export function slotStatus(s: { date: string; start: string; capacity: number; booked: number; closed: boolean }, now: Date): SlotStatus {
  if (s.closed) return 'closed';
  if (shanghaiInstant(s.date, s.start).getTime() <= now.getTime()) return 'past';
  return s.booked >= s.capacity ? 'full' : 'open';
}

export type Nearness = 'own_village' | 'own_town' | 'roving_in_town' | 'county' | 'other';
export const NEARNESS_ORDER: Nearness[] = ['own_village', 'own_town', 'roving_in_town', 'county', 'other'];

/**
 * How near a place is to a resident living in `residentRegion` (any level;
 * codes nest: county 6 digits, town 9, village 12, group 15).
 */
export function nearness(place: { kind: 'point' | 'roving' | 'reception'; level: ServicePointLevel; regionCode: string }, residentRegion?: string | null): Nearness {
  if (place.level === 'county' && place.kind !== 'roving') return 'county';
  if (!residentRegion) return 'other';
  const town = residentRegion.slice(0, 9);
  const village = residentRegion.slice(0, 12);
  if (place.kind === 'roving') return place.regionCode === town ? 'roving_in_town' : 'other';
  if (place.level === 'village') return residentRegion.length >= 12 && place.regionCode === village ? 'own_village' : 'other';
  return place.regionCode === town ? 'own_town' : 'other';
}

// No 0/O/1/I/L: a code read out at a window or over the phone.
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** An 8-character booking code from random bytes. */
export function bookingCode(random: Uint8Array): string {
  let code = '';
  for (let i = 0; i < 8; i++) code += CODE_ALPHABET[random[i]! % CODE_ALPHABET.length];
  return code;
}

/** 张桂英 → 张*英, 李明 → 李*. */
export function maskName(name: string | null): string {
  if (!name) return '未填写';
  const chars = [...name];
  if (chars.length <= 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

/** 13990817201 → 139****7201 */
export const maskPhone = (phone: string | null) => (phone ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '');
