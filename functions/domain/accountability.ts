// Valid complaints (查实有效) and what they cost: the per-person ladder over a
// rolling two years and the department's apologies per calendar year
// (DESIGN.md §2, the Guangdong city report). Pure functions; dates are
// Asia/Shanghai calendar dates (YYYY-MM-DD).
import { LADDER_ACTIONS, type APOLOGY_KINDS } from '../../shared/schemas/accountability';
import { UnknownCalendarYearError, type Calendar } from './calendar';
import { scope } from './scopes';

export { LADDER_ACTIONS };

export const LADDER_WINDOW_YEARS = 2;
export const APOLOGY_WORKING_DAYS = 5;

export type LadderAction = (typeof LADDER_ACTIONS)[number];
export const LADDER_ACTION_LABELS: Record<LadderAction, string> = {
  admonish: '约谈',
  find_incompetent: '认定不胜任',
  training: '培训',
  transfer: '调整岗位',
  warning: '警告',
  sanction: '从重处理',
  propose_dismissal: '建议辞退',
};

/** The ladder: the Nth valid complaint in the window owes these actions; five and above owe the last step's. */
export const LADDER: readonly { step: number; label: string; actions: readonly LadderAction[] }[] = [
  { step: 1, label: '约谈', actions: ['admonish'] },
  { step: 2, label: '认定不胜任并培训', actions: ['find_incompetent', 'training'] },
  { step: 3, label: '调岗并警告', actions: ['transfer', 'warning'] },
  { step: 4, label: '从重处理', actions: ['sanction'] },
  { step: 5, label: '建议辞退', actions: ['propose_dismissal'] },
];
export const MAX_LADDER_STEP = LADDER.length;

/** The first day of the rolling window ending on `today`: the same date two years before, plus one day (29 Feb → 1 Mar). */
export function ladderWindowStart(today: string): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const start = new Date(Date.UTC(y - LADDER_WINDOW_YEARS, m - 1, d));
  // 29 Feb of a leap year two years back does not exist: Date rolls it to 1 Mar, already the day after.
  if (start.getUTCMonth() === m - 1) start.setUTCDate(start.getUTCDate() + 1);
  return start.toISOString().slice(0, 10);
}

/** Valid complaints decided within the rolling two years ending on `today`. */
export const validInWindow = (decidedOn: readonly string[], today: string): number => {
  const from = ladderWindowStart(today);
  return decidedOn.filter((d) => d >= from && d <= today).length;
};

/** The step a count reaches (0 = none; capped at the last step). */
export const ladderStep = (count: number): number => Math.min(Math.max(0, Math.floor(count)), MAX_LADDER_STEP);

/** The actions a step owes (none for 0). */
export const actionsOwedAt = (step: number): readonly LadderAction[] => (step >= 1 ? LADDER[ladderStep(step) - 1]!.actions : []);

export interface LadderEntry {
  complaintId: string;
  decidedOn: string;
  step: number;
  actions: { action: LadderAction; doneAt: string | null; note: string | null }[];
}

/** The step a new valid complaint decided on `decidedOn` puts the person on, given their earlier ones. */
export function nextLadderEntry(earlier: readonly string[], complaintId: string, decidedOn: string): LadderEntry {
  const step = ladderStep(validInWindow([...earlier, decidedOn], decidedOn));
  return { complaintId, decidedOn, step, actions: actionsOwedAt(step).map((action) => ({ action, doneAt: null, note: null })) };
}

/** A person's standing today: count in the window, the step reached, and every action still owed (from any entry). */
export function ladderStanding(entries: readonly LadderEntry[], today: string) {
  const count = validInWindow(entries.map((e) => e.decidedOn), today);
  const owed = entries.flatMap((e) => e.actions.filter((a) => !a.doneAt).map((a) => ({ complaintId: e.complaintId, step: e.step, action: a.action })));
  return { count, step: ladderStep(count), owed };
}

// ---------------------------------------------------------------- apologies

export type ApologyKind = (typeof APOLOGY_KINDS)[number];
export const APOLOGY_LABELS: Record<ApologyKind, string> = { private: '部门负责人向投诉人当面致歉', public: '部门公开致歉' };

/** The Nth valid complaint of a department in a calendar year: 1st → a private apology, 2nd → public, later ones none. */
export const apologyFor = (nthInYear: number): ApologyKind | null => (nthInYear === 1 ? 'private' : nthInYear === 2 ? 'public' : null);

/** Due 5 working days after the decision; null while that year's calendar is unpublished. */
export function apologyDueOn(decidedOn: string, cal: Calendar): string | null {
  try {
    return cal.addWorkingDays(decidedOn, APOLOGY_WORKING_DAYS);
  } catch (err) {
    if (err instanceof UnknownCalendarYearError) return null;
    throw err;
  }
}

export const isApologyOverdue = (a: { dueOn: string | null; doneAt: string | null }, today: string): boolean =>
  !a.doneAt && a.dueOn !== null && today > a.dueOn;

// ---------------------------------------------------------------- the decision

/** What the resident reads on the timeline: that it was investigated and the outcome, never the sanction. */
export const COMPLAINT_OPENED_NOTE = '督查部门已对投诉立案核查';
export const complaintOutcomeNote = (valid: boolean) =>
  valid ? '经核查，投诉反映的问题属实，已责成整改并依规处理' : '经核查，投诉反映的问题未能查实';

/** A valid complaint counts in the month of the decision for the county, the person's department and the demand's town. */
export function validComplaintCounters(where: { departmentId: string | null; townCode: string | null }): { scope: string; adds: Record<string, number> }[] {
  return [scope.county, where.departmentId && scope.dept(where.departmentId), where.townCode && scope.town(where.townCode)]
    .filter((s): s is string => !!s)
    .map((scope) => ({ scope, adds: { validComplaints: 1 } }));
}

/** What the caller may do with a complaint now: the named person states their case once while it is investigated; the supervisor decides. */
export function complaintActions(c: { status: string; statement: unknown; staffUsername: string }, viewer: { username: string; role: string }): ('state_case' | 'decide')[] {
  if (c.status !== 'investigating') return [];
  const out: ('state_case' | 'decide')[] = [];
  if (viewer.username === c.staffUsername && !c.statement) out.push('state_case');
  if (viewer.role === 'supervisor' || viewer.role === 'admin') out.push('decide');
  return out;
}

/** On the satisfaction dashboard: a unit or person with a valid complaint in the month is flagged. */
export const complaintFlags = (validComplaints: number | undefined): 'valid_complaint'[] => (Number(validComplaints ?? 0) > 0 ? ['valid_complaint'] : []);
