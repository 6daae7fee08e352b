import { ContactsResponse } from '../../../shared/schemas/contacts';
import { request } from './client';

export function getContacts() {
  return request('GET /contacts', { auth: 'resident' }, ContactsResponse);
}
