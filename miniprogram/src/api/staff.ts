// Staff workbench routes (used only by the workbench subpackage).
import { StaffProfile, StaffSession, type StaffLoginRequest } from '../../../shared/schemas/auth';
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

export function staffLogout(): void {
  clearToken('staff');
}
