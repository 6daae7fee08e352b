// Ratings and the invitations to rate. A rating, its satisfaction counters
// (satisfaction.ts) and its bad review's ticket (tickets.ts) change in one
// transaction, so the aggregates always equal the ratings.
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { BadReason, RatingTarget } from '../../shared/schemas/ratings';
import { ratingDeltas, replacementDeltas } from '../domain/satisfaction';
import { batchGetAll } from './batch';
import { db, tableName } from './client';
import { decoder } from './entity';
import { key } from './keys';
import { queryPage, type List, type Page, type PageRequest } from './page';
import { queryAll } from './query';
import { satisfactionUpdates } from './satisfaction';
import { openTicketPut, ticketPut, type TicketRecord, type TicketSummary } from './tickets';
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

const inviteItem = (i: InviteRecord) => ({
  ...key.rateInvite(i.targetType, i.targetId),
  ...key.rateInviteByResident(i.residentId, i.dueOn, i.targetId),
  ...key.rateInviteByDue(i.dueOn, i.targetType, i.targetId),
  ...i,
});

export const decodeInvite = decoder<InviteRecord>();
export const decodeRating = decoder<RatingRecord>();

/** The invitation's Put, written in the same transaction as the conclusion or check-in. */
export const invitePut = (i: InviteRecord): Item => ({ Put: { TableName: tableName(), Item: inviteItem(i) } });

const ratingItem = (r: RatingRecord) => ({
  ...key.rating(r.targetType, r.targetId),
  ...key.ratingByResident(r.residentId, r.ratedAt, r.targetId),
  ...r,
});

/** The invitation, the rating and the idempotency key of one request: one BatchGet. */
export async function getRatingState(residentId: string, targetType: RatingTarget, targetId: string, idempotencyKey: string) {
  const keys = [key.rateInvite(targetType, targetId), key.rating(targetType, targetId), key.ratingIdempotency(residentId, idempotencyKey)];
  const found = await batchGetAll(keys);
  const pick = (k: { pk: string; sk: string }) => found.find((i) => i.pk === k.pk && i.sk === k.sk);
  const invite = pick(keys[0]!);
  const rating = pick(keys[1]!);
  const idem = pick(keys[2]!);
  return {
    invite: invite ? decodeInvite(invite) : undefined,
    rating: rating ? decodeRating(rating) : undefined,
    replayOf: idem ? { targetType: idem.targetType as RatingTarget, targetId: String(idem.targetId) } : undefined,
  };
}

export async function getRating(targetType: RatingTarget, targetId: string): Promise<RatingRecord | undefined> {
  const out = await db().send(new GetCommand({ TableName: tableName(), Key: key.rating(targetType, targetId) }));
  return out.Item ? decodeRating(out.Item) : undefined;
}

const idempotencyPut = (r: RatingRecord, idempotencyKey: string): Item => ({
  Put: {
    TableName: tableName(),
    Item: { ...key.ratingIdempotency(r.residentId, idempotencyKey), targetType: r.targetType, targetId: r.targetId },
    ConditionExpression: 'attribute_not_exists(pk)',
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
    ...satisfactionUpdates(r.month, ratingDeltas(r, 1)),
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
  const ticketItems: Item[] = [
    ...(ticket.put ? [ticketPut(ticket.put)] : []),
    ...(ticket.update ? [openTicketPut(ticket.update.next, ticket.update.expectedVersion)] : []),
  ];
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
    ...satisfactionUpdates(prev.month, replacementDeltas(prev, next)),
  ]);
  if (!failed.length) return 'saved';
  return failed.includes(0) ? 'replay' : 'stale';
}

/** A default rating after 7 days of silence; the invitation must still be there (nobody rated meanwhile). */
export async function recordDefaultRating(r: RatingRecord): Promise<'recorded' | 'skipped'> {
  const { failed } = await transact(() => [
    { Put: { TableName: tableName(), Item: ratingItem(r), ConditionExpression: 'attribute_not_exists(pk)' } },
    { Delete: { TableName: tableName(), Key: key.rateInvite(r.targetType, r.targetId), ConditionExpression: 'attribute_exists(pk)' } },
    ...satisfactionUpdates(r.month, ratingDeltas(r, 1)),
  ]);
  return failed.length ? 'skipped' : 'recorded';
}

export async function listResidentRatings(residentId: string): Promise<RatingRecord[]> {
  const items = await queryAll<Record<string, unknown>>({
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': key.ratingByResident(residentId, '', '').gsi1pk },
  });
  return items.map(decodeRating);
}

export async function listResidentInvites(residentId: string): Promise<InviteRecord[]> {
  const items = await queryAll<Record<string, unknown>>({
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': key.rateInviteByResident(residentId, '', '').gsi1pk },
  });
  return items.map(decodeInvite);
}

/** Invitations whose last day is before `date`. */
export async function listInvitesDueBefore(date: string): Promise<InviteRecord[]> {
  const items = await queryAll<Record<string, unknown>>({
    IndexName: 'gsi2',
    KeyConditionExpression: 'gsi2pk = :pk AND gsi2sk < :before',
    ExpressionAttributeValues: { ':pk': key.rateDuePartition, ':before': date },
  });
  return items.map(decodeInvite);
}

/** A resident's ratings, newest first, one page. */
export function pageResidentRatings(residentId: string, req: PageRequest): Promise<Page<RatingRecord>> {
  const list: List = { index: 'gsi1', partition: key.ratingByResident(residentId, '', '').gsi1pk, newestFirst: true };
  return queryPage(list, req, decodeRating);
}

