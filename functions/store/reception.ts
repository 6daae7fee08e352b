// Leaders' reception days: one item per receiving head in one small
// partition. Booking them goes through the appointments' own transaction.
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { receptionPlaceId, type ReceptionShape } from '../domain/reception';
import { db, tableName } from './client';
import { key } from './keys';
import { decoder } from './entity';
import { partition, queryAll } from './query';
import { hhmm } from './slots';
import { transact, type Item } from './transact';

export interface ReceptionRecord extends ReceptionShape {
  updatedAt: string;
  updatedBy: string;
}

const decodeReception = decoder<ReceptionRecord>();

/** A DynamoDB transaction holds at most 100 items: the reception and 99 slots. */
export const MAX_SEAT_MOVES = 99;

/**
 * Save a reception and, with it, the capacity of its slots already opened
 * (`seats`, at most MAX_SEAT_MOVES), each on condition that its bookings
 * still fit: 'stale' when one filled up meanwhile.
 */
export async function putReception(r: ReceptionRecord, seats: { date: string; start: string; capacity: number }[] = []): Promise<'saved' | 'stale'> {
  const placeId = receptionPlaceId(r.id);
  const moves = seats.map((s): Item => ({
    Update: {
      TableName: tableName(),
      Key: key.slot(placeId, s.date, hhmm(s.start)),
      UpdateExpression: 'SET #capacity = :c',
      ConditionExpression: 'attribute_exists(pk) AND booked <= :c',
      ExpressionAttributeNames: { '#capacity': 'capacity' },
      ExpressionAttributeValues: { ':c': s.capacity },
    },
  }));
  const { failed } = await transact(() => [{ Put: { TableName: tableName(), Item: { ...key.reception(r.id), ...r } } }, ...moves]);
  return failed.length ? 'stale' : 'saved';
}

export async function getReception(hostUsername: string): Promise<ReceptionRecord | undefined> {
  const out = await db().send(new GetCommand({ TableName: tableName(), Key: key.reception(hostUsername) }));
  return out.Item ? decodeReception(out.Item) : undefined;
}

export async function listReceptions(): Promise<ReceptionRecord[]> {
  return (await queryAll<Record<string, unknown>>(partition(key.receptionsPartition))).map(decodeReception);
}
