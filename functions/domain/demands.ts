// Demands (诉求): the clock, the limits an admin may change, the department
// suggestion, merge candidates and who sees what. Pure functions; the state
// machine is in ./demand-flow, the running counters in ./demand-counters. The numbers are DESIGN.md §2's defaults.
// Instants are ISO-8601 UTC; working days are dates in Asia/Shanghai on the
// official calendar; hour limits count clock hours (nights and weekends too).
import type {
  DemandClock, DemandDomain, DemandGrade, DemandLimits, DemandState, DemandType,
} from '../../shared/schemas/demands';
import { demandQueue } from './scopes';
import { shanghaiDate, UnknownCalendarYearError, type Calendar } from './calendar';
import { OPEN_DEMAND_STATES } from './demand-flow';

export * from './demand-flow';
export * from './demand-counters';

// ---------------------------------------------------------------- limits

export const DEFAULT_LIMIT_DAYS: Record<DemandType, number> = { consult: 3, help: 5, complaint: 10, report: 10, suggestion: 15 };
export const YELLOW_AT = 0.75;
export const MERGE_WINDOW_DAYS = 84;
export const MERGE_RADIUS_METRES = 500;

/** Where each domain goes by default; an admin adds region-specific rules. */
export const DEFAULT_ROUTES: DemandLimits['routes'] = [
  { domain: 'social_security', departmentId: 'human-resources' },
  { domain: 'civil_affairs', departmentId: 'civil-affairs' },
  { domain: 'land', departmentId: 'natural-resources' },
  { domain: 'roads', departmentId: 'housing' },
  { domain: 'water', departmentId: 'agriculture' },
  { domain: 'sanitation', departmentId: 'housing' },
  { domain: 'housing', departmentId: 'housing' },
  { domain: 'health', departmentId: 'health' },
  { domain: 'education', departmentId: 'education' },
  { domain: 'agriculture', departmentId: 'agriculture' },
  { domain: 'safety', departmentId: 'public-security' },
  { domain: 'market', departmentId: 'market-regulation' },
  { domain: 'staff_conduct', departmentId: 'efficiency-office' },
  { domain: 'other', departmentId: 'government-services' },
];

export const DEFAULT_DEMAND_LIMITS: DemandLimits = {
  days: { ...DEFAULT_LIMIT_DAYS },
  overrides: [],
  routes: DEFAULT_ROUTES,
  signDays: 1,
  gradeASignHours: 2,
  gradeADays: 1,
  pauseResumeDays: 5,
  evaluationDays: 7,
  reopenDays: 14,
  version: 0,
  updatedAt: null,
};

/** Working days to reply: grade A 1; else the admin's override for type × domain, else the type's limit. */
export function limitDaysFor(type: DemandType, domain: DemandDomain, grade: DemandGrade, limits: DemandLimits = DEFAULT_DEMAND_LIMITS): number {
  if (grade === 'A') return limits.gradeADays;
  return limits.overrides.find((o) => o.type === type && o.domain === domain)?.days ?? limits.days[type];
}

/** A redo (重办) gets half the original limit, at least one working day. */
export const redoLimitDays = (limitDays: number) => Math.max(1, Math.ceil(limitDays / 2));

/** The department for a domain in a region: the most specific matching rule. */
export function suggestDepartment(domain: DemandDomain, regionCode: string | null, routes: DemandLimits['routes']): string | null {
  const matching = routes.filter((r) => r.domain === domain && (!r.regionPrefix || (regionCode ?? '').startsWith(r.regionPrefix)));
  matching.sort((a, b) => (b.regionPrefix?.length ?? 0) - (a.regionPrefix?.length ?? 0));
  return matching[0]?.departmentId ?? null;
}

/** The queue an open demand sits in (intake, returns, its department's), or null once it is no longer open. */
export function bucketOf(d: { state: DemandState; departmentId: string | null }): string | null {
  if (!OPEN_DEMAND_STATES.includes(d.state)) return null;
  if (d.state === 'received') return demandQueue.intake;
  if (d.state === 'returned') return demandQueue.returned;
  return d.departmentId ? demandQueue.dept(d.departmentId) : demandQueue.intake;
}

// ---------------------------------------------------------------- the clock

export interface Pause {
  from: string;
  to: string | null;
}

export interface ClockFacts {
  state: DemandState;
  grade: DemandGrade;
  /** The start of the running phase: the first dispatch, or the redo / reopening. */
  clockStartedAt: string | null;
  /** The latest dispatch or routing: the department's time to sign runs from it. */
  assignedAt: string | null;
  /** Working days of the running phase. */
  limitDays: number | null;
  /** The signing deadline applies to the first phase only. */
  phase: 'first' | 'redo' | 'reopen';
  signedAt: string | null;
  repliedAt: string | null;
  pauses: Pause[];
  extension: { days: number; status: 'requested' | 'approved' | 'denied' } | null;
}

const endOfDay = (date: string) => new Date(`${date}T23:59:59.999+08:00`).toISOString();
const DONE: readonly DemandState[] = ['replied', 'closed', 'merged'];

/** Working days of the pauses since `startedAt`, an open pause counted to `today`. */
function pausedWorkingDays(pauses: Pause[], startedAt: string, today: string, cal: Calendar): number {
  let n = 0;
  for (const p of pauses) {
    if (p.from < startedAt) continue;
    const from = shanghaiDate(new Date(p.from));
    const to = p.to ? shanghaiDate(new Date(p.to)) : today;
    if (to > from) n += cal.workingDaysBetween(from, to);
  }
  return n;
}

/** When the department must sign: grade A in hours after dispatch, else by the end of the Nth working day. */
export function signDueAt(grade: DemandGrade, assignedAt: string, cal: Calendar, limits: Pick<DemandLimits, 'gradeASignHours' | 'signDays'> = DEFAULT_DEMAND_LIMITS): string {
  if (grade === 'A') return new Date(new Date(assignedAt).getTime() + limits.gradeASignHours * 3600_000).toISOString();
  return endOfDay(cal.addWorkingDays(shanghaiDate(new Date(assignedAt)), limits.signDays));
}

const EMPTY_CLOCK = { startedAt: null, signDueAt: null, replyDueOn: null, limitDays: null, usedDays: null, remainingDays: null, pausedDays: 0, signedInTime: null, repliedInTime: null };

/**
 * The clock of a demand at `now`. It runs from the dispatch (not the signing),
 * stands still while the resident is asked for information, grows by an
 * approved extension; yellow at 75 % of the limit used (or of the time to
 * sign), red past either deadline. A year without a published calendar gives
 * `pending`, never a guess.
 */
export function demandClock(c: ClockFacts, now: Date, cal: Calendar, limits: DemandLimits = DEFAULT_DEMAND_LIMITS): DemandClock {
  if (!c.clockStartedAt || c.limitDays === null) return { ...EMPTY_CLOCK, light: DONE.includes(c.state) ? 'done' : 'green' };
  try {
    return clockOn(c, now, cal, limits);
  } catch (err) {
    if (!(err instanceof UnknownCalendarYearError)) throw err;
    return { ...EMPTY_CLOCK, startedAt: c.clockStartedAt, limitDays: c.limitDays, light: DONE.includes(c.state) ? 'done' : 'pending' };
  }
}

function clockOn(c: ClockFacts, now: Date, cal: Calendar, limits: DemandLimits): DemandClock {
  const startedAt = c.clockStartedAt!;
  const startDate = shanghaiDate(new Date(startedAt));
  const done = DONE.includes(c.state);
  const until = done && c.repliedAt ? new Date(c.repliedAt) : now;
  const today = shanghaiDate(until);
  const pausedDays = pausedWorkingDays(c.pauses, startedAt, today, cal);
  const limitDays = c.limitDays! + (c.extension?.status === 'approved' ? c.extension.days : 0);
  const replyDueOn = cal.addWorkingDays(startDate, limitDays + pausedDays);
  const usedDays = Math.max(0, cal.workingDaysBetween(startDate, today) - pausedDays);
  const remainingDays = replyDueOn >= today ? cal.workingDaysBetween(today, replyDueOn) : -cal.workingDaysBetween(replyDueOn, today);
  const signDue = c.phase === 'first' && c.assignedAt ? signDueAt(c.grade, c.assignedAt, cal, limits) : null;
  const signedInTime = !signDue ? null : c.signedAt ? c.signedAt <= signDue : now.toISOString() > signDue ? false : null;
  const repliedInTime = c.repliedAt ? shanghaiDate(new Date(c.repliedAt)) <= replyDueOn : null;
  const base = { startedAt, signDueAt: signDue, replyDueOn, limitDays, usedDays, remainingDays, pausedDays, signedInTime, repliedInTime };
  if (done) return { ...base, light: 'done' };
  if (c.state === 'awaiting_resident') return { ...base, light: 'paused' };
  const signLate = !c.signedAt && signDue !== null && now.toISOString() > signDue;
  if (today > replyDueOn || signLate) return { ...base, light: 'red' };
  const signShare = !c.signedAt && signDue && c.assignedAt
    ? (now.getTime() - new Date(c.assignedAt).getTime()) / (new Date(signDue).getTime() - new Date(c.assignedAt).getTime())
    : 0;
  return { ...base, light: usedDays / limitDays >= YELLOW_AT || signShare >= YELLOW_AT ? 'yellow' : 'green' };
}

/** A pause the resident has not answered ends by itself after 5 working days: due when today is past this day. */
export const autoResumeOn = (pausedAt: string, cal: Calendar, limits: Pick<DemandLimits, 'pauseResumeDays'> = DEFAULT_DEMAND_LIMITS) =>
  cal.addWorkingDays(shanghaiDate(new Date(pausedAt)), limits.pauseResumeDays);

/** The last day to evaluate a reply (7 calendar days); after it the sweep closes it as 基本满意, flagged. */
export function evaluationDueOn(repliedAt: string, limits: Pick<DemandLimits, 'evaluationDays'> = DEFAULT_DEMAND_LIMITS): string {
  const d = new Date(`${shanghaiDate(new Date(repliedAt))}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + limits.evaluationDays);
  return d.toISOString().slice(0, 10);
}

// ---------------------------------------------------------------- merge candidates

export interface Located {
  id: string;
  domain: DemandDomain;
  regionCode: string;
  point: { lat: number; lng: number } | null;
  filedAt: string;
}

const villageOf = (code: string) => (code.length >= 12 ? code.slice(0, 12) : null);

/** Great-circle distance in metres (haversine). */
export function distanceMetres(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = (x: number) => (x * Math.PI) / 180;
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
}

/** Same domain, filed in the last 12 weeks, and the same village or (with points) within 500 m. */
export function isMergeCandidate(d: Located, other: Located, now: Date): boolean {
  if (other.id === d.id || other.domain !== d.domain) return false;
  if (new Date(other.filedAt).getTime() < now.getTime() - MERGE_WINDOW_DAYS * 86_400_000) return false;
  const village = villageOf(d.regionCode);
  if (village && village === villageOf(other.regionCode)) return true;
  return !!d.point && !!other.point && distanceMetres(d.point, other.point) <= MERGE_RADIUS_METRES;
}

// ---------------------------------------------------------------- who sees what

export interface DemandScope {
  state: DemandState;
  departmentId: string | null;
  intakeBy: string | null;
  returnedBy: readonly string[];
  anonymous: boolean;
}
interface StaffLike {
  username: string;
  role: string;
  departmentId: string | null;
}
const EVERYWHERE = ['admin', 'supervisor'];

/**
 * Supervisors and admins see every demand; any staff member sees those
 * waiting for a first taker (首问); the one who entered it follows it; a
 * department sees what is (or was, until it returned it) dispatched to it.
 */
export function staffSeesDemand(s: StaffLike, d: DemandScope): boolean {
  if (EVERYWHERE.includes(s.role) || d.state === 'received' || d.intakeBy === s.username) return true;
  return !!s.departmentId && (d.departmentId === s.departmentId || d.returnedBy.includes(s.departmentId));
}

/** 对部门匿名: only the supervisor (and admin) and the person who took it in see an anonymous reporter. */
export const staffSeesReporter = (s: StaffLike, d: DemandScope): boolean =>
  !d.anonymous || EVERYWHERE.includes(s.role) || d.intakeBy === s.username;
