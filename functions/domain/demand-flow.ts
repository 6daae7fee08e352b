// The demand (诉求) state machine: one transition table, who may take each
// step, and the guards on top of it (one return per department, the
// supervisor's routing binds, one extension, one redo, the reopen window).
// Pure and free of server imports: the API computes `allowedActions` with it
// for the caller, and shared/demand-flow.ts re-exports it for the mini-program.
import type { DemandAction, DemandSatisfaction, DemandState, DemandType } from '../../shared/schemas/demands';

/** Who takes a step: the reporter, any staff (首问), the demand's department, the supervisor, the scheduled sweep. */
export type DemandActor = 'resident' | 'staff' | 'department' | 'supervisor' | 'system';

export interface Transition {
  from: readonly DemandState[];
  /** The state it leads to; `same` keeps it; `evaluation` depends on the answers (closed or a redo). */
  to: DemandState | 'same' | 'evaluation';
  by: readonly DemandActor[];
}

const OPEN_WORK: readonly DemandState[] = ['received', 'dispatched', 'signed', 'awaiting_resident'];

/** Action → the states it may start from, where it leads, who may take it. */
export const DEMAND_TRANSITIONS: Record<DemandAction, Transition> = {
  dispatch: { from: ['received'], to: 'dispatched', by: ['staff'] },
  answer: { from: ['received'], to: 'closed', by: ['staff'] },
  return: { from: ['dispatched'], to: 'returned', by: ['department'] },
  route: { from: ['returned'], to: 'dispatched', by: ['supervisor'] },
  sign: { from: ['dispatched'], to: 'signed', by: ['department'] },
  contact: { from: ['signed'], to: 'same', by: ['department'] },
  request_info: { from: ['signed'], to: 'awaiting_resident', by: ['department'] },
  provide_info: { from: ['awaiting_resident'], to: 'signed', by: ['resident'] },
  auto_resume: { from: ['awaiting_resident'], to: 'signed', by: ['system'] },
  request_extension: { from: ['signed', 'awaiting_resident'], to: 'same', by: ['department'] },
  decide_extension: { from: ['signed', 'awaiting_resident', 'replied'], to: 'same', by: ['supervisor'] },
  reply: { from: ['signed'], to: 'replied', by: ['department'] },
  evaluate: { from: ['replied', 'merged'], to: 'evaluation', by: ['resident'] },
  default_close: { from: ['replied'], to: 'closed', by: ['system'] },
  reopen: { from: ['closed'], to: 'signed', by: ['resident'] },
  merge: { from: OPEN_WORK, to: 'merged', by: ['staff'] },
};

/** States in which a demand still waits for someone (queues, the sweep, the digest). */
export const OPEN_DEMAND_STATES: readonly DemandState[] = ['received', 'dispatched', 'returned', 'signed', 'awaiting_resident', 'replied'];

export const REOPEN_DAYS = 14;

export class DemandRuleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DemandRuleError';
  }
}

/** What the guards look at: a stored demand reduced to its facts. */
export interface DemandFacts {
  type: DemandType;
  state: DemandState;
  residentId: string | null;
  departmentId: string | null;
  /** The supervisor routed it: the department may not return it again (终审). */
  binding: boolean;
  /** Departments that returned it (one return each). */
  returnedBy: readonly string[];
  extension: { status: 'requested' | 'approved' | 'denied' } | null;
  redone: boolean;
  closedAt: string | null;
  /** A merged demand's own evaluation, once given. */
  evaluated: boolean;
  parentId: string | null;
}

export interface DemandContext {
  now: Date;
  /** Past the reply deadline (an extension must be asked before it). */
  overdue: boolean;
  /** For a merged demand: the parent's state (its reporter evaluates once the parent is replied). */
  parentState?: DemandState | null;
}

export type Viewer =
  | { kind: 'resident'; residentId: string }
  | { kind: 'staff'; username: string; role: string; departmentId: string | null };

const DEPARTMENT_ROLES = ['clerk', 'dept_head'];

/** Does `viewer` play one of the actors of a step on this demand? */
export function playsActor(viewer: Viewer, by: readonly DemandActor[], d: Pick<DemandFacts, 'residentId' | 'departmentId'>): boolean {
  return by.some((actor) => {
    if (actor === 'resident') return viewer.kind === 'resident' && d.residentId === viewer.residentId;
    if (viewer.kind !== 'staff') return false;
    if (actor === 'staff') return true;
    if (actor === 'supervisor') return viewer.role === 'supervisor';
    if (actor === 'department') return DEPARTMENT_ROLES.includes(viewer.role) && !!d.departmentId && viewer.departmentId === d.departmentId;
    return false;
  });
}

const inWindow = (closedAt: string | null, now: Date) =>
  !!closedAt && now.getTime() <= new Date(closedAt).getTime() + REOPEN_DAYS * 86_400_000;

/** Why a step the table allows is still refused, in Chinese; null when it may go ahead. */
export function guardProblem(action: DemandAction, d: DemandFacts, ctx: DemandContext): string | null {
  switch (action) {
    case 'answer':
      return d.type === 'consult' ? null : '只有咨询类诉求可以当场答复';
    case 'return':
      if (d.binding) return '督查已改派，该派单为终审，不能再退单';
      return d.departmentId && d.returnedBy.includes(d.departmentId) ? '本部门已退过一次，不能再次退单' : null;
    case 'request_extension':
      if (d.extension) return '每件诉求只能申请一次延期';
      return ctx.overdue ? '已超过办理期限，不能再申请延期' : null;
    case 'decide_extension':
      return d.extension?.status === 'requested' ? null : '没有待审批的延期申请';
    case 'evaluate':
      if (d.state === 'merged') {
        if (d.evaluated) return '您已评价过';
        return ctx.parentState === 'replied' || ctx.parentState === 'closed' ? null : '并案诉求答复后才能评价';
      }
      return null;
    case 'reopen':
      if (d.parentId) return '并案诉求不能单独重新打开';
      return inWindow(d.closedAt, ctx.now) ? null : `办结超过${REOPEN_DAYS}天，不能重新打开，请重新提交诉求`;
    default:
      return null;
  }
}

const STATE_LABELS: Record<DemandState, string> = {
  received: '已受理', dispatched: '已派单', returned: '已退单', signed: '办理中', awaiting_resident: '待补充',
  replied: '已答复', closed: '已办结', merged: '已并案',
};

/** Check a step: the table, then the guards. Throws DemandRuleError with the reason in Chinese. */
export function checkStep(action: DemandAction, d: DemandFacts, ctx: DemandContext): void {
  const t = DEMAND_TRANSITIONS[action];
  if (!t.from.includes(d.state)) throw new DemandRuleError(`当前状态（${STATE_LABELS[d.state]}）不能执行此操作`);
  const problem = guardProblem(action, d, ctx);
  if (problem) throw new DemandRuleError(problem);
}

/** The answers that send a demand back for 重办: not solved, or 不满意. */
export const wantsRedo = (e: { solved: boolean; satisfaction: DemandSatisfaction }) => !e.solved || e.satisfaction === 'dissatisfied';

/**
 * Where an evaluation leads: a redo once (back to the department at half the
 * limit), otherwise closed; the second evaluation is final. A merged
 * demand's reporter evaluates the parent's reply: that closes their demand.
 */
export function afterEvaluation(d: Pick<DemandFacts, 'redone' | 'state'>, e: { solved: boolean; satisfaction: DemandSatisfaction }): { to: DemandState; redo: boolean; final: boolean } {
  if (d.state === 'merged') return { to: 'closed', redo: false, final: true };
  if (wantsRedo(e) && !d.redone) return { to: 'signed', redo: true, final: false };
  return { to: 'closed', redo: false, final: true };
}

/** The state a step leads to (after checkStep). */
export function nextDemandState(action: DemandAction, d: DemandFacts, evaluation?: { solved: boolean; satisfaction: DemandSatisfaction }): DemandState {
  const t = DEMAND_TRANSITIONS[action];
  if (t.to === 'same') return d.state;
  if (t.to === 'evaluation') return afterEvaluation(d, evaluation ?? { solved: true, satisfaction: 'satisfied' }).to;
  return t.to;
}

/** The steps this viewer may take now: what the pages offer. */
export function allowedDemandActions(d: DemandFacts, viewer: Viewer, ctx: DemandContext): DemandAction[] {
  return (Object.keys(DEMAND_TRANSITIONS) as DemandAction[]).filter((action) => {
    const t = DEMAND_TRANSITIONS[action];
    return t.from.includes(d.state) && playsActor(viewer, t.by, d) && guardProblem(action, d, ctx) === null;
  });
}
