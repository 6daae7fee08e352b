// A resident's in-app inbox: entries newest last under one partition, the
// unread count beside them. Entries are written with the change that causes
// them (outbox.ts `pushItems`); reading, retracting and expiring each move
// the count once.
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { InboxKind, PushMessage } from '../domain/messages';
import { db, tableName } from './client';
import { decoder } from './entity';
import { key, skPrefix } from './keys';
import { queryPage, type Page, type PageRequest } from './page';
import { transact, type Item } from './transact';

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

/** Inbox ids sort by time and name their cause: `20261201T045000000Z-appt-cancel-…`. */
export const inboxId = (at: string, causeId: string) => `${at.replace(/[-:.]/g, '')}-${causeId}`;

export const decodeInbox = decoder<InboxRecord>();

/** The entries telling a resident `msgs` and one update of the unread count (a transaction may touch an item once). */
export function inboxItems(residentId: string, msgs: PushMessage[], at: string): Item[] {
  if (!msgs.length) return [];
  return [
    ...msgs.map((msg): Item => {
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
      const byNotice = entry.noticeId ? key.inboxByNotice(entry.noticeId, residentId) : {};
      return { Put: { TableName: tableName(), Item: { ...key.inboxMessage(residentId, entry.id), ...byNotice, ...entry }, ConditionExpression: 'attribute_not_exists(pk)' } };
    }),
    { Update: { TableName: tableName(), Key: key.inboxCounter(residentId), UpdateExpression: 'ADD unread :n', ExpressionAttributeValues: { ':n': msgs.length } } },
  ];
}

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

/** A resident's inbox, newest first, a page at a time; expired notices left out (the unread ones among them are handed to `onExpiredUnread`, to come off the count). */
export function pageInbox(residentId: string, req: PageRequest, now: string, onExpiredUnread: (m: InboxRecord) => void = () => undefined): Promise<Page<InboxRecord>> {
  return queryPage(
    { index: 'table', partition: key.inboxPartition(residentId), skPrefix: skPrefix.message, newestFirst: true },
    req,
    decodeInbox,
    (m) => {
      const live = !m.expiresAt || m.expiresAt > now;
      if (!live && m.readAt === null && !m.uncountedAt) onExpiredUnread(m);
      return live;
    },
  );
}
