// Who may do what (role × department × region), in one place: every handler
// that decides whether a staff member sees or acts on a case, a ticket or a
// place asks here. Pure functions.
import type { RegionLevel, StaffRole } from '../../shared/enums';
import { routes } from '../../shared/routes';
import type { TicketAction, TicketStatus } from '../../shared/schemas/ratings';
import { handledAt } from './catalog';
import { nextTicketStatus } from './ratings';
import { townOf } from './regions';

export interface Staff {
  username: string;
  role: StaffRole;
  departmentId: string | null;
  regionCode: string;
}

const EVERYWHERE: readonly StaffRole[] = ['admin', 'supervisor'];
/** Supervisors and admins see every department's work. */
export const seesEverything = (s: Pick<Staff, 'role'>): boolean => EVERYWHERE.includes(s.role);
const everywhere = seesEverything;

/** A department's own views (督办提醒, tickets, complaints, figures): its members; supervisors and admins any. */
export const maySeeDepartment = (s: Pick<Staff, 'role' | 'departmentId'>, departmentId: string): boolean =>
  everywhere(s) || departmentId === s.departmentId;

/**
 * The department whose figures and lists a staff member is limited to: null
 * for supervisors and admins (all); '' for staff of no department (none).
 */
export const ownDepartment = (s: Pick<Staff, 'role' | 'departmentId'>): string | null => (everywhere(s) ? null : s.departmentId ?? '');

/** Staff of a town's 便民服务中心: a clerk or head whose region is the town itself. */
export function townDesk(s: Pick<Staff, 'role' | 'regionCode'>): string | null {
  if (s.role !== 'clerk' && s.role !== 'dept_head') return null;
  const town = townOf(s.regionCode);
  return town && town === s.regionCode ? town : null;
}

/** May record proxy steps (委托 → 代收 → …): only such a person can be assigned a proxy case. */
export const canRecordProxySteps = (s: Pick<Staff, 'role'>): boolean =>
  (routes['POST /admin/applications/{id}/proxy-steps'].roles as readonly StaffRole[]).includes(s.role);

// Cases ----------------------------------------------------------------------

export interface CaseScope {
  departmentId: string;
  /** The applicant's town when they applied. */
  townCode?: string | null;
  /** The item's lowest handling level; town, village or group items are handled by the town. */
  handlingLevel?: RegionLevel | null;
  proxy?: { agentUsername: string } | null;
}

/** A case of a town-level item from this town: its 便民服务中心 handles it. */
export const isTownCase = (c: CaseScope, town: string): boolean =>
  !!c.handlingLevel && handledAt(c.handlingLevel, 'town') && c.townCode === town;

/**
 * 'act': handles the case (the item's department, the town's desk for a
 * town-level item from that town, supervisors and admins); 'view': the
 * assigned proxy agent follows it; 'none'.
 */
export function caseAccess(s: Staff, c: CaseScope): 'act' | 'view' | 'none' {
  if (everywhere(s)) return 'act';
  if (s.role !== 'agent' && s.departmentId !== null && s.departmentId === c.departmentId) return 'act';
  const town = townDesk(s);
  if (town && isTownCase(c, town)) return 'act';
  if (c.proxy?.agentUsername === s.username) return 'view';
  return 'none';
}

/** Reassigning a case's proxy agent: an admin, or the head of the item's department. */
export const mayReassignAgent = (s: Staff, c: CaseScope): boolean =>
  s.role === 'admin' || (s.role === 'dept_head' && s.departmentId !== null && s.departmentId === c.departmentId);

export type QueueScope = { kind: 'department'; departmentId: string } | { kind: 'town'; townCode: string };

/**
 * The open cases a staff member's queue shows: the asked department (anyone
 * for supervisors and admins, else their own), otherwise their department,
 * otherwise their town's cases of town-level items. A string is the refusal.
 */
export function queueScope(s: Staff, asked: string | undefined): QueueScope | { refused: 'forbidden' | 'choose' } {
  if (asked) return everywhere(s) || asked === s.departmentId ? { kind: 'department', departmentId: asked } : { refused: 'forbidden' };
  if (s.departmentId) return { kind: 'department', departmentId: s.departmentId };
  const town = townDesk(s);
  return town ? { kind: 'town', townCode: town } : { refused: 'choose' };
}

// Rectification tickets --------------------------------------------------------

export interface TicketScope {
  departmentId: string;
  /** The person the review names; `role` when known (a head cannot handle her own ticket, so the supervisor may). */
  responsible: { username: string; role?: StaffRole | null } | null;
  status: TicketStatus;
  appeal: { decision: string | null } | null;
}

/** A ticket action, or the supervisor's decision on an appeal. */
export type TicketStep = TicketAction | 'decide';

const named = (s: Staff, t: TicketScope) => t.responsible !== null && t.responsible.username === s.username;

/** Supervisors and admins see every ticket; others their department's and those naming them. */
export const maySeeTicket = (s: Staff, t: TicketScope): boolean =>
  everywhere(s) || t.departmentId === s.departmentId || named(s, t);

/**
 * Handles the ticket (核实 → 整改 → 回访 → 公开): the head of its department —
 * never the person the review names, who would be judging their own case.
 * When it names a department head, another head of the department or the
 * supervisor handles it.
 */
export const mayHandleTicket = (s: Staff, t: TicketScope): boolean =>
  !named(s, t) &&
  ((s.role === 'dept_head' && s.departmentId !== null && s.departmentId === t.departmentId) ||
    (s.role === 'supervisor' && t.responsible?.role === 'dept_head'));

/** Sees the resident's contact for the follow-up call: the supervisor (who rules on appeals) and whoever handles it; never the person the review names. */
export const mayCallBack = (s: Staff, t: TicketScope): boolean => s.role === 'supervisor' || mayHandleTicket(s, t);

/** Appeals (once): the person the review names, or the head of the ticket's department. */
export const mayAppealTicket = (s: Staff, t: TicketScope): boolean =>
  named(s, t) || (s.role === 'dept_head' && s.departmentId !== null && s.departmentId === t.departmentId);

/** What this staff member may do with the ticket now; the API sends it and the workbench offers exactly these. */
export function ticketSteps(s: Staff, t: TicketScope): TicketStep[] {
  const out: TicketStep[] = [];
  if (mayHandleTicket(s, t)) {
    const next = (['verify', 'rectify', 'follow_up', 'publish'] as const).find((a) => nextTicketStatus(t.status, a) !== null);
    if (next) out.push(next);
  }
  if (mayAppealTicket(s, t) && t.appeal === null && nextTicketStatus(t.status, 'appeal') !== null) out.push('appeal');
  if (s.role === 'supervisor' && t.status === 'appealed' && t.appeal !== null && t.appeal.decision === null) out.push('decide');
  return out;
}

/** A complaint investigation (投诉核查): the person it names; supervisors and admins any. */
export const maySeeComplaint = (s: Pick<Staff, 'role' | 'username'>, named: { username: string }): boolean =>
  everywhere(s) || named.username === s.username;

// Places ---------------------------------------------------------------------

export interface PlaceScope {
  kind: 'point' | 'roving' | 'reception';
  regionCode: string;
  departmentId: string | null;
  /** A reception day's leader (the department head who receives). */
  hostUsername?: string | null;
}

/**
 * Supervisors and admins everywhere; others at the point of their region or
 * their department's roving days; a leader's reception days only the leader.
 */
export function mayManagePlace(s: Staff, p: PlaceScope): boolean {
  if (everywhere(s)) return true;
  if (s.role === 'agent') return false;
  if (p.kind === 'reception') return p.hostUsername === s.username;
  return p.kind === 'roving' ? p.departmentId === s.departmentId : p.regionCode === s.regionCode;
}

/** Notices: a department head writes and publishes their department's, an admin any. */
export const mayEditNotice = (s: Pick<Staff, 'role' | 'departmentId'>, n: { departmentId: string | null }): boolean =>
  s.role === 'admin' || (s.role === 'dept_head' && !!s.departmentId && s.departmentId === n.departmentId);

/** A notice and its reach: its authors' side (as above) and the supervisor. */
export const maySeeNotice = (s: Pick<Staff, 'role' | 'departmentId'>, n: { departmentId: string | null }): boolean =>
  s.role === 'supervisor' || mayEditNotice(s, n);

// Service-commitment cards ---------------------------------------------------

export interface CardScope {
  owner: { kind: 'cadre' | 'department'; username: string | null; departmentId: string | null };
}

/** A new card's owner: a department head posts for their department, a cadre (agent) their own. */
export const cardOwnerKind = (s: Pick<Staff, 'role'>): 'cadre' | 'department' => (s.role === 'dept_head' ? 'department' : 'cadre');

/** Progress and results: the cadre on their own card, a department head on their department's. */
export const mayEditCard = (s: Staff, c: CardScope): boolean =>
  c.owner.kind === 'cadre'
    ? c.owner.username === s.username
    : s.role === 'dept_head' && s.departmentId !== null && s.departmentId === c.owner.departmentId;

/** The staff views of a card: whoever may edit it, and supervisors and admins (every card is public anyway). */
export const maySeeCard = (s: Staff, c: CardScope): boolean => everywhere(s) || mayEditCard(s, c);

/** Every card (the supervisor's list): supervisors and admins. */
export const maySeeAllCards = (s: Pick<Staff, 'role'>): boolean => everywhere(s);

// 包联 households and their coverage ---------------------------------------------

export interface HouseholdScope {
  cadreUsername: string;
  townCode: string;
}

/**
 * 'record': the paired cadre records contacts with their own households;
 * 'view': supervisors and admins everywhere, a town's 便民服务中心 staff in their town;
 * 'none' for everyone else (another cadre included).
 */
export function householdAccess(s: Staff, h: HouseholdScope): 'record' | 'view' | 'none' {
  if (h.cadreUsername === s.username) return 'record';
  if (everywhere(s)) return 'view';
  return townDesk(s) === h.townCode ? 'view' : 'none';
}

/** What may be changed in the register: details (head, place, members, tags), the paired cadre, taking it off the register. */
export type HouseholdChange = 'edit' | 'reassign' | 'deactivate';

/**
 * The register (户 台账): the paired cadre keeps their own households'
 * details; moving a household to another cadre or taking it off the register
 * changes whose list it is on, so the town's desk (in its town) or the
 * supervisor or admin does that.
 */
export function householdChanges(s: Staff, h: HouseholdScope): HouseholdChange[] {
  if (everywhere(s) || townDesk(s) === h.townCode) return ['edit', 'reassign', 'deactivate'];
  return h.cadreUsername === s.username ? ['edit'] : [];
}

/** Adding a household to a cadre's pairing: the cadre themself, the desk of the cadre's town, the supervisor or admin. */
export const mayAddHousehold = (s: Staff, cadre: HouseholdScope): boolean =>
  cadre.cadreUsername === s.username || everywhere(s) || townDesk(s) === cadre.townCode;

/** Coverage is for the supervisor and admins, a town's desk, and cadres (their own row). */
export const mayViewCoverage = (s: Staff): boolean => everywhere(s) || !!townDesk(s) || s.role === 'agent';

/** The coverage rows a staff member sees: all, their town's, or their own cadre row. */
export function coverageVisible(s: Staff, row: { level: 'county' | 'town' | 'village' | 'cadre'; code: string; townCode: string | null }): boolean {
  if (everywhere(s)) return true;
  if (row.level === 'cadre' && row.code === s.username) return true;
  const town = townDesk(s);
  return !!town && row.level !== 'county' && row.townCode === town;
}

/** A resident's 未联系 report: the supervisor and admins, and the town's desk — never the cadre it is about. */
export const maySeeNoContactReport = (s: Staff, townCode: string | null): boolean => everywhere(s) || (!!townCode && townDesk(s) === townCode);

// AB posts and reception days ----------------------------------------------------

/**
 * Sets a clerk's backup and marks them absent: the head of the clerk's
 * department, or an admin (a town desk's clerks have no department: admin).
 */
export const mayRunPosts = (s: Pick<Staff, 'role' | 'departmentId'>, clerk: { departmentId: string | null }): boolean =>
  s.role === 'admin' || (s.role === 'dept_head' && s.departmentId !== null && s.departmentId === clerk.departmentId);

/** A leader's reception days: the department head sets their own, an admin anyone's. */
export const maySetReception = (s: Pick<Staff, 'role' | 'username'>, hostUsername: string): boolean =>
  s.role === 'admin' || (s.role === 'dept_head' && s.username === hostUsername);
