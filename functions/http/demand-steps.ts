// One step of a demand: check it on the domain's table and guards, require
// what the step needs (zh-CN 400), and produce the next record, its timeline
// event and its counter events. Every handler that changes a demand — staff,
// resident or sweep — goes through takeStep.
import { randomBytes, randomUUID } from 'node:crypto';
import {
  DEMAND_ACTION_LABELS, type DemandAction, type DemandDomain, type DemandGrade, type DemandLimits, type DemandSatisfaction,
} from '../../shared/schemas/demands';
import type { Calendar } from '../domain/calendar';
import {
  afterEvaluation, autoResumeOn, checkStep, DEMAND_TRANSITIONS, playsActor, type Viewer, counterMonth, demandClock, demandCounters, evaluationDueOn, limitDaysFor, nextDemandState,
  redoLimitDays, type CounterEvent,
} from '../domain/demands';
import { badRequest, conflict, forbidden } from '../lib/errors';
import { createDemand, getDemandIdByIdempotencyKey, saveDemand, type DemandEventRecord, type DemandRecord } from '../store/demands';
import { shanghaiDate } from '../domain/calendar';
import { demandStepMessage } from '../domain/messages';
import { pushItems } from '../store/outbox';
import { townOf } from '../domain/regions';
import { bookingCode } from '../domain/schedule';
import { headUpload, isUploadOf, keepUpload } from '../store/uploads';
import { facts, ruled } from './demand-views';

export interface StepInput {
  action: DemandAction;
  actor: { name: string; role: string };
  /** The person taking the step (null: the scheduled sweep). */
  viewer: Viewer | null;
  now: Date;
  cal: Calendar;
  limits: DemandLimits;
  note?: string | null;
  text?: string;
  result?: string;
  photoKeys?: string[];
  grade?: DemandGrade;
  department?: { id: string; name: string; phone: string | null };
  handler?: { username: string; name: string; phone: string | null };
  extensionDays?: number;
  approve?: boolean;
  evaluation?: { solved: boolean; satisfaction: DemandSatisfaction; comment: string | null; isDefault?: boolean };
  parent?: DemandRecord;
}

export interface Step {
  next: DemandRecord;
  event: DemandEventRecord;
  counters: CounterEvent[];
}

function need<T>(value: T | undefined | null | '', field: string, message: string): T {
  if (value === undefined || value === null || value === '') throw badRequest(message, { [field]: message });
  return value;
}

const counted = (d: { channel: DemandRecord['channel']; domain: DemandDomain; grade: DemandGrade; type: DemandRecord['type'] }) =>
  ({ channel: d.channel, domain: d.domain, grade: d.grade, type: d.type });

export function takeStep(d: DemandRecord, s: StepInput, parentState?: DemandRecord['state'] | null): Step {
  const now = s.now.toISOString();
  const clock = demandClock(d, s.now, s.cal, s.limits);
  const by = DEMAND_TRANSITIONS[s.action].by;
  if (s.viewer ? !playsActor(s.viewer, by, d) : !by.includes('system')) throw forbidden('当前角色无权执行此操作');
  ruled(() => checkStep(s.action, facts(d), { now: s.now, overdue: clock.light === 'red', parentState }));
  const next: DemandRecord = { ...d, state: nextDemandState(s.action, facts(d), s.evaluation), updatedAt: now, version: d.version + 1 };
  const counters: CounterEvent[] = [];
  let note = s.note?.trim() || s.text?.trim() || null;

  switch (s.action) {
    case 'dispatch':
    case 'route': {
      const dept = need(s.department, 'departmentId', '请选择派往的部门');
      Object.assign(next, { departmentId: dept.id, departmentName: dept.name, departmentPhone: dept.phone, assignedAt: now, handler: null, signedAt: null });
      if (s.action === 'dispatch') {
        next.grade = s.grade ?? d.grade;
        // The clock starts at the first dispatch and does not restart when a demand is returned and routed again.
        next.limitDays = limitDaysFor(d.type, d.domain, next.grade, s.limits);
        next.firstLimitDays = next.limitDays;
        next.clockStartedAt = d.clockStartedAt ?? now;
      } else {
        next.binding = true;
      }
      counters.push({ kind: 'assigned', ...counted(next) });
      note = `${s.action === 'route' ? '督查改派（终审）' : '派单'}至${dept.name}${note ? `：${note}` : ''}`;
      break;
    }
    case 'answer':
      need(s.text?.trim(), 'text', '请填写答复内容');
      next.replies = [...d.replies, { at: now, text: s.text!.trim(), result: '当场答复', photoKeys: [], by: s.actor.name }];
      Object.assign(next, { repliedAt: now, closedAt: now });
      counters.push({ kind: 'answered' });
      break;
    case 'return':
      note = need(s.text?.trim() || s.note?.trim(), 'text', '请说明退单理由');
      next.returnedBy = [...d.returnedBy, d.departmentId!];
      counters.push({ kind: 'returned' });
      note = `${d.departmentName}退单：${note}`;
      break;
    case 'sign': {
      const h = need(s.handler, 'handlerUsername', '请指定首办责任人');
      Object.assign(next, { handler: h, signedAt: now });
      counters.push({ kind: 'signed', inTime: demandClock(next, s.now, s.cal, s.limits).signedInTime ?? true });
      note = `签收，首办责任人：${h.name}${note ? `。${note}` : ''}`;
      break;
    }
    case 'contact':
      note = need(note, 'note', '请记录联系情况');
      break;
    case 'request_info':
      note = need(s.text?.trim() || note, 'text', '请写明需要群众补充的内容');
      next.pauses = [...d.pauses, { from: now, to: null }];
      next.resumeAfter = autoResumeOn(now, s.cal, s.limits);
      break;
    case 'provide_info':
    case 'auto_resume':
      if (s.action === 'provide_info') note = need(s.text?.trim(), 'text', '请填写补充内容');
      else note = `${s.limits.pauseResumeDays}个工作日未补充，恢复计时`;
      next.pauses = d.pauses.map((p) => (p.to === null ? { ...p, to: now } : p));
      next.resumeAfter = null;
      if (s.photoKeys?.length) next.photoKeys = [...d.photoKeys, ...s.photoKeys];
      break;
    case 'request_extension': {
      const days = need(s.extensionDays, 'extensionDays', '请填写延期的工作日数');
      const reason = need(s.text?.trim() || s.note?.trim(), 'text', '请说明延期理由');
      next.extension = { days, reason, status: 'requested', requestedAt: now };
      note = `申请延期${days}个工作日：${reason}`;
      break;
    }
    case 'decide_extension': {
      const approve = need(s.approve, 'approve', '请选择同意或不同意延期');
      next.extension = { ...d.extension!, status: approve ? 'approved' : 'denied' };
      note = `${approve ? '同意' : '不同意'}延期${d.extension!.days}个工作日${note ? `：${note}` : ''}（已告知群众）`;
      break;
    }
    case 'reply': {
      const text = need(s.text?.trim(), 'text', '请填写答复内容');
      const result = need(s.result?.trim(), 'result', '办结须填写办理结果');
      next.replies = [...d.replies, { at: now, text, result, photoKeys: s.photoKeys ?? [], by: s.actor.name }];
      next.repliedAt = now;
      next.evalDueOn = evaluationDueOn(now, s.limits);
      counters.push({ kind: 'replied', inTime: demandClock(next, s.now, s.cal, s.limits).repliedInTime ?? true });
      note = `答复：${text}；办理结果：${result}`;
      break;
    }
    case 'evaluate':
    case 'default_close': {
      const e = need(s.evaluation, 'solved', '请回答问题是否解决');
      const isDefault = s.action === 'default_close';
      const outcome = afterEvaluation(d, e);
      next.evaluations = [...d.evaluations, { at: now, solved: e.solved, satisfaction: e.satisfaction, comment: e.comment, isDefault, final: outcome.final }];
      next.evalDueOn = null;
      if (outcome.redo) {
        Object.assign(next, { redone: true, phase: 'redo', clockStartedAt: now, limitDays: redoLimitDays(d.firstLimitDays ?? d.limitDays ?? 1), repliedAt: null, extension: d.extension });
        counters.push({ kind: 'redone' });
        note = `${e.solved ? '已解决' : '未解决'}，${LABEL[e.satisfaction]}：退回重办${e.comment ? `（${e.comment}）` : ''}`;
      } else {
        Object.assign(next, { closedAt: now, defaultClosed: isDefault });
        counters.push({ kind: 'evaluated', solved: e.solved, satisfaction: e.satisfaction, isDefault });
        note = isDefault ? `${s.limits.evaluationDays}天未评价，默认基本满意办结` : `${e.solved ? '已解决' : '未解决'}，${LABEL[e.satisfaction]}${e.comment ? `（${e.comment}）` : ''}`;
      }
      break;
    }
    case 'reopen':
      Object.assign(next, { phase: 'reopen', clockStartedAt: now, limitDays: d.firstLimitDays ?? d.limitDays, repliedAt: null, closedAt: null, reopened: d.reopened + 1, evalDueOn: null });
      counters.push({ kind: 'reopened' });
      break;
    case 'merge': {
      const p = need(s.parent, 'parentId', '请选择并入的诉求');
      next.parentId = p.id;
      counters.push({ kind: 'merged' });
      note = `并入诉求 ${p.number}${note ? `：${note}` : ''}`;
      break;
    }
  }
  const event: DemandEventRecord = {
    at: now, actor: s.actor.name, role: s.actor.role, action: s.action, from: d.state, to: next.state, note: note ?? DEMAND_ACTION_LABELS[s.action],
  };
  return { next, event, counters };
}

const LABEL: Record<DemandSatisfaction, string> = { satisfied: '满意', basic: '基本满意', dissatisfied: '不满意' };

/** The counters of a step's events, for the month it happens in. */
export function countersOf(d: DemandRecord, events: CounterEvent[]) {
  const where = { departmentId: d.departmentId, townCode: d.townCode, regionCode: d.regionCode };
  return events.flatMap((e) => demandCounters(e, where));
}

/** Save a step in one transaction (record, event, queue pointers, counters); a lost race is a 409. */
export async function saveStep(prev: DemandRecord, step: Step, parent?: { id: string; event: DemandEventRecord }): Promise<void> {
  // The reporter hears of signing, a reply or a question in the same transaction (inbox + push).
  const message = step.next.residentId ? demandStepMessage(step.event.action, step.next, step.event.note) : null;
  const tell = message ? pushItems({ kind: 'resident', id: step.next.residentId! }, message, step.event.at) : undefined;
  const outcome = await saveDemand(prev, step.next, [step.event], { month: counterMonth(step.event.at), counters: countersOf(step.next, step.counters), parent, tell });
  if (outcome === 'stale') throw conflict('诉求已被他人处理，请刷新后重试', 'VERSION_CONFLICT');
}

/**
 * Photos the caller uploaded (tmp/<owner>/…), checked and copied out of tmp/
 * (which expires) into the record's own folder (a demand's by default). Someone else's photo or one
 * that never arrived is bad input.
 */
export async function keepPhotos(keys: string[] | undefined, owner: string, demandId: string, folder = 'demands'): Promise<string[]> {
  if (!keys?.length) return [];
  if (keys.some((k) => !isUploadOf(k, owner))) throw badRequest('只能提交本人上传的图片', { photos: '只能提交本人上传的图片' });
  const heads = await Promise.all(keys.map((k) => headUpload(k)));
  if (heads.some((h) => !h)) throw badRequest('有图片未上传成功或已过期，请重新上传', { photos: '有图片未上传成功或已过期，请重新上传' });
  const kept = keys.map((k) => `${folder}/${demandId}/${k.split('/').pop()}`);
  await Promise.all(keys.map((k, i) => keepUpload(k, kept[i]!)));
  return kept;
}

/** Staff upload under their own owner id (never a resident's). */
export { staffUploadOwner } from '../store/uploads';

export const newDemandNumber = (now: Date) => `${shanghaiDate(now).replace(/-/g, '')}-${bookingCode(randomBytes(8)).slice(0, 5)}`;

/** A fresh demand as filed; the caller fills in channel, reporter and who took it in. */
export function newDemand(fields: Pick<DemandRecord, 'residentId' | 'reporter' | 'anonymous' | 'type' | 'domain' | 'grade' | 'channel' | 'text' | 'regionCode' | 'point' | 'intakeBy'>, now: Date): DemandRecord {
  const at = now.toISOString();
  return {
    ...fields, id: randomUUID(), number: newDemandNumber(now), photoKeys: [], townCode: townOf(fields.regionCode), state: 'received',
    departmentId: null, departmentName: null, departmentPhone: null, handler: null, binding: false, returnedBy: [],
    clockStartedAt: null, assignedAt: null, limitDays: null, firstLimitDays: null, phase: 'first', signedAt: null, repliedAt: null,
    pauses: [], extension: null, replies: [], evaluations: [], redone: false, reopened: 0, defaultClosed: false, parentId: null,
    mergedCount: 0, evalDueOn: null, resumeAfter: null, filedAt: at, closedAt: null, updatedAt: at, version: 1,
  };
}

/** Write a new demand once per idempotency key; a retry returns the first one. */
export async function fileOnce(d: DemandRecord, owner: string, idempotencyKey: string, actor: { name: string; role: string }, note: string, extra: Parameters<typeof countersOf>[1] = []) {
  const event = { at: d.filedAt, actor: actor.name, role: actor.role, action: 'file', from: null, to: d.state, note };
  const counters = countersOf(d, [{ kind: 'received', channel: d.channel, domain: d.domain, grade: d.grade, type: d.type }, ...extra]);
  if ((await createDemand(d, owner, idempotencyKey, [event], counterMonth(d.filedAt), counters)) === 'created') return d.id;
  const first = await getDemandIdByIdempotencyKey(owner, idempotencyKey);
  if (!first) throw conflict('请求正在处理，请稍后刷新', 'IN_PROGRESS');
  return first;
}

