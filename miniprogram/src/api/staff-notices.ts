// Staff notices: draft, preview the reach of a target, publish, withdraw, read the reach.
// Used only by the workbench subpackage.
import { Notice, NoticePreview, NoticesResponse, type NoticeInput, type NoticeTarget } from '../../../shared/schemas/notices';
import { request, type RouteBody } from './client';

export function listNotices(cursor?: string) {
  return request('GET /admin/notices', { auth: 'staff', query: { cursor } }, NoticesResponse);
}

export function getNotice(id: string) {
  return request('GET /admin/notices/{id}', { auth: 'staff', params: { id } }, Notice);
}

export function createNotice(body: NoticeInput) {
  return request('POST /admin/notices', { auth: 'staff', body }, Notice);
}

export function updateNotice(id: string, body: RouteBody<'PUT /admin/notices/{id}'>) {
  return request('PUT /admin/notices/{id}', { auth: 'staff', params: { id }, body }, Notice);
}

export function previewNotice(target: NoticeTarget) {
  return request('POST /admin/notices/preview', { auth: 'staff', body: target }, NoticePreview);
}

export function publishNotice(id: string, version: number) {
  return request('POST /admin/notices/{id}/publish', { auth: 'staff', params: { id }, body: { version } }, Notice);
}

export function withdrawNotice(id: string, version: number) {
  return request('POST /admin/notices/{id}/withdraw', { auth: 'staff', params: { id }, body: { version } }, Notice);
}
