// Ratings, invitations, satisfaction counters and rectification tickets.
// A rating, its counters and its ticket change in one transaction, so the
// aggregates always equal the ratings without ever scanning them.
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { batchGetAll } from './batch';
import type { BadReason, FollowUpView, RatingTarget, TicketStatus } from '../../shared/schemas/ratings';
import type { LevelCounts } from '../domain/ratings';
import { db, tableName } from './client';
import { key, withoutKeys } from './keys';
import { queryAll } from './query';
import { queryPage, type List, type Page, type PageRequest } from './page';
import { transact, type Item } from './transact';

export interface PersonRef {
  username: string;
  name: string;
}

/** What a rating is about, captured when the case concluded or the visit was checked in. */
export interface RatingContext {
  targetType: RatingTarget;
  targetId: string;
  residentId: string;
  /** Case number or booking code. */
  reference: string;
  serviceCode: string;
  serviceName: string;
  departmentId: string;
  departmentName: string;
  /** The person who handled it (经办人). */
  responsible: PersonRef | null;
  /** The proxy agent, rated separately. */
  agent: PersonRef | null;
  townCode: string | null;
  concludedOn: string;
}

export interface InviteRecord extends RatingContext {
  dueOn: string;
}

export interface TicketSummary {
  status: TicketStatus;
  dueOn: string | null;
  outcome: string | null;
  outcomeAt: string | null;
}

export interface RatingRecord extends RatingContext {
  level: number;
  dimensions: { efficiency: number; attitude: number; service: number; convenience: number };
  reasons: BadReason[];
  comment: string | null;
  agentLevel: number | null;
  isDefault: boolean;
  ratedAt: string;
  /** The counters' month (YYYY-MM, Asia/Shanghai); a replacement stays in it. */
  month: string;
  ticketId: string | null;
  ticket: TicketSummary | null;
  voided: boolean;
  version: number;
}

export interface TicketEventRecord {
  at: string;
  actor: string;
  action: string;
  note: string | null;
}

export interface TicketRecord {
  id: string;
  targetType: RatingTarget;
  targetId: string;
  residentId: string;
  reference: string;
  serviceName: string;
  departmentId: string;
  departmentName: string;
  responsible: PersonRef | null;
  level: number;
  reasons: BadReason[];
  comment: string | null;
  status: TicketStatus;
  statusBeforeAppeal: TicketStatus | null;
  createdOn: string;
  dueOn: string | null;
  verification: string | null;
  rectification: string | null;
  followUp: { at: string; reached: boolean; residentView: FollowUpView | null; note: string } | null;
  outcome: string | null;
  outcomeAt: string | null;
  appeal: {
    reason: string;
    by: string;
    at: string;
    decision: 'upheld' | 'dismissed' | null;
    decisionNote: string | null;
    decidedBy: string | null;
  } | null;
  events: TicketEventRecord[];
  createdAt: string;
  updatedAt: string;
  version: number;
}

const FINISHED: readonly TicketStatus[] = ['closed', 'voided', 'withdrawn'];

const inviteItem = (i: InviteRecord) => ({
  ...key.rateInvite(i.targetType, i.targetId),
  ...key.rateInviteByResident(i.residentId, i.dueOn, i.targetId),
  ...key.rateInviteByDue(i.dueOn, i.targetType, i.targetId),
  ...i,
});

/** The invitation's Put, written in the same transaction as the conclusion or check-in. */
export const invitePut = (i: InviteRecord): Item => ({ Put: { TableName: tableName(), Item: inviteItem(i) } });

const ratingItem = (r: RatingRecord) => ({
  ...key.rating(r.targetType, r.targetId),
  ...key.ratingByResident(r.residentId, r.ratedAt, r.targetId),
  ...r,
});

const ticketItem = (t: TicketRecord) => ({
  ...key.ticket(t.id),
  ...key.ticketByDepartment(t.departmentId, t.id),
  // Sparse: a finished ticket leaves the open index.
  ...(FINISHED.includes(t.status) ? {} : key.openTicket(t.dueOn, t.id)),
  ...t,
});

// Counters -------------------------------------------------------------------

type Deltas = Map<string, { add: Record<string, number>; set: Record<string, string> }>;

function addDelta(d: Deltas, scope: string, attr: string, n: number, set: Record<string, string> = {}) {
  const entry = d.get(scope) ?? { add: {}, set: {} };
  entry.add[attr] = (entry.add[attr] ?? 0) + n;
  Object.assign(entry.set, set);
  d.set(scope, entry);
}

/** What one rating adds to (sign 1) or takes from (sign -1) each scope's counters. */
function ratingDeltas(r: RatingRecord, sign: 1 | -1, d: Deltas = new Map()): Deltas {
  const attr = r.isDefault ? 'defaults' : `l${r.level}`;
  addDelta(d, 'COUNTY', attr, sign);
  addDelta(d, `DEPT#${r.departmentId}`, attr, sign);
  if (r.responsible) {
    addDelta(d, `STAFF#${r.responsible.username}`, attr, sign, { staffName: r.responsible.name, departmentId: r.departmentId, departmentName: r.departmentName });
  }
  if (r.townCode) addDelta(d, `TOWN#${r.townCode}`, attr, sign);
  if (r.agent && r.agentLevel) addDelta(d, `STAFF#${r.agent.username}`, `l${r.agentLevel}`, sign, { staffName: r.agent.name, departmentName: '代办员' });
  return d;
}

function counterUpdates(month: string, d: Deltas): Item[] {
  const items: Item[] = [];
  for (const [scope, { add, set }] of d) {
    const adds = Object.entries(add).filter(([, n]) => n !== 0);
    if (!adds.length) continue;
    const sets = Object.entries(set);
    for (const period of [`M#${month}`, `Y#${month.slice(0, 4)}`]) {
      items.push({
        Update: {
          TableName: tableName(),
          Key: key.satisfaction(period, scope),
          UpdateExpression:
            `ADD ${adds.map((_, i) => `#a${i} :a${i}`).join(', ')}` + (sets.length ? ` SET ${sets.map((_, i) => `#s${i} = :s${i}`).join(', ')}` : ''),
          ExpressionAttributeNames: {
            ...Object.fromEntries(adds.map(([a], i) => [`#a${i}`, a])),
            ...Object.fromEntries(sets.map(([a], i) => [`#s${i}`, a])),
          },
          ExpressionAttributeValues: {
            ...Object.fromEntries(adds.map(([, n], i) => [`:a${i}`, n])),
            ...Object.fromEntries(sets.map(([, v], i) => [`:s${i}`, v])),
          },
        },
      });
    }
  }
  return items;
}

export interface SatisfactionItem extends LevelCounts {
  scope: string;
  staffName?: string;
  /** Staff rows: the department whose cases rated them (agents have none). */
  departmentId?: string;
  departmentName?: string;
  /** Valid complaints (查实有效) decided in the period: a flag on the dashboard. */
  validComplaints?: number;
}

/** Every scope's counters of one period (`M#YYYY-MM` or `Y#YYYY`): one Query. */
export async function getSatisfaction(period: string): Promise<SatisfactionItem[]> {
  const items = await queryAll<Record<string, unknown>>({
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': key.satisfactionPartition(period) },
  });
  return items.map((i) => ({ ...(withoutKeys(i) as object), scope: String(i.sk) }) as SatisfactionItem);
}

// Ratings ----------------------------------------------------------------------

/** The invitation, the rating and the idempotency key of one request: one BatchGet. */
export async function getRatingState(residentId: string, targetType: RatingTarget, targetId: string, idempotencyKey: string) {
  const keys = [key.rateInvite(targetType, targetId), key.rating(targetType, targetId), key.ratingIdempotency(residentId, idempotencyKey)];
  const found = await batchGetAll(keys);
  const pick = (k: { pk: string; sk: string }) => found.find((i) => i.pk === k.pk && i.sk === k.sk);
  const invite = pick(keys[0]!);
  const rating = pick(keys[1]!);
  const idem = pick(keys[2]!);
  return {
    invite: invite ? (withoutKeys(invite) as unknown as InviteRecord) : undefined,
    rating: rating ? (withoutKeys(rating) as unknown as RatingRecord) : undefined,
    replayOf: idem ? { targetType: idem.targetType as RatingTarget, targetId: String(idem.targetId) } : undefined,
  };
}

export async function getRating(targetType: RatingTarget, targetId: string): Promise<RatingRecord | undefined> {
  const out = await db().send(new GetCommand({ TableName: tableName(), Key: key.rating(targetType, targetId) }));
  return out.Item ? (withoutKeys(out.Item) as unknown as RatingRecord) : undefined;
}

const idempotencyPut = (r: RatingRecord, idempotencyKey: string): Item => ({
  Put: {
    TableName: tableName(),
    Item: { ...key.ratingIdempotency(r.residentId, idempotencyKey), targetType: r.targetType, targetId: r.targetId },
    ConditionExpression: 'attribute_not_exists(pk)',
  },
});

const ticketPut = (t: TicketRecord, expectedVersion?: number): Item => ({
  Put: {
    TableName: tableName(),
    Item: ticketItem(t),
    ConditionExpression: expectedVersion === undefined ? 'attribute_not_exists(pk)' : 'version = :v',
    ...(expectedVersion === undefined ? {} : { ExpressionAttributeValues: { ':v': expectedVersion } }),
  },
});

/**
 * A first rating: the key, the rating, the counters and (for a bad review)
 * its ticket, and the invitation goes. 'replay': the key was used; 'taken':
 * the case was rated meanwhile.
 */
export async function createRating(r: RatingRecord, idempotencyKey: string, ticket: TicketRecord | null): Promise<'created' | 'replay' | 'taken'> {
  const { failed } = await transact(() => [
    idempotencyPut(r, idempotencyKey),
    { Put: { TableName: tableName(), Item: ratingItem(r), ConditionExpression: 'attribute_not_exists(pk)' } },
    { Delete: { TableName: tableName(), Key: key.rateInvite(r.targetType, r.targetId) } },
    ...(ticket ? [ticketPut(ticket)] : []),
    ...counterUpdates(r.month, ratingDeltas(r, 1)),
  ]);
  if (!failed.length) return 'created';
  return failed.includes(0) ? 'replay' : 'taken';
}

/**
 * Replace a rating inside its change window: the counters move from the old
 * level to the new; the bad review's untouched ticket is updated, withdrawn
 * or opened. Each ticket change is conditional on the ticket still being open.
 */
export async function replaceRating(
  prev: RatingRecord,
  next: RatingRecord,
  idempotencyKey: string,
  ticket: { put?: TicketRecord; update?: { next: TicketRecord; expectedVersion: number } },
): Promise<'saved' | 'replay' | 'stale'> {
  const ticketItems: Item[] = [];
  if (ticket.put) ticketItems.push(ticketPut(ticket.put));
  if (ticket.update) {
    ticketItems.push({
      Put: {
        TableName: tableName(),
        Item: ticketItem(ticket.update.next),
        ConditionExpression: '#status = :open AND version = :v',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':open': 'open', ':v': ticket.update.expectedVersion },
      },
    });
  }
  const { failed } = await transact(() => [
    idempotencyPut(next, idempotencyKey),
    {
      Put: {
        TableName: tableName(),
        Item: ratingItem(next),
        ConditionExpression: 'version = :v',
        ExpressionAttributeValues: { ':v': prev.version },
      },
    },
    ...ticketItems,
    ...counterUpdates(prev.month, ratingDeltas(next, 1, ratingDeltas(prev, -1))),
  ]);
  if (!failed.length) return 'saved';
  return failed.includes(0) ? 'replay' : 'stale';
}

/** A default rating after 7 days of silence; the invitation must still be there (nobody rated meanwhile). */
export async function recordDefaultRating(r: RatingRecord): Promise<'recorded' | 'skipped'> {
  const { failed } = await transact(() => [
    { Put: { TableName: tableName(), Item: ratingItem(r), ConditionExpression: 'attribute_not_exists(pk)' } },
    { Delete: { TableName: tableName(), Key: key.rateInvite(r.targetType, r.targetId), ConditionExpression: 'attribute_exists(pk)' } },
    ...counterUpdates(r.month, ratingDeltas(r, 1)),
  ]);
  return failed.length ? 'skipped' : 'recorded';
}

export async function listResidentRatings(residentId: string): Promise<RatingRecord[]> {
  const items = await queryAll<Record<string, unknown>>({
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': key.ratingByResident(residentId, '', '').gsi1pk },
  });
  return items.map((i) => withoutKeys(i) as unknown as RatingRecord);
}

export async function listResidentInvites(residentId: string): Promise<InviteRecord[]> {
  const items = await queryAll<Record<string, unknown>>({
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': key.rateInviteByResident(residentId, '', '').gsi1pk },
  });
  return items.map((i) => withoutKeys(i) as unknown as InviteRecord);
}

/** Invitations whose last day is before `date`. */
export async function listInvitesDueBefore(date: string): Promise<InviteRecord[]> {
  const items = await queryAll<Record<string, unknown>>({
    IndexName: 'gsi2',
    KeyConditionExpression: 'gsi2pk = :pk AND gsi2sk < :before',
    ExpressionAttributeValues: { ':pk': key.rateDuePartition, ':before': date },
  });
  return items.map((i) => withoutKeys(i) as unknown as InviteRecord);
}

// Tickets ----------------------------------------------------------------------

export async function getTicket(id: string): Promise<TicketRecord | undefined> {
  const out = await db().send(new GetCommand({ TableName: tableName(), Key: key.ticket(id) }));
  return out.Item ? (withoutKeys(out.Item) as unknown as TicketRecord) : undefined;
}

/** Unfinished tickets, county-wide, earliest deadline first (GSI2, sparse). */
export async function listOpenTickets(): Promise<TicketRecord[]> {
  const items = await queryAll<Record<string, unknown>>({
    IndexName: 'gsi2',
    KeyConditionExpression: 'gsi2pk = :pk',
    ExpressionAttributeValues: { ':pk': key.openTicketsPartition },
  });
  return items.map((i) => withoutKeys(i) as unknown as TicketRecord);
}

export async function listDepartmentTickets(departmentId: string, limit = 100): Promise<TicketRecord[]> {
  const out = await db().send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': key.ticketByDepartment(departmentId, '').gsi1pk },
      ScanIndexForward: false,
      Limit: limit,
    }),
  );
  return (out.Items ?? []).map((i) => withoutKeys(i) as unknown as TicketRecord);
}

/** The newest tickets county-wide (ids sort by time). */
export async function listRecentTickets(limit: number): Promise<TicketRecord[]> {
  const out = await db().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :t)',
      ExpressionAttributeValues: { ':pk': key.ticketsPartition, ':t': 'TICKET#' },
      ScanIndexForward: false,
      Limit: limit,
    }),
  );
  return (out.Items ?? []).map((i) => withoutKeys(i) as unknown as TicketRecord);
}

/**
 * Save a ticket seen at `expectedVersion` and show the resident its state on
 * their rating; an upheld appeal also takes the review out of the counters.
 */
export async function saveTicket(next: TicketRecord, expectedVersion: number, rating: RatingRecord, voidRating = false, tell: Item[] = []): Promise<'saved' | 'stale'> {
  const summary: TicketSummary = { status: next.status, dueOn: next.dueOn, outcome: next.outcome, outcomeAt: next.outcomeAt };
  const { failed } = await transact(() => [
    ticketPut(next, expectedVersion),
    {
      Update: {
        TableName: tableName(),
        Key: key.rating(rating.targetType, rating.targetId),
        UpdateExpression: voidRating ? 'SET ticket = :t, voided = :yes' : 'SET ticket = :t',
        ConditionExpression: 'ticketId = :id',
        ExpressionAttributeValues: { ':t': summary, ':id': next.id, ...(voidRating ? { ':yes': true } : {}) },
      },
    },
    ...(voidRating ? counterUpdates(rating.month, ratingDeltas({ ...rating, agent: null }, -1)) : []),
    ...tell,
  ]);
  return failed.length ? 'stale' : 'saved';
}

// Pages ------------------------------------------------------------------------

const decodeTicket = (raw: Record<string, unknown>) => withoutKeys(raw) as unknown as TicketRecord;

/** A resident's ratings, newest first, one page. */
export function pageResidentRatings(residentId: string, req: PageRequest): Promise<Page<RatingRecord>> {
  const list: List = { index: 'gsi1', partition: key.ratingByResident(residentId, '', '').gsi1pk, newestFirst: true };
  return queryPage(list, req, (raw) => withoutKeys(raw) as unknown as RatingRecord);
}

/** A department's tickets, newest first, one page. */
export function pageDepartmentTickets(departmentId: string, req: PageRequest): Promise<Page<TicketRecord>> {
  return queryPage({ index: 'gsi1', partition: key.ticketByDepartment(departmentId, '').gsi1pk, newestFirst: true }, req, decodeTicket);
}

/** Every ticket county-wide, newest first, one page. */
export function pageAllTickets(req: PageRequest): Promise<Page<TicketRecord>> {
  return queryPage({ index: 'table', partition: key.ticketsPartition, skPrefix: 'TICKET#', newestFirst: true }, req, decodeTicket);
}

/** Unfinished tickets by deadline, one page of those `keep` accepts. */
export function pageOpenTickets(req: PageRequest, keep?: (t: TicketRecord) => boolean): Promise<Page<TicketRecord>> {
  return queryPage({ index: 'gsi2', partition: key.openTicketsPartition }, req, decodeTicket, keep);
}
