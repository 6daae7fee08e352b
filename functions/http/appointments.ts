import { badRequest, conflict, notFound, refuseFieldErrors } from '../lib/errors';
import { httpHandler } from '../lib/http';
import { handles, type PlaceDef } from '../domain/places';
import { isReceptionBooking, moveErrors, receptionHost } from '../domain/reception';
import { cutoffAt, parseSlotId } from '../domain/schedule';
import {
  cancelAppointment,
  getAppointment,
  pageResidentAppointments,
  rescheduleAppointment,
  type AppointmentRecord,
} from '../store/appointments';
import { getService } from '../store/services';
import { loadCalendar } from '../store/calendar';
import { loadPlace } from './place-views';
import { toAppointment } from './views';
import { bookableWindow, bookSeat, resolveReceptionSlot } from './booking-flow';

/** The bookable slot behind a slot id for an item, or the reason it is not. */
async function resolveSlot(slotId: string, serviceCode: string) {
  const { placeId, date, start } = parseSlotId(slotId);
  const [item, place, cal] = await Promise.all([getService(serviceCode), loadPlace(placeId), loadCalendar()]);
  if (!item) throw notFound('事项不存在');
  if (!item.appointment) throw conflict('该事项不需要预约，可直接前往办理', 'NO_APPOINTMENT');
  if (!place) throw notFound('办理地点不存在');
  if (!handles(place, item)) throw badRequest('该地点不办理此事项', { slotId: '该地点不办理此事项' });
  return { item, place, window: bookableWindow(place, date, start, cal), date, start };
}

const slotRef = (place: PlaceDef, date: string, start: string, capacity: number) => ({ placeId: place.id, date, start, capacity });

async function ownAppointment(id: string, residentId: string): Promise<AppointmentRecord> {
  const a = await getAppointment(id);
  // Another resident's booking is as invisible as a missing one.
  if (!a || a.residentId !== residentId) throw notFound('预约不存在');
  return a;
}

function assertChangeable(a: AppointmentRecord, version: number, now: Date) {
  if (a.status !== 'booked') throw conflict(a.status === 'cancelled' ? '该预约已取消' : '该预约已办理完毕，不能再更改', 'APPOINTMENT_CLOSED');
  if (a.version !== version) throw conflict('预约已发生变化，请刷新后重试', 'VERSION_CONFLICT');
  if (now.toISOString() >= a.cutoffAt) throw conflict('已超过取消或改约的截止时间，如有变化请联系办理地点', 'PAST_CUTOFF');
}

export const handler = httpHandler({
  'POST /appointments': async ({ body, principal }) => {
    const { item, place, window, date, start } = await resolveSlot(body.slotId, body.serviceCode);
    return bookSeat({
      residentId: principal.residentId,
      service: { code: item.code, name: item.name },
      place,
      slotId: body.slotId,
      date,
      start,
      window,
      idempotencyKey: body.idempotencyKey,
    });
  },

  'GET /appointments': async ({ query, principal }) => {
    const page = await pageResidentAppointments(principal.residentId, query);
    return { appointments: page.items.map(toAppointment), nextCursor: page.nextCursor };
  },

  'GET /appointments/{id}': async ({ params, principal }) => toAppointment(await ownAppointment(params.id, principal.residentId)),

  'POST /appointments/{id}/cancel': async ({ params, body, principal }) => {
    const a = await ownAppointment(params.id, principal.residentId);
    const now = new Date();
    assertChangeable(a, body.version, now);
    const reason = body.reason?.trim() || null;
    if ((await cancelAppointment(a, 'resident', reason, now.toISOString())) === 'stale') {
      throw conflict('预约已发生变化，请刷新后重试', 'VERSION_CONFLICT');
    }
    return toAppointment(await ownAppointment(params.id, principal.residentId));
  },

  'POST /appointments/{id}/reschedule': async ({ params, body, principal }) => {
    const a = await ownAppointment(params.id, principal.residentId);
    const now = new Date();
    assertChangeable(a, body.version, now);
    if (body.slotId === a.slotId) throw conflict('新时段与原时段相同', 'SAME_SLOT');
    refuseFieldErrors(moveErrors(a, parseSlotId(body.slotId).placeId, body.topic));
    const { place, window, date, start } = isReceptionBooking(a)
      ? await resolveReceptionSlot(receptionHost(a.placeId), body.slotId)
      : await resolveSlot(body.slotId, a.serviceCode);
    const outcome = await rescheduleAppointment(
      a,
      {
        ...slotRef(place, date, start, window.capacity),
        end: window.end,
        placeName: place.name,
        placeAddress: place.address,
        cutoffAt: cutoffAt(date, start, place.cutoffMinutes),
      },
      now.toISOString(),
      body.topic,
    );
    if (outcome === 'full') throw conflict('名额已满', 'SLOT_FULL');
    if (outcome === 'closed') throw conflict('该时段已关闭', 'SLOT_CLOSED');
    if (outcome === 'already_holding') throw conflict('您已预约该时段', 'ALREADY_BOOKED');
    if (outcome === 'stale') throw conflict('预约已发生变化，请刷新后重试', 'VERSION_CONFLICT');
    return toAppointment(await ownAppointment(params.id, principal.residentId));
  },
});
