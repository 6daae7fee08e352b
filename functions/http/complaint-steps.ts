// Opening and deciding a complaint investigation, as one function each, so
// the HTTP handler and the demo seed take the same path: the records, the
// timeline event, the ladder, the apology and the counters of the decision.
import type { Calendar } from '../domain/calendar';
import { shanghaiDate } from '../domain/calendar';
import { apologyDueOn, apologyFor, COMPLAINT_OPENED_NOTE, complaintOutcomeNote, nextLadderEntry, validComplaintCounters } from '../domain/accountability';
import { conflict } from '../lib/errors';
import {
  createComplaint, getDecisionState, saveDecision, type ApologyRecord, type ComplaintRecord, type Decision, type LadderRecord,
} from '../store/accountability';
import type { DemandRecord } from '../store/demands';
import { scope } from '../domain/scopes';

export const staleComplaint = () => conflict('已被他人处理，请刷新后重试', 'VERSION_CONFLICT');
export interface ComplaintActor { username: string; name: string; role: string }

/** Open the investigation of a 投诉 against a staff member; a second one for the same demand is a 409. */
export async function openInvestigation(
  d: Pick<DemandRecord, 'id' | 'number' | 'townCode' | 'type'>, staff: { username: string; name: string }, department: { id: string; name: string } | null,
  by: ComplaintActor, now: Date,
): Promise<ComplaintRecord> {
  if (d.type !== 'complaint') throw conflict('只有投诉类诉求可以立案核查', 'NOT_A_COMPLAINT');
  const at = now.toISOString();
  const c: ComplaintRecord = {
    demandId: d.id, demandNumber: d.number, townCode: d.townCode, staff, department, status: 'investigating', statement: null, finding: null,
    evidence: [], openedAt: at, openedBy: by.username, decidedAt: null, decidedBy: null, ladderStep: null, version: 1,
  };
  const event = { at, actor: by.name, role: by.role, action: 'complaint_investigating', from: null, to: null, note: COMPLAINT_OPENED_NOTE };
  if ((await createComplaint(c, event)) === 'exists') throw conflict('该投诉已立案核查', 'COMPLAINT_EXISTS');
  return c;
}

/**
 * Decide: the outcome on the timeline; a valid complaint also climbs the
 * person's ladder, may owe the department's apology (1st and 2nd of the
 * year) and counts in the month — all in one transaction (409 on a race).
 */
export async function decideInvestigation(
  c: ComplaintRecord, input: { valid: boolean; finding: string; evidence: string[] }, by: ComplaintActor, now: Date, cal: Calendar,
): Promise<ComplaintRecord> {
  if (c.status !== 'investigating') throw conflict('该投诉已有核查结论', 'ILLEGAL_TRANSITION');
  const today = shanghaiDate(now);
  const [year, month] = [today.slice(0, 4), today.slice(0, 7)];
  const next: ComplaintRecord = {
    ...c, status: input.valid ? 'valid' : 'not_valid', finding: input.finding, evidence: input.evidence,
    decidedAt: now.toISOString(), decidedBy: by.username, version: c.version + 1,
  };
  const event = { at: now.toISOString(), actor: by.name, role: by.role, action: 'complaint_decided', from: null, to: null, note: complaintOutcomeNote(input.valid) };
  const decision: Decision = { prev: c, next, event };
  if (input.valid) {
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
    Object.assign(decision, {
      ladder: { prev: state.ladder, next: ladder },
      yearCount: dept ? { year, departmentId: dept.id, seen: state.yearCount } : undefined,
      apology,
      demandCounters: { month, updates: validComplaintCounters({ departmentId: dept?.id ?? null, townCode: c.townCode }) },
      satisfaction: {
        month,
        scopes: [{ scope: scope.county, set: {} }, ...(dept ? [{ scope: scope.dept(dept.id), set: {} }] : []), { scope: scope.staff(c.staff.username), set: staffSet }],
      },
    });
  }
  if ((await saveDecision(decision)) === 'stale') throw staleComplaint();
  return next;
}
