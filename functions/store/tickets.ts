// Rectification tickets (整改): county-wide in one partition (ids sort by
// time), a department's by GSI1, the unfinished ones by deadline on a sparse
// GSI2. A ticket change also updates the summary its rating shows the
// resident, in the same transaction.
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { BadReason, FollowUpView, RatingTarget, TicketStatus } from '../../shared/schemas/ratings';
import { ratingDeltas } from '../domain/satisfaction';
import { db, tableName } from './client';
import { decoder } from './entity';
import { key, skPrefix } from './keys';
import { queryPage, type Page, type PageRequest } from './page';
import { partition, queryAll } from './query';
import type { PersonRef, RatingRecord } from './ratings';
import { satisfactionUpdates } from './satisfaction';
import { transact, type Item } from './transact';

export interface TicketEventRecord {
  at: string;
  actor: string;
  action: string;
  note: string | null;
}

/** What the resident sees of the ticket on their rating. */
export interface TicketSummary {
  status: TicketStatus;
  dueOn: string | null;
  outcome: string | null;
  outcomeAt: string | null;
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

export const decodeTicket = decoder<TicketRecord>();

const FINISHED: readonly TicketStatus[] = ['closed', 'voided', 'withdrawn'];

const ticketItem = (t: TicketRecord) => ({
  ...key.ticket(t.id),
  ...key.ticketByDepartment(t.departmentId, t.id),
  // Sparse: a finished ticket leaves the open index.
  ...(FINISHED.includes(t.status) ? {} : key.openTicket(t.dueOn, t.id)),
  ...t,
});

/** A new ticket (no `expectedVersion`) or a change to the one seen at `expectedVersion`. */
export const ticketPut = (t: TicketRecord, expectedVersion?: number): Item => ({
  Put: {
    TableName: tableName(),
    Item: ticketItem(t),
    ConditionExpression: expectedVersion === undefined ? 'attribute_not_exists(pk)' : 'version = :v',
    ...(expectedVersion === undefined ? {} : { ExpressionAttributeValues: { ':v': expectedVersion } }),
  },
});

/** A change to a ticket still open and as seen (a replaced rating's untouched ticket). */
export const openTicketPut = (t: TicketRecord, expectedVersion: number): Item => ({
  Put: {
    TableName: tableName(),
    Item: ticketItem(t),
    ConditionExpression: '#status = :open AND version = :v',
    ExpressionAttributeNames: { '#status': 'status' },
    ExpressionAttributeValues: { ':open': 'open', ':v': expectedVersion },
  },
});

export async function getTicket(id: string): Promise<TicketRecord | undefined> {
  const out = await db().send(new GetCommand({ TableName: tableName(), Key: key.ticket(id) }));
  return out.Item ? decodeTicket(out.Item) : undefined;
}

/** Unfinished tickets, county-wide, earliest deadline first (GSI2, sparse). */
export async function listOpenTickets(): Promise<TicketRecord[]> {
  const items = await queryAll<Record<string, unknown>>({
    IndexName: 'gsi2',
    KeyConditionExpression: 'gsi2pk = :pk',
    ExpressionAttributeValues: { ':pk': key.openTicketsPartition },
  });
  return items.map(decodeTicket);
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
  return (out.Items ?? []).map(decodeTicket);
}

/** The newest tickets county-wide (ids sort by time). */
export async function listRecentTickets(limit: number): Promise<TicketRecord[]> {
  const out = await db().send(
    new QueryCommand({ TableName: tableName(), ...partition(key.ticketsPartition, skPrefix.ticket), ScanIndexForward: false, Limit: limit }),
  );
  return (out.Items ?? []).map(decodeTicket);
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
    ...(voidRating ? satisfactionUpdates(rating.month, ratingDeltas({ ...rating, agent: null }, -1)) : []),
    ...tell,
  ]);
  return failed.length ? 'stale' : 'saved';
}

/** A department's tickets, newest first, one page. */
export function pageDepartmentTickets(departmentId: string, req: PageRequest): Promise<Page<TicketRecord>> {
  return queryPage({ index: 'gsi1', partition: key.ticketByDepartment(departmentId, '').gsi1pk, newestFirst: true }, req, decodeTicket);
}

/** Every ticket county-wide, newest first, one page. */
export function pageAllTickets(req: PageRequest): Promise<Page<TicketRecord>> {
  return queryPage({ index: 'table', partition: key.ticketsPartition, skPrefix: skPrefix.ticket, newestFirst: true }, req, decodeTicket);
}

/** Unfinished tickets by deadline, one page of those `keep` accepts. */
export function pageOpenTickets(req: PageRequest, keep?: (t: TicketRecord) => boolean): Promise<Page<TicketRecord>> {
  return queryPage({ index: 'gsi2', partition: key.openTicketsPartition }, req, decodeTicket, keep);
}
