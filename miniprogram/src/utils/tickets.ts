// Rectification tickets (差评整改) on the workbench: the labels of the forms
// and small display helpers. Who may do what comes with the ticket
// (`allowedActions`, decided by functions/domain/access.ts).
import type { TicketAction, TicketStatus } from '../../../shared/schemas/ratings';
import { formatDateLong } from './dates';
import { DATE_PENDING } from './applications';

/** A ticket action, or the supervisor's decision on an appeal. */
export type TicketStep = TicketAction | 'decide';

/** The buttons. */
export const TICKET_STEP_BUTTONS: Record<TicketStep, string> = {
  verify: '核实情况',
  rectify: '整改落实',
  follow_up: '电话回访',
  publish: '公开整改结果',
  appeal: '申诉',
  decide: '裁定申诉',
};

/** The note field of each form. */
export const TICKET_NOTE_LABELS: Record<TicketStep, string> = {
  verify: '核实情况',
  rectify: '整改措施',
  follow_up: '回访记录',
  publish: '公开的整改结果',
  appeal: '申诉理由',
  decide: '裁定说明',
};

export const TICKET_NOTE_PLACEHOLDERS: Record<TicketStep, string> = {
  verify: '请填写核实的经过和结论',
  rectify: '请填写已落实的整改措施',
  follow_up: '请填写回访的情况',
  publish: '请填写整改结果（将向居民和社会公开）',
  appeal: '请说明评价属于恶意或错误评价的理由',
  decide: '请填写裁定理由',
};

export const TICKET_SUBMIT_LABELS: Record<TicketStep, string> = {
  verify: '提交核实情况',
  rectify: '提交整改措施',
  follow_up: '提交回访记录',
  publish: '确认公开',
  appeal: '提交申诉',
  decide: '确认裁定',
};

/** Every note: 2 to 500 characters after trimming (as the server checks). */
export function noteError(note: string): string | null {
  const n = note.trim().length;
  if (n < 2) return '请填写说明（至少2个字）';
  if (n > 500) return '说明不能超过500字';
  return null;
}

/** 整改期限 2026年12月4日 星期五 / 待定（节假日安排未公布）: the server says when the calendar is the reason. */
export function ticketDueText(t: { dueOn: string | null; dueOnPending: boolean }): string {
  return t.dueOn ? formatDateLong(t.dueOn) : t.dueOnPending ? DATE_PENDING : '—';
}

export const TICKET_STATUS_CLASS: Record<TicketStatus, string> = {
  open: 'badge badge--orange',
  verified: 'badge badge--blue',
  rectified: 'badge badge--blue',
  followed_up: 'badge badge--blue',
  closed: 'badge badge--green',
  appealed: 'badge badge--orange',
  voided: 'badge badge--gray',
  withdrawn: 'badge badge--gray',
};

/** Event names in the ticket's timeline. */
const EVENT_LABELS: Record<string, string> = {
  open: '差评转整改',
  created: '差评转整改',
  rating_changed: '居民修改了差评',
  verify: '核实情况',
  rectify: '整改落实',
  follow_up: '电话回访',
  publish: '公开整改结果',
  appeal: '提出申诉',
  upheld: '裁定：申诉成立',
  dismissed: '裁定：申诉不成立',
  appeal_upheld: '裁定：申诉成立',
  appeal_dismissed: '裁定：申诉不成立',
  appeal_decision: '裁定申诉',
  decide: '裁定申诉',
  withdrawn: '居民已修改评价',
  withdraw: '居民已修改评价',
};

export function ticketEventLabel(action: string): string {
  return EVENT_LABELS[action] ?? action;
}

/** 0.8 → "80.0%"; null → 暂无评价. */
export function rateText(rate: number | null): string {
  if (rate === null) return '暂无评价';
  return `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}

/** 2026-11 → "2026年11月" */
export function monthLabel(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return `${y}年${m}月`;
}

/** Add n months to YYYY-MM. */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1 + n, 1)).toISOString().slice(0, 7);
}
