// Ratings: the invitations written when a case concludes or a visit is
// checked in, and the records as the API shows them.
import type { Rating, RatingInvite, Ticket } from '../../shared/schemas/ratings';
import { canChange, changeableUntil, defaultDueOn, isTicketOverdue, ticketAllowsChange } from '../domain/ratings';
import { townOf } from '../domain/regions';
import type { ApplicationRecord } from '../store/applications';
import type { AppointmentRecord } from '../store/appointments';
import type { InviteRecord, RatingRecord } from '../store/ratings';
import type { TicketRecord } from '../store/tickets';

export function caseInvite(a: ApplicationRecord, today: string): InviteRecord {
  return {
    targetType: 'application',
    targetId: a.id,
    residentId: a.residentId,
    reference: a.caseNumber,
    serviceCode: a.serviceCode,
    serviceName: a.serviceName,
    departmentId: a.departmentId,
    departmentName: a.departmentName,
    responsible: a.handler ? { username: a.handler.username, name: a.handler.name } : null,
    agent: a.proxy ? { username: a.proxy.agentUsername, name: a.proxy.agentName } : null,
    townCode: a.townCode ?? null,
    concludedOn: today,
    dueOn: defaultDueOn(today),
  };
}

export function visitInvite(
  a: AppointmentRecord,
  dept: { id: string; name: string },
  clerk: { username: string; name: string },
  placeRegion: string,
  today: string,
): InviteRecord {
  return {
    targetType: 'appointment',
    targetId: a.id,
    residentId: a.residentId,
    reference: a.code,
    serviceCode: a.serviceCode,
    serviceName: a.serviceName,
    departmentId: dept.id,
    departmentName: dept.name,
    responsible: clerk,
    agent: null,
    townCode: townOf(placeRegion),
    concludedOn: today,
    dueOn: defaultDueOn(today),
  };
}

export const toInvite = (i: InviteRecord): RatingInvite => ({
  targetType: i.targetType,
  targetId: i.targetId,
  reference: i.reference,
  serviceName: i.serviceName,
  departmentName: i.departmentName,
  agentName: i.agent?.name ?? null,
  dueOn: i.dueOn,
});

export function toRating(r: RatingRecord, now: Date): Rating {
  return {
    id: `${r.targetType}-${r.targetId}`,
    targetType: r.targetType,
    targetId: r.targetId,
    reference: r.reference,
    serviceName: r.serviceName,
    departmentName: r.departmentName,
    level: r.level,
    dimensions: r.dimensions,
    reasons: r.reasons,
    comment: r.comment,
    agentLevel: r.agentLevel,
    agentName: r.agent?.name ?? null,
    isDefault: r.isDefault,
    ratedAt: r.ratedAt,
    // Changeable for 24 hours, unless the unit has already started on the bad review.
    changeableUntil: !r.isDefault && !r.voided && ticketAllowsChange(r.ticket?.status ?? null) && canChange(r.ratedAt, now) ? changeableUntil(r.ratedAt) : null,
    ticket: r.ticket && { ...r.ticket, dueOnPending: r.ticket.dueOn === null },
    version: r.version,
  };
}

export function toTicket(t: TicketRecord, today: string): Ticket {
  const { residentId: _r, targetId: _t, statusBeforeAppeal: _s, events: _e, outcomeAt: _o, ...rest } = t;
  // dueOn is null only when its year's calendar was unpublished (domain/ratings.ts ticketDueOn).
  return { ...rest, dueOnPending: t.dueOn === null, overdue: isTicketOverdue(t, today) };
}
