// Demands (诉求): the demand item and its append-only events share a
// partition; open demands have a pointer in their queue (intake, returns, a
// department) and in their domain (merge candidates); every change is one
// transaction guarded by the version the actor saw, with the running counters
// of the month (demand-stats.ts) ADDed in the same transaction.
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { DemandChannel, DemandDomain, DemandGrade, DemandSatisfaction, DemandState, DemandType } from '../../shared/schemas/demands';
import { bucketOf, OPEN_DEMAND_STATES, type CounterUpdate, type Pause } from '../domain/demands';
import { isPublicDemand } from '../domain/open311';
import { batchGetAll } from './batch';
import { db, tableName } from './client';
import { decoder } from './entity';
import { key, skPrefix } from './keys';
import { queryPage, type List, type Page, type PageRequest } from './page';
import { partition, queryAll } from './query';
import { counterUpdates } from './demand-stats';
import { transact, type Item } from './transact';
import { resolvedVisitAdds, type VisitLink } from './coverage';

export interface DemandReplyRecord {
  at: string;
  text: string;
  result: string;
  photoKeys: string[];
  by: string;
}

export interface DemandEvaluationRecord {
  at: string;
  solved: boolean;
  satisfaction: DemandSatisfaction;
  comment: string | null;
  isDefault: boolean;
  final: boolean;
}

export interface DemandRecord {
  id: string;
  number: string;
  /** The reporter's account (null for a hotline caller without one). */
  residentId: string | null;
  reporter: { name: string; phone: string | null };
  anonymous: boolean;
  type: DemandType;
  domain: DemandDomain;
  grade: DemandGrade;
  channel: DemandChannel;
  text: string;
  photoKeys: string[];
  regionCode: string;
  townCode: string | null;
  point: { lat: number; lng: number; address?: string } | null;
  state: DemandState;
  departmentId: string | null;
  departmentName: string | null;
  departmentPhone: string | null;
  handler: { username: string; name: string; phone: string | null } | null;
  /** The staff member who entered it (another channel), if any. */
  intakeBy: string | null;
  binding: boolean;
  returnedBy: string[];
  clockStartedAt: string | null;
  assignedAt: string | null;
  limitDays: number | null;
  firstLimitDays: number | null;
  phase: 'first' | 'redo' | 'reopen';
  signedAt: string | null;
  repliedAt: string | null;
  pauses: Pause[];
  extension: { days: number; reason: string; status: 'requested' | 'approved' | 'denied'; requestedAt: string } | null;
  replies: DemandReplyRecord[];
  evaluations: DemandEvaluationRecord[];
  redone: boolean;
  reopened: number;
  defaultClosed: boolean;
  parentId: string | null;
  mergedCount: number;
  /** Replied: the last day to evaluate. Awaiting the resident: the day after which the clock resumes by itself. */
  evalDueOn: string | null;
  resumeAfter: string | null;
  filedAt: string;
  closedAt: string | null;
  updatedAt: string;
  version: number;
  /** Filed during a 包联 contact: its conclusion counts as resolved in that visit's coverage. */
  visit?: VisitLink | null;
}

export interface DemandEventRecord {
  at: string;
  actor: string;
  role: string;
  action: string;
  from: DemandState | null;
  to: DemandState | null;
  note: string | null;
}

const decode = decoder<DemandRecord>();
const decodeEvent = decoder<DemandEventRecord>();
const isOpen = (s: DemandState) => OPEN_DEMAND_STATES.includes(s);

function demandItem(d: DemandRecord) {
  return {
    ...key.demand(d.id),
    ...(d.residentId ? key.demandByReporter(d.residentId, d.filedAt, d.id) : {}),
    ...(d.state === 'replied' && d.evalDueOn ? key.demandDue('EVAL', d.evalDueOn, d.id) : {}),
    ...(d.state === 'awaiting_resident' && d.resumeAfter ? key.demandDue('RESUME', d.resumeAfter, d.id) : {}),
    ...d,
  };
}

const put = (Item: Record<string, unknown>, ConditionExpression?: string): Item => ({ Put: { TableName: tableName(), Item, ...(ConditionExpression ? { ConditionExpression } : {}) } });
const del = (Key: Record<string, unknown>): Item => ({ Delete: { TableName: tableName(), Key } });

/** `first`: the sequence of the first event; another demand's event on this one (a merge) takes 50+ so it never meets the parent's own. */
const eventPuts = (id: string, events: DemandEventRecord[], first = 0): Item[] =>
  events.map((e, i) => put({ ...key.demandEvent(id, e.at, first + i), ...e }, 'attribute_not_exists(pk)'));

/** Create a demand with its first events and counters; 'replay' when the idempotency key was used before. */
export async function createDemand(d: DemandRecord, owner: string, idempotencyKey: string, events: DemandEventRecord[], month: string, counters: CounterUpdate[]): Promise<'created' | 'replay'> {
  const bucket = bucketOf(d);
  const { failed } = await transact(() => [
    put({ ...key.demandIdempotency(owner, idempotencyKey), demandId: d.id }, 'attribute_not_exists(pk)'),
    put(demandItem(d), 'attribute_not_exists(pk)'),
    ...(bucket ? [put({ ...key.openDemand(bucket, d.id), demandId: d.id })] : []),
    ...(isOpen(d.state) ? [put({ ...key.demandByDomain(d.domain, d.filedAt, d.id), demandId: d.id })] : []),
    ...(isPublicDemand(d) ? [put({ ...key.publicDemand(d.filedAt, d.id), demandId: d.id })] : []),
    ...eventPuts(d.id, events),
    ...counterUpdates(month, counters),
  ]);
  return failed.length ? 'replay' : 'created';
}

export async function getDemandIdByIdempotencyKey(owner: string, idempotencyKey: string): Promise<string | undefined> {
  const out = await db().send(new GetCommand({ TableName: tableName(), Key: key.demandIdempotency(owner, idempotencyKey) }));
  return out.Item?.demandId as string | undefined;
}

export async function getDemand(id: string): Promise<DemandRecord | undefined> {
  const out = await db().send(new GetCommand({ TableName: tableName(), Key: key.demand(id) }));
  return out.Item ? decode(out.Item) : undefined;
}

export async function getDemands(ids: string[]): Promise<DemandRecord[]> {
  return (await batchGetAll(ids.map((id) => key.demand(id)))).map(decode);
}

/** The demand and its timeline in one Query. */
export async function getDemandWithEvents(id: string): Promise<{ demand: DemandRecord; events: DemandEventRecord[] } | undefined> {
  const items = await queryAll<Record<string, unknown>>(partition(key.demandPartition(id)));
  const d = items.find((i) => i.sk === key.demand(id).sk);
  if (!d) return undefined;
  const events = items.filter((i) => String(i.sk).startsWith(skPrefix.event)).map(decodeEvent);
  return { demand: decode(d), events };
}

/** A resident's demands, newest first, one page. */
export const listReporterDemands = (residentId: string, page: PageRequest): Promise<Page<DemandRecord>> =>
  queryPage({ index: 'gsi1', partition: key.demandsOfReporter(residentId), newestFirst: true }, page, decode);

/** The demands a Query of pointers (`demandId`) names: the Query to its end, then BatchGets. */
const pointedTo = async (query: Parameters<typeof queryAll>[0]) => getDemands((await queryAll<{ demandId: string }>(query)).map((p) => p.demandId));

/** Open demands of one queue (a `demandQueue` bucket) or all. */
export const listOpenDemands = (bucket?: string): Promise<DemandRecord[]> =>
  pointedTo(partition(key.openDemandsPartition, bucket ? `${bucket}#` : undefined));

/** Open demands of a domain filed since `since` (merge candidates). */
export const listRecentOfDomain = (domain: DemandDomain, since: string): Promise<DemandRecord[]> =>
  pointedTo({ KeyConditionExpression: 'pk = :pk AND sk >= :since', ExpressionAttributeValues: { ':pk': key.demandsOfDomain(domain), ':since': since } });

/** Replied demands past their days to evaluate, or paused ones past their auto-resume day (the sweep). */
export async function listDemandsDue(kind: 'EVAL' | 'RESUME', before: string): Promise<DemandRecord[]> {
  const items = await queryAll<Record<string, unknown>>({
    IndexName: 'gsi2', KeyConditionExpression: 'gsi2pk = :pk AND gsi2sk < :before', ExpressionAttributeValues: { ':pk': key.demandDuePartition(kind), ':before': before },
  });
  return items.map(decode);
}

/** One page of pointers (`demandId`), then one BatchGet of their demands. */
async function pageOfPointers(list: List, req: PageRequest): Promise<Page<DemandRecord>> {
  const pointers = await queryPage(list, req, (raw) => String(raw.demandId));
  return { items: await getDemands(pointers.items), nextCursor: pointers.nextCursor };
}

/** Open demands of one queue (a `demandQueue` bucket) or all, one page. */
export const pageOpenDemands = (bucket: string | undefined, req: PageRequest): Promise<Page<DemandRecord>> =>
  pageOfPointers({ index: 'table', partition: key.openDemandsPartition, ...(bucket ? { skPrefix: `${bucket}#` } : {}) }, req);

/** Demands closed by default, newest first (the supervisor's list), one page. */
export const pageDefaultClosed = (req: PageRequest): Promise<Page<DemandRecord>> =>
  pageOfPointers({ index: 'table', partition: key.defaultClosedDemandsPartition, newestFirst: true }, req);

export interface SaveExtras {
  month: string;
  counters: CounterUpdate[];
  /** Merge: the parent gains a reporter and an event. */
  parent?: { id: string; event: DemandEventRecord };
  /** What tells the reporter (outbox + inbox items, functions/store/outbox.ts `pushItems`), written with the change. */
  tell?: Item[];
}

/**
 * Save a changed demand seen at `expectedVersion` with its events; move its
 * queue pointers; ADD the counters. 'stale' when someone else changed it first.
 */
export async function saveDemand(prev: DemandRecord, next: DemandRecord, events: DemandEventRecord[], extras: SaveExtras): Promise<'saved' | 'stale'> {
  const [from, to] = [bucketOf(prev), bucketOf(next)];
  // A demand raised during a 包联 contact, concluded: resolved in that visit's coverage, once.
  const resolved = next.state === 'closed' && prev.state !== 'closed' ? resolvedVisitAdds(next.visit) : [];
  const saved = resolved.length ? { ...next, visit: { ...next.visit!, resolvedCounted: true } } : next;
  const items: Item[] = [
    { Put: { TableName: tableName(), Item: demandItem(saved), ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': prev.version } } },
    ...resolved,
    ...eventPuts(next.id, events),
  ];
  if (from !== to) {
    if (from) items.push(del(key.openDemand(from, next.id)));
    if (to) items.push(put({ ...key.openDemand(to, next.id), demandId: next.id }));
  }
  if (isOpen(prev.state) && !isOpen(next.state)) items.push(del(key.demandByDomain(next.domain, next.filedAt, next.id)));
  if (!isOpen(prev.state) && isOpen(next.state)) items.push(put({ ...key.demandByDomain(next.domain, next.filedAt, next.id), demandId: next.id }));
  if (next.defaultClosed && !prev.defaultClosed && next.closedAt) items.push(put({ ...key.defaultClosedDemand(next.closedAt, next.id), demandId: next.id }));
  if (extras.parent) {
    items.push({
      Update: {
        TableName: tableName(), Key: key.demand(extras.parent.id), UpdateExpression: 'ADD mergedCount :one',
        ConditionExpression: 'attribute_exists(pk)', ExpressionAttributeValues: { ':one': 1 },
      },
    });
    items.push(...eventPuts(extras.parent.id, [extras.parent.event], 50));
  }
  items.push(...(extras.tell ?? []), ...counterUpdates(extras.month, extras.counters));
  const { failed } = await transact(() => items);
  return failed.length ? 'stale' : 'saved';
}

/** Public demands filed in [from, to], newest first, at most `limit` (the Open311 feed): 1 Query + BatchGets. */
export async function listPublicDemands(from: string, to: string, limit: number): Promise<DemandRecord[]> {
  const out = await db().send(new QueryCommand({
    TableName: tableName(), KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
    ExpressionAttributeValues: { ':pk': key.publicDemandsPartition, ':from': from, ':to': `${to}#~` },
    ScanIndexForward: false, Limit: limit,
  }));
  const demands = await getDemands((out.Items ?? []).map((i) => String(i.demandId)));
  return demands.sort((a, b) => b.filedAt.localeCompare(a.filedAt));
}
