// Valid complaints (查实有效) and accountability: the supervisor opens a
// complaint against a named staff member, the person states their case once,
// the supervisor decides with the finding and evidence; a valid one climbs the
// person's ladder, may owe the department's apology, and counts in the month.
import type { ComplaintCase, LadderPerson } from '../../shared/schemas/accountability';
import { STAFF_ROLE_LABELS } from '../../shared/enums';
import { complaintActions, isApologyOverdue, LADDER, ladderStanding } from '../domain/accountability';
import { shanghaiDate } from '../domain/calendar';
import { badRequest, conflict, forbidden, notFound } from '../lib/errors';
import { httpHandler, type StaffPrincipal } from '../lib/http';
import {
  getApology, getComplaint, getLadder, listAccountability, markApologyDone, pageComplaints, saveComplaint, saveLadder,
  type ApologyRecord, type ComplaintRecord, type LadderRecord,
} from '../store/accountability';
import { loadCalendar } from '../store/calendar';
import { getDemand } from '../store/demands';
import { getStaff } from '../store/people';
import { getDepartment } from '../store/reference';
import { decideInvestigation, openInvestigation, staleComplaint } from './complaint-steps';
import { maySeeComplaint, maySeeDepartment, ownDepartment, seesEverything } from '../domain/access';

const stale = staleComplaint;

function toCase(c: ComplaintRecord, p: StaffPrincipal): ComplaintCase {
  const { demandId, demandNumber, staff, department, status, statement, finding, evidence, openedAt, decidedAt, ladderStep, version } = c;
  return {
    id: demandId, demandId, demandNumber, staff, department, status, statement, finding, evidence, openedAt, decidedAt, ladderStep, version,
    allowedActions: complaintActions({ ...c, staffUsername: staff.username }, p),
  };
}

async function visibleComplaint(p: StaffPrincipal, id: string): Promise<ComplaintRecord> {
  const c = await getComplaint(id);
  if (!c) throw notFound('投诉核查不存在');
  if (!maySeeComplaint(p, c.staff)) throw forbidden('只能查看涉及本人的投诉核查');
  return c;
}

async function actorOf(p: StaffPrincipal) {
  return { username: p.username, name: (await getStaff(p.username))?.name ?? p.username, role: STAFF_ROLE_LABELS[p.role] };
}

function toPerson(l: LadderRecord, today: string): LadderPerson {
  const s = ladderStanding(l.entries, today);
  return { username: l.username, name: l.name, department: l.department, ...s, stepLabel: s.step ? LADDER[s.step - 1]!.label : null, entries: l.entries };
}

const toApology = (a: ApologyRecord, today: string) => {
  const { doneBy: _b, ...rest } = a;
  return { ...rest, overdue: isApologyOverdue(a, today) };
};

export const handler = httpHandler({
  'POST /admin/demands/{id}/complaint': async ({ params, body, principal }) => {
    const [d, staff] = await Promise.all([getDemand(params.id), getStaff(body.staffUsername)]);
    if (!d) throw notFound('诉求不存在');
    if (!staff) throw badRequest('被投诉的工作人员不存在', { staffUsername: '被投诉的工作人员不存在' });
    const dept = staff.departmentId ? await getDepartment(staff.departmentId) : undefined;
    const c = await openInvestigation(d, { username: staff.username, name: staff.name }, dept ? { id: dept.id, name: dept.name } : null, await actorOf(principal), new Date());
    return toCase(c, principal);
  },

  'GET /admin/complaints': async ({ query, principal }) => {
    const page = await pageComplaints(seesEverything(principal) ? undefined : principal.username, query);
    return { complaints: page.items.map((c) => toCase(c, principal)), nextCursor: page.nextCursor };
  },

  'GET /admin/complaints/{id}': async ({ params, principal }) => toCase(await visibleComplaint(principal, params.id), principal),

  'POST /admin/complaints/{id}/statement': async ({ params, body, principal }) => {
    const c = await visibleComplaint(principal, params.id);
    if (c.staff.username !== principal.username) throw forbidden('只有被投诉人本人可以陈述');
    if (c.version !== body.version) throw stale();
    if (!complaintActions({ ...c, staffUsername: c.staff.username }, principal).includes('state_case')) throw conflict('核查结论作出前只能陈述一次', 'ILLEGAL_TRANSITION');
    const next = { ...c, statement: { text: body.text, at: new Date().toISOString() }, version: c.version + 1 };
    if ((await saveComplaint(c, next)) === 'stale') throw stale();
    return toCase(next, principal);
  },

  'POST /admin/complaints/{id}/decision': async ({ params, body, principal }) => {
    const c = await visibleComplaint(principal, params.id);
    if (c.version !== body.version) throw stale();
    const [cal, by] = await Promise.all([loadCalendar(), actorOf(principal)]);
    return toCase(await decideInvestigation(c, body, by, new Date(), cal), principal);
  },

  'GET /admin/accountability': async ({ principal }) => {
    const own = ownDepartment(principal);
    const { ladders, apologies } = await listAccountability();
    const today = shanghaiDate();
    return {
      people: ladders.filter((l) => own === null || l.department?.id === own).map((l) => toPerson(l, today)).sort((a, b) => b.step - a.step || b.count - a.count),
      apologies: apologies.filter((a) => own === null || a.department.id === own).map((a) => toApology(a, today)).sort((a, b) => (a.dueOn ?? '').localeCompare(b.dueOn ?? '')),
    };
  },

  'POST /admin/accountability/{username}/actions': async ({ params, body }) => {
    const l = await getLadder(params.username);
    if (!l) throw notFound('该工作人员没有查实有效的投诉');
    const entry = l.entries.find((e) => e.complaintId === body.complaintId);
    const owed = entry?.actions.find((a) => a.action === body.action);
    if (!entry || !owed) throw badRequest('这项处理不在该投诉应作出的处理之中', { action: '这项处理不在该投诉应作出的处理之中' });
    if (owed.doneAt) throw conflict('这项处理已经记录', 'ALREADY_DONE');
    const at = new Date().toISOString();
    const next: LadderRecord = {
      ...l, version: l.version + 1,
      entries: l.entries.map((e) => e !== entry ? e : { ...e, actions: e.actions.map((a) => a !== owed ? a : { ...a, doneAt: at, note: body.note ?? null }) }),
    };
    if ((await saveLadder(l, next)) === 'stale') throw stale();
    return toPerson(next, shanghaiDate());
  },

  'POST /admin/apologies/{id}/done': async ({ params, body, principal }) => {
    const a = await getApology(params.id);
    if (!a) throw notFound('致歉记录不存在');
    if (!maySeeDepartment(principal, a.department.id)) throw forbidden('只能记录本部门的致歉');
    if (a.doneAt) throw conflict('致歉已经记录', 'ALREADY_DONE');
    const next = { ...a, doneAt: new Date().toISOString(), doneBy: principal.username, note: body.note };
    if ((await markApologyDone(next)) === 'done') throw conflict('致歉已经记录', 'ALREADY_DONE');
    return toApology(next, shanghaiDate());
  },
});
