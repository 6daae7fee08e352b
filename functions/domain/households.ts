// 包联 rules: every paired household is contacted at least once per calendar
// month (Asia/Shanghai). Its light, what one contact adds to the monthly
// coverage counters, and the coverage figures read back from them. Pure.
//
// done    = contacted this month
// due     = not yet this month, but contacted in the previous month
// overdue = neither this month nor in the previous month (or never)
import {
  MUST_ATTEND_OCCASIONS, MUST_VISIT_TAGS,
  type ContactKind, type ContactLight, type ContactOccasion, type CoverageLevel, type HouseholdTag,
} from '../../shared/schemas/households';
import { shanghaiMonth, shiftMonth } from './monthly-report';
import { parseScope, scope } from './scopes';

export { shanghaiMonth, shiftMonth };
export type Counters = Record<string, number>;

export const hasMustVisitTag = (tags: readonly HouseholdTag[]): boolean => tags.some((t) => (MUST_VISIT_TAGS as readonly string[]).includes(t));
export const isMustAttend = (o: ContactOccasion): boolean => (MUST_ATTEND_OCCASIONS as readonly string[]).includes(o);

/** The household's light on `now`, from its last contact (the latest one recorded). */
export function contactLight(lastContactAt: string | null | undefined, now: Date): ContactLight {
  if (!lastContactAt) return 'overdue';
  const month = shanghaiMonth(now);
  const last = shanghaiMonth(lastContactAt);
  if (last >= month) return 'done';
  return last === shiftMonth(month, -1) ? 'due' : 'overdue';
}

/** The county → town → village → cadre scopes a household's contacts count in. */
export interface HouseholdPlace {
  townCode: string;
  villageCode: string;
  cadreUsername: string;
}
export const scopesOf = (h: HouseholdPlace): string[] => [scope.county, scope.town(h.townCode), scope.village(h.villageCode), scope.cadre(h.cadreUsername)];

/**
 * When a contact may be dated: not in the future (a few minutes of clock
 * drift allowed) and not before the previous month began, since the counters
 * of older months are closed. A zh-CN problem, or null.
 */
export function contactTimeProblem(at: Date, now: Date): string | null {
  if (at.getTime() > now.getTime() + 5 * 60_000) return '联系时间不能晚于现在';
  if (shanghaiMonth(at) < shiftMonth(shanghaiMonth(now), -1)) return '只能补记本月和上月的联系';
  return null;
}

/** Which of the household's month markers exist (read before the contact's transaction, asserted in it). */
export interface MarkerState {
  /** Contacted in the month before the contact's month, in it, and in the month after. */
  prev: boolean;
  this: boolean;
  next: boolean;
  /** A must-visit household already visited in person in the contact's month. */
  visited: boolean;
}

export interface ContactFacts {
  month: string;
  kind: ContactKind;
  occasion: ContactOccasion;
  tags: readonly HouseholdTag[];
  withDemand: boolean;
}

export interface ContactPlan {
  /** Marker items to create (`attribute_not_exists`): the household-month, the must-visit visit. */
  create: { month: boolean; visit: boolean };
  /** Counters to ADD, by month (the contact's month and, for a late contact, the month after). */
  adds: Record<string, Counters>;
}

/**
 * What one contact adds. `contacted` counts a household once per month (its
 * marker decides); `continued` counts households contacted in both a month
 * and the one before it, so that the overdue figure needs no Scan:
 * overdue(M) = households − (contacted(M−1) + contacted(M) − continued(M)).
 */
export function planContact(f: ContactFacts, m: MarkerState): ContactPlan {
  const first = !m.this;
  const visit = f.kind === 'visit' && hasMustVisitTag(f.tags) && !m.visited;
  const here: Counters = { contacts: 1 };
  if (first) here.contacted = 1;
  if (first && m.prev) here.continued = 1;
  if (visit) here.mustVisitVisited = 1;
  if (isMustAttend(f.occasion)) here.eventsAttended = 1;
  if (f.withDemand) here.demandsRaised = 1;
  const adds: Record<string, Counters> = { [f.month]: here };
  // A late contact for last month when this month's contact is already in: the pair continues into this month.
  if (first && m.next) adds[shiftMonth(f.month, 1)] = { continued: 1 };
  return { create: { month: first, visit }, adds };
}

export interface Base {
  households: number;
  mustVisit: number;
}

export interface CoverageFigures {
  households: number;
  contacted: number;
  overdue: number;
  mustVisitHouseholds: number;
  mustVisitVisited: number;
  eventsAttended: number;
  demandsRaised: number;
  demandsResolved: number;
  noContactReports: number;
  rate: number | null;
}

const n = (c: Counters | undefined, name: string) => Number(c?.[name] ?? 0);

/** One scope's figures for a month, from its base and the month's and the previous month's counters. */
export function coverageFigures(base: Base | undefined, month: Counters | undefined, previous: Counters | undefined): CoverageFigures {
  const households = base?.households ?? 0;
  const contacted = n(month, 'contacted');
  const reached = n(previous, 'contacted') + contacted - n(month, 'continued');
  return {
    households,
    contacted,
    overdue: Math.max(0, households - reached),
    mustVisitHouseholds: base?.mustVisit ?? 0,
    mustVisitVisited: n(month, 'mustVisitVisited'),
    eventsAttended: n(month, 'eventsAttended'),
    demandsRaised: n(month, 'demandsRaised'),
    demandsResolved: n(month, 'demandsResolved'),
    noContactReports: n(month, 'noContactReports'),
    rate: households ? Math.min(1, contacted / households) : null,
  };
}

/** Why a scope is under coverage: any overdue household; below 100 % once the month is over; residents saying nobody came. */
export function coverageFlags(f: CoverageFigures, monthEnded: boolean): string[] {
  const flags: string[] = [];
  if (f.overdue > 0) flags.push(`${f.overdue}户逾期未联系`);
  if (monthEnded && f.contacted < f.households) flags.push(`月底覆盖${Math.round((f.rate ?? 0) * 100)}%`);
  if (f.noContactReports > 0) flags.push(`${f.noContactReports}条未联系反映`);
  return flags;
}

/** The month is over on `now` (Asia/Shanghai). */
export const monthEnded = (month: string, now: Date): boolean => month < shanghaiMonth(now);

/** A register scope's level: the county, a town, a village or a cadre. */
export const levelOf = (s: string): CoverageLevel => parseScope(s)?.kind as CoverageLevel;

/** Households' light tallies (the list's header). */
export function lightCounts(lights: ContactLight[]): Record<ContactLight, number> {
  const counts = { done: 0, due: 0, overdue: 0 };
  for (const l of lights) counts[l] += 1;
  return counts;
}

/** Base counts per scope of a set of households (the register: the seed, an import). */
export function baseOf(households: (HouseholdPlace & { tags: readonly HouseholdTag[] })[]): Map<string, Base> {
  const out = new Map<string, Base>();
  for (const h of households) {
    for (const scope of scopesOf(h)) {
      const b = out.get(scope) ?? { households: 0, mustVisit: 0 };
      b.households += 1;
      if (hasMustVisitTag(h.tags)) b.mustVisit += 1;
      out.set(scope, b);
    }
  }
  return out;
}

/** A register scope's name, code and town (what the coverage page shows of it). */
export function scopeLabel(s: string, townCode: string, countyCode: string, nameOf: (level: CoverageLevel, code: string) => string): { code: string; name: string; townCode: string | null } {
  const level = levelOf(s);
  const code = parseScope(s)?.id ?? countyCode;
  return { code, name: nameOf(level, code), townCode: level === 'county' ? null : townCode };
}

/** The register's base items: each scope's counts, name and town (the coverage page needs no other read). */
export function registerBase(
  households: (HouseholdPlace & { tags: readonly HouseholdTag[] })[], countyCode: string, nameOf: (level: CoverageLevel, code: string) => string,
): (Base & { scope: string; code: string; name: string; townCode: string | null })[] {
  const townOfScope = new Map<string, string>();
  for (const h of households) for (const s of scopesOf(h)) townOfScope.set(s, h.townCode);
  return [...baseOf(households)].map(([scope, b]) => ({ scope, ...scopeLabel(scope, townOfScope.get(scope)!, countyCode, nameOf), ...b }));
}

// ---------------------------------------------------------------- changing the register

/**
 * Where a cadre may keep a household: a village or group inside the cadre's
 * own area (their village, or a village of their town). A zh-CN problem, or null.
 */
export function householdPlaceProblem(regionCode: string, cadreRegionCode: string): string | null {
  if (regionCode.length < 12) return '请选择户所在的村或组';
  if (!regionCode.startsWith(cadreRegionCode)) return '该村组不在包联干部的包联范围内';
  return null;
}

/** A household's scopes from its village or group and its cadre. */
export const placeOf = (regionCode: string, cadreUsername: string): HouseholdPlace => ({
  townCode: regionCode.slice(0, 9), villageCode: regionCode.slice(0, 12), cadreUsername,
});

export type RegisterFacts = HouseholdPlace & { tags: readonly HouseholdTag[] };

/** The household's month markers that the current month's figures rest on (`MONTH#<m>`, `VISIT#<m>`). */
export interface HouseholdMarks {
  contacted: readonly string[];
  visited: readonly string[];
}

/** The markers to read before a change: contacted in M−2…M (M−1's reach needs M−2), visited in M−1 and M. */
export const marksToRead = (month: string): { contacted: string[]; visited: string[] } => ({
  contacted: [shiftMonth(month, -2), shiftMonth(month, -1), month],
  visited: [shiftMonth(month, -1), month],
});

/** A counter change: the register's base (`month` null) or a month's counters, of one scope. */
export interface CounterDelta {
  month: string | null;
  scope: string;
  adds: Counters;
}

/**
 * What one household contributes to the counters the current month's and the
 * previous month's figures are read from: the base (households, must-visit) and,
 * from its markers, `contacted`, `continued` and `mustVisitVisited` (the latter
 * while it is a must-visit household). Contacts, events and demands stay with
 * the scopes where they happened.
 */
export function householdCounts(h: RegisterFacts, marks: HouseholdMarks, month: string): CounterDelta[] {
  const must = hasMustVisitTag(h.tags);
  const was = (m: string) => marks.contacted.includes(m);
  const perMonth: [string | null, Counters][] = [[null, { households: 1, mustVisit: must ? 1 : 0 }]];
  const [m2, m1] = [shiftMonth(month, -2), shiftMonth(month, -1)];
  perMonth.push([m2, { contacted: was(m2) ? 1 : 0 }]);
  for (const [m, before] of [[m1, m2], [month, m1]] as const) {
    perMonth.push([m, { contacted: was(m) ? 1 : 0, continued: was(m) && was(before) ? 1 : 0, mustVisitVisited: must && marks.visited.includes(m) ? 1 : 0 }]);
  }
  return scopesOf(h).flatMap((scope) => perMonth.map(([m, adds]) => ({ month: m, scope, adds })));
}

/**
 * The counter changes of a register change, netted per scope: a new household
 * (`before` null), a changed or moved one, one taken off the register (`after`
 * null). Zero changes are left out, so a scope the household stays in is not touched.
 */
export function registerChange(before: RegisterFacts | null, after: RegisterFacts | null, marks: HouseholdMarks, month: string): CounterDelta[] {
  const sum = new Map<string, CounterDelta>();
  const add = (deltas: CounterDelta[], sign: number) => {
    for (const d of deltas) {
      const id = `${d.month ?? 'BASE'}|${d.scope}`;
      const cur = sum.get(id) ?? { month: d.month, scope: d.scope, adds: {} };
      for (const [name, n] of Object.entries(d.adds)) cur.adds[name] = (cur.adds[name] ?? 0) + sign * n;
      sum.set(id, cur);
    }
  };
  if (before) add(householdCounts(before, marks, month), -1);
  if (after) add(householdCounts(after, marks, month), 1);
  return [...sum.values()]
    .map((d) => ({ ...d, adds: Object.fromEntries(Object.entries(d.adds).filter(([, n]) => n !== 0)) }))
    .filter((d) => Object.keys(d.adds).length > 0);
}
