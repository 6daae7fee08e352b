// Leaders' reception days: the public list and booking one with a topic
// (used by the directory and the booking subpackage).
import { Appointment } from '../../../shared/schemas/appointments';
import { DeskStatus, ReceptionsResponse, type ReceptionBookRequest } from '../../../shared/schemas/posts';
import { request } from './client';

export function getReceptions() {
  return request('GET /receptions', {}, ReceptionsResponse);
}

export function bookReception(id: string, body: ReceptionBookRequest) {
  return request('POST /receptions/{id}/appointments', { auth: 'resident', params: { id }, body }, Appointment);
}

/** Who serves each window of a service point today (AB posts). */
export function getDeskStatus(placeId: string) {
  return request('GET /places/{placeId}/desk', { params: { placeId } }, DeskStatus);
}
