// A staff action on a case (受理 … 延期) as one pure step: the next case, its
// timeline entry and what follows — the item's performance on 办结, the
// invitation to rate, the messages to the applicant. The handler reads the
// case and the calendar, calls this, and writes the outcome in one transaction.
import { STAFF_ROLE_LABELS, type StaffRole } from '../../shared/enums';
import { STAFF_ACTION_LABELS, type StaffActionBody } from '../../shared/schemas/applications';
import { caseClock, workingDaysTaken, type CaseEvent, type CaseRecord } from './application';
import { CONCLUDED, IllegalTransitionError, nextState, staffActionProblem, type StaffActionProblem } from './application-flow';
import type { Calendar } from './calendar';
import { holdingFromConclusion, type Holding } from './certificates';
import { caseStep, notifiesResident, rateInvite, type PushMessage } from './messages';

/** Who acts: the staff member as the timeline and the case's 经办人 show them. */
export interface StaffActor {
  username: string;
  role: StaffRole;
  name: string;
  phone: string | null;
}

/** A concluded case's contribution to its item's running on-time rate. */
export interface Conclusion {
  serviceCode: string;
  onTime: boolean;
  workingDays: number;
}

export interface StaffActionOutcome {
  next: CaseRecord;
  events: CaseEvent[];
  /** 准予 / 不予许可: counted on the item. */
  conclusion?: Conclusion;
  /** Newly concluded: the applicant is invited to rate the case (一事一评). */
  invite: boolean;
  /** 准予 of an item that grants a certificate or benefit: what the applicant now holds, and until when. */
  holding: Holding | null;
  /** What the applicant hears: 受理, 一次性告知补正 (with the list), 办结, 已送达 … and the invitation to rate. */
  messages: PushMessage[];
}

/** The request is refused: `problem` says whether it is the input (400) or the case (409). */
export class StaffActionRefused extends Error {
  constructor(readonly problem: StaffActionProblem) {
    super(problem.kind === 'input' ? Object.values(problem.fields)[0] : problem.message);
    this.name = 'StaffActionRefused';
  }
}

export const actorLabel = (actor: Pick<StaffActor, 'name' | 'role'>) => `${actor.name}（${STAFF_ROLE_LABELS[actor.role]}）`;

/** Apply `req` to case `a` seen by `actor` at `at` (`today` in Asia/Shanghai). Throws StaffActionRefused. */
export function applyStaffAction(
  a: CaseRecord,
  req: Omit<StaffActionBody, 'version'>,
  actor: StaffActor,
  when: { at: string; today: string },
  cal: Calendar,
): StaffActionOutcome {
  const problem = staffActionProblem(a, req, actor.role);
  if (problem) throw new StaffActionRefused(problem);
  const { at, today } = when;
  const { action } = req;
  const note = req.note?.trim() || null;
  const next: CaseRecord = { ...a, updatedAt: at, version: a.version + 1 };
  let text = note ?? STAFF_ACTION_LABELS[action];

  if (action === 'extend') {
    next.extension = { days: req.extensionDays!, reason: note! };
    text = `延期${req.extensionDays}个工作日：${note}`;
  } else {
    try {
      next.state = nextState(a.state, action, a.previousState);
    } catch (err) {
      if (err instanceof IllegalTransitionError) throw new StaffActionRefused({ kind: 'refused', code: 'ILLEGAL_TRANSITION', message: err.message });
      throw err;
    }
    const handler = { username: actor.username, name: actor.name, phone: actor.phone };
    if (action === 'request_materials') {
      const override = a.materialsRequests >= 1 ? `督查同意再次补正：${req.overrideReason!.trim()}${note ? `；${note}` : ''}` : note;
      next.missing = req.missing!;
      next.materialsRequests = a.materialsRequests + 1;
      text = `一次性告知缺少：${next.missing.map((m) => m.name).join('、')}${override ? `。${override}` : ''}`;
    }
    if (action === 'suspend') {
      next.previousState = a.state;
      next.pauses = [...a.pauses, { from: today, to: null }];
    }
    if (action === 'resume') {
      next.previousState = null;
      next.pauses = a.pauses.map((p) => (p.to === null ? { ...p, to: today } : p));
    }
    if (action === 'accept') Object.assign(next, { acceptedOn: today, missing: [], handler });
    if (action === 'reject' && !next.handler) next.handler = handler;
    if (next.state === 'approved' || next.state === 'denied' || next.state === 'rejected') next.concludedOn = today;
  }
  const event: CaseEvent = {
    at, actor: actorLabel(actor), action, from: action === 'extend' ? null : a.state, to: action === 'extend' ? null : next.state, note: text,
  };

  const newlyConcluded = CONCLUDED.includes(next.state) && !CONCLUDED.includes(a.state);
  let conclusion: Conclusion | undefined;
  if (newlyConcluded && (next.state === 'approved' || next.state === 'denied')) {
    const clock = caseClock(next, today, cal);
    const days = workingDaysTaken({ ...next, extensionDays: next.extension?.days ?? 0 }, cal);
    if (clock.onTime !== null && days !== null) conclusion = { serviceCode: a.serviceCode, onTime: clock.onTime, workingDays: days };
  }
  const messages = [
    ...(next.state !== a.state && notifiesResident(next.state) ? [caseStep(next, next.state)] : []),
    ...(newlyConcluded ? [rateInvite({ targetType: 'application', targetId: next.id, serviceName: next.serviceName })] : []),
  ];
  const holding = newlyConcluded && next.state === 'approved' ? holdingFromConclusion(a.grants, today, a.id) : null;
  return { next, events: [event], conclusion, invite: newlyConcluded, holding, messages };
}
