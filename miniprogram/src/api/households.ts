// 包联 routes: the cadre's households and contacts, the coverage dashboard
// (workbench), and the resident's last contact and 未联系 report.
import {
  CoverageResponse, HouseholdDetail, HouseholdsResponse, HouseholdSummary, MyHouseholdContact, RecordContactResponse,
} from '../../../shared/schemas/households';
import { request, type RouteBody, type RouteQuery } from './client';

export type RecordContactBody = RouteBody<'POST /admin/households/{id}/contacts'>;

export function listHouseholds(query: RouteQuery<'GET /admin/households'> = {}) {
  return request('GET /admin/households', { auth: 'staff', query }, HouseholdsResponse);
}

export function getHousehold(id: string) {
  return request('GET /admin/households/{id}', { auth: 'staff', params: { id } }, HouseholdDetail);
}

/** Idempotent: the same body (same key) sent again after a lost answer is stored once. */
export function recordContact(id: string, body: RecordContactBody) {
  return request('POST /admin/households/{id}/contacts', { auth: 'staff', params: { id }, body }, RecordContactResponse);
}

export type CreateHouseholdBody = RouteBody<'POST /admin/households'>;
export type UpdateHouseholdBody = RouteBody<'PUT /admin/households/{id}'>;

/** Idempotent: one key per form, so a resend after a lost answer adds the household once. */
export function createHousehold(body: CreateHouseholdBody) {
  return request('POST /admin/households', { auth: 'staff', body }, HouseholdSummary);
}

/** With the version the page read: 409 when it changed since (a contact recorded, another edit). */
export function updateHousehold(id: string, body: UpdateHouseholdBody) {
  return request('PUT /admin/households/{id}', { auth: 'staff', params: { id }, body }, HouseholdSummary);
}

export function deactivateHousehold(id: string, body: RouteBody<'POST /admin/households/{id}/deactivation'>) {
  return request('POST /admin/households/{id}/deactivation', { auth: 'staff', params: { id }, body }, HouseholdSummary);
}

export function getCoverage(month?: string) {
  return request('GET /admin/coverage', { auth: 'staff', query: { month } }, CoverageResponse);
}

export function getMyHousehold() {
  return request('GET /me/household', { auth: 'resident' }, MyHouseholdContact);
}

export function reportNoContact() {
  return request('POST /me/household/no-contact', { auth: 'resident' }, MyHouseholdContact);
}
