// Places where a resident can book: service points and roving office
// schedules, as one shape; which items they handle; their dated slots.
import { REGION_LEVEL_LABELS, type RegionLevel, type ServicePointLevel } from '../../shared/enums';
import type { Calendar } from './calendar';
import {
  DEFAULT_CUTOFF_MINUTES, DEFAULT_WINDOWS, ROVING_PREFIX, nearness, rovingSessionDates, ruleLabel, shanghaiInstant,
  slotIdOf, slotStatus, workingDates, addDays, windowErrors, type Nearness, type SlotStatus, type SlotWindow,
} from './schedule';

/** What the store found of the references a place names. */
export interface KnownReferences {
  /** Region code → level. */
  regions: Map<string, RegionLevel>;
  departments: Set<string>;
  services: Set<string>;
}

function regionError(code: string, level: RegionLevel, known: KnownReferences, what: string): string | undefined {
  const found = known.regions.get(code);
  if (!found) return `${what}不存在`;
  return found === level ? undefined : `${what}应为${REGION_LEVEL_LABELS[level]}级区划，${code} 是${REGION_LEVEL_LABELS[found]}级`;
}

/**
 * Field errors of a service point as staff send it: its region exists at the
 * point's own level (a town centre sits in a town), every item exists, the
 * windows fit together. Residents would otherwise be offered a place nowhere.
 */
export function pointErrors(
  p: { level: ServicePointLevel; regionCode: string; serviceCodes: string[]; windows: SlotWindow[] },
  known: KnownReferences,
): Record<string, string> {
  const errors: Record<string, string> = {};
  const region = regionError(p.regionCode, p.level, known, '所在区划');
  if (region) errors.regionCode = region;
  p.serviceCodes.forEach((code, i) => {
    if (!known.services.has(code)) errors[`serviceCodes.${i}`] = `事项 ${code} 不存在`;
  });
  return { ...errors, ...windowErrors(p.windows) };
}

/** Field errors of a roving schedule: an existing department, an existing town (not a village), windows that fit. */
export function rovingErrors(
  r: { departmentId: string; townCode: string; windows: SlotWindow[] },
  known: KnownReferences,
): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!known.departments.has(r.departmentId)) errors.departmentId = '所选部门不存在';
  const town = regionError(r.townCode, 'town', known, '坐班乡镇');
  if (town) errors.townCode = town;
  return { ...errors, ...windowErrors(r.windows) };
}

export interface PlaceDef {
  id: string;
  kind: 'point' | 'roving' | 'reception';
  name: string;
  level: ServicePointLevel;
  regionCode: string;
  address: string;
  phone: string;
  hours: string;
  departmentId: string | null;
  /** Items a point handles; a roving team handles its department's items. */
  serviceCodes: string[] | null;
  rule: string | null;
  /** A leader's reception days: the dates themselves (kept only when working days). */
  dates?: string[];
  /** A reception day's leader (username): only they run its day list. */
  hostUsername?: string | null;
  windows: SlotWindow[];
  cutoffMinutes: number;
}

export interface PointShape {
  id: string;
  name: string;
  level: ServicePointLevel;
  regionCode: string;
  address: string;
  phone: string;
  openingHours: string;
  serviceCodes: string[];
  windows?: SlotWindow[];
  cutoffMinutes?: number;
}

export interface RovingShape {
  id: string;
  departmentId: string;
  townCode: string;
  rule: string;
  start: string;
  end: string;
  address?: string;
  windows?: SlotWindow[];
  cutoffMinutes?: number;
}

export const pointPlace = (p: PointShape): PlaceDef => ({
  id: p.id,
  kind: 'point',
  name: p.name,
  level: p.level,
  regionCode: p.regionCode,
  address: p.address,
  phone: p.phone,
  hours: p.openingHours,
  departmentId: null,
  serviceCodes: p.serviceCodes,
  rule: null,
  windows: p.windows?.length ? p.windows : DEFAULT_WINDOWS[p.level],
  cutoffMinutes: p.cutoffMinutes ?? DEFAULT_CUTOFF_MINUTES,
});

/** Hourly windows of 8 seats across a roving session, unless configured. */
function rovingWindows(start: string, end: string): SlotWindow[] {
  const out: SlotWindow[] = [];
  const toMin = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));
  const toTime = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  for (let m = toMin(start); m < toMin(end); m += 60) out.push({ start: toTime(m), end: toTime(Math.min(m + 60, toMin(end))), capacity: 8 });
  return out;
}

export const rovingPlace = (r: RovingShape, names: { department: string; town: string; townAddress?: string }): PlaceDef => ({
  id: `${ROVING_PREFIX}${r.id}`,
  kind: 'roving',
  name: `${names.department}（${names.town}坐班）`,
  level: 'town',
  regionCode: r.townCode,
  address: r.address ?? names.townAddress ?? `${names.town}便民服务中心`,
  phone: '',
  hours: `${ruleLabel(r.rule)} ${r.start}—${r.end}`,
  departmentId: r.departmentId,
  serviceCodes: null,
  rule: r.rule,
  windows: r.windows?.length ? r.windows : rovingWindows(r.start, r.end),
  cutoffMinutes: r.cutoffMinutes ?? DEFAULT_CUTOFF_MINUTES,
});

export const handles = (place: PlaceDef, item: { code: string; departmentId: string }) =>
  place.serviceCodes ? place.serviceCodes.includes(item.code) : place.departmentId === item.departmentId;

/** Days with sessions in [from, from + days): working days, or the roving dates. Unknown years are left out. */
export function sessionDates(place: PlaceDef, from: string, days: number, cal: Calendar): string[] {
  let to = addDays(from, days - 1);
  const lastKnown = (() => {
    let y = Number(from.slice(0, 4));
    if (!cal.knows(y)) return undefined;
    while (cal.knows(y + 1)) y += 1;
    return `${y}-12-31`;
  })();
  if (!lastKnown) return [];
  if (to > lastKnown) to = lastKnown;
  if (to < from) return [];
  if (place.rule) return rovingSessionDates(place.rule, from, to, cal);
  if (place.dates) return place.dates.filter((d) => d >= from && d <= to && cal.isWorkingDay(d)).sort();
  const span = Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1;
  return workingDates(from, span, cal);
}

export interface CounterShape {
  date: string;
  start: string;
  booked: number;
  capacity?: number;
  closedReason?: string;
}

export interface SlotView {
  id: string;
  date: string;
  start: string;
  end: string;
  capacity: number;
  booked: number;
  remaining: number;
  status: SlotStatus;
  closeReason: string | null;
}

export function slotView(place: PlaceDef, date: string, w: SlotWindow, counter: CounterShape | undefined, now: Date): SlotView {
  const capacity = counter?.capacity ?? w.capacity;
  const booked = counter?.booked ?? 0;
  const closeReason = counter?.closedReason ?? null;
  return {
    id: slotIdOf(place.id, date, w.start),
    date,
    start: w.start,
    end: w.end,
    capacity,
    booked,
    remaining: Math.max(0, capacity - booked),
    status: slotStatus({ date, start: w.start, capacity, booked, closed: closeReason !== null }, now),
    closeReason,
  };
}

export function placeDays(place: PlaceDef, dates: string[], counters: CounterShape[], now: Date) {
  const byKey = new Map(counters.map((c) => [`${c.date}#${c.start}`, c]));
  return dates.map((date) => ({ date, slots: place.windows.map((w) => slotView(place, date, w, byKey.get(`${date}#${w.start}`), now)) }));
}

/** Is there a session of `place` at `date` `start`? */
export function hasSession(place: PlaceDef, date: string, start: string, cal: Calendar): SlotWindow | undefined {
  const w = place.windows.find((x) => x.start === start);
  if (!w) return undefined;
  return sessionDates(place, date, 1, cal).includes(date) ? w : undefined;
}

export const slotEnded = (date: string, end: string, now: Date) => shanghaiInstant(date, end).getTime() <= now.getTime();
export const slotStarted = (date: string, start: string, now: Date) => shanghaiInstant(date, start).getTime() <= now.getTime();

export function sortByNearness<T extends { id: string; nearness: Nearness; level: ServicePointLevel; name: string }>(places: T[], uses: ReadonlyMap<string, number> = new Map()): T[] {
  const order: Nearness[] = ['own_village', 'own_town', 'roving_in_town', 'county', 'other'];
  const used = (p: T) => uses.get(p.id) ?? 0;
  return [...places].sort(
    (a, b) => order.indexOf(a.nearness) - order.indexOf(b.nearness) || used(b) - used(a) || a.name.localeCompare(b.name, 'zh-CN'),
  );
}

export { nearness };
