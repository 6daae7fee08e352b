// Staff AB posts and reception days: the posts of a day, a clerk's backup,
// absences (marked, listed, withdrawn), and a leader's reception days as set
// (used only by the workbench subpackage).
import { AbsencesResponse, Post, PostsResponse, Reception, ReceptionHostsResponse, type ReceptionInput } from '../../../shared/schemas/posts';
import { request } from './client';

export function getPosts(date: string) {
  return request('GET /admin/posts', { auth: 'staff', query: { date } }, PostsResponse);
}

/** The region's absences from today on, and the days one may be marked for. */
export function getAbsences() {
  return request('GET /admin/absences', { auth: 'staff' }, AbsencesResponse);
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

/** The heads whose reception days this staff member sets (a head: themself), the directory and the days to choose. */
export function getReceptionHosts() {
  return request('GET /admin/receptions', { auth: 'staff' }, ReceptionHostsResponse);
}

export function setReception(username: string, body: ReceptionInput) {
  return request('PUT /admin/receptions/{id}', { auth: 'staff', params: { id: username }, body }, Reception);
}
