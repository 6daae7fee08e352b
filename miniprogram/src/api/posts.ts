// Staff AB posts: the posts of the day, a clerk's backup, absences (used only
// by the workbench subpackage).
import { Post, PostsResponse } from '../../../shared/schemas/posts';
import { request } from './client';

export function getPosts(date: string) {
  return request('GET /admin/posts', { auth: 'staff', query: { date } }, PostsResponse);
}

export function setBackup(username: string, backupUsername: string | null) {
  return request('PUT /admin/staff/{username}/backup', { auth: 'staff', params: { username }, body: { backupUsername } }, Post);
}

export function markAbsent(username: string, date: string, reason?: string) {
  return request('POST /admin/staff/{username}/absences', { auth: 'staff', params: { username }, body: reason ? { date, reason } : { date } }, Post);
}

export function cancelAbsence(username: string, date: string, version: number) {
  return request('POST /admin/staff/{username}/absences/{date}/cancel', { auth: 'staff', params: { username, date }, body: { version } }, Post);
}
