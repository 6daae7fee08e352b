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

/** The register's base items: each scope's counts, name and town (the coverage page needs no other read). */
export function registerBase(
  households: (HouseholdPlace & { tags: readonly HouseholdTag[] })[], countyCode: string, nameOf: (level: CoverageLevel, code: string) => string,
): (Base & { scope: string; code: string; name: string; townCode: string | null })[] {
  const townOfScope = new Map<string, string>();
  for (const h of households) for (const s of scopesOf(h).slice(1)) townOfScope.set(s, h.townCode);
  return [...baseOf(households)].map(([scope, b]) => {
    const level = levelOf(scope);
    const code = parseScope(scope)?.id ?? countyCode;
    return { scope, code, name: nameOf(level, code), townCode: townOfScope.get(scope) ?? null, ...b };
  });
}
