// Resident appointment routes: places, slots, book, my bookings, cancel,
// reschedule (used only by the booking subpackage).
import {
  Appointment,
  AppointmentsResponse,
  PlacesResponse,
  SlotsResponse,
  type BookRequest,
} from '../../../shared/schemas/appointments';
import { request } from './client';

export function listPlaces(code: string, regionCode?: string | null) {
  return request('GET /services/{code}/places', { params: { code }, query: { regionCode } }, PlacesResponse);
}

export function getSlots(placeId: string, from: string, days: number) {
  return request('GET /places/{placeId}/slots', { params: { placeId }, query: { from, days } }, SlotsResponse);
}

export function book(body: BookRequest) {
  return request('POST /appointments', { auth: 'resident', body }, Appointment);
}

/** One page of my bookings, latest date first; `cursor` is the previous page's nextCursor. */
export function listAppointments(cursor?: string) {
  return request('GET /appointments', { auth: 'resident', query: { cursor } }, AppointmentsResponse);
}

export function getAppointment(id: string) {
  return request('GET /appointments/{id}', { auth: 'resident', params: { id } }, Appointment);
}

export function cancelAppointment(id: string, version: number, reason?: string) {
  return request('POST /appointments/{id}/cancel', { auth: 'resident', params: { id }, body: reason ? { version, reason } : { version } }, Appointment);
}

/** Move a booking; a reception booking may restate its topic with it. */
export function rescheduleAppointment(id: string, slotId: string, version: number, topic?: string) {
  const body = topic === undefined ? { slotId, version } : { slotId, version, topic };
  return request('POST /appointments/{id}/reschedule', { auth: 'resident', params: { id }, body }, Appointment);
}
