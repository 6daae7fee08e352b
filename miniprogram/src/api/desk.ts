// Staff appointment desk routes: a place's day, check-in, no-show, closing
// slots and days (used only by the workbench subpackage).
import { Appointment, CloseResult, DayResponse, ReopenResult } from '../../../shared/schemas/appointments';
import { request } from './client';

export function getDay(placeId: string, date: string) {
  return request('GET /admin/places/{placeId}/day', { auth: 'staff', params: { placeId }, query: { date } }, DayResponse);
}

export function checkIn(code: string, placeId: string) {
  return request('POST /admin/appointments/check-in', { auth: 'staff', body: { code, placeId } }, Appointment);
}

export function markNoShow(id: string, version: number) {
  return request('POST /admin/appointments/{id}/no-show', { auth: 'staff', params: { id }, body: { version } }, Appointment);
}

export function closeSlot(slotId: string, reason: string) {
  return request('POST /admin/slots/{slotId}/close', { auth: 'staff', params: { slotId }, body: { reason } }, CloseResult);
}

export function closeDay(placeId: string, date: string, reason: string) {
  return request('POST /admin/places/{placeId}/days/{date}/close', { auth: 'staff', params: { placeId, date }, body: { reason } }, CloseResult);
}

/** Reopen a closed slot: its seats become free; bookings the closure cancelled stay cancelled. */
export function reopenSlot(slotId: string, reason: string) {
  return request('POST /admin/slots/{slotId}/reopen', { auth: 'staff', params: { slotId }, body: { reason } }, ReopenResult);
}

export function reopenDay(placeId: string, date: string, reason: string) {
  return request('POST /admin/places/{placeId}/days/{date}/reopen', { auth: 'staff', params: { placeId, date }, body: { reason } }, ReopenResult);
}
