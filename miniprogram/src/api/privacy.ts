// Personal data: the privacy notice and consent, export, account deletion.
import { AccountDeletion, PersonalDataExport, PrivacyConsent, PrivacyNotice } from '../../../shared/schemas/privacy';
import { request, logoutResident } from './client';
import { getMe } from './me';

export const getPrivacyNotice = () => request('GET /privacy', {}, PrivacyNotice);

export async function agreeToPrivacy(version: string) {
  const consent = await request('POST /me/privacy-consent', { auth: 'resident', body: { version } }, PrivacyConsent);
  await getMe(); // the profile now says it is agreed
  return consent;
}

export const exportMyData = () => request('GET /me/export', { auth: 'resident' }, PersonalDataExport);

/** Delete the account, then sign out here too (the session has nothing left behind it). */
export async function deleteMyAccount(confirm: string) {
  const result = await request('POST /me/delete', { auth: 'resident', body: { confirm } }, AccountDeletion);
  logoutResident();
  return result;
}
