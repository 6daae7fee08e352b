// Staff rating routes (好差评整改): rectification tickets, their actions, the
// supervisor's appeal decisions and the satisfaction dashboard (used only by
// the workbench subpackage).
import {
  DashboardResponse,
  TicketDetail,
  TicketsResponse,
  type TicketActionBody,
  type TICKET_VIEWS,
} from '../../../shared/schemas/ratings';
import { request, type RouteBody, type RouteQuery } from './client';

export type TicketView = (typeof TICKET_VIEWS)[number];
export type AppealDecision = RouteBody<'POST /admin/tickets/{id}/appeal-decision'>;

/** One page of tickets; `cursor` is the previous page's nextCursor. */
export function listTickets(query: RouteQuery<'GET /admin/tickets'> = {}) {
  return request('GET /admin/tickets', { auth: 'staff', query }, TicketsResponse);
}

export function getTicket(id: string) {
  return request('GET /admin/tickets/{id}', { auth: 'staff', params: { id } }, TicketDetail);
}

/** verify / rectify / follow_up / publish / appeal, with the ticket's version. */
export function ticketAction(id: string, body: TicketActionBody) {
  return request('POST /admin/tickets/{id}/actions', { auth: 'staff', params: { id }, body }, TicketDetail);
}

/** The supervisor's decision on an appeal: upheld (the review is voided) or dismissed. */
export function decideAppeal(id: string, body: AppealDecision) {
  return request('POST /admin/tickets/{id}/appeal-decision', { auth: 'staff', params: { id }, body }, TicketDetail);
}

/** The dashboard for a month (YYYY-MM; the server's current month without one). */
export function dashboard(month?: string) {
  return request('GET /admin/satisfaction', { auth: 'staff', query: { month } }, DashboardResponse);
}
