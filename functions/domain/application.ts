// Applications (办件): the case record, and the legal clock of DESIGN.md.
// Pure functions; dates are YYYY-MM-DD in Asia/Shanghai on the official
// working-day calendar.
import type { CertificateGrant } from '../../shared/schemas/catalog';
import type { RegionLevel } from '../../shared/enums';
import { PROXY_STEPS, type ApplicationState, type ProxyStep } from '../../shared/schemas/applications';
import { CLOSED, CONCLUDED } from './application-flow';
import { UnknownCalendarYearError, type Calendar } from './calendar';

export { APPLICATION_STATES, APPLICATION_STATE_LABELS, PROXY_STEPS, PROXY_STEP_LABELS } from '../../shared/schemas/applications';
export type { ApplicationState, ProxyStep } from '../../shared/schemas/applications';
// The state machine has its own module (the mini-program imports it too); re-exported for the server side.
export {
  APPLICATION_ACTIONS, CLOSED, CONCLUDED, OPEN, TRANSITIONS, canWithdraw, nextState, IllegalTransitionError, type ApplicationAction,
} from './application-flow';

/** A period the promised clock stands still (补齐补正 after acceptance is impossible; 挂起 is). */
export interface Pause {
  from: string;
  to: string | null;
}

export interface ClockInput {
  state: ApplicationState;
  /** The day of the latest (re)submission: the intake clock runs from it. */
  submittedOn: string;
  /** The day of the first submission: a late intake counts from it (Administrative Licensing Law art. 32). */
  firstSubmittedOn: string;
  acceptedOn: string | null;
  concludedOn: string | null;
  promisedDays: number;
  statutoryDays: number;
  extensionDays: number;
  pauses: Pause[];
}

/** A stored case (the store decodes it; the domain decides on it). */
export interface CaseRecord extends Omit<ClockInput, 'extensionDays'> {
  id: string;
  caseNumber: string;
  residentId: string;
  /** The applicant's town when they applied (satisfaction per town). */
  townCode?: string | null;
  applicantName: string;
  applicantPhone: string | null;
  serviceCode: string;
  serviceName: string;
  /** The item's lowest handling level when applied for: a town-level item's cases are also the town's. */
  handlingLevel?: RegionLevel | null;
  /** What approval grants (the item's `grants` when applied for): recorded for the renewal reminder. */
  grants?: CertificateGrant | null;
  departmentId: string;
  departmentName: string;
  previousState: ApplicationState | null;
  materials: { name: string; required: boolean; provided: boolean; uploadKeys: string[] }[];
  missing: { name: string; note?: string }[];
  materialsRequests: number;
  handler: { username: string; name: string; phone: string | null } | null;
  proxy: { agentUsername: string; agentName: string; agentPhone: string | null; steps: { step: ProxyStep; at: string; note: string | null }[] } | null;
  extension: { days: number; reason: string } | null;
  submittedAt: string;
  updatedAt: string;
  version: number;
}

/** One entry of a case's append-only timeline. */
export interface CaseEvent {
  at: string;
  actor: string;
  action: string;
  from: ApplicationState | null;
  to: ApplicationState | null;
  note: string | null;
}

export type Light = 'green' | 'yellow' | 'red' | 'paused' | 'done' | 'pending';

export interface Clock {
  /** Last day for the intake decision (5 working days after submission); null while its year's calendar is unpublished. */
  intakeDueOn: string | null;
  /** No intake decision in time: counted as accepted from the first submission. */
  deemedAccepted: boolean;
  /** The day the promised clock starts from (null before acceptance). */
  startOn: string | null;
  pausedDays: number;
  promisedDueOn: string | null;
  statutoryDueOn: string | null;
  /** Working days left until the promised deadline (negative when overdue). */
  remainingDays: number | null;
  light: Light;
  /** For a concluded case: finished by the promised deadline? */
  onTime: boolean | null;
  /** A deadline this case is measured by falls in a year whose calendar is not published: 待定（节假日安排未公布）. */
  deadlinePending: boolean;
}

export const INTAKE_WORKING_DAYS = 5;

/** Working days of the pauses that fall after `startOn`, up to `today` for an open pause. */
function pausedWorkingDays(pauses: Pause[], startOn: string, today: string, cal: Calendar): number {
  let total = 0;
  for (const p of pauses) {
    const from = p.from < startOn ? startOn : p.from;
    const to = p.to ?? today;
    if (to > from) total += cal.workingDaysBetween(from, to);
  }
  return total;
}

/** Signed working days from `today` to `due`: positive = left, negative = overdue. */
function signedWorkingDays(today: string, due: string, cal: Calendar): number {
  return due >= today ? cal.workingDaysBetween(today, due) : -cal.workingDaysBetween(due, today);
}

/**
 * The clock of a case today. When a deadline falls in a year whose calendar
 * is not published yet, the deadline is unknown (light `pending`), never guessed.
 */
export function computeClock(c: ClockInput, today: string, cal: Calendar): Clock {
  try {
    return clockOn(c, today, cal);
  } catch (err) {
    if (!(err instanceof UnknownCalendarYearError)) throw err;
    const concluded = CLOSED.includes(c.state);
    return {
      intakeDueOn: null, deemedAccepted: false, startOn: c.acceptedOn, pausedDays: 0, promisedDueOn: null, statutoryDueOn: null,
      remainingDays: null, light: concluded ? 'done' : 'pending', onTime: null, deadlinePending: true,
    };
  }
}

/** A date computation that needs an unpublished year's calendar gives null. */
function known<T>(f: () => T): T | null {
  try {
    return f();
  } catch (err) {
    if (err instanceof UnknownCalendarYearError) return null;
    throw err;
  }
}

function clockOn(c: ClockInput, today: string, cal: Calendar): Clock {
  const intakeDueOn = known(() => cal.addWorkingDays(c.submittedOn, INTAKE_WORKING_DAYS));
  const pending = c.state === 'submitted' || (c.state === 'suspended' && !c.acceptedOn);
  const lateAcceptance = c.acceptedOn !== null && intakeDueOn !== null && c.acceptedOn > intakeDueOn;
  const deemedAccepted = (pending && intakeDueOn !== null && today > intakeDueOn) || lateAcceptance;
  const startOn = deemedAccepted ? c.firstSubmittedOn : c.acceptedOn;
  const concluded = CONCLUDED.includes(c.state);
  const paused = c.state === 'awaiting_materials' || c.state === 'suspended';
  if (!startOn || c.state === 'rejected') {
    return {
      intakeDueOn, deemedAccepted: false, startOn: null, pausedDays: 0, promisedDueOn: null, statutoryDueOn: null,
      remainingDays: null,
      light: CLOSED.includes(c.state) ? 'done' : paused ? 'paused' : intakeDueOn === null ? 'pending' : today >= intakeDueOn ? 'yellow' : 'green',
      onTime: c.state === 'rejected' && intakeDueOn !== null ? c.concludedOn !== null && c.concludedOn <= intakeDueOn : null,
      // Before acceptance the intake deadline is the one that counts.
      deadlinePending: c.state !== 'withdrawn' && intakeDueOn === null,
    };
  }
  const end = concluded && c.concludedOn ? c.concludedOn : today;
  const pausedDays = known(() => pausedWorkingDays(c.pauses, startOn, end, cal)) ?? 0;
  const promisedDueOn = known(() => cal.addWorkingDays(startOn, c.promisedDays + c.extensionDays + pausedDays));
  const statutoryDueOn = known(() => cal.addWorkingDays(startOn, c.statutoryDays + pausedDays));
  if (concluded) {
    const onTime = promisedDueOn === null ? null : (c.concludedOn ?? today) <= promisedDueOn;
    return {
      intakeDueOn, deemedAccepted, startOn, pausedDays, promisedDueOn, statutoryDueOn, remainingDays: null, light: 'done', onTime,
      deadlinePending: promisedDueOn === null || statutoryDueOn === null,
    };
  }
  const remainingDays = promisedDueOn === null ? null : known(() => signedWorkingDays(today, promisedDueOn, cal));
  const light: Light =
    c.state === 'suspended' ? 'paused'
    : promisedDueOn === null || remainingDays === null ? 'pending'
    : today > promisedDueOn ? 'red'
    : remainingDays <= 1 ? 'yellow'
    : 'green';
  return {
    intakeDueOn, deemedAccepted, startOn, pausedDays, promisedDueOn, statutoryDueOn, remainingDays, light, onTime: null,
    deadlinePending: promisedDueOn === null || statutoryDueOn === null,
  };
}

/** The clock of a stored case, whose one extension is a record (days and reason). */
export const caseClock = (c: Omit<ClockInput, 'extensionDays'> & { extension: { days: number } | null }, today: string, cal: Calendar) =>
  computeClock({ ...c, extensionDays: c.extension?.days ?? 0 }, today, cal);

/** Working days from the start to the conclusion, pauses excluded: the item's performance figure. */
export function workingDaysTaken(c: ClockInput, cal: Calendar): number | null {
  const clock = computeClock(c, c.concludedOn ?? c.submittedOn, cal);
  if (!clock.startOn || !c.concludedOn) return null;
  return Math.max(0, cal.workingDaysBetween(clock.startOn, c.concludedOn) - clock.pausedDays);
}

// Proxy handling (全程代办): the agent's steps, in order.
/** The step after `done` (the last recorded), or null when the proxy work is complete. */
export function nextProxyStep(done: ProxyStep | null): ProxyStep | null {
  const i = done ? PROXY_STEPS.indexOf(done) : -1;
  return PROXY_STEPS[i + 1] ?? null;
}
