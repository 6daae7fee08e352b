// A place's slots: one counter item per slot (seats booked, capacity
// override, closure) and, beside them, the day's log of closings and
// reopenings. Booking and cancelling take and release seats inside the
// appointment's own transaction (appointments.ts).
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { db, isConditionFailed, tableName } from './client';
import { decoder } from './entity';
import { key } from './keys';
import { queryAll } from './query';
import { transact, type Item } from './transact';

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

export interface PlaceLogRecord {
  at: string;
  actor: string;
  action: 'close' | 'reopen';
  /** HH:mm, or null for the whole day. */
  start: string | null;
  reason: string;
}

const decodeSlotCounter = decoder<SlotCounter>();
const decodePlaceLog = decoder<PlaceLogRecord>();

export const hhmm = (start: string) => start.replace(':', '');
const slotKey = (s: Pick<SlotRef, 'placeId' | 'date' | 'start'>) => key.slot(s.placeId, s.date, hhmm(s.start));
export const slotIdOf = (s: { placeId: string; date: string; start: string }) => `${s.placeId}~${s.date}~${hhmm(s.start)}`;

/** Take one seat: fails if full or closed. Creates the counter on first booking. */
export function takeSeat(s: SlotRef): Item {
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

export function releaseSeat(s: { placeId: string; date: string; start: string }): Item {
  return {
    Update: {
      TableName: tableName(),
      Key: slotKey(s),
      UpdateExpression: 'SET booked = booked - :one',
      ConditionExpression: 'booked > :zero',
      ExpressionAttributeValues: { ':one': 1, ':zero': 0 },
    },
  };
}

/** Counters of a place's slots between two dates (inclusive). */
export async function listSlotCounters(placeId: string, from: string, to: string): Promise<SlotCounter[]> {
  const items = await queryAll<Record<string, unknown>>({
    KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
    ExpressionAttributeValues: { ':pk': key.placeSlots(placeId), ':from': key.slotsBetween(from, to).from, ':to': key.slotsBetween(from, to).to },
  });
  return items.map(decodeSlotCounter);
}

export async function getSlotCounter(placeId: string, date: string, start: string): Promise<SlotCounter | undefined> {
  const out = await db().send(new GetCommand({ TableName: tableName(), Key: key.slot(placeId, date, hhmm(start)) }));
  return out.Item ? decodeSlotCounter(out.Item) : undefined;
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
    return { ok: true, counter: decodeSlotCounter(out.Attributes ?? {}) };
  } catch (err) {
    if (isConditionFailed(err)) {
      const old = (err as { Item?: Record<string, any> }).Item;
      return { ok: false, booked: Number(old ? unmarshall(old).booked ?? 0 : 0) };
    }
    throw err;
  }
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
  return items.map(decodePlaceLog);
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
