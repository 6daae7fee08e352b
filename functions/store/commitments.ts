// Service-commitment cards (承诺卡). A card is one item holding its 3–5
// commitments with their progress and results (a card is small and changes a
// few times a week); beside it, pointers by region (the public page) and by
// deadline while open (the overdue count), and the residents' ratings.
import { randomBytes } from 'node:crypto';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { PageRequest, Page } from './page';
import { queryPage } from './page';
import { batchGetAll } from './batch';
import { db, tableName } from './client';
import { decoder } from './entity';
import { key } from './keys';
import { scope } from '../domain/scopes';
import { transact, type Item } from './transact';

export interface CommitmentRecord {
  n: number;
  problem: string;
  owner: string;
  target: string;
  workingDays: number;
  regionCode: string;
  regionName: string;
  dueOn: string | null;
  status: 'open' | 'done';
  progress: { at: string; on: string; text: string; by: string }[];
  result: { at: string; on: string; text: string; by: string; photoKeys: string[] } | null;
}

export interface CardRecord {
  id: string;
  title: string;
  owner: { kind: 'cadre' | 'department'; name: string; username: string | null; departmentId: string | null };
  author: { username: string; name: string };
  postedAt: string;
  postedOn: string;
  commitments: CommitmentRecord[];
  version: number;
  updatedAt: string;
}

/** Level counts per commitment: `n<n>_l<level>`. */
export type RatingCounts = Record<string, number>;
export interface CardWithRatings {
  card: CardRecord;
  counts: RatingCounts;
}

/** Time-ordered, unguessable card ids (the lists sort by them): 20261201T104250-3fa9c1. */
export const newCardId = (postedAt: Date) => `${postedAt.toISOString().replace(/[-:]/g, '').slice(0, 15)}-${randomBytes(3).toString('hex')}`;

/** The owner a card is listed under: a cadre's as a staff member, a department's as the department. */
export const ownerKeyOf = (o: Omit<CardRecord['owner'], 'name'>): string => (o.kind === 'cadre' ? scope.staff(o.username!) : scope.dept(o.departmentId!));

const decodeCard = decoder<CardRecord>();
const decodeCounts = (raw: Record<string, unknown> | undefined): RatingCounts => {
  const out: RatingCounts = {};
  for (const [k, v] of Object.entries(raw ?? {})) if (/^n\d_l\d$/.test(k)) out[k] = Number(v);
  return out;
};

const cardItem = (c: CardRecord) => ({ ...key.card(c.id), ...key.cardByOwner(ownerKeyOf(c.owner), c.id), ...key.cardByTime(c.id), ...c });
const put = (Item: Record<string, unknown>, ConditionExpression?: string): Item => ({ Put: { TableName: tableName(), Item, ...(ConditionExpression ? { ConditionExpression } : {}) } });

/**
 * Post a card once per idempotency key: the key, the card, a pointer per
 * region it concerns and per open commitment, in one transaction. 'replay'
 * with the first card's id when the key was used before.
 */
export async function createCard(c: CardRecord, idempotencyKey: string): Promise<{ outcome: 'created' } | { outcome: 'replay'; id: string | undefined }> {
  const idem = key.cardIdempotency(c.author.username, idempotencyKey);
  const regions = [...new Set(c.commitments.map((m) => m.regionCode))];
  const { failed } = await transact(() => [
    put({ ...idem, cardId: c.id, createdAt: c.postedAt }, 'attribute_not_exists(pk)'),
    put(cardItem(c), 'attribute_not_exists(pk)'),
    ...regions.map((r) => put({ ...key.cardByRegion(r, c.id), cardId: c.id })),
    ...c.commitments.filter((m) => m.status === 'open').map((m) => put({ ...key.openCommitment(m.dueOn, c.id, m.n), cardId: c.id, n: m.n })),
  ]);
  if (!failed.length) return { outcome: 'created' };
  const out = await batchGetAll([idem]);
  return { outcome: 'replay', id: out[0]?.cardId as string | undefined };
}

/** Cards with their rating counters, one BatchGet (per 50 cards). */
export async function getCards(ids: string[]): Promise<CardWithRatings[]> {
  const items = await batchGetAll(ids.flatMap((id) => [key.card(id), key.commitmentRatingCounts(id)]));
  const counts = new Map(items.filter((i) => i.sk === key.commitmentRatingCounts('').sk).map((i) => [String(i.pk), decodeCounts(i)]));
  return items
    .filter((i) => i.sk === key.card('').sk)
    .map((i) => ({ card: decodeCard(i), counts: counts.get(String(i.pk)) ?? {} }))
    .sort((a, b) => b.card.id.localeCompare(a.card.id));
}

/** Cards already read (a page of a list) with their rating counters: one BatchGet. */
export async function withRatings(cards: CardRecord[]): Promise<CardWithRatings[]> {
  const items = await batchGetAll(cards.map((c) => key.commitmentRatingCounts(c.id)));
  const counts = new Map(items.map((i) => [String(i.pk), decodeCounts(i)]));
  return cards.map((card) => ({ card, counts: counts.get(key.card(card.id).pk) ?? {} }));
}

export const getCard = async (id: string): Promise<CardWithRatings | undefined> => (await getCards([id]))[0];

/**
 * Save a changed card seen at `version`; `closed` commitments (just done) lose
 * their open pointer in the same transaction. 'stale' when someone changed it meanwhile.
 */
export async function saveCard(next: CardRecord, seen: number, closed: CommitmentRecord[] = []): Promise<'saved' | 'stale'> {
  const { failed } = await transact(() => [
    { Put: { TableName: tableName(), Item: cardItem(next), ConditionExpression: 'version = :seen', ExpressionAttributeValues: { ':seen': seen } } },
    ...closed.map((m) => ({ Delete: { TableName: tableName(), Key: key.openCommitment(m.dueOn, next.id, m.n) } })),
  ]);
  return failed.length ? 'stale' : 'saved';
}

/** The cards about a region (a village: its own; a town: everything in it), newest first; bounded by the county's few cards a village. */
export async function listCardIdsOfRegion(regionCode: string, limit = 100): Promise<string[]> {
  const town = regionCode.length <= 9;
  const out = await db().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: town ? 'pk = :pk' : 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': key.cardsOfTown(regionCode), ...(town ? {} : { ':prefix': `${regionCode}#` }) },
      // Newest first within a village (ids sort by time), so the limit drops the oldest.
      ScanIndexForward: false,
      Limit: limit,
    }),
  );
  const ids = (out.Items ?? []).map((i) => String(i.cardId));
  return [...new Set(ids)].sort().reverse();
}

/** A page of one owner's cards (or all cards), newest first. */
export async function pageCards(owner: string | 'all', req: PageRequest): Promise<Page<CardRecord>> {
  const list = owner === 'all' ? { index: 'gsi2' as const, partition: key.cardsPartition, newestFirst: true } : { index: 'gsi1' as const, partition: key.cardsOfOwner(owner), newestFirst: true };
  return queryPage(list, req, decodeCard);
}

export interface CommitmentRatingRecord {
  cardId: string;
  n: number;
  residentId: string;
  level: number;
  idempotencyKey: string;
  ratedAt: string;
}

const decodeRating = decoder<CommitmentRatingRecord>();

/**
 * One rating per resident per commitment, and the card's level counter, in
 * one transaction. 'exists' with the rating already there (a replay of the
 * same key, or a second rating).
 */
export async function rateCommitment(r: CommitmentRatingRecord): Promise<{ outcome: 'rated' } | { outcome: 'exists'; existing: CommitmentRatingRecord | undefined }> {
  const ratingKey = key.commitmentRating(r.cardId, r.n, r.residentId);
  const { failed } = await transact(() => [
    put({ ...ratingKey, ...r }, 'attribute_not_exists(pk)'),
    {
      Update: {
        TableName: tableName(),
        Key: key.commitmentRatingCounts(r.cardId),
        UpdateExpression: 'ADD #c :one',
        ExpressionAttributeNames: { '#c': `n${r.n}_l${r.level}` },
        ExpressionAttributeValues: { ':one': 1 },
      },
    },
  ]);
  if (!failed.length) return { outcome: 'rated' };
  const [existing] = await batchGetAll([ratingKey]);
  return { outcome: 'exists', existing: existing ? decodeRating(existing) : undefined };
}
