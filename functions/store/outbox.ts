// The push outbox: one row per push with a deterministic id from its cause,
// due by time on a sharded sparse index, claimed by the sender with a lease.
// `pushItems` gives the transaction items for one message (with the inbox
// entry, inbox.ts), so any change that tells a resident something adds them
// to its own transaction. Consent is in consent.ts, reach in reach.ts.
import { GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { PushTemplate } from '../../shared/push-templates';
import type { PushMessage } from '../domain/messages';
import type { OutboxState } from '../domain/outbox';
import { db, isConditionFailed, tableName } from './client';
import { decoder } from './entity';
import { inboxItems } from './inbox';
import { key } from './keys';
import { transact, type Item } from './transact';

export type Recipient = { kind: 'resident'; id: string } | { kind: 'staff'; username: string };

export interface OutboxRecord {
  id: string;
  recipient: Recipient;
  template: PushTemplate;
  data: Record<string, string>;
  page: string;
  state: OutboxState;
  /** Claims so far (a lease that ran out counts). */
  attempts: number;
  /** Answers that asked for a retry so far. */
  failures: number;
  dueAt: string;
  leaseOwner: string | null;
  lastError: string | null;
  noticeId: string | null;
  createdAt: string;
  updatedAt: string;
}

export const OUTBOX_SHARDS = 4;
export function shardOf(id: string, shards = OUTBOX_SHARDS): number {
  let h = 0;
  for (const ch of id) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return h % shards;
}

export const decodeOutbox = decoder<OutboxRecord>();

/**
 * The items that tell `to` about `msgs`: an outbox row each (due now) and, for
 * a resident, the inbox entries and their unread count (inbox.ts). Written
 * once: a second write of the same cause fails its condition (and the
 * caller's transaction with it).
 */
export function pushItems(to: Recipient, msgs: PushMessage | PushMessage[], at: string): Item[] {
  const list = Array.isArray(msgs) ? msgs : [msgs];
  const rows = list.map((msg): Item => {
    const row: OutboxRecord = {
      id: msg.id, recipient: to, template: msg.template, data: msg.data, page: msg.page, state: 'pending', attempts: 0, failures: 0,
      dueAt: at, leaseOwner: null, lastError: null, noticeId: msg.noticeId ?? null, createdAt: at, updatedAt: at,
    };
    return { Put: { TableName: tableName(), Item: { ...key.outbox(row.id), ...key.outboxDue(shardOf(row.id), at, row.id), ...row }, ConditionExpression: 'attribute_not_exists(pk)' } };
  });
  return to.kind === 'resident' ? [...rows, ...inboxItems(to.id, list, at)] : rows;
}

/** Write one message on its own (a job's reminder): 'exists' when it was written before. */
export async function writePush(to: Recipient, msg: PushMessage, at: string, extra: Item[] = []): Promise<'written' | 'exists'> {
  const { failed } = await transact(() => [...pushItems(to, msg, at), ...extra]);
  return failed.length ? 'exists' : 'written';
}

// ---------------------------------------------------------------- the sender's side

export async function getOutbox(id: string): Promise<OutboxRecord | undefined> {
  const out = await db().send(new GetCommand({ TableName: tableName(), Key: key.outbox(id), ConsistentRead: true }));
  return out.Item ? decodeOutbox(out.Item) : undefined;
}

/** Rows due by `now`, oldest first, up to `limit` per shard (the sparse due index; never a Scan). */
export async function listDueOutbox(now: string, limit: number): Promise<OutboxRecord[]> {
  const pages = await Promise.all(
    Array.from({ length: OUTBOX_SHARDS }, (_, shard) =>
      db().send(
        new QueryCommand({
          TableName: tableName(),
          IndexName: 'gsi2',
          KeyConditionExpression: 'gsi2pk = :pk AND gsi2sk <= :now',
          ExpressionAttributeValues: { ':pk': key.outboxDuePartition(shard), ':now': `${now}#\uffff` },
          Limit: limit,
        }),
      ),
    ),
  );
  return pages.flatMap((p) => (p.Items ?? []).map(decodeOutbox)).sort((a, b) => a.dueAt.localeCompare(b.dueAt));
}

/**
 * Claim a due row: only if it is still as the index showed it (same state and
 * due time), so of two senders one wins. The lease moves its due time on: a
 * sender that dies leaves it due again when the lease runs out.
 */
export async function claimOutbox(row: OutboxRecord, owner: string, now: string, leaseUntil: string): Promise<OutboxRecord | undefined> {
  try {
    const out = await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: key.outbox(row.id),
        UpdateExpression: 'SET #state = :sending, dueAt = :lease, gsi2sk = :sk, leaseOwner = :owner, updatedAt = :now ADD attempts :one',
        ConditionExpression: '#state IN (:pending, :sending) AND dueAt = :seen AND dueAt <= :now',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: {
          ':sending': 'sending',
          ':pending': 'pending',
          ':lease': leaseUntil,
          ':sk': key.outboxDue(shardOf(row.id), leaseUntil, row.id).gsi2sk,
          ':owner': owner,
          ':now': now,
          ':seen': row.dueAt,
          ':one': 1,
        },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return decodeOutbox(out.Attributes ?? {});
  } catch (err) {
    if (isConditionFailed(err)) return undefined;
    throw err;
  }
}

export interface Finish {
  state: OutboxState;
  /** The next attempt (state pending), else null. */
  dueAt: string | null;
  failures: number;
  lastError: string | null;
}

/** Record the answer, while this sender still holds the lease; `extra` rides along (reach counters). 'lost' if another took it over. */
export async function finishOutbox(row: OutboxRecord, owner: string, f: Finish, now: string, extra: Item[] = []): Promise<'done' | 'lost'> {
  const names: Record<string, string> = { '#state': 'state' };
  const values: Record<string, unknown> = { ':state': f.state, ':failures': f.failures, ':err': f.lastError, ':now': now, ':sending': 'sending', ':owner': owner };
  let update = 'SET #state = :state, failures = :failures, lastError = :err, updatedAt = :now, leaseOwner = :null';
  values[':null'] = null;
  if (f.dueAt) {
    update += ', dueAt = :due, gsi2sk = :sk';
    values[':due'] = f.dueAt;
    values[':sk'] = key.outboxDue(shardOf(row.id), f.dueAt, row.id).gsi2sk;
  } else if (f.state === 'dead') {
    // Out of the due index, into the admin's list of dead pushes.
    Object.assign(values, { ':g2pk': key.outboxDeadPartition, ':g2sk': key.outboxDead(now, row.id).gsi2sk });
    update += ', gsi2pk = :g2pk, gsi2sk = :g2sk';
  } else {
    update += ' REMOVE gsi2pk, gsi2sk';
  }
  const { failed } = await transact(() => [
    {
      Update: {
        TableName: tableName(),
        Key: key.outbox(row.id),
        UpdateExpression: update,
        ConditionExpression: '#state = :sending AND leaseOwner = :owner',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      },
    },
    ...extra,
  ]);
  return failed.length ? 'lost' : 'done';
}

/** Dead pushes, newest first (the admin's alert). */
export async function listDeadOutbox(limit: number): Promise<OutboxRecord[]> {
  const out = await db().send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk',
      ExpressionAttributeValues: { ':pk': key.outboxDeadPartition },
      ScanIndexForward: false,
      Limit: limit,
    }),
  );
  return (out.Items ?? []).map(decodeOutbox);
}


