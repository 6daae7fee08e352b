// Appointments and slot counters. Booking, cancelling and rescheduling are
// single transactions: the slot's counter, the one-booking-per-slot guard, the
// idempotency key, the booking code and the appointment change together.
import {
  GetCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { transact, type Item } from './transact';
import { invitePut, type InviteRecord } from './ratings';
import type { AppointmentStatus } from '../../shared/schemas/appointments';
import { db, isConditionFailed, tableName } from './client';
import { key, withoutKeys } from './keys';
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
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface SlotRef {
  placeId: string;
  date: string;
  start: string; // HH:mm
  /** The window's capacity, used when the counter does not exist yet. */
  capacity: number;
}

export interface SlotCounter {
  date: string;
  start: string;
  booked: number;
  capacity?: number;
  closedReason?: string;
}

const hhmm = (start: string) => start.replace(':', '');
const slotKey = (s: SlotRef) => key.slot(s.placeId, s.date, hhmm(s.start));
const slotIdOf = (s: { placeId: string; date: string; start: string }) => `${s.placeId}~${s.date}~${hhmm(s.start)}`;


/** Take one seat: fails if full or closed. Creates the counter on first booking. */
function takeSeat(s: SlotRef): Item {
  return {
    Update: {
      TableName: tableName(),
      Key: slotKey(s),
      UpdateExpression: 'SET booked = if_not_exists(booked, :zero) + :one, #capacity = if_not_exists(#capacity, :cap), #date = :date, #start = :start',
      ConditionExpression: '(attribute_not_exists(booked) OR booked < #capacity) AND attribute_not_exists(closedReason)',
      ExpressionAttributeNames: { '#date': 'date', '#start': 'start', '#capacity': 'capacity' },
      ExpressionAttributeValues: { ':zero': 0, ':one': 1, ':cap': s.capacity, ':date': s.date, ':start': s.start },
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
    },
  };
}

function releaseSeat(s: { placeId: string; date: string; start: string }): Item {
  return {
    Update: {
      TableName: tableName(),
      Key: key.slot(s.placeId, s.date, hhmm(s.start)),
      UpdateExpression: 'SET booked = booked - :one',
      ConditionExpression: 'booked > :zero',
      ExpressionAttributeValues: { ':one': 1, ':zero': 0 },
    },
  };
}

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
  return out.Item ? (withoutKeys(out.Item) as unknown as AppointmentRecord) : undefined;
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
    ExpressionAttributeValues: { ':pk': `RESIDENT#${residentId}#APPTS` },
    ScanIndexForward: false,
  });
  return items.map((i) => withoutKeys(i) as unknown as AppointmentRecord);
}

/** A resident's appointments, latest date first, one page. */
export function pageResidentAppointments(residentId: string, req: PageRequest): Promise<Page<AppointmentRecord>> {
  const list = { index: 'gsi1' as const, partition: key.appointmentByResident(residentId, '', '', '').gsi1pk, newestFirst: true };
  return queryPage(list, req, (raw) => withoutKeys(raw) as unknown as AppointmentRecord);
}

export async function listPlaceDayAppointments(placeId: string, date: string): Promise<AppointmentRecord[]> {
  const items = await queryAll<Record<string, unknown>>({
    IndexName: 'gsi2',
    KeyConditionExpression: 'gsi2pk = :pk',
    ExpressionAttributeValues: { ':pk': key.appointmentByPlaceDay(placeId, date, '', '').gsi2pk },
  });
  return items.map((i) => withoutKeys(i) as unknown as AppointmentRecord);
}

/** Counters of a place's slots between two dates (inclusive). */
export async function listSlotCounters(placeId: string, from: string, to: string): Promise<SlotCounter[]> {
  const items = await queryAll<Record<string, unknown>>({
    KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
    ExpressionAttributeValues: { ':pk': key.placeSlots(placeId), ':from': `SLOT#${from}`, ':to': `SLOT#${to}#9999` },
  });
  return items.map((i) => withoutKeys(i) as unknown as SlotCounter);
}

export async function getSlotCounter(placeId: string, date: string, start: string): Promise<SlotCounter | undefined> {
  const out = await db().send(new GetCommand({ TableName: tableName(), Key: key.slot(placeId, date, hhmm(start)) }));
  return out.Item ? (withoutKeys(out.Item) as unknown as SlotCounter) : undefined;
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

/** Move a booking: the new seat is taken and the old released in one transaction, or neither. */
export async function rescheduleAppointment(a: AppointmentRecord, to: NewSlot, now: string): Promise<MoveOutcome> {
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

export interface PlaceLogRecord {
  at: string;
  actor: string;
  action: 'close' | 'reopen';
  /** HH:mm, or null for the whole day. */
  start: string | null;
  reason: string;
}

const logPut = (placeId: string, date: string, entry: PlaceLogRecord): Item => ({
  // The instant plus a random tail: two entries in the same millisecond both stay.
  Put: { TableName: tableName(), Item: { ...key.placeLog(placeId, date, `${entry.at}#${Math.random().toString(36).slice(2, 8)}`), ...entry } },
});

export async function recordPlaceLog(placeId: string, date: string, entry: PlaceLogRecord): Promise<void> {
  await transact(() => [logPut(placeId, date, entry)]);
}

/** The day's closings and reopenings, oldest first. */
export async function listPlaceLog(placeId: string, date: string): Promise<PlaceLogRecord[]> {
  const items = await queryAll<Record<string, unknown>>({
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :log)',
    ExpressionAttributeValues: { ':pk': key.placeSlots(placeId), ':log': key.placeLogPrefix(date) },
  });
  return items.map((i) => withoutKeys(i) as unknown as PlaceLogRecord);
}

/**
 * Reopen closed slots of one day and log it, in one transaction: every slot
 * must still be closed ('not_closed' otherwise). Only the closure goes; the
 * seats its cancellations released are simply free again.
 */
export async function reopenSlots(placeId: string, date: string, starts: string[], entry: PlaceLogRecord): Promise<'reopened' | 'not_closed'> {
  const { failed } = await transact(() => [
    ...starts.map(
      (start): Item => ({
        Update: {
          TableName: tableName(),
          Key: key.slot(placeId, date, hhmm(start)),
          UpdateExpression: 'REMOVE closedReason',
          ConditionExpression: 'attribute_exists(closedReason)',
        },
      }),
    ),
    logPut(placeId, date, entry),
  ]);
  return failed.length ? 'not_closed' : 'reopened';
}

/** Close a slot to new bookings (existing ones are cancelled by the caller). */
export async function closeSlot(s: SlotRef, reason: string): Promise<void> {
  await db().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: slotKey(s),
      UpdateExpression: 'SET closedReason = :r, booked = if_not_exists(booked, :zero), #capacity = if_not_exists(#capacity, :cap), #date = :date, #start = :start',
      ExpressionAttributeNames: { '#date': 'date', '#start': 'start', '#capacity': 'capacity' },
      ExpressionAttributeValues: { ':r': reason, ':zero': 0, ':cap': s.capacity, ':date': s.date, ':start': s.start },
    }),
  );
}

/** Set a slot's capacity; refused when below the seats already booked. */
export async function setSlotCapacity(s: SlotRef, capacity: number): Promise<{ ok: true; counter: SlotCounter } | { ok: false; booked: number }> {
  try {
    const out = await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: slotKey(s),
        UpdateExpression: 'SET #capacity = :c, booked = if_not_exists(booked, :zero), #date = :date, #start = :start',
        ConditionExpression: 'attribute_not_exists(booked) OR booked <= :c',
        ExpressionAttributeNames: { '#date': 'date', '#start': 'start', '#capacity': 'capacity' },
        ExpressionAttributeValues: { ':c': capacity, ':zero': 0, ':date': s.date, ':start': s.start },
        ReturnValues: 'ALL_NEW',
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      }),
    );
    return { ok: true, counter: withoutKeys(out.Attributes ?? {}) as unknown as SlotCounter };
  } catch (err) {
    if (isConditionFailed(err)) {
      const old = (err as { Item?: Record<string, any> }).Item;
      return { ok: false, booked: Number(old ? unmarshall(old).booked ?? 0 : 0) };
    }
    throw err;
  }
}
