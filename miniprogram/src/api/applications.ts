// Resident application routes: apply (idempotent), my applications, one
// application with its timeline, supplementing materials (used only by the
// apply subpackage).
import {
  ApplicationDetail,
  ApplicationsResponse,
  type ApplyRequest,
} from '../../../shared/schemas/applications';
import { request, type RouteBody } from './client';

export function apply(body: ApplyRequest) {
  return request('POST /applications', { auth: 'resident', body }, ApplicationDetail);
}

/** One page of my cases, newest first; `cursor` is the previous page's nextCursor. */
export function listApplications(cursor?: string) {
  return request('GET /applications', { auth: 'resident', query: { cursor } }, ApplicationsResponse);
}

export function getApplication(id: string) {
  return request('GET /applications/{id}', { auth: 'resident', params: { id } }, ApplicationDetail);
}

export function supplement(id: string, body: RouteBody<'POST /applications/{id}/supplement'>) {
  return request('POST /applications/{id}/supplement', { auth: 'resident', params: { id }, body }, ApplicationDetail);
}

/** 撤回 before acceptance, with the version the resident saw. */
export function withdrawApplication(id: string, body: RouteBody<'POST /applications/{id}/withdraw'>) {
  return request('POST /applications/{id}/withdraw', { auth: 'resident', params: { id }, body }, ApplicationDetail);
}
