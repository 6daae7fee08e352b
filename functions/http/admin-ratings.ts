// Staff side of ratings: rectification tickets (verify, rectify, follow up,
// publish), appeals and the supervisor's decision, and the satisfaction
// dashboard with its trends and flags.
import { TICKET_ACTION_LABELS, TICKET_STATUS_LABELS, type TicketAction } from '../../shared/schemas/ratings';
import { badRequest, conflict, forbidden, notFound } from '../lib/errors';
import { httpHandler, type StaffPrincipal } from '../lib/http';
import { shanghaiDate } from '../domain/calendar';
import { appealOutcome, bottomThree, cadreFlags, isTicketOverdue, nextTicketStatus, summarize, trailingMonths, unitFlags } from '../domain/ratings';
import { getResident, getStaff } from '../store/people';
import { getRating } from '../store/ratings';
import { scope, scopeId } from '../domain/scopes';
import { getMonthSatisfaction, getYearSatisfaction, type SatisfactionItem } from '../store/satisfaction';
import { getTicket, listOpenTickets, pageAllTickets, pageDepartmentTickets, pageOpenTickets, saveTicket, type TicketRecord } from '../store/tickets';
import { listDepartments, listRegions } from '../store/reference';
import { toTicket } from './rating-views';
import { mayAppealTicket, mayCallBack, mayHandleTicket, maySeeDepartment, maySeeTicket, ownDepartment, seesEverything, ticketSteps } from '../domain/access';
import { STAFF_ROLE_LABELS } from '../../shared/enums';
import { ticketOutcome } from '../domain/messages';
import { pushItems } from '../store/outbox';
import { complaintFlags } from '../domain/accountability';

const stale = () => conflict('整改单已被他人处理，请刷新后重试', 'VERSION_CONFLICT');

async function ticketFor(staff: StaffPrincipal, id: string): Promise<TicketRecord> {
  const t = await getTicket(id);
  if (!t) throw notFound('整改单不存在');
  if (!maySeeTicket(staff, t)) throw forbidden('该整改单不属于您的部门');
  return t;
}

/** The ticket as the access rule needs it: the supervisor steps in only when it names a department head. */
async function scopeOf(staff: StaffPrincipal, t: TicketRecord) {
  if (staff.role !== 'supervisor' || !t.responsible) return t;
  const named = await getStaff(t.responsible.username);
  return { ...t, responsible: { ...t.responsible, role: named?.role ?? null } };
}

/** The detail; the resident's contact only for those who make the follow-up call. */
async function detail(t: TicketRecord, staff: StaffPrincipal) {
  const ticket = await scopeOf(staff, t);
  const resident = mayCallBack(staff, ticket) ? await getResident(t.residentId) : undefined;
  return {
    ...toTicket(t, shanghaiDate()),
    events: t.events,
    // The workbench offers exactly these (domain/access.ts): the person a review names may appeal, never handle.
    allowedActions: ticketSteps(staff, ticket),
    resident: resident ? { name: resident.name ?? '未填写姓名', phone: resident.phone } : null,
  };
}

async function save(next: TicketRecord, prev: TicketRecord, voidRating = false) {
  const rating = await getRating(prev.targetType, prev.targetId);
  if (!rating || rating.ticketId !== prev.id) throw stale();
  // Publishing the rectification tells the resident who wrote the review, in the same transaction.
  const tell = next.outcome && !prev.outcome
    ? pushItems({ kind: 'resident', id: prev.residentId }, ticketOutcome({ id: prev.id, serviceName: prev.serviceName, outcome: next.outcome }), next.updatedAt)
    : [];
  if ((await saveTicket(next, prev.version, rating, voidRating, tell)) === 'stale') throw stale();
}

const row = (id: string, name: string, month: SatisfactionItem | undefined, year: SatisfactionItem | undefined, trend: (SatisfactionItem | undefined)[]) => ({
  id,
  name,
  month: summarize(month ?? {}),
  year: summarize(year ?? {}),
  trend: trend.map((t) => summarize(t ?? {}).satisfactionRate),
});

export const handler = httpHandler({
  'GET /admin/tickets': async ({ query, principal }) => {
    const everywhere = seesEverything(principal);
    if (query.departmentId && !maySeeDepartment(principal, query.departmentId)) throw forbidden('只能查看本部门的整改单');
    const departmentId = query.departmentId ?? (everywhere ? undefined : principal.departmentId ?? undefined);
    const view = query.view ?? (everywhere && !departmentId ? 'overdue' : 'open');
    const today = shanghaiDate();
    const shown = (t: TicketRecord) =>
      (everywhere ? !departmentId || t.departmentId === departmentId : maySeeTicket(principal, t)) &&
      (view !== 'overdue' || isTicketOverdue(t, today)) &&
      (view !== 'appealed' || t.status === 'appealed');
    const page =
      view === 'all' && (departmentId || everywhere)
        ? departmentId
          ? await pageDepartmentTickets(departmentId, query)
          : await pageAllTickets(query)
        : // The open index by deadline, filtered to what this person sees in this view.
          await pageOpenTickets(query, shown);
    return { tickets: page.items.map((t) => toTicket(t, today)), nextCursor: page.nextCursor };
  },

  'GET /admin/tickets/{id}': async ({ params, principal }) => detail(await ticketFor(principal, params.id), principal),

  'POST /admin/tickets/{id}/actions': async ({ params, body, principal }) => {
    const t = await ticketFor(principal, params.id);
    const action: TicketAction = body.action;
    if (action === 'appeal') {
      if (!mayAppealTicket(principal, t)) throw forbidden('只有责任人或部门负责人可以申诉');
      if (t.appeal) throw conflict('该整改单已申诉过，不能再次申诉', 'ALREADY_APPEALED');
    } else if (!mayHandleTicket(principal, await scopeOf(principal, t))) {
      throw forbidden(t.responsible?.username === principal.username ? '差评涉及您本人，由部门其他负责人或督查办理' : '整改由部门负责人办理');
    }
    if (t.version !== body.version) throw stale();
    const to = nextTicketStatus(t.status, action);
    if (!to) throw conflict(`整改单“${TICKET_STATUS_LABELS[t.status]}”，不能${TICKET_ACTION_LABELS[action]}`, 'ILLEGAL_TRANSITION');
    if (action === 'follow_up' && !body.followUp) throw badRequest('请记录回访情况', { followUp: '请记录回访情况' });
    if (action === 'follow_up' && body.followUp!.reached && !body.followUp!.residentView) {
      throw badRequest('请记录居民意见', { 'followUp.residentView': '请记录居民意见' });
    }

    const staff = await getStaff(principal.username);
    const named = t.responsible?.username === principal.username;
    const actor = `${staff?.name ?? principal.username}（${named ? '责任人' : STAFF_ROLE_LABELS[principal.role]}）`;
    const at = new Date().toISOString();
    const note = body.note;
    const next: TicketRecord = { ...t, status: to, updatedAt: at, version: t.version + 1, events: [...t.events, { at, actor, action, note }] };
    if (action === 'verify') next.verification = note;
    if (action === 'rectify') next.rectification = note;
    if (action === 'follow_up') next.followUp = { at, reached: body.followUp!.reached, residentView: body.followUp!.reached ? body.followUp!.residentView ?? null : null, note };
    if (action === 'publish') {
      next.outcome = note;
      next.outcomeAt = at;
    }
    if (action === 'appeal') {
      next.statusBeforeAppeal = t.status;
      next.appeal = { reason: note, by: actor, at, decision: null, decisionNote: null, decidedBy: null };
    }
    await save(next, t);
    return detail(next, principal);
  },

  'POST /admin/tickets/{id}/appeal-decision': async ({ params, body, principal }) => {
    const t = await ticketFor(principal, params.id);
    if (t.status !== 'appealed' || !t.appeal) throw conflict('该整改单没有待裁定的申诉', 'ILLEGAL_TRANSITION');
    if (t.version !== body.version) throw stale();
    const staff = await getStaff(principal.username);
    const actor = `${staff?.name ?? principal.username}（督查）`;
    const at = new Date().toISOString();
    const upheld = body.decision === 'upheld';
    const next: TicketRecord = {
      ...t,
      status: appealOutcome(body.decision, t.statusBeforeAppeal ?? 'open'),
      statusBeforeAppeal: null,
      appeal: { ...t.appeal, decision: body.decision, decisionNote: body.note, decidedBy: actor },
      ...(upheld ? { outcome: `经督查核实，申诉成立，该评价不计入满意度：${body.note}`, outcomeAt: at } : {}),
      events: [...t.events, { at, actor, action: upheld ? 'appeal_upheld' : 'appeal_dismissed', note: body.note }],
      updatedAt: at,
      version: t.version + 1,
    };
    await save(next, t, upheld);
    return detail(next, principal);
  },

  'GET /admin/satisfaction': async ({ query, principal }) => {
    // A department head sees the county's figures, their own department (ranked among all) and its cadres.
    const own = ownDepartment(principal);
    const month = query.month ?? shanghaiDate().slice(0, 7);
    const months = trailingMonths(month);
    const [perMonth, year, departments, regions, open] = await Promise.all([
      Promise.all(months.map(getMonthSatisfaction)),
      getYearSatisfaction(month.slice(0, 4)),
      listDepartments(),
      listRegions(),
      listOpenTickets(),
    ]);
    const monthMaps = perMonth.map((items) => new Map(items.map((i) => [i.scope, i])));
    const current = monthMaps[monthMaps.length - 1]!;
    const yearMap = new Map(year.map((i) => [i.scope, i]));
    const build = (scope: string, id: string, name: string) => row(id, name, current.get(scope), yearMap.get(scope), monthMaps.map((m) => m.get(scope)));
    const byRate = (a: { month: { satisfactionRate: number | null } }, b: { month: { satisfactionRate: number | null } }) =>
      (a.month.satisfactionRate ?? 2) - (b.month.satisfactionRate ?? 2);

    const depts = departments.map((d) => build(scope.dept(d.id), d.id, d.name));
    const bottom = new Set(bottomThree(depts.map((d) => ({ id: d.id, s: d.month }))));
    const scopes = new Set([...yearMap.keys(), ...current.keys()]);
    const staffScopes = [...scopes].filter((s) => scopeId('staff', s) !== null);
    const townNames = new Map(regions.map((r) => [r.code, r.name]));
    const today = shanghaiDate();
    const mineOpen = open.filter((t) => own === null || t.departmentId === own);
    return {
      month,
      months,
      county: { ...build(scope.county, 'county', '全县'), flags: [] },
      departments: depts
        .filter((d) => own === null || d.id === own)
        .map((d) => ({ ...d, flags: [...unitFlags(d.month), ...(bottom.has(d.id) ? (['bottom3'] as const) : []), ...complaintFlags(current.get(scope.dept(d.id))?.validComplaints)] }))
        .sort(byRate),
      staff: staffScopes
        .filter((s) => own === null || (yearMap.get(s) ?? current.get(s))?.departmentId === own)
        .map((s) => {
          const info = yearMap.get(s) ?? current.get(s);
          const username = scopeId('staff', s)!;
          const r = build(s, username, info?.staffName ?? username);
          return { ...r, departmentName: info?.departmentName ?? null, flags: [...cadreFlags(r.month), ...complaintFlags(current.get(s)?.validComplaints)] };
        })
        .sort(byRate),
      towns: [...scopes]
        .filter((s) => own === null && scopeId('town', s) !== null)
        .map((s) => {
          const code = scopeId('town', s)!;
          const r = build(s, code, townNames.get(code) ?? code);
          return { ...r, flags: unitFlags(r.month) };
        })
        .sort(byRate),
      tickets: {
        open: mineOpen.length,
        overdue: mineOpen.filter((t) => isTicketOverdue(t, today)).length,
        appealed: mineOpen.filter((t) => t.status === 'appealed').length,
      },
    };
  },
});
