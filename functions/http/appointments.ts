import { randomBytes, randomUUID } from 'node:crypto';
import { badRequest, conflict, notFound } from '../lib/errors';
import { httpHandler } from '../lib/http';
import { handles, hasSession, slotStarted, type PlaceDef } from '../domain/places';
import { bookingCode, cutoffAt, parseSlotId } from '../domain/schedule';
import {
  bookAppointment,
  cancelAppointment,
  getAppointment,
  getAppointmentIdByIdempotencyKey,
  pageResidentAppointments,
  rescheduleAppointment,
  type AppointmentRecord,
} from '../store/appointments';
import { getService } from '../store/services';
import { loadCalendar } from '../store/calendar';
import { loadPlace } from './place-views';
import { toAppointment } from './views';

/** The bookable slot behind a slot id for an item, or the reason it is not. */
async function resolveSlot(slotId: string, serviceCode: string) {
  const { placeId, date, start } = parseSlotId(slotId);
  const [item, place, cal] = await Promise.all([getService(serviceCode), loadPlace(placeId), loadCalendar()]);
  if (!item) throw notFound('事项不存在');
  if (!item.appointment) throw conflict('该事项不需要预约，可直接前往办理', 'NO_APPOINTMENT');
  if (!place) throw notFound('办理地点不存在');
  if (!handles(place, item)) throw badRequest('该地点不办理此事项', { slotId: '该地点不办理此事项' });
  let window;
  try {
    window = hasSession(place, date, start, cal);
  } catch {
    window = undefined; // a year without a published calendar has no sessions
  }
  if (!window) throw notFound('该时段不存在');
  if (slotStarted(date, start, new Date())) throw conflict('该时段已开始或已结束，请选择其他时段', 'SLOT_PAST');
  return { item, place, window, date, start };
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
    const now = new Date().toISOString();
    for (let attempt = 0; attempt < 3; attempt++) {
      const record: AppointmentRecord = {
        id: randomUUID(),
        code: bookingCode(randomBytes(8)),
        residentId: principal.residentId,
        serviceCode: item.code,
        serviceName: item.name,
        placeId: place.id,
        placeName: place.name,
        placeAddress: place.address,
        slotId: body.slotId,
        date,
        start,
        end: window.end,
        status: 'booked',
        cutoffAt: cutoffAt(date, start, place.cutoffMinutes),
        cancelledBy: null,
        cancelReason: null,
        createdAt: now,
        updatedAt: now,
        version: 1,
      };
      const outcome = await bookAppointment(record, slotRef(place, date, start, window.capacity), body.idempotencyKey);
      switch (outcome.kind) {
        case 'booked':
          return toAppointment(record);
        case 'replay': {
          const id = await getAppointmentIdByIdempotencyKey(principal.residentId, body.idempotencyKey);
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
    const { place, window, date, start } = await resolveSlot(body.slotId, a.serviceCode);
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
    );
    if (outcome === 'full') throw conflict('名额已满', 'SLOT_FULL');
    if (outcome === 'closed') throw conflict('该时段已关闭', 'SLOT_CLOSED');
    if (outcome === 'already_holding') throw conflict('您已预约该时段', 'ALREADY_BOOKED');
    if (outcome === 'stale') throw conflict('预约已发生变化，请刷新后重试', 'VERSION_CONFLICT');
    return toAppointment(await ownAppointment(params.id, principal.residentId));
  },
});
