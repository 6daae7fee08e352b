// Staff application routes: the department queue, supervision of overdue
// work, proxy tasks, one case, actions, proxy steps and re-assigning the
// agent (used only by the workbench subpackage).
import {
  AlertsResponse,
  ApplicationDetail,
  ApplicationsResponse,
  PhotosResponse,
  type ProxyStep,
  type StaffActionBody,
} from '../../../shared/schemas/applications';
import { request } from './client';

// Lists come a page at a time: `cursor` is the previous page's nextCursor.
export function getQueue(departmentId?: string, cursor?: string) {
  return request('GET /admin/queue', { auth: 'staff', query: { departmentId, cursor } }, ApplicationsResponse);
}

/** The deadline sweep's digest for a department (department heads, supervisors). */
export function getAlerts(departmentId?: string) {
  return request('GET /admin/alerts', { auth: 'staff', query: { departmentId } }, AlertsResponse);
}

export function getOverdue(cursor?: string) {
  return request('GET /admin/overdue', { auth: 'staff', query: { cursor } }, ApplicationsResponse);
}

export function getProxyTasks(cursor?: string) {
  return request('GET /admin/proxy-tasks', { auth: 'staff', query: { cursor } }, ApplicationsResponse);
}

export function getCase(id: string) {
  return request('GET /admin/applications/{id}', { auth: 'staff', params: { id } }, ApplicationDetail);
}

/** Signed links (10 minutes) to the case's material photos. */
export function getCasePhotos(id: string) {
  return request('GET /admin/applications/{id}/photos', { auth: 'staff', params: { id } }, PhotosResponse);
}

export function act(id: string, body: StaffActionBody) {
  return request('POST /admin/applications/{id}/actions', { auth: 'staff', params: { id }, body }, ApplicationDetail);
}

export function recordProxyStep(id: string, step: ProxyStep, version: number, note?: string) {
  return request(
    'POST /admin/applications/{id}/proxy-steps',
    { auth: 'staff', params: { id }, body: note ? { step, version, note } : { step, version } },
    ApplicationDetail,
  );
}

export function assignAgent(id: string, agentUsername: string, version: number) {
  return request('POST /admin/applications/{id}/proxy-agent', { auth: 'staff', params: { id }, body: { agentUsername, version } }, ApplicationDetail);
}
