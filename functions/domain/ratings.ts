// Ratings (好差评): what may be rated and how, the rates and flags that hold
// units and cadres to account, and the rectification ticket's state machine.
// Pure functions; the numbers are DESIGN.md's.
import type { BadReason, Flag, RatingLevel, Satisfaction, TicketAction, TicketStatus } from '../../shared/schemas/ratings';
import { UnknownCalendarYearError, type Calendar } from './calendar';

// What makes a rating acceptable lives apart, so the rating form can import it without the calendar.
export { isBad, ratingErrors, type RatingInput } from './rating-rules';

/** A rating may be changed (replaced) for this long after it was given. */
export const CHANGE_WINDOW_HOURS = 24;
/** Not rated this many days after conclusion → recorded as a default rating. */
export const DEFAULT_AFTER_DAYS = 7;
export const DEFAULT_LEVEL: RatingLevel = 3;
/** Working days a unit has to handle a bad review's ticket (RECTIFY_WORKING_DAYS overrides). */
export const RECTIFY_WORKING_DAYS = 5;
/** A unit or cadre under this satisfaction rate is summoned (约谈). */
export const SUMMON_BELOW = 0.75;
/** A cadre under this rate cannot be rated excellent or promoted. */
export const PROMOTION_BELOW = 0.8;

export function rectifyWorkingDays(env: string | undefined = process.env.RECTIFY_WORKING_DAYS): number {
  const n = Number(env);
  return Number.isInteger(n) && n >= 1 && n <= 30 ? n : RECTIFY_WORKING_DAYS;
}

export const changeableUntil = (ratedAt: string): string =>
  new Date(new Date(ratedAt).getTime() + CHANGE_WINDOW_HOURS * 3600_000).toISOString();

export const canChange = (ratedAt: string, now: Date): boolean => now.getTime() < new Date(ratedAt).getTime() + CHANGE_WINDOW_HOURS * 3600_000;

/** The last day to rate before a default is recorded: 7 calendar days after conclusion. */
export function defaultDueOn(concludedOn: string): string {
  const d = new Date(`${concludedOn}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + DEFAULT_AFTER_DAYS);
  return d.toISOString().slice(0, 10);
}

/** Running counts of one scope and period: l1…l5 per level, plus defaults kept apart. */
export interface LevelCounts {
  l1?: number;
  l2?: number;
  l3?: number;
  l4?: number;
  l5?: number;
  defaults?: number;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/**
 * Counts and rates. Default ratings are reported separately and left out of
 * the rates, so silence can neither lift nor sink a unit.
 */
export function summarize(c: LevelCounts): Satisfaction {
  const levels = [c.l1, c.l2, c.l3, c.l4, c.l5].map((n) => Math.max(0, Number(n ?? 0)));
  const total = levels.reduce((a, b) => a + b, 0);
  const satisfied = levels[2]! + levels[3]! + levels[4]!;
  const good = levels[3]! + levels[4]!;
  return {
    total,
    levels,
    defaults: Math.max(0, Number(c.defaults ?? 0)),
    satisfactionRate: total ? round3(satisfied / total) : null,
    goodRate: total ? round3(good / total) : null,
  };
}

/** A unit: summoned under 75 %. */
export function unitFlags(s: Satisfaction): Flag[] {
  return s.satisfactionRate !== null && s.satisfactionRate < SUMMON_BELOW ? ['summon'] : [];
}

/** A cadre: summoned under 75 %, no promotion under 80 %. */
export function cadreFlags(s: Satisfaction): Flag[] {
  const rate = s.satisfactionRate;
  if (rate === null) return [];
  const flags: Flag[] = [];
  if (rate < SUMMON_BELOW) flags.push('summon');
  if (rate < PROMOTION_BELOW) flags.push('promotion_veto');
  return flags;
}

/**
 * The three departments with the lowest satisfaction rate among those rated;
 * ties go to the department with more ratings (a firmer verdict), then by id.
 * A ranking needs more than three rated departments, and a department level
 * with the best is never at the bottom.
 */
export function bottomThree(rows: { id: string; s: Satisfaction }[]): string[] {
  const rated = rows.filter((r) => r.s.satisfactionRate !== null);
  if (rated.length <= 3) return [];
  const best = Math.max(...rated.map((r) => r.s.satisfactionRate!));
  return rated
    .filter((r) => r.s.satisfactionRate! < best)
    .sort((a, b) => a.s.satisfactionRate! - b.s.satisfactionRate! || b.s.total - a.s.total || a.id.localeCompare(b.id))
    .slice(0, 3)
    .map((r) => r.id);
}

/** The six months ending with `month` (YYYY-MM), oldest first. */
export function trailingMonths(month: string, n = 6): string[] {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return Array.from({ length: n }, (_, i) => {
    const d = new Date(Date.UTC(y, m - 1 - (n - 1 - i), 1));
    return d.toISOString().slice(0, 7);
  });
}

/** The ticket's deadline: N working days after the day it was opened; null while that year's calendar is unpublished. */
export function ticketDueOn(cal: Calendar, createdOn: string, days: number): string | null {
  try {
    return cal.addWorkingDays(createdOn, days);
  } catch (err) {
    if (err instanceof UnknownCalendarYearError) return null;
    throw err;
  }
}

/** Finished tickets: nothing left for the unit to do. */
export const TICKET_FINISHED: readonly TicketStatus[] = ['closed', 'voided', 'withdrawn'];

export const isTicketOverdue = (t: { status: TicketStatus; dueOn: string | null }, today: string): boolean =>
  !TICKET_FINISHED.includes(t.status) && t.dueOn !== null && today > t.dueOn;

/** verify → rectify → follow up with the resident → publish; appeal while the facts are still being established. */
export const TICKET_TRANSITIONS: Record<TicketAction, { from: readonly TicketStatus[]; to: TicketStatus }> = {
  verify: { from: ['open'], to: 'verified' },
  rectify: { from: ['verified'], to: 'rectified' },
  follow_up: { from: ['rectified'], to: 'followed_up' },
  publish: { from: ['followed_up'], to: 'closed' },
  appeal: { from: ['open', 'verified'], to: 'appealed' },
};

/** The status after `action`, or null when the action is not allowed now. */
export function nextTicketStatus(status: TicketStatus, action: TicketAction): TicketStatus | null {
  const t = TICKET_TRANSITIONS[action];
  return t.from.includes(status) ? t.to : null;
}

/** Upheld: the review is voided. Dismissed: the ticket goes back to where it was. */
export function appealOutcome(decision: 'upheld' | 'dismissed', before: TicketStatus): TicketStatus {
  return decision === 'upheld' ? 'voided' : before;
}

/** A resident may change a bad review only while its ticket is untouched. */
export const ticketAllowsChange = (status: TicketStatus | null): boolean => status === null || status === 'open' || status === 'withdrawn';

/** A department × item pair with fewer bad reviews than this is shown by department only: in a village a rare item names its applicant. */
export const PUBLIC_BREAKDOWN_MIN = 3;

export interface PublicTicketInput {
  createdOn: string;
  serviceName: string;
  departmentId: string;
  departmentName: string;
  level: number;
  reasons: BadReason[];
  status: TicketStatus;
  outcome: string | null;
}

/**
 * Bad reviews as the public page shows them: the month only (never the day
 * or time), and the item only when its department has at least
 * PUBLIC_BREAKDOWN_MIN reviews of it among those shown.
 */
export function publicBadReviews<T extends PublicTicketInput>(tickets: T[]) {
  const pair = (t: T) => `${t.departmentId}\u0000${t.serviceName}`;
  const counts = new Map<string, number>();
  for (const t of tickets) counts.set(pair(t), (counts.get(pair(t)) ?? 0) + 1);
  return tickets.map((t) => ({
    month: t.createdOn.slice(0, 7),
    serviceName: (counts.get(pair(t)) ?? 0) >= PUBLIC_BREAKDOWN_MIN ? t.serviceName : null,
    departmentName: t.departmentName,
    level: t.level,
    reasons: t.reasons,
    status: t.status,
    outcome: t.outcome,
  }));
}
