// Staff workbench routes (used only by the workbench subpackage).
import { StaffProfile, StaffSession, type StaffLoginRequest } from '../../../shared/schemas/auth';
import { AdminHome } from '../../../shared/schemas/workbench';
import { request } from './client';
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

export function staffLogout(): void {
  clearToken('staff');
}
