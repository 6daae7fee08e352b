// Staff side of appointments: the day list, check-in by code, no-show,
// closing and reopening slots or a whole day (on the place's log), capacities,
// points and roving schedules.
import { APPOINTMENT_STATUS_LABELS } from '../../shared/schemas/appointments';
import { conflict, forbidden, notFound, refuseFieldErrors } from '../lib/errors';
import { httpHandler, type StaffPrincipal } from '../lib/http';
import { shanghaiDate } from '../domain/calendar';
import { placeDays, pointErrors, pointPlace, rovingErrors, slotEnded, slotView, type PlaceDef } from '../domain/places';
import { maskName, maskPhone, parseSlotId, ROVING_PREFIX, sortWindows } from '../domain/schedule';
import { cancelAppointment, getAppointment, getAppointmentIdByCode, listPlaceDayAppointments, markAttendance, type AppointmentRecord } from '../store/appointments';
import { closeSlot, getSlotCounter, listPlaceLog, listSlotCounters, recordPlaceLog, reopenSlots, setSlotCapacity } from '../store/slots';
import { bookingCancelled, rateInvite } from '../domain/messages';
import { pushItems } from '../store/outbox';
import { getResidents, getStaff } from '../store/people';
import { getService } from '../store/services';
import { putRovingDay, putServicePoint } from '../store/points';
import { findReferences } from '../store/lookups';
import { loadPlace, placeResponse } from './place-views';
import { toAppointment } from './views';
import { visitInvite } from './rating-views';
import { coveringOf } from './post-views';
import { mayManagePlace } from '../domain/access';

async function managedPlace(staff: StaffPrincipal, placeId: string): Promise<PlaceDef> {
  const place = await loadPlace(placeId);
  if (!place) throw notFound('办理地点不存在');
  if (!mayManagePlace(staff, place)) throw forbidden('您不是该办理地点的工作人员');
  return place;
}

function windowOf(place: PlaceDef, start: string) {
  const w = place.windows.find((x) => x.start === start);
  if (!w) throw notFound('该时段不存在');
  return w;
}

/** Cancel every booked appointment of the given slots, with the staff's reason (the residents see it). */
async function cancelBookings(appointments: AppointmentRecord[], reason: string): Promise<number> {
  let cancelled = 0;
  const now = new Date().toISOString();
  for (const a of appointments) {
    if (a.status !== 'booked') continue;
    // Re-read on a lost race: the resident may have cancelled meanwhile.
    let current: AppointmentRecord | undefined = a;
    while (current && current.status === 'booked') {
      const tell = pushItems({ kind: 'resident', id: current.residentId }, bookingCancelled(current, reason), now);
      if ((await cancelAppointment(current, 'staff', reason, now, tell)) === 'cancelled') {
        cancelled += 1;
        break;
      }
      current = await getAppointment(a.id);
    }
  }
  return cancelled;
}

/** Who closed or reopened, for the place's log. */
async function actorOf(staff: StaffPrincipal): Promise<string> {
  return (await getStaff(staff.username))?.name ?? staff.username;
}

const notClosed = (message = '该时段未关闭，无需重新开放') => conflict(message, 'NOT_CLOSED');

function assertBooked(a: AppointmentRecord) {
  if (a.status !== 'booked') throw conflict(`该预约${APPOINTMENT_STATUS_LABELS[a.status]}`, 'APPOINTMENT_CLOSED');
}

export const handler = httpHandler({
  'GET /admin/places/{placeId}/day': async ({ params, query, principal }) => {
    const def = await managedPlace(principal, params.placeId);
    const [place, counters, appointments, log] = await Promise.all([
      placeResponse(def),
      listSlotCounters(def.id, query.date, query.date),
      listPlaceDayAppointments(def.id, query.date),
      listPlaceLog(def.id, query.date),
    ]);
    const [residents, covering] = await Promise.all([
      getResidents(appointments.map((a) => a.residentId)),
      coveringOf(def, query.date, principal.username, appointments),
    ]);
    const [day] = placeDays(def, [query.date], counters, new Date());
    return {
      place,
      date: query.date,
      slots: (day?.slots ?? []).map((slot) => ({
        slot,
        bookings: appointments
          .filter((a) => a.slotId === slot.id)
          .map((a) => ({
            id: a.id,
            code: a.code,
            residentName: maskName(residents.get(a.residentId)?.name ?? null),
            residentPhone: maskPhone(residents.get(a.residentId)?.phone ?? null),
            serviceCode: a.serviceCode,
            serviceName: a.serviceName,
            status: a.status,
            version: a.version,
            topic: a.topic ?? null,
            coveringFor: covering.get(a.id) ?? null,
          })),
      })),
      log,
    };
  },

  'POST /admin/appointments/check-in': async ({ body, principal }) => {
    const id = await getAppointmentIdByCode(body.code);
    const a = id && (await getAppointment(id));
    if (!a || a.placeId !== body.placeId) throw notFound('本办理地点没有此预约码');
    const place = await managedPlace(principal, a.placeId);
    assertBooked(a);
    const today = shanghaiDate();
    if (a.date !== today) throw conflict(`该预约的日期是 ${a.date}，不是今天`, 'NOT_TODAY');
    // 一次一评: the visitor is invited to rate the visit; the clerk who checked them in is responsible.
    const [item, staff] = await Promise.all([getService(a.serviceCode), getStaff(principal.username)]);
    const dept = { id: item?.departmentId ?? place.departmentId ?? 'unknown', name: item?.departmentName ?? '未知部门' };
    const invite = visitInvite(a, dept, { username: principal.username, name: staff?.name ?? principal.username }, place.regionCode, today);
    const at = new Date().toISOString();
    const tell = pushItems({ kind: 'resident', id: a.residentId }, rateInvite(invite), at);
    if ((await markAttendance(a, 'checked_in', at, invite, tell)) === 'stale') {
      throw conflict('预约已发生变化，请刷新后重试', 'VERSION_CONFLICT');
    }
    return toAppointment((await getAppointment(a.id))!);
  },

  'POST /admin/appointments/{id}/no-show': async ({ params, body, principal }) => {
    const a = await getAppointment(params.id);
    if (!a) throw notFound('预约不存在');
    await managedPlace(principal, a.placeId);
    assertBooked(a);
    if (a.version !== body.version) throw conflict('预约已发生变化，请刷新后重试', 'VERSION_CONFLICT');
    if (!slotEnded(a.date, a.end, new Date())) throw conflict('时段尚未结束，不能标记未到场', 'SLOT_NOT_ENDED');
    if ((await markAttendance(a, 'no_show', new Date().toISOString())) === 'stale') {
      throw conflict('预约已发生变化，请刷新后重试', 'VERSION_CONFLICT');
    }
    return toAppointment((await getAppointment(a.id))!);
  },

  'POST /admin/slots/{slotId}/close': async ({ params, body, principal }) => {
    const { placeId, date, start } = parseSlotId(params.slotId);
    const place = await managedPlace(principal, placeId);
    const w = windowOf(place, start);
    await closeSlot({ placeId, date, start, capacity: w.capacity }, body.reason);
    await recordPlaceLog(placeId, date, { at: new Date().toISOString(), actor: await actorOf(principal), action: 'close', start, reason: body.reason });
    const booked = (await listPlaceDayAppointments(placeId, date)).filter((a) => a.slotId === params.slotId);
    return { cancelled: await cancelBookings(booked, body.reason) };
  },

  'POST /admin/places/{placeId}/days/{date}/close': async ({ params, body, principal }) => {
    const place = await managedPlace(principal, params.placeId);
    for (const w of place.windows) await closeSlot({ placeId: place.id, date: params.date, start: w.start, capacity: w.capacity }, body.reason);
    await recordPlaceLog(place.id, params.date, { at: new Date().toISOString(), actor: await actorOf(principal), action: 'close', start: null, reason: body.reason });
    return { cancelled: await cancelBookings(await listPlaceDayAppointments(place.id, params.date), body.reason) };
  },

  // Reopening frees the seats; residents whose bookings the closure cancelled are not rebooked.
  'POST /admin/slots/{slotId}/reopen': async ({ params, body, principal }) => {
    const { placeId, date, start } = parseSlotId(params.slotId);
    const place = await managedPlace(principal, placeId);
    windowOf(place, start);
    if (!(await getSlotCounter(placeId, date, start))?.closedReason) throw notClosed();
    const entry = { at: new Date().toISOString(), actor: await actorOf(principal), action: 'reopen' as const, start, reason: body.reason };
    if ((await reopenSlots(placeId, date, [start], entry)) === 'not_closed') throw notClosed();
    return { reopened: 1 };
  },

  'POST /admin/places/{placeId}/days/{date}/reopen': async ({ params, body, principal }) => {
    const place = await managedPlace(principal, params.placeId);
    const closed = (await listSlotCounters(place.id, params.date, params.date)).filter((c) => c.closedReason).map((c) => c.start);
    if (closed.length === 0) throw notClosed('当天没有已关闭的时段，无需重新开放');
    const entry = { at: new Date().toISOString(), actor: await actorOf(principal), action: 'reopen' as const, start: null, reason: body.reason };
    if ((await reopenSlots(place.id, params.date, closed, entry)) === 'not_closed') throw notClosed('部分时段已被他人重新开放，请刷新后重试');
    return { reopened: closed.length };
  },

  'PUT /admin/slots/{slotId}/capacity': async ({ params, body, principal }) => {
    const { placeId, date, start } = parseSlotId(params.slotId);
    const place = await managedPlace(principal, placeId);
    const w = windowOf(place, start);
    const result = await setSlotCapacity({ placeId, date, start, capacity: w.capacity }, body.capacity);
    if (!result.ok) throw conflict(`名额不能低于已预约人数（${result.booked}人）`, 'BELOW_BOOKED');
    return slotView(place, date, w, { ...result.counter, date, start }, new Date());
  },

  'PUT /admin/points/{placeId}': async ({ params, body }) => {
    if (params.placeId.startsWith(ROVING_PREFIX)) throw conflict('网点编号不能以 roving- 开头', 'BAD_ID');
    refuseFieldErrors(pointErrors(body, await findReferences({ regions: [body.regionCode], services: body.serviceCodes })));
    const record = { id: params.placeId, ...body, windows: sortWindows(body.windows) };
    await putServicePoint(record);
    return placeResponse(pointPlace(record));
  },

  'PUT /admin/roving/{placeId}': async ({ params, body, principal }) => {
    if (!params.placeId.startsWith(ROVING_PREFIX)) throw notFound('坐班安排编号应以 roving- 开头');
    if (!mayManagePlace(principal, { kind: 'roving', regionCode: body.townCode, departmentId: body.departmentId })) {
      throw forbidden('部门负责人只能安排本部门的下乡坐班');
    }
    refuseFieldErrors(rovingErrors(body, await findReferences({ regions: [body.townCode], departments: [body.departmentId] })));
    const windows = sortWindows(body.windows);
    const first = windows[0]!;
    const last = windows[windows.length - 1]!;
    await putRovingDay({
      id: params.placeId.slice(ROVING_PREFIX.length),
      departmentId: body.departmentId,
      townCode: body.townCode,
      rule: body.rule,
      label: '',
      start: first.start,
      end: last.end,
      address: body.address,
      windows,
      cutoffMinutes: body.cutoffMinutes,
    });
    return placeResponse((await loadPlace(params.placeId))!);
  },
});
