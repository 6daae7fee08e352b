// Residents rate concluded cases and attended visits; anyone may read the
// public satisfaction page (departments' rates, bad reviews and their outcomes,
// never who wrote them).
import { randomBytes } from 'node:crypto';
import type { RateRequest } from '../../shared/schemas/ratings';
import { badRequest, conflict, notFound } from '../lib/errors';
import { httpHandler } from '../lib/http';
import { shanghaiDate, type Calendar } from '../domain/calendar';
import { bottomThree, canChange, publicBadReviews, isBad, ratingErrors, rectifyWorkingDays, summarize, ticketAllowsChange, ticketDueOn, unitFlags } from '../domain/ratings';
import { getApplication } from '../store/applications';
import { getAppointment } from '../store/appointments';
import { loadCalendar } from '../store/calendar';
import { createRating, getRatingState, listResidentInvites, pageResidentRatings, replaceRating, type RatingContext, type RatingRecord } from '../store/ratings';
import { getYearSatisfaction } from '../store/satisfaction';
import { scope } from '../domain/scopes';
import { getTicket, listRecentTickets, type TicketRecord } from '../store/tickets';
import { listDepartments } from '../store/reference';
import { toInvite, toRating } from './rating-views';

/** Time-ordered, unguessable ticket ids: 20261124T021533-3fa9c1. */
const ticketId = (now: Date) => `${now.toISOString().replace(/[-:]/g, '').slice(0, 15)}-${randomBytes(3).toString('hex')}`;

function newTicket(r: RatingRecord, now: Date, today: string, cal: Calendar): TicketRecord {
  const at = now.toISOString();
  return {
    id: ticketId(now),
    targetType: r.targetType,
    targetId: r.targetId,
    residentId: r.residentId,
    reference: r.reference,
    serviceName: r.serviceName,
    departmentId: r.departmentId,
    departmentName: r.departmentName,
    responsible: r.responsible,
    level: r.level,
    reasons: r.reasons,
    comment: r.comment,
    status: 'open',
    statusBeforeAppeal: null,
    createdOn: today,
    dueOn: ticketDueOn(cal, today, rectifyWorkingDays()),
    verification: null,
    rectification: null,
    followUp: null,
    outcome: null,
    outcomeAt: null,
    appeal: null,
    events: [{ at, actor: '系统', action: 'open', note: '居民差评，转责任单位整改' }],
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
}

/** Neither invited nor rated: someone else's (404) or not concluded yet (409). */
async function notRateable(body: RateRequest, residentId: string): Promise<never> {
  if (body.targetType === 'application') {
    const a = await getApplication(body.targetId);
    if (!a || a.residentId !== residentId) throw notFound('办件不存在');
    throw conflict('办件办结后才能评价', 'NOT_RATEABLE');
  }
  const a = await getAppointment(body.targetId);
  if (!a || a.residentId !== residentId) throw notFound('预约不存在');
  throw conflict('到场签到办事后才能评价', 'NOT_RATEABLE');
}

export const handler = httpHandler({
  'POST /ratings': async ({ body, principal }) => {
    const now = new Date();
    const state = await getRatingState(principal.residentId, body.targetType, body.targetId, body.idempotencyKey);
    if (state.replayOf) {
      if (state.replayOf.targetType !== body.targetType || state.replayOf.targetId !== body.targetId) {
        throw conflict('该请求编号已用于其他评价，请刷新后重试', 'IDEMPOTENCY_MISMATCH');
      }
      return toRating(state.rating!, now);
    }
    const prev = state.rating;
    const ctx: RatingContext | undefined = prev ?? state.invite;
    if (!ctx) return notRateable(body, principal.residentId);
    if (ctx.residentId !== principal.residentId) throw notFound(body.targetType === 'application' ? '办件不存在' : '预约不存在');
    const errors = ratingErrors(body, ctx.agent !== null);
    if (Object.keys(errors).length) throw badRequest(Object.values(errors)[0]!, errors);
    if (prev?.isDefault) throw conflict('评价期已过，已记为默认“基本满意”', 'ALREADY_RATED');
    if (prev && (prev.voided || !canChange(prev.ratedAt, now))) throw conflict('评价已超过24小时，不能修改', 'ALREADY_RATED');
    if (prev && !ticketAllowsChange(prev.ticket?.status ?? null)) throw conflict('差评整改已开始处理，不能修改评价', 'TICKET_IN_PROGRESS');

    const today = shanghaiDate(now);
    const {
      targetType, targetId, residentId, reference, serviceCode, serviceName, departmentId, departmentName, responsible, agent, townCode, concludedOn,
    } = ctx;
    const next: RatingRecord = {
      targetType, targetId, residentId, reference, serviceCode, serviceName, departmentId, departmentName, responsible, agent, townCode, concludedOn,
      level: body.level,
      dimensions: body.dimensions,
      reasons: isBad(body.level) ? [...new Set(body.reasons)] : [],
      comment: body.comment?.trim() || null,
      agentLevel: body.agentLevel ?? null,
      isDefault: false,
      // The change window runs from the first rating.
      ratedAt: prev?.ratedAt ?? now.toISOString(),
      month: prev?.month ?? today.slice(0, 7),
      ticketId: null,
      ticket: null,
      voided: false,
      version: (prev?.version ?? 0) + 1,
    };
    const openTicket = prev?.ticket && prev.ticket.status === 'open' ? prev.ticketId : null;
    let put: TicketRecord | undefined;
    let update: { next: TicketRecord; expectedVersion: number } | undefined;
    if (isBad(next.level) && !openTicket) {
      put = newTicket(next, now, today, await loadCalendar());
      next.ticketId = put.id;
      next.ticket = { status: 'open', dueOn: put.dueOn, outcome: null, outcomeAt: null };
    } else if (openTicket) {
      const t = await getTicket(openTicket);
      if (!t) throw conflict('整改单不存在，请刷新后重试', 'VERSION_CONFLICT');
      const at = now.toISOString();
      const changed: TicketRecord = isBad(next.level)
        ? { ...t, level: next.level, reasons: next.reasons, comment: next.comment, events: [...t.events, { at, actor: '居民', action: 'rating_changed', note: '居民修改了差评内容' }] }
        : { ...t, status: 'withdrawn', events: [...t.events, { at, actor: '居民', action: 'withdrawn', note: '居民已将评价改为满意，整改单撤销' }] };
      update = { next: { ...changed, updatedAt: at, version: t.version + 1 }, expectedVersion: t.version };
      next.ticketId = t.id;
      next.ticket = { status: changed.status, dueOn: t.dueOn, outcome: null, outcomeAt: null };
    }

    const outcome = prev
      ? await replaceRating(prev, next, body.idempotencyKey, { put, update })
      : await createRating(next, body.idempotencyKey, put ?? null);
    if (outcome === 'replay') {
      const again = await getRatingState(principal.residentId, body.targetType, body.targetId, body.idempotencyKey);
      if (!again.rating) throw conflict('请求正在处理，请稍后刷新', 'IN_PROGRESS');
      return toRating(again.rating, now);
    }
    if (outcome !== 'created' && outcome !== 'saved') throw conflict('评价已发生变化，请刷新后重试', 'VERSION_CONFLICT');
    return toRating(next, now);
  },

  'GET /ratings': async ({ query, principal }) => {
    const [page, invites] = await Promise.all([pageResidentRatings(principal.residentId, query), listResidentInvites(principal.residentId)]);
    const now = new Date();
    return {
      pending: invites.sort((a, b) => a.dueOn.localeCompare(b.dueOn)).map(toInvite),
      // Newest first, from the index.
      ratings: page.items.map((r) => toRating(r, now)),
      nextCursor: page.nextCursor,
    };
  },

  'GET /satisfaction': async () => {
    const year = Number(shanghaiDate().slice(0, 4));
    const [counters, departments, tickets] = await Promise.all([getYearSatisfaction(String(year)), listDepartments(), listRecentTickets(20)]);
    const byScope = new Map(counters.map((c) => [c.scope, c]));
    const rows = departments.map((d) => ({ id: d.id, name: d.name, s: summarize(byScope.get(scope.dept(d.id)) ?? {}) }));
    const bottom = new Set(bottomThree(rows));
    return {
      year,
      county: summarize(byScope.get(scope.county) ?? {}),
      departments: rows
        .map((r) => ({ id: r.id, name: r.name, year: r.s, flags: [...unitFlags(r.s), ...(bottom.has(r.id) ? (['bottom3'] as const) : [])] }))
        .sort((a, b) => (b.year.satisfactionRate ?? -1) - (a.year.satisfactionRate ?? -1) || b.year.total - a.year.total),
      // What was complained about and what was done; never who complained or their words.
      // Month only, and the item only where it cannot point at one household.
      recentBadReviews: publicBadReviews(tickets.filter((t) => t.status !== 'withdrawn').slice(0, 10)),
    };
  },
});
