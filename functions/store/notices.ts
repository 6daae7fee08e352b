// Notices and their fan-out rows. Reach counters live on the notice item as
// `reach_<field>` and are only ever ADDed (by the fan-out, the sender and read
// receipts), so notice edits use Update, never Put.
import { PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { NoticeKind, NoticeStatus, NoticeTarget } from '../../shared/schemas/notices';
import { db, isConditionFailed, tableName } from './client';
import { decoder } from './entity';
import { key, skPrefix } from './keys';
import { REACH_FIELDS, type ReachField } from './reach';
import { queryPage, type Page, type PageRequest } from './page';
import { batchGetAll } from './batch';
import { transact } from './transact';

export interface NoticeRecord {
  id: string;
  kind: NoticeKind;
  title: string;
  body: string;
  attachmentKey: string | null;
  target: NoticeTarget;
  expiresOn: string | null;
  status: NoticeStatus;
  departmentId: string | null;
  author: { username: string; name: string };
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
  withdrawnAt: string | null;
  fanoutDone: boolean;
  version: number;
  reach: Record<ReachField, number>;
}

const zeroReach = () => Object.fromEntries(REACH_FIELDS.map((f) => [f, 0])) as Record<ReachField, number>;

/** The notice item alone (reach zero); `getNotice` adds the reach from its shards. */
const decodeNotice = decoder<NoticeRecord>((item) => ({ ...item, fanoutDone: item.fanoutDone === true, reach: zeroReach() }));

export async function createNotice(n: NoticeRecord): Promise<void> {
  const { reach: _reach, ...rest } = n;
  await db().send(
    new PutCommand({ TableName: tableName(), Item: { ...key.notice(n.id), ...key.noticeByTime(n.createdAt, n.id), ...rest }, ConditionExpression: 'attribute_not_exists(pk)' }),
  );
}

/** A notice with its reach: one Query of its partition (the notice, its fan-out row, its reach shards). */
export async function getNotice(id: string): Promise<NoticeRecord | undefined> {
  const out = await db().send(
    new QueryCommand({ TableName: tableName(), KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': key.notice(id).pk }, ConsistentRead: true }),
  );
  const items = out.Items ?? [];
  const main = items.find((i) => i.sk === key.notice(id).sk);
  if (!main) return undefined;
  const n = decodeNotice(main);
  for (const shard of items.filter((i) => String(i.sk).startsWith(skPrefix.reach))) {
    for (const f of REACH_FIELDS) n.reach[f] += Number(shard[`reach_${f}`] ?? 0);
  }
  return n;
}

/** Several notices at once (the feed hides withdrawn ones). */
export async function getNotices(ids: string[]): Promise<Map<string, NoticeRecord>> {
  const items = await batchGetAll([...new Set(ids)].map((id) => key.notice(id)));
  return new Map(items.map((i) => decodeNotice(i)).map((n) => [n.id, n]));
}

type Fields = Partial<Omit<NoticeRecord, 'id' | 'version' | 'reach' | 'createdAt'>>;

const setFields = (fields: Fields, version: number) => {
  const entries = Object.entries(fields).filter(([, v]) => v !== undefined);
  return {
    UpdateExpression: 'SET ' + [...entries.map((_, i) => `#f${i} = :v${i}`), 'version = :next'].join(', '),
    ConditionExpression: 'version = :seen',
    ExpressionAttributeNames: Object.fromEntries(entries.map(([k], i) => [`#f${i}`, k])),
    ExpressionAttributeValues: { ...Object.fromEntries(entries.map(([, v], i) => [`:v${i}`, v])), ':seen': version, ':next': version + 1 },
  };
};

/** Change a notice seen at `version`: 'stale' when someone changed it meanwhile. */
export async function updateNotice(id: string, version: number, fields: Fields): Promise<'saved' | 'stale'> {
  try {
    await db().send(new UpdateCommand({ TableName: tableName(), Key: key.notice(id), ...setFields(fields, version) }));
    return 'saved';
  } catch (err) {
    if (isConditionFailed(err)) return 'stale';
    throw err;
  }
}

/** Publish: the notice and its one fan-out row, due now, in one transaction. */
export async function publishNotice(id: string, version: number, at: string, fields: Fields): Promise<'saved' | 'stale'> {
  const fanout: FanoutRecord = { noticeId: id, state: 'pending', query: 0, position: null, dueAt: at, leaseOwner: null, pages: 0, createdAt: at };
  const { failed } = await transact(() => [
    { Update: { TableName: tableName(), Key: key.notice(id), ...setFields(fields, version) } },
    { Put: { TableName: tableName(), Item: { ...key.fanout(id), ...key.fanoutDue(at, id), ...fanout }, ConditionExpression: 'attribute_not_exists(pk)' } },
  ]);
  return failed.length ? 'stale' : 'saved';
}

/** Notices newest first, a page at a time (`keep` narrows to what the caller may see). */
export function pageNotices(req: PageRequest, keep: (n: NoticeRecord) => boolean): Promise<Page<NoticeRecord>> {
  return queryPage({ index: 'gsi1', partition: key.noticesPartition, newestFirst: true }, req, decodeNotice, keep);
}

// ---------------------------------------------------------------- fan-out rows

/** A notice's delivery to its audience, or (after a withdrawal) the retraction of what was delivered. */
export type FanoutKind = 'deliver' | 'retract';
const fanoutKey = (noticeId: string, kind: FanoutKind = 'deliver') => (kind === 'retract' ? key.retraction(noticeId) : key.fanout(noticeId));

export interface FanoutRecord {
  noticeId: string;
  /** Absent on delivery rows written before retraction existed. */
  kind?: FanoutKind;
  state: 'pending' | 'running' | 'done';
  /** Which of the notice's member Queries, and where in it, the next page starts. */
  query: number;
  position: Record<string, unknown> | null;
  dueAt: string;
  leaseOwner: string | null;
  pages: number;
  createdAt: string;
}

const decodeFanout = decoder<FanoutRecord>();

export async function listDueFanouts(now: string, limit = 20): Promise<FanoutRecord[]> {
  const out = await db().send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk AND gsi2sk <= :now',
      ExpressionAttributeValues: { ':pk': key.fanoutDuePartition, ':now': `${now}#\uffff` },
      Limit: limit,
    }),
  );
  return (out.Items ?? []).map(decodeFanout);
}

/** Claim a due fan-out (one job at a time); its due time moves to the lease's end. */
export async function claimFanout(f: FanoutRecord, owner: string, now: string, leaseUntil: string): Promise<FanoutRecord | undefined> {
  try {
    const out = await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: fanoutKey(f.noticeId, f.kind),
        UpdateExpression: 'SET #state = :running, dueAt = :lease, gsi2sk = :sk, leaseOwner = :owner',
        ConditionExpression: 'dueAt = :seen AND dueAt <= :now AND #state <> :done',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: {
          ':running': 'running', ':done': 'done', ':lease': leaseUntil, ':owner': owner, ':seen': f.dueAt, ':now': now,
          ':sk': key.fanoutDue(leaseUntil, f.noticeId).gsi2sk,
        },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return decodeFanout(out.Attributes ?? {});
  } catch (err) {
    if (isConditionFailed(err)) return undefined;
    throw err;
  }
}

/** Save where the fan-out got to (after a page) and extend the lease; false if another job took it over. */
export async function saveFanoutProgress(noticeId: string, owner: string, query: number, position: Record<string, unknown> | null, leaseUntil: string, kind: FanoutKind = 'deliver'): Promise<boolean> {
  try {
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: fanoutKey(noticeId, kind),
        UpdateExpression: 'SET #query = :q, #position = :p, dueAt = :lease, gsi2sk = :sk ADD pages :one',
        ConditionExpression: 'leaseOwner = :owner',
        ExpressionAttributeNames: { '#query': 'query', '#position': 'position' },
        ExpressionAttributeValues: { ':q': query, ':p': position, ':lease': leaseUntil, ':sk': key.fanoutDue(leaseUntil, noticeId).gsi2sk, ':owner': owner, ':one': 1 },
      }),
    );
    return true;
  } catch (err) {
    if (isConditionFailed(err)) return false;
    throw err;
  }
}

/** The fan-out is done: out of the due index; the notice says so (a delivery). */
export async function finishFanout(noticeId: string, owner: string, kind: FanoutKind = 'deliver'): Promise<void> {
  await transact(() => [
    {
      Update: {
        TableName: tableName(),
        Key: fanoutKey(noticeId, kind),
        UpdateExpression: 'SET #state = :done REMOVE gsi2pk, gsi2sk',
        ConditionExpression: 'leaseOwner = :owner',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':done': 'done', ':owner': owner },
      },
    },
    ...(kind === 'deliver'
      ? [{ Update: { TableName: tableName(), Key: key.notice(noticeId), UpdateExpression: 'SET fanoutDone = :t', ExpressionAttributeValues: { ':t': true } } }]
      : []),
  ]);
}

/** Withdraw: the notice and its retraction row, due now, in one transaction (the job takes the unread back off the counts). */
export async function withdrawNotice(id: string, version: number, at: string, fields: Fields): Promise<'saved' | 'stale'> {
  const row: FanoutRecord = { noticeId: id, kind: 'retract', state: 'pending', query: 0, position: null, dueAt: at, leaseOwner: null, pages: 0, createdAt: at };
  const { failed } = await transact(() => [
    { Update: { TableName: tableName(), Key: key.notice(id), ...setFields(fields, version) } },
    { Put: { TableName: tableName(), Item: { ...key.retraction(id), ...key.fanoutDue(at, id), ...row }, ConditionExpression: 'attribute_not_exists(pk)' } },
  ]);
  return failed.length ? 'stale' : 'saved';
}
