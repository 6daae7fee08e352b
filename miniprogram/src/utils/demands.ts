// Demand (诉求) wording shared by the resident pages and the workbench (zh-CN):
// states, the deadline line, the timeline's labels. Which steps may be taken
// is never decided here: the server's `allowedActions` says.
import {
  DEMAND_ACTION_LABELS,
  DEMAND_STATE_LABELS,
  type Demand,
  type DemandAction,
  type DemandClock,
  type DemandEvent,
  type DemandState,
} from '../../../shared/schemas/demands';
import { DATE_PENDING } from './applications';
import { formatDateLong, formatInstant } from './dates';

export const DEMAND_STATE_CLASS: Record<DemandState, string> = {
  received: 'badge badge--blue',
  dispatched: 'badge badge--blue',
  returned: 'badge badge--orange',
  signed: 'badge badge--blue',
  awaiting_resident: 'badge badge--orange',
  replied: 'badge badge--green',
  closed: 'badge badge--gray',
  merged: 'badge badge--gray',
};

export const demandStateLabel = (s: DemandState) => DEMAND_STATE_LABELS[s];

/** 答复期限: the date, 待定 while the year's calendar is unpublished, or when it starts. */
export function demandDueText(d: { clock: DemandClock; state: DemandState }): string {
  const c = d.clock;
  if (c.replyDueOn) return formatDateLong(c.replyDueOn);
  if (c.light === 'pending' || c.startedAt) return DATE_PENDING;
  return d.state === 'closed' ? '—' : '派单后开始计算';
}

/** 剩余3个工作日 / 已超期2个工作日 while the clock runs. */
export function demandLeftText(d: { clock: DemandClock; state: DemandState }): string | null {
  const n = d.clock.remainingDays;
  if (n === null || d.clock.light === 'done') return null;
  return n >= 0 ? `剩余${n}个工作日` : `已超期${-n}个工作日`;
}

/** When a grade-A or fresh dispatch must be signed (shown to staff before signing). */
export function signDueText(d: Pick<Demand, 'clock' | 'state'>): string | null {
  return d.state === 'dispatched' && d.clock.signDueAt ? `${formatInstant(d.clock.signDueAt)}前签收` : null;
}

const EVENT_LABELS: Record<string, string> = {
  file: '提交诉求',
  merged_in: '并案',
  evaluate: '群众评价',
  provide_info: '群众补充情况',
  complaint_investigating: '投诉核查',
  complaint_decided: '核查结果',
};

/** What an event on the timeline did. */
export function demandEventLabel(e: DemandEvent): string {
  if (EVENT_LABELS[e.action]) return EVENT_LABELS[e.action]!;
  if (e.action in DEMAND_ACTION_LABELS) return DEMAND_ACTION_LABELS[e.action as DemandAction];
  return e.to ? DEMAND_STATE_LABELS[e.to] : '办理记录';
}

/** Oldest first; equal instants keep the server's order. */
export function byTime(events: DemandEvent[]): DemandEvent[] {
  return events
    .map((e, i) => ({ e, i }))
    .sort((a, b) => Date.parse(a.e.at) - Date.parse(b.e.at) || a.i - b.i)
    .map((x) => x.e);
}

/** The question of the latest request for information (请群众补充), if any. */
export function infoQuestion(events: DemandEvent[]): string | null {
  const asks = byTime(events).filter((e) => e.action === 'request_info');
  return asks[asks.length - 1]?.note ?? null;
}
