// Staff workbench routes (used only by the workbench subpackage).
import { StaffProfile, StaffSession, type StaffLoginRequest } from '../../../shared/schemas/auth';
import { DeadPushesResponse } from '../../../shared/schemas/inbox';
import { AdminHome } from '../../../shared/schemas/workbench';
import { request, type RouteBody } from './client';
import { clearToken, setToken } from './session';

export async function staffLogin(body: StaffLoginRequest) {
  const session = await request('POST /admin/auth/login', { body }, StaffSession);
  setToken('staff', session.token, session.expiresAt);
  return session;
}

export function getStaffMe() {
  return request('GET /admin/me', { auth: 'staff' }, StaffProfile);
}

/** The numbers beside the workbench entries (null: not the caller's entry). */
export function getWorkbenchHome() {
  return request('GET /admin/home', { auth: 'staff' }, AdminHome);
}

/** Bind the staff member's WeChat (a wx.login code), with the answer to the digest's subscribe request if any. */
export function bindStaffWechat(code: string, results?: RouteBody<'POST /admin/me/wechat'>['results']) {
  return request('POST /admin/me/wechat', { auth: 'staff', body: { code, results } }, StaffProfile);
}

/** The admin's dead pushes (WeChat refused them, or retries ran out), newest first. */
export function listPushFailures() {
  return request('GET /admin/push-failures', { auth: 'staff' }, DeadPushesResponse);
}

export function staffLogout(): void {
  clearToken('staff');
}
