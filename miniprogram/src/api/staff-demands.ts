// Staff demand routes (诉求办理): intake from other channels, the lists (待派单,
// the department's queue, the supervisor's views), one demand with merge
// candidates and the suggested department, every step through the one actions
// route, publishing a reply to the knowledge base (used only by the workbench).
import {
  DemandsResponse,
  KnowledgeEntry,
  StaffDemandDetail,
  type DEMAND_VIEWS,
  type DemandActionBody,
  type IntakeDemandRequest,
} from '../../../shared/schemas/demands';
import { request, type RouteBody, type RouteQuery } from './client';

export type DemandView = (typeof DEMAND_VIEWS)[number];

export function intakeDemand(body: IntakeDemandRequest) {
  return request('POST /admin/demands', { auth: 'staff', body }, StaffDemandDetail);
}

/** One page of a list (the server sends the open set whole, most urgent first). */
export function listStaffDemands(query: RouteQuery<'GET /admin/demands'> = {}) {
  return request('GET /admin/demands', { auth: 'staff', query }, DemandsResponse);
}

export function getStaffDemand(id: string) {
  return request('GET /admin/demands/{id}', { auth: 'staff', params: { id } }, StaffDemandDetail);
}

/** One step (the action and its fields), with the demand's version. */
export function demandAction(id: string, body: DemandActionBody) {
  return request('POST /admin/demands/{id}/actions', { auth: 'staff', params: { id }, body }, StaffDemandDetail);
}

export function publishKnowledge(id: string, body: RouteBody<'POST /admin/demands/{id}/knowledge'>) {
  return request('POST /admin/demands/{id}/knowledge', { auth: 'staff', params: { id }, body }, KnowledgeEntry);
}
