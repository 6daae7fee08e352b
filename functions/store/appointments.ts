// Appointments. Booking, cancelling and rescheduling are single
// transactions: the slot's counter (slots.ts), the one-booking-per-slot
// guard, the idempotency key, the booking code and the appointment change
// together.
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { transact, type Item } from './transact';
import { invitePut, type InviteRecord } from './ratings';
import type { AppointmentStatus } from '../../shared/schemas/appointments';
import { db, tableName } from './client';
import { decoder } from './entity';
import { key } from './keys';
import { releaseSeat, slotIdOf, takeSeat, type SlotRef } from './slots';
import { queryAll } from './query';
import { countUse } from './uses';
import { queryPage, type Page, type PageRequest } from './page';

export interface AppointmentRecord {
  id: string;
  code: string;
  residentId: string;
  serviceCode: string;
  serviceName: string;
  placeId: string;
  placeName: string;
  placeAddress: string;
  slotId: string;
  date: string;
  start: string;
  end: string;
  status: AppointmentStatus;
  cutoffAt: string;
  cancelledBy: 'resident' | 'staff' | null;
  cancelReason: string | null;
  /** A leader's reception booking: what the resident wants to raise. */
  topic?: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export const decodeAppointment = decoder<AppointmentRecord>();

const appointmentItem = (a: AppointmentRecord) => ({
  ...key.appointment(a.id),
  ...key.appointmentByResident(a.residentId, a.date, a.start, a.id),
  ...key.appointmentByPlaceDay(a.placeId, a.date, a.start, a.id),
  ...a,
});

export type BookOutcome =
  | { kind: 'booked' }
  | { kind: 'full' }
  | { kind: 'closed'; reason: string }
  | { kind: 'already_holding' }
  | { kind: 'replay' }
  | { kind: 'code_taken' };

export async function bookAppointment(a: AppointmentRecord, slot: SlotRef, idempotencyKey: string): Promise<BookOutcome> {
  const { failed, reasons: rs } = await transact(() => [
    takeSeat(slot),
    {
      Put: {
        TableName: tableName(),
        Item: { ...key.idempotency(a.residentId, idempotencyKey), appointmentId: a.id, createdAt: a.createdAt },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    {
      Put: {
        TableName: tableName(),
        Item: { ...key.slotHold(a.slotId, a.residentId), appointmentId: a.id },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    {
      Put: {
        TableName: tableName(),
        Item: { ...key.bookingCode(a.code), appointmentId: a.id },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    { Put: { TableName: tableName(), Item: appointmentItem(a), ConditionExpression: 'attribute_not_exists(pk)' } },
    countUse(a.serviceCode, a.placeId),
  ]);
  if (!failed.length) return { kind: 'booked' };
  if (failed.includes(1)) return { kind: 'replay' };
  if (failed.includes(0)) {
    const closed = rs[0]?.Item?.closedReason;
    return typeof closed === 'string' ? { kind: 'closed', reason: closed } : { kind: 'full' };
  }
  if (failed.includes(2)) return { kind: 'already_holding' };
  return { kind: 'code_taken' };
}

export async function getAppointment(id: string): Promise<AppointmentRecord | undefined> {
  const out = await db().send(new GetCommand({ TableName: tableName(), Key: key.appointment(id) }));
  return out.Item ? decodeAppointment(out.Item) : undefined;
}

export async function getAppointmentIdByIdempotencyKey(residentId: string, idempotencyKey: string): Promise<string | undefined> {
  const out = await db().send(new GetCommand({ TableName: tableName(), Key: key.idempotency(residentId, idempotencyKey) }));
  return out.Item?.appointmentId as string | undefined;
}

export async function getAppointmentIdByCode(code: string): Promise<string | undefined> {
  const out = await db().send(new GetCommand({ TableName: tableName(), Key: key.bookingCode(code) }));
  return out.Item?.appointmentId as string | undefined;
}

export async function listResidentAppointments(residentId: string): Promise<AppointmentRecord[]> {
  const items = await queryAll<Record<string, unknown>>({
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': key.appointmentByResident(residentId, '', '', '').gsi1pk },
    ScanIndexForward: false,
  });
  return items.map(decodeAppointment);
}

/** A resident's appointments, latest date first, one page. */
export function pageResidentAppointments(residentId: string, req: PageRequest): Promise<Page<AppointmentRecord>> {
  const list = { index: 'gsi1' as const, partition: key.appointmentByResident(residentId, '', '', '').gsi1pk, newestFirst: true };
  return queryPage(list, req, decodeAppointment);
}

export async function listPlaceDayAppointments(placeId: string, date: string): Promise<AppointmentRecord[]> {
  const items = await queryAll<Record<string, unknown>>({
    IndexName: 'gsi2',
    KeyConditionExpression: 'gsi2pk = :pk',
    ExpressionAttributeValues: { ':pk': key.appointmentByPlaceDay(placeId, date, '', '').gsi2pk },
  });
  return items.map(decodeAppointment);
}

const changeAppointment = (a: AppointmentRecord, set: Record<string, unknown>): Item => {
  const entries = Object.entries(set);
  return {
    Update: {
      TableName: tableName(),
      Key: key.appointment(a.id),
      UpdateExpression: 'SET ' + entries.map((_, i) => `#f${i} = :v${i}`).join(', ') + ', version = version + :one',
      ConditionExpression: '#status = :booked AND version = :version',
      ExpressionAttributeNames: { ...Object.fromEntries(entries.map(([k], i) => [`#f${i}`, k])), '#status': 'status' },
      ExpressionAttributeValues: {
        ...Object.fromEntries(entries.map(([, v], i) => [`:v${i}`, v])),
        ':one': 1,
        ':booked': 'booked',
        ':version': a.version,
      },
    },
  };
};

/** Cancel a booked appointment seen at `a.version`: 'stale' if it changed meanwhile. */
export async function cancelAppointment(
  a: AppointmentRecord,
  by: 'resident' | 'staff',
  reason: string | null,
  now: string,
  /** What tells the resident (outbox + inbox items), written in the same transaction. */
  tell: Item[] = [],
): Promise<'cancelled' | 'stale'> {
  const { failed } = await transact(() => [
    changeAppointment(a, { status: 'cancelled', cancelledBy: by, cancelReason: reason, updatedAt: now }),
    releaseSeat(a),
    { Delete: { TableName: tableName(), Key: key.slotHold(a.slotId, a.residentId) } },
    ...tell,
  ]);
  return failed.length ? 'stale' : 'cancelled';
}

export interface NewSlot extends SlotRef {
  end: string;
  placeName: string;
  placeAddress: string;
  cutoffAt: string;
}

export type MoveOutcome = 'moved' | 'full' | 'closed' | 'already_holding' | 'stale';

/** Move a booking (a reception's with its topic restated, if given): the new seat is taken and the old released in one transaction, or neither. */
export async function rescheduleAppointment(a: AppointmentRecord, to: NewSlot, now: string, topic?: string): Promise<MoveOutcome> {
  const slotId = slotIdOf(to);
  const { failed, reasons: rs } = await transact(() => [
    changeAppointment(a, {
      slotId,
      placeId: to.placeId,
      placeName: to.placeName,
      placeAddress: to.placeAddress,
      date: to.date,
      start: to.start,
      end: to.end,
      cutoffAt: to.cutoffAt,
      updatedAt: now,
      ...(topic ? { topic } : {}),
      ...key.appointmentByResident(a.residentId, to.date, to.start, a.id),
      ...key.appointmentByPlaceDay(to.placeId, to.date, to.start, a.id),
    }),
    takeSeat(to),
    releaseSeat(a),
    { Delete: { TableName: tableName(), Key: key.slotHold(a.slotId, a.residentId) } },
    {
      Put: {
        TableName: tableName(),
        Item: { ...key.slotHold(slotId, a.residentId), appointmentId: a.id },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
  ]);
  if (!failed.length) return 'moved';
  if (failed.includes(0)) return 'stale';
  if (failed.includes(1)) return typeof rs[1]?.Item?.closedReason === 'string' ? 'closed' : 'full';
  if (failed.includes(4)) return 'already_holding';
  return 'stale';
}

/** Check-in or no-show of a booked appointment seen at `a.version`; a check-in invites the visitor to rate the visit. */
export async function markAttendance(a: AppointmentRecord, status: 'checked_in' | 'no_show', now: string, invite?: InviteRecord, tell: Item[] = []): Promise<'ok' | 'stale'> {
  const { failed } = await transact(() => [changeAppointment(a, { status, updatedAt: now }), ...(invite ? [invitePut(invite)] : []), ...tell]);
  return failed.length ? 'stale' : 'ok';
}
