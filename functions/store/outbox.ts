// The push outbox, the in-app inbox written with it, and subscribe consent.
// `pushItems` gives the transaction items for one message, so any change that
// tells a resident something adds them to its own transaction.
import { GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { PushTemplate } from '../../shared/push-templates';
import type { InboxKind, PushMessage } from '../domain/messages';
import type { OutboxState } from '../domain/outbox';
import { db, isConditionFailed, tableName } from './client';
import { key, withoutKeys } from './keys';
import { transact, type Item } from './transact';

export type Recipient = { kind: 'resident'; id: string } | { kind: 'staff'; username: string };
export const ownerOf = (r: Recipient) => (r.kind === 'resident' ? `RESIDENT#${r.id}` : `STAFF#${r.username}`);

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

export interface InboxRecord {
  id: string;
  kind: InboxKind;
  title: string;
  body: string;
  page: string;
  at: string;
  readAt: string | null;
  noticeId: string | null;
  expiresAt: string | null;
  /** Set when the entry left the unread count without being read (its notice withdrawn, or it expired). */
  uncountedAt?: string;
  retractedAt?: string;
}

export const OUTBOX_SHARDS = 4;
export function shardOf(id: string, shards = OUTBOX_SHARDS): number {
  let h = 0;
  for (const ch of id) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return h % shards;
}

/** Inbox ids sort by time and name their cause: `20261201T045000000Z-appt-cancel-…`. */
export const inboxId = (at: string, causeId: string) => `${at.replace(/[-:.]/g, '')}-${causeId}`;

const decodeOutbox = (raw: Record<string, unknown>) => withoutKeys(raw) as unknown as OutboxRecord;
const decodeInbox = (raw: Record<string, unknown>) => withoutKeys(raw) as unknown as InboxRecord;

/**
 * The items that tell `to` about `msgs`: an outbox row each (due now) and, for
 * a resident, the inbox entries and one update of the unread count (a
 * transaction may touch an item once). Written once: a second write of the
 * same cause fails its condition (and the caller's transaction with it).
 */
export function pushItems(to: Recipient, msgs: PushMessage | PushMessage[], at: string): Item[] {
  const list = Array.isArray(msgs) ? msgs : [msgs];
  const items: Item[] = [];
  for (const msg of list) {
    const row: OutboxRecord = {
      id: msg.id,
      recipient: to,
      template: msg.template,
      data: msg.data,
      page: msg.page,
      state: 'pending',
      attempts: 0,
      failures: 0,
      dueAt: at,
      leaseOwner: null,
      lastError: null,
      noticeId: msg.noticeId ?? null,
      createdAt: at,
      updatedAt: at,
    };
    items.push({
      Put: {
        TableName: tableName(),
        Item: { ...key.outbox(row.id), ...key.outboxDue(shardOf(row.id), at, row.id), ...row },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    });
    if (to.kind !== 'resident') continue;
    const entry: InboxRecord = {
      id: inboxId(at, msg.id),
      kind: msg.kind,
      title: msg.title,
      body: msg.body,
      page: msg.page,
      at,
      readAt: null,
      noticeId: msg.noticeId ?? null,
      expiresAt: msg.expiresAt ?? null,
    };
    const byNotice = entry.noticeId ? key.inboxByNotice(entry.noticeId, to.id) : {};
    items.push({ Put: { TableName: tableName(), Item: { ...key.inboxMessage(to.id, entry.id), ...byNotice, ...entry }, ConditionExpression: 'attribute_not_exists(pk)' } });
  }
  if (to.kind === 'resident' && list.length) {
    items.push({ Update: { TableName: tableName(), Key: key.inboxCounter(to.id), UpdateExpression: 'ADD unread :n', ExpressionAttributeValues: { ':n': list.length } } });
  }
  return items;
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

// ---------------------------------------------------------------- consent

export interface ConsentState {
  template: PushTemplate;
  credits: number;
  long: boolean;
}

const creditAttr = (t: PushTemplate) => `credits_${t}`;
const longAttr = (t: PushTemplate) => `long_${t}`;

export async function getConsent(owner: string, templates: readonly PushTemplate[]): Promise<ConsentState[]> {
  const out = await db().send(new GetCommand({ TableName: tableName(), Key: key.consent(owner), ConsistentRead: true }));
  const item = out.Item ?? {};
  return templates.map((t) => ({ template: t, credits: Number(item[creditAttr(t)] ?? 0), long: item[longAttr(t)] === true }));
}

/** Record what wx.requestSubscribeMessage answered: an accepted one-time template banks one credit; a refusal clears it. */
export async function recordConsent(owner: string, results: { template: PushTemplate; accepted: boolean; long: boolean }[], now: string): Promise<void> {
  if (!results.length) return;
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = { ':now': now };
  const sets = ['updatedAt = :now'];
  const adds: string[] = [];
  results.forEach((r, i) => {
    if (!r.accepted) {
      Object.assign(names, { [`#c${i}`]: creditAttr(r.template), [`#l${i}`]: longAttr(r.template) });
      sets.push(`#c${i} = :zero`, `#l${i} = :false`);
      Object.assign(values, { ':zero': 0, ':false': false });
    } else if (r.long) {
      names[`#l${i}`] = longAttr(r.template);
      sets.push(`#l${i} = :true`);
      values[':true'] = true;
    } else {
      names[`#c${i}`] = creditAttr(r.template);
      adds.push(`#c${i} :one`);
      values[':one'] = 1;
    }
  });
  await db().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: key.consent(owner),
      UpdateExpression: `SET ${sets.join(', ')}${adds.length ? ` ADD ${adds.join(', ')}` : ''}`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    }),
  );
}

/** Take one send's worth of consent: a long-term one, else a credit (conditional, so two sends cannot spend one credit). */
export async function reserveConsent(owner: string, t: PushTemplate): Promise<'long' | 'credit' | 'none'> {
  const [state] = await getConsent(owner, [t]);
  if (state!.long) return 'long';
  try {
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: key.consent(owner),
        UpdateExpression: 'ADD #c :minus',
        ConditionExpression: '#c > :zero',
        ExpressionAttributeNames: { '#c': creditAttr(t) },
        ExpressionAttributeValues: { ':minus': -1, ':zero': 0 },
      }),
    );
    return 'credit';
  } catch (err) {
    if (isConditionFailed(err)) return 'none';
    throw err;
  }
}

/** Give a credit back: the send did not happen (retry later, or dead). */
export async function refundCredit(owner: string, t: PushTemplate): Promise<void> {
  await db().send(
    new UpdateCommand({ TableName: tableName(), Key: key.consent(owner), UpdateExpression: 'ADD #c :one', ExpressionAttributeNames: { '#c': creditAttr(t) }, ExpressionAttributeValues: { ':one': 1 } }),
  );
}

/** WeChat said 43101: the user's consent for this template is gone. */
export async function clearConsent(owner: string, t: PushTemplate, now: string): Promise<void> {
  await recordConsent(owner, [{ template: t, accepted: false, long: false }], now);
}

// ---------------------------------------------------------------- inbox

export async function unreadCount(residentId: string): Promise<number> {
  const out = await db().send(new GetCommand({ TableName: tableName(), Key: key.inboxCounter(residentId) }));
  return Math.max(0, Number(out.Item?.unread ?? 0));
}

export async function getInboxMessage(residentId: string, id: string): Promise<InboxRecord | undefined> {
  const out = await db().send(new GetCommand({ TableName: tableName(), Key: key.inboxMessage(residentId, id) }));
  return out.Item ? decodeInbox(out.Item) : undefined;
}

/** Mark read once: the unread count (and the notice's read reach, via `extra`) moves only the first time. */
export async function markInboxRead(residentId: string, id: string, now: string, extra: Item[] = []): Promise<'read' | 'already'> {
  const { failed } = await transact(() => [
    {
      Update: {
        TableName: tableName(),
        Key: key.inboxMessage(residentId, id),
        UpdateExpression: 'SET readAt = :now',
        // An entry already taken off the count (retracted or expired) is not counted twice.
        ConditionExpression: 'attribute_exists(pk) AND readAt = :null AND attribute_not_exists(uncountedAt)',
        ExpressionAttributeValues: { ':now': now, ':null': null },
      },
    },
    { Update: { TableName: tableName(), Key: key.inboxCounter(residentId), UpdateExpression: 'ADD unread :minus', ExpressionAttributeValues: { ':minus': -1 } } },
    ...extra,
  ]);
  return failed.length ? 'already' : 'read';
}

/**
 * Take an unread entry off the unread count, once: when its notice is withdrawn
 * (`retracted`) or it has expired. 'already' when it was read or taken off before.
 */
export async function uncountInbox(residentId: string, id: string, now: string, why: 'retracted' | 'expired'): Promise<'uncounted' | 'already'> {
  const { failed } = await transact(() => [
    {
      Update: {
        TableName: tableName(),
        Key: key.inboxMessage(residentId, id),
        UpdateExpression: why === 'retracted' ? 'SET uncountedAt = :now, retractedAt = :now' : 'SET uncountedAt = :now',
        ConditionExpression: 'attribute_exists(pk) AND readAt = :null AND attribute_not_exists(uncountedAt)',
        ExpressionAttributeValues: { ':now': now, ':null': null },
      },
    },
    { Update: { TableName: tableName(), Key: key.inboxCounter(residentId), UpdateExpression: 'ADD unread :minus', ExpressionAttributeValues: { ':minus': -1 } } },
  ]);
  return failed.length ? 'already' : 'uncounted';
}

/** A page of a notice's inbox entries (GSI1, sparse): who was sent it. */
export async function pageNoticeInbox(noticeId: string, position: Record<string, unknown> | undefined, limit: number) {
  const out = await db().send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': key.inboxByNoticePartition(noticeId) },
      ExclusiveStartKey: position,
      Limit: limit,
    }),
  );
  return {
    rows: (out.Items ?? []).map((raw) => ({ residentId: String(raw.gsi1sk), entry: decodeInbox(raw) })),
    next: out.LastEvaluatedKey as Record<string, unknown> | undefined,
  };
}

export const decodeInboxItem = decodeInbox;

export const REACH_FIELDS = ['targeted', 'inboxWritten', 'pushed', 'delivered', 'skipped', 'failed', 'read'] as const;
export type ReachField = (typeof REACH_FIELDS)[number];

/** Reach counters are spread over a few items, so a big fan-out does not fight over one. */
export const REACH_SHARDS = 8;

/** ADD to a notice's reach counters, inside the transaction that made it true; `spread` picks the shard (a resident or row id). */
export const reachItem = (noticeId: string, counts: Partial<Record<ReachField, number>>, spread: string): Item => {
  const entries = Object.entries(counts);
  return {
    Update: {
      TableName: tableName(),
      Key: key.noticeReach(noticeId, shardOf(spread, REACH_SHARDS)),
      UpdateExpression: 'ADD ' + entries.map((_, i) => `#r${i} :r${i}`).join(', '),
      ExpressionAttributeNames: Object.fromEntries(entries.map(([f], i) => [`#r${i}`, `reach_${f}`])),
      ExpressionAttributeValues: Object.fromEntries(entries.map(([, n], i) => [`:r${i}`, n])),
    },
  };
};
