// What a resident is told, per event: the inbox entry and the subscribe
// message with its template fields. Pure; the store writes them with the
// change that causes them (functions/store/outbox.ts `pushItems`).
import type { PushTemplate } from '../../shared/push-templates';
import { APPLICATION_STATE_LABELS, PROXY_STEP_LABELS, type ApplicationState, type ProxyStep } from '../../shared/schemas/applications';
import { DEMAND_DOMAIN_LABELS, DEMAND_TYPE_LABELS, type DemandDomain, type DemandType } from '../../shared/schemas/demands';
import { asThing, outboxId } from './outbox';

export const INBOX_KINDS = ['booking', 'case', 'rating', 'ticket', 'notice', 'proactive', 'demand', 'digest'] as const;
export type InboxKind = (typeof INBOX_KINDS)[number];

export interface PushMessage {
  /** Names the push and the inbox entry: the same cause always gives the same id. */
  id: string;
  kind: InboxKind;
  title: string;
  body: string;
  /** The mini-program page the inbox entry and the push open. */
  page: string;
  template: PushTemplate;
  data: Record<string, string>;
  noticeId?: string;
  expiresAt?: string | null;
}

/** Staff closed the slot or day: the booking is cancelled, with their reason. */
export function bookingCancelled(a: { id: string; placeName: string; date: string; start: string; serviceName: string }, reason: string): PushMessage {
  return {
    id: outboxId.bookingCancelled(a.id),
    kind: 'booking',
    title: '预约已取消',
    body: `您预约的${a.date} ${a.start}「${a.serviceName}」（${a.placeName}）因“${reason}”已取消，请重新预约。`,
    page: `packages/booking/detail?id=${a.id}`,
    template: 'booking_cancelled',
    data: { thing1: asThing(a.placeName), time2: `${a.date} ${a.start}`, thing3: asThing(reason) },
  };
}

/** The phrase (≤ 5) a case step shows in a push. */
const STEP_PHRASE: Partial<Record<ApplicationState, string>> = {
  accepted: '已受理',
  awaiting_materials: '请补正',
  rejected: '不予受理',
  approved: '已办结',
  denied: '不予许可',
  delivered: '已送达',
};

/** The case steps a resident is told of (受理, 一次性告知补正 with the list, 办结, 已送达 …). */
export const notifiesResident = (to: ApplicationState) => to in STEP_PHRASE;

export function caseStep(
  c: { id: string; caseNumber: string; serviceName: string; version: number; missing: { name: string }[] },
  to: ApplicationState,
): PushMessage {
  const missing = c.missing.map((m) => m.name).join('、');
  const body =
    to === 'awaiting_materials'
      ? `「${c.serviceName}」需补正材料（一次性告知）：${missing}。请在办件详情中一次补齐。`
      : `「${c.serviceName}」（${c.caseNumber}）${APPLICATION_STATE_LABELS[to]}。`;
  return {
    id: outboxId.caseStep(c.id, c.version),
    kind: 'case',
    title: `办件${APPLICATION_STATE_LABELS[to]}`,
    body,
    page: `packages/apply/detail?id=${c.id}`,
    template: 'case_progress',
    data: {
      character_string1: c.caseNumber,
      thing2: asThing(c.serviceName),
      phrase3: STEP_PHRASE[to] ?? '有更新',
      thing4: asThing(to === 'awaiting_materials' ? `需补：${missing}` : '点击查看办件详情'),
    },
  };
}

/** The agent recorded a proxy step (代收, 代交 …). */
export function proxyStep(c: { id: string; caseNumber: string; serviceName: string; version: number }, step: ProxyStep, agentName: string): PushMessage {
  return {
    id: outboxId.caseStep(c.id, c.version),
    kind: 'case',
    title: `代办进度：${PROXY_STEP_LABELS[step]}`,
    body: `代办员${agentName}已为您的「${c.serviceName}」完成“${PROXY_STEP_LABELS[step]}”。`,
    page: `packages/apply/detail?id=${c.id}`,
    template: 'case_progress',
    data: { character_string1: c.caseNumber, thing2: asThing(c.serviceName), phrase3: PROXY_STEP_LABELS[step], thing4: asThing(`代办员${agentName}`) },
  };
}

/** 一事一评: the case or visit can be rated now. */
export function rateInvite(t: { targetType: string; targetId: string; serviceName: string }): PushMessage {
  return {
    id: outboxId.rateInvite(t.targetType, t.targetId),
    kind: 'rating',
    title: '邀请您评价',
    body: `「${t.serviceName}」已办完，请为这次服务打分（7天内未评价视为基本满意）。`,
    page: 'packages/rating/mine',
    template: 'rate_invite',
    data: { thing1: asThing(t.serviceName), thing2: '请为本次服务评价' },
  };
}

/** The unit published its rectification of the resident's bad review. */
export function ticketOutcome(t: { id: string; serviceName: string; outcome: string }): PushMessage {
  return {
    id: outboxId.ticketOutcome(t.id),
    kind: 'ticket',
    title: '差评整改结果',
    body: `您对「${t.serviceName}」的评价已整改：${t.outcome}`,
    page: 'packages/rating/mine',
    template: 'ticket_outcome',
    data: { thing1: asThing(t.serviceName), phrase2: '已整改', thing3: asThing(t.outcome) },
  };
}

/**
 * A demand step the reporter should hear of (signed, replied, asked for
 * information), written with the step (functions/http/demand-steps.ts).
 */
export function demandUpdate(d: { id: string; number: string; title: string; version: number }, phrase: '已签收' | '已答复' | '请补充', text: string): PushMessage {
  return {
    id: outboxId.demand(d.id, d.version),
    kind: 'demand',
    title: `诉求${phrase}`,
    body: text,
    page: `packages/demand/detail?id=${d.id}`,
    template: 'case_progress',
    data: { character_string1: d.number, thing2: asThing(d.title), phrase3: phrase, thing4: asThing(text) },
  };
}

/** 主动服务: a rule fired for the resident (turning 70, 80, a certificate about to expire). */
export function proactiveReminder(rule: { title: string; body: string; serviceCode: string | null }, key: string): PushMessage {
  return {
    id: outboxId.proactive(key),
    kind: 'proactive',
    title: rule.title,
    body: rule.body,
    page: rule.serviceCode ? `packages/service/detail?code=${rule.serviceCode}` : 'pages/services/index',
    template: 'service_reminder',
    data: { thing1: asThing(rule.title), thing2: asThing(rule.serviceCode ? '点击查看办事指南并申请' : '点击查看') },
  };
}

/** The morning supervision digest, pushed to a department head who bound WeChat (no inbox: staff read it on the workbench). */
export function staffDigest(departmentId: string, date: string, username: string, count: number): PushMessage {
  return {
    id: outboxId.digest(departmentId, date, username),
    kind: 'digest',
    title: '督办提醒',
    body: `今日有 ${count} 件临期、超期或视为受理的事项待处理。`,
    page: 'workbench/queue/index',
    template: 'staff_digest',
    data: { thing1: '临期超期事项待处理', number2: String(count), date3: date },
  };
}

/** The day before a booking: when, where, and what to bring is on the item's page. */
export function bookingReminder(a: { id: string; placeName: string; placeAddress: string; date: string; start: string; serviceName: string }): PushMessage {
  return {
    id: outboxId.bookingReminder(a.id),
    kind: 'booking',
    title: '明天有预约',
    body: `您预约了明天 ${a.start} 在${a.placeName}（${a.placeAddress}）办理「${a.serviceName}」，请带齐材料准时到场；不能前往请提前取消。`,
    page: `packages/booking/detail?id=${a.id}`,
    template: 'booking_reminder',
    data: { thing1: asThing(a.serviceName), time2: `${a.date} ${a.start}`, thing3: asThing(a.placeName) },
  };
}

/** Which demand steps tell the reporter, and how; null for the rest (the timeline still shows them). */
export function demandStepMessage(
  action: string,
  d: { id: string; number: string; type: string; domain: string; version: number; departmentName: string | null; handler: { name: string } | null },
  text: string | null,
): PushMessage | null {
  const title = `${DEMAND_TYPE_LABELS[d.type as DemandType] ?? '诉求'}·${DEMAND_DOMAIN_LABELS[d.domain as DemandDomain] ?? ''}`;
  if (action === 'sign') return demandUpdate({ ...d, title }, '已签收', `${d.departmentName ?? '承办部门'}已签收，首办责任人${d.handler?.name ?? ''}`);
  if (action === 'reply' || action === 'answer') return demandUpdate({ ...d, title }, '已答复', text ?? '请查看答复');
  if (action === 'request_info') return demandUpdate({ ...d, title }, '请补充', text ?? '请补充相关情况');
  return null;
}
