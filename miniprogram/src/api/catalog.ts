// Public catalogue routes. Kept apart from the rest so a page pulls in only
// the schemas it uses.
import { ServiceItem, ServicesResponse, type ServicesQuery } from '../../../shared/schemas/catalog';
import { request } from './client';

export function listServices(query: ServicesQuery = {}) {
  return request('GET /services', { query: { ...query } }, ServicesResponse);
}

export function getService(code: string) {
  return request('GET /services/{code}', { params: { code } }, ServiceItem);
}
