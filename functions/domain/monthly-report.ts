// 民情月报: the monthly figures from the running demand counters (DSTAT#M#…),
// never from the demands themselves. Pure functions; the store reads one
// partition per month and hands the items over as scope → counters.
import {
  DEMAND_CHANNELS, DEMAND_DOMAINS, DEMAND_GRADES, DEMAND_TYPES,
  type DemandChannel, type DemandDomain, type DemandGrade, type DemandType,
} from '../../shared/schemas/demands';
import { shanghaiDate } from './calendar';

export type Counters = Record<string, number>;
/** Scope (`COUNTY`, `DEPT#<id>`, `TOWN#<code>`, `SPOTS`) → its counters. */
export type MonthStats = Record<string, Counters>;

export const SATISFIED_AT = 0.9;
export const BASIC_AT = 0.75;
export const HOT_SPOTS = 10;

// ---------------------------------------------------------------- months (Asia/Shanghai)

/** The month (YYYY-MM) an instant falls in, in Asia/Shanghai. */
export const shanghaiMonth = (instant: Date | string): string => shanghaiDate(new Date(instant)).slice(0, 7);

export function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1 + by, 1)).toISOString().slice(0, 7);
}
export const previousMonth = (month: string) => shiftMonth(month, -1);

/** The month's last day (YYYY-MM-DD). */
export const lastDayOf = (month: string): string => new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).toISOString().slice(0, 10);

/** A month is closed once its last day is over in Shanghai; its figures then only grow by late events dated in it. */
export const isMonthClosed = (month: string, now: Date): boolean => shanghaiDate(now) > lastDayOf(month);

// ---------------------------------------------------------------- figures

const n = (c: Counters | undefined, k: string) => Number(c?.[k] ?? 0);
const ratio = (num: number, den: number): number | null => (den > 0 ? Math.round((num / den) * 1000) / 1000 : null);

/** +1 per resolved, −0.3 per unresolved; in tenths so 0.1 + 0.2 never shows. */
export const unitScore = (resolved: number, unresolved: number): number => (resolved * 10 - unresolved * 3) / 10;

export type SatisfactionLabel = 'satisfied' | 'basic' | 'dissatisfied';
export const SATISFACTION_LABEL_TEXT: Record<SatisfactionLabel, string> = { satisfied: '满意', basic: '基本满意', dissatisfied: '不满意' };

/** 满意 ≥ 90 %, 基本满意 75–90 %, 不满意 < 75 %, on real evaluations only (none: no label). Compared in integers. */
export function satisfactionLabel(satisfied: number, evaluated: number): SatisfactionLabel | null {
  if (evaluated <= 0) return null;
  if (satisfied * 100 >= SATISFIED_AT * 100 * evaluated) return 'satisfied';
  if (satisfied * 100 >= BASIC_AT * 100 * evaluated) return 'basic';
  return 'dissatisfied';
}

/** The three rates (三率): signed in time, solved, 满意 + 基本满意 — defaults are counted apart and never in them. */
export function threeRates(c: Counters | undefined) {
  const evaluated = n(c, 'evaluated');
  return {
    responseRate: ratio(n(c, 'signedInTime'), n(c, 'signed')),
    resolutionRate: ratio(n(c, 'solved'), evaluated),
    satisfactionRate: ratio(n(c, 'sat_satisfied') + n(c, 'sat_basic'), evaluated),
  };
}

export interface UnitFigures {
  received: number;
  resolved: number;
  unresolved: number;
  score: number;
  responseRate: number | null;
  resolutionRate: number | null;
  satisfactionRate: number | null;
  /** Replied after the deadline. */
  overdue: number;
  returned: number;
  reopened: number;
  validComplaints: number;
  defaultClosed: number;
  label: SatisfactionLabel | null;
}

export function unitFigures(c: Counters | undefined): UnitFigures {
  const resolved = n(c, 'solved');
  const unresolved = n(c, 'unsolved');
  return {
    received: n(c, 'received'), resolved, unresolved, score: unitScore(resolved, unresolved),
    ...threeRates(c),
    overdue: Math.max(0, n(c, 'replied') - n(c, 'repliedInTime')),
    returned: n(c, 'returned'), reopened: n(c, 'reopened'), validComplaints: n(c, 'validComplaints'),
    defaultClosed: n(c, 'defaultClosed'),
    label: satisfactionLabel(n(c, 'sat_satisfied') + n(c, 'sat_basic'), n(c, 'evaluated')),
  };
}

// ---------------------------------------------------------------- breakdowns

const alt = (xs: readonly string[]) => xs.join('|');
const RECV = new RegExp(`^recv_(${alt(DEMAND_CHANNELS)})_(${alt(DEMAND_DOMAINS)})_(${alt(DEMAND_GRADES)})_(${alt(DEMAND_TYPES)})$`);

export interface ReceivedCell { channel: DemandChannel; domain: DemandDomain; grade: DemandGrade; type: DemandType; count: number }

/** The `recv_<channel>_<domain>_<grade>_<type>` counters of a scope, parsed against the enums (domains hold underscores). */
export function receivedCells(c: Counters | undefined): ReceivedCell[] {
  const cells: ReceivedCell[] = [];
  for (const [k, v] of Object.entries(c ?? {})) {
    const m = RECV.exec(k);
    if (m && Number(v) > 0) cells.push({ channel: m[1] as DemandChannel, domain: m[2] as DemandDomain, grade: m[3] as DemandGrade, type: m[4] as DemandType, count: Number(v) });
  }
  return cells;
}

export function sumBy<K extends string>(cells: ReceivedCell[], pick: (c: ReceivedCell) => K): Map<K, number> {
  const out = new Map<K, number>();
  for (const c of cells) out.set(pick(c), (out.get(pick(c)) ?? 0) + c.count);
  return out;
}

// ---------------------------------------------------------------- hot spots

/** The counter name of a domain × village on the `SPOTS` item. */
export const spotCounter = (domain: DemandDomain, villageCode: string) => `${domain}#${villageCode}`;
/** The village (12 digits) of a region code, or null above village level. */
export const villageOfRegion = (code: string | null | undefined): string | null => (code && code.length >= 12 ? code.slice(0, 12) : null);

export interface HotSpot { domain: DemandDomain; villageCode: string; count: number; previous: number; change: number }

/** The domain × village pairs with the most demands this month (ties: domain, then village), with last month's count. */
export function hotSpots(current: Counters | undefined, previous: Counters | undefined, top = HOT_SPOTS): HotSpot[] {
  const spots: HotSpot[] = [];
  for (const [k, v] of Object.entries(current ?? {})) {
    const [domain, villageCode] = k.split('#') as [DemandDomain, string];
    if (!villageCode || !(DEMAND_DOMAINS as readonly string[]).includes(domain) || Number(v) <= 0) continue;
    const prev = n(previous, k);
    spots.push({ domain, villageCode, count: Number(v), previous: prev, change: Number(v) - prev });
  }
  return spots
    .sort((a, b) => b.count - a.count || b.change - a.change || a.domain.localeCompare(b.domain) || a.villageCode.localeCompare(b.villageCode))
    .slice(0, top);
}

// ---------------------------------------------------------------- applications and reviews

/** On-time rate of concluded applications from the items' running counters, per department. */
export function applicationOnTime(items: readonly { departmentId: string; concluded: number; onTime: number }[]) {
  const byDept = new Map<string, { concluded: number; onTime: number }>();
  for (const i of items) {
    const d = byDept.get(i.departmentId) ?? { concluded: 0, onTime: 0 };
    d.concluded += i.concluded;
    d.onTime += i.onTime;
    byDept.set(i.departmentId, d);
  }
  return [...byDept].map(([departmentId, d]) => ({ departmentId, ...d, onTimeRate: ratio(d.onTime, d.concluded) }));
}

/** Bad reviews (levels 1–2) from the satisfaction counters of a scope (`SAT#M#…`), defaults apart. */
export const badReviews = (c: Counters | undefined) => n(c, 'l1') + n(c, 'l2');
