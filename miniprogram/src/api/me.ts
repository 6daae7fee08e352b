import { Me, type UpdateMeRequest } from '../../../shared/schemas/auth';
import { setElderModeLocal, setMe } from '../store/app';
import { getToken } from './session';
import { request } from './client';

export async function getMe() {
  const me = await request('GET /me', { auth: 'resident' }, Me);
  setMe(me);
  return me;
}

export async function updateMe(body: UpdateMeRequest) {
  const me = await request('PUT /me', { auth: 'resident', body }, Me);
  setMe(me);
  return me;
}

/** Switch elder mode now; remember it on the server too when signed in. */
export async function saveElderMode(on: boolean): Promise<void> {
  setElderModeLocal(on);
  if (getToken('resident')) await updateMe({ elderMode: on });
}
