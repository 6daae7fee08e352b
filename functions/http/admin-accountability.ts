// Valid complaints (查实有效) and accountability: the supervisor opens a
// complaint against a named staff member, the person states their case once,
// the supervisor decides with the finding and evidence; a valid one climbs the
// person's ladder, may owe the department's apology, and counts in the month.
import type { ComplaintCase, LadderPerson } from '../../shared/schemas/accountability';
import { STAFF_ROLE_LABELS } from '../../shared/enums';
import {
  apologyDueOn, apologyFor, COMPLAINT_OPENED_NOTE, complaintActions, complaintOutcomeNote, isApologyOverdue, LADDER, ladderStanding,
  nextLadderEntry, validComplaintCounters,
} from '../domain/accountability';
import { shanghaiDate } from '../domain/calendar';
import { badRequest, conflict, forbidden, notFound } from '../lib/errors';
import { httpHandler, type StaffPrincipal } from '../lib/http';
import {
  createComplaint, getApology, getComplaint, getDecisionState, getLadder, listAccountability, listComplaints, markApologyDone, saveComplaint, saveLadder,
  saveDecision, type ApologyRecord, type ComplaintRecord, type LadderRecord,
} from '../store/accountability';
import { loadCalendar } from '../store/calendar';
import { getDemand } from '../store/demands';
import { getStaff } from '../store/people';
import { getDepartment } from '../store/reference';

const EVERYWHERE = ['supervisor', 'admin'];
const stale = () => conflict('已被他人处理，请刷新后重试', 'VERSION_CONFLICT');

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
  if (!EVERYWHERE.includes(p.role) && c.staff.username !== p.username) throw forbidden('只能查看涉及本人的投诉核查');
  return c;
}

async function actorOf(p: StaffPrincipal) {
  return { actor: (await getStaff(p.username))?.name ?? p.username, role: STAFF_ROLE_LABELS[p.role] };
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
    if (d.type !== 'complaint') throw conflict('只有投诉类诉求可以立案核查', 'NOT_A_COMPLAINT');
    if (!staff) throw badRequest('被投诉的工作人员不存在', { staffUsername: '被投诉的工作人员不存在' });
    const dept = staff.departmentId ? await getDepartment(staff.departmentId) : undefined;
    const now = new Date().toISOString();
    const { actor, role } = await actorOf(principal);
    const c: ComplaintRecord = {
      demandId: d.id, demandNumber: d.number, townCode: d.townCode, staff: { username: staff.username, name: staff.name },
      department: dept ? { id: dept.id, name: dept.name } : null, status: 'investigating', statement: null, finding: null, evidence: [],
      openedAt: now, openedBy: principal.username, decidedAt: null, decidedBy: null, ladderStep: null, version: 1,
    };
    const event = { at: now, actor, role, action: 'complaint_investigating', from: null, to: null, note: COMPLAINT_OPENED_NOTE };
    if ((await createComplaint(c, event)) === 'exists') throw conflict('该投诉已立案核查', 'COMPLAINT_EXISTS');
    return toCase(c, principal);
  },

  'GET /admin/complaints': async ({ principal }) => {
    const list = await listComplaints(EVERYWHERE.includes(principal.role) ? undefined : principal.username);
    return { complaints: list.map((c) => toCase(c, principal)) };
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
    if (c.status !== 'investigating') throw conflict('该投诉已有核查结论', 'ILLEGAL_TRANSITION');
    const now = new Date();
    const [cal, { actor, role }] = await Promise.all([loadCalendar(), actorOf(principal)]);
    const today = shanghaiDate(now);
    const year = today.slice(0, 4);
    const month = today.slice(0, 7);
    const next: ComplaintRecord = {
      ...c, status: body.valid ? 'valid' : 'not_valid', finding: body.finding, evidence: body.evidence,
      decidedAt: now.toISOString(), decidedBy: principal.username, version: c.version + 1,
    };
    const event = { at: now.toISOString(), actor, role, action: 'complaint_decided', from: null, to: null, note: complaintOutcomeNote(body.valid) };
    if (!body.valid) {
      if ((await saveDecision({ prev: c, next, event })) === 'stale') throw stale();
      return toCase(next, principal);
    }
    const dept = c.department;
    const state = await getDecisionState(c.staff.username, year, dept?.id ?? null);
    const entry = nextLadderEntry((state.ladder?.entries ?? []).map((e) => e.decidedOn), c.demandId, today);
    next.ladderStep = entry.step;
    const ladder: LadderRecord = {
      username: c.staff.username, name: c.staff.name, department: dept,
      entries: [...(state.ladder?.entries ?? []), entry], version: (state.ladder?.version ?? 0) + 1,
    };
    const nth = state.yearCount + 1;
    const kind = dept ? apologyFor(nth) : null;
    const apology: ApologyRecord | null = dept && kind ? {
      id: `${year}-${dept.id}-${nth}`, year, department: dept, kind, complaintId: c.demandId, demandNumber: c.demandNumber,
      dueOn: apologyDueOn(today, cal), doneAt: null, doneBy: null, note: null,
    } : null;
    const staffSet: Record<string, string> = { staffName: c.staff.name, ...(dept ? { departmentId: dept.id, departmentName: dept.name } : {}) };
    const saved = await saveDecision({
      prev: c, next, event, ladder: { prev: state.ladder, next: ladder },
      yearCount: dept ? { year, departmentId: dept.id, seen: state.yearCount } : undefined,
      apology,
      demandCounters: { month, updates: validComplaintCounters({ departmentId: dept?.id ?? null, townCode: c.townCode }) },
      satisfaction: {
        month,
        scopes: [{ scope: 'COUNTY', set: {} }, ...(dept ? [{ scope: `DEPT#${dept.id}`, set: {} }] : []), { scope: `STAFF#${c.staff.username}`, set: staffSet }],
      },
    });
    if (saved === 'stale') throw stale();
    return toCase(next, principal);
  },

  'GET /admin/accountability': async ({ principal }) => {
    const own = EVERYWHERE.includes(principal.role) ? null : principal.departmentId ?? '';
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
    if (!EVERYWHERE.includes(principal.role) && a.department.id !== principal.departmentId) throw forbidden('只能记录本部门的致歉');
    if (a.doneAt) throw conflict('致歉已经记录', 'ALREADY_DONE');
    const next = { ...a, doneAt: new Date().toISOString(), doneBy: principal.username, note: body.note };
    if ((await markApologyDone(next)) === 'done') throw conflict('致歉已经记录', 'ALREADY_DONE');
    return toApology(next, shanghaiDate());
  },
});
