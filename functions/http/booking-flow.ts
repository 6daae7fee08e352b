// Taking a seat for a resident, whatever the place (a point, a roving day, a
// leader's reception): the one transaction, a replay answered with the first
// booking, and each refusal in words the resident understands.
import { randomBytes, randomUUID } from 'node:crypto';
import { badRequest, conflict, notFound } from '../lib/errors';
import type { Calendar } from '../domain/calendar';
import { hasSession, slotStarted, type PlaceDef } from '../domain/places';
import { receptionPlace } from '../domain/reception';
import { bookingCode, cutoffAt, parseSlotId, type SlotWindow } from '../domain/schedule';
import { bookAppointment, getAppointment, getAppointmentIdByIdempotencyKey, type AppointmentRecord } from '../store/appointments';
import { loadCalendar } from '../store/calendar';
import { getReception } from '../store/reception';
import type { SlotRef } from '../store/slots';
import { toAppointment } from './views';

/** The window of a place's session at `date` `start`, when it exists and has not begun. */
export function bookableWindow(place: PlaceDef, date: string, start: string, cal: Calendar) {
  let window;
  try {
    window = hasSession(place, date, start, cal);
  } catch {
    window = undefined; // a year without a published calendar has no sessions
  }
  if (!window) throw notFound('该时段不存在');
  if (slotStarted(date, start, new Date())) throw conflict('该时段已开始或已结束，请选择其他时段', 'SLOT_PAST');
  return window;
}

/** The bookable slot of a leader's reception behind a slot id (a slot of any other place is 400). */
export async function resolveReceptionSlot(hostUsername: string, slotId: string) {
  const [reception, cal] = await Promise.all([getReception(hostUsername), loadCalendar()]);
  if (!reception) throw notFound('该领导的接待日安排不存在');
  const place = receptionPlace(reception);
  const { placeId, date, start } = parseSlotId(slotId);
  if (placeId !== place.id) throw badRequest('该时段不是这位领导的接待时段', { slotId: '该时段不是这位领导的接待时段' });
  return { reception, place, date, start, window: bookableWindow(place, date, start, cal) };
}

/** What a booking is, before its id and code are drawn. */
type NewBooking = Omit<AppointmentRecord, 'id' | 'code'>;

export interface BookingRequest {
  residentId: string;
  /** What it is for: a catalogue item, or a reception (with the topic). */
  service: { code: string; name: string };
  topic?: string;
  place: PlaceDef;
  slotId: string;
  date: string;
  start: string;
  window: SlotWindow;
  idempotencyKey: string;
}

/** Book a seat of `window` at `place`: the booking as first written, or the refusal (409). */
export function bookSeat(r: BookingRequest) {
  const now = new Date().toISOString();
  const booking: NewBooking = {
    residentId: r.residentId,
    serviceCode: r.service.code,
    serviceName: r.service.name,
    placeId: r.place.id,
    placeName: r.place.name,
    placeAddress: r.place.address,
    slotId: r.slotId,
    date: r.date,
    start: r.start,
    end: r.window.end,
    status: 'booked',
    cutoffAt: cutoffAt(r.date, r.start, r.place.cutoffMinutes),
    cancelledBy: null,
    cancelReason: null,
    ...(r.topic ? { topic: r.topic } : {}),
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  return placeBooking(booking, { placeId: r.place.id, date: r.date, start: r.start, capacity: r.window.capacity }, r.idempotencyKey);
}

async function placeBooking(booking: NewBooking, slot: SlotRef, idempotencyKey: string) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const record: AppointmentRecord = { ...booking, id: randomUUID(), code: bookingCode(randomBytes(8)) };
    const outcome = await bookAppointment(record, slot, idempotencyKey);
    switch (outcome.kind) {
      case 'booked':
        return toAppointment(record);
      case 'replay': {
        const id = await getAppointmentIdByIdempotencyKey(booking.residentId, idempotencyKey);
        const first = id && (await getAppointment(id));
        if (!first) throw conflict('请求正在处理，请稍后刷新', 'IN_PROGRESS');
        return toAppointment(first);
      }
      case 'full':
        throw conflict('名额已满', 'SLOT_FULL');
      case 'closed':
        throw conflict(`该时段已关闭：${outcome.reason}`, 'SLOT_CLOSED');
      case 'already_holding':
        throw conflict('您已预约该时段，无需重复预约', 'ALREADY_BOOKED');
      case 'code_taken':
        continue; // a fresh code, try again
    }
  }
  throw conflict('预约繁忙，请稍后重试', 'BUSY');
}
