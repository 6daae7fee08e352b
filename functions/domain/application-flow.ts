// The application (办件) state machine: one transition table, which staff
// actions a case offers now, and what a staff request must say before it is
// accepted (the one extension, the one-time notice, the required reasons).
// Pure and free of server imports: the API decides with it, and
// shared/application-flow.ts re-exports it so the workbench offers exactly
// these buttons and checks a form with the same rules before sending.
import {
  APPLICATION_STATE_LABELS, STAFF_ACTIONS, type ApplicationState, type StaffAction, type StaffActionBody,
} from '../../shared/schemas/applications';

export const APPLICATION_ACTIONS = [
  'accept', 'request_materials', 'reject', 'supplement', 'review', 'approve', 'deny', 'deliver', 'suspend', 'resume', 'withdraw',
] as const;
export type ApplicationAction = (typeof APPLICATION_ACTIONS)[number];

/** Action → the states it may start from and the state it leads to. */
export const TRANSITIONS: Record<ApplicationAction, { from: readonly ApplicationState[]; to: ApplicationState | 'previous' }> = {
  accept: { from: ['submitted'], to: 'accepted' },
  request_materials: { from: ['submitted'], to: 'awaiting_materials' },
  reject: { from: ['submitted'], to: 'rejected' },
  supplement: { from: ['awaiting_materials'], to: 'submitted' },
  review: { from: ['accepted'], to: 'reviewing' },
  approve: { from: ['reviewing'], to: 'approved' },
  deny: { from: ['reviewing'], to: 'denied' },
  deliver: { from: ['approved', 'denied'], to: 'delivered' },
  suspend: { from: ['submitted', 'accepted', 'reviewing'], to: 'suspended' },
  resume: { from: ['suspended'], to: 'previous' },
  // The applicant's own: only before acceptance (收件 or 补齐补正); counted apart from 不予受理.
  withdraw: { from: ['submitted', 'awaiting_materials'], to: 'withdrawn' },
};

/** 延期 moves no state: once, after acceptance and before the decision. */
export const EXTENDABLE: readonly ApplicationState[] = ['accepted', 'reviewing'];

/** Decided (办结 or 不予受理): the clock stops and the applicant is invited to rate the case (一事一评). */
export const CONCLUDED: readonly ApplicationState[] = ['rejected', 'approved', 'denied', 'delivered'];
/** Closed without a decision: the clock stops, nothing is rated or counted as concluded. */
export const CLOSED: readonly ApplicationState[] = [...CONCLUDED, 'withdrawn'];
/** In a queue: concluded but not yet delivered cases stay there until 送达. */
export const OPEN: readonly ApplicationState[] = ['submitted', 'accepted', 'awaiting_materials', 'reviewing', 'suspended', 'approved', 'denied'];

/** Whether the applicant may still withdraw a case in this state. */
export const canWithdraw = (state: ApplicationState): boolean => TRANSITIONS.withdraw.from.includes(state);

export class IllegalTransitionError extends Error {
  constructor(readonly action: ApplicationAction, readonly state: ApplicationState) {
    super(`当前状态（${APPLICATION_STATE_LABELS[state]}）不能执行此操作`);
    this.name = 'IllegalTransitionError';
  }
}

/** The state an action leads to from `state`; `previous` is where a suspension came from. */
export function nextState(state: ApplicationState, action: ApplicationAction, previous: ApplicationState | null): ApplicationState {
  const t = TRANSITIONS[action];
  if (!t.from.includes(state)) throw new IllegalTransitionError(action, state);
  if (t.to !== 'previous') return t.to;
  if (!previous) throw new IllegalTransitionError(action, state);
  return previous;
}

/** What the staff rules look at. */
export interface CaseFacts {
  state: ApplicationState;
  extension: { days: number } | null;
  materialsRequests: number;
}

const mayStart = (action: StaffAction, state: ApplicationState) =>
  action === 'extend' ? EXTENDABLE.includes(state) : TRANSITIONS[action].from.includes(state);

/**
 * The staff actions a case offers now, in the table's order: by its state;
 * one extension only; the one-time notice only once (a supervisor may
 * override it with a reason). Whether the role may act at all is the route's.
 */
export function allowedStaffActions(c: CaseFacts, role: string): StaffAction[] {
  return STAFF_ACTIONS.filter((a) => mayStart(a, c.state) && refusal(a, c, role, true) === null);
}

/** Why a step is refused whatever the form says: 409 on the server. */
export interface Refusal {
  code: 'ILLEGAL_TRANSITION' | 'ALREADY_EXTENDED' | 'ONE_TIME_NOTICE';
  message: string;
}

const REASON_REQUIRED: Partial<Record<StaffAction, string>> = {
  reject: '请说明不予受理的理由',
  deny: '请说明不予许可的理由',
  suspend: '请说明挂起的理由',
  extend: '请填写延期理由',
};
export const MAX_EXTENSION_DAYS = 60;

/** What the request must say (field → message, the first one shown): 400 on the server, the form's error on the page. */
export function staffActionFieldErrors(req: Omit<StaffActionBody, 'version'>): Record<string, string> {
  if (req.action === 'request_materials') {
    return req.missing?.length ? {} : { missing: '请勾选或填写缺少的材料（一次性全部列出）' };
  }
  const required = REASON_REQUIRED[req.action];
  if (required && !req.note?.trim()) return { note: required };
  if (req.note && req.note.trim().length > 300) return { note: '说明不能超过300字' };
  const days = req.extensionDays;
  if (req.action === 'extend' && !(Number.isInteger(days) && days! >= 1 && days! <= MAX_EXTENSION_DAYS)) {
    return { extensionDays: `延期天数应为1-${MAX_EXTENSION_DAYS}个工作日` };
  }
  return {};
}

function refusal(action: StaffAction, c: CaseFacts, role: string, overridden: boolean): Refusal | null {
  if (action === 'extend' && c.extension) return { code: 'ALREADY_EXTENDED', message: '该办件已延期过一次，不能再次延期' };
  if (action === 'request_materials' && c.materialsRequests >= 1) {
    if (role !== 'supervisor') return { code: 'ONE_TIME_NOTICE', message: '已一次性告知过缺件，不能再次要求补正；确有必要须由督查人员说明理由' };
    if (!overridden) return { code: 'ONE_TIME_NOTICE', message: '已告知过一次，再次补正须由督查填写理由' };
  }
  return null;
}

export type StaffActionProblem = ({ kind: 'refused' } & Refusal) | { kind: 'input'; fields: Record<string, string> };

/**
 * Whether `req` may go ahead on this case, in the order the API answers:
 * the table (409), the one extension (409), the form (400), the one-time
 * notice (409). Null when it may.
 */
export function staffActionProblem(c: CaseFacts, req: Omit<StaffActionBody, 'version'>, role: string): StaffActionProblem | null {
  if (!mayStart(req.action, c.state)) {
    const message = req.action === 'extend' ? '只有受理后、办结前的办件可以延期' : new IllegalTransitionError(req.action, c.state).message;
    return { kind: 'refused', code: 'ILLEGAL_TRANSITION', message };
  }
  if (req.action === 'extend' && c.extension) return { kind: 'refused', ...refusal('extend', c, role, false)! };
  const fields = staffActionFieldErrors(req);
  if (Object.keys(fields).length) return { kind: 'input', fields };
  const refused = refusal(req.action, c, role, !!req.overrideReason?.trim());
  return refused && { kind: 'refused', ...refused };
}
