// One page of one partition, and the opaque cursor to the next. A list that
// grows is never read to the end in one request, and never cut off silently:
// the caller follows `nextCursor` until it is null.
//
// The cursor is base64url of {list, key}: the list it came from (index,
// partition, sort-key prefix) and DynamoDB's position in it. It is checked on
// the way in, so a tampered cursor is a 400, never a 500, and a cursor of
// another partition (another resident's, another department's) is refused
// rather than used as a starting point.
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { PAGE_LIMIT_DEFAULT, PAGE_LIMIT_MAX } from '../../shared/schemas/common';
import { badRequest } from '../lib/errors';
import { db, tableName } from './client';

export type Index = 'table' | 'gsi1' | 'gsi2';
type RawKey = Record<string, string>;

/** The list a page belongs to: one partition of the table or an index, optionally a sort-key prefix. */
export interface List {
  index: Index;
  partition: string;
  skPrefix?: string;
  /** Newest (highest sort key) first. */
  newestFirst?: boolean;
}

/** What the client asked for: the `cursor` and `limit` query parameters. */
export interface PageRequest {
  cursor?: string;
  limit?: string | number;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

const attrs = (index: Index) => (index === 'table' ? { pk: 'pk', sk: 'sk' } : { pk: `${index}pk`, sk: `${index}sk` });
/** The attributes of a position (LastEvaluatedKey): the table's key, plus the index's on an index. */
const positionAttrs = (index: Index) => (index === 'table' ? ['pk', 'sk'] : ['pk', 'sk', `${index}pk`, `${index}sk`]);
const listId = (l: List) => [l.index, l.partition, l.skPrefix ?? ''].join('|');

export const invalidCursor = () => badRequest('翻页参数无效，请从第一页重新加载', { cursor: '翻页参数无效，请从第一页重新加载' });

export function encodeCursor(list: List, position: RawKey): string {
  return Buffer.from(JSON.stringify({ l: listId(list), k: position }), 'utf8').toString('base64url');
}

/** The position a cursor names, if it was made for this list; else a 400. */
export function decodeCursor(list: List, cursor: string): RawKey {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  const { l, k } = (parsed ?? {}) as { l?: unknown; k?: unknown };
  if (l !== listId(list) || !k || typeof k !== 'object' || Array.isArray(k)) throw invalidCursor();
  const want = positionAttrs(list.index);
  const got = Object.entries(k as Record<string, unknown>);
  if (got.length !== want.length || !got.every(([name, v]) => want.includes(name) && typeof v === 'string' && v.length > 0 && v.length <= 512)) {
    throw invalidCursor();
  }
  const position = k as RawKey;
  const { pk, sk } = attrs(list.index);
  // The list id is only a claim; the key itself must lie in the same partition (and range).
  if (position[pk] !== list.partition || (list.skPrefix && !position[sk]!.startsWith(list.skPrefix))) throw invalidCursor();
  return position;
}

export function pageLimit(limit: PageRequest['limit']): number {
  const n = Number(limit ?? PAGE_LIMIT_DEFAULT);
  return Number.isInteger(n) && n >= 1 ? Math.min(n, PAGE_LIMIT_MAX) : PAGE_LIMIT_DEFAULT;
}

/** Enough reads to fill a filtered page; after that the page comes back short, with a cursor. */
const MAX_ROUNDS = 10;

/**
 * One page of `list`: up to `limit` items that pass `keep` (all when omitted),
 * decoded, in key order. Reads one more than the page so the last page says
 * so (`nextCursor: null`) instead of sending the client to an empty one.
 */
export async function queryPage<T>(list: List, req: PageRequest, decode: (raw: Record<string, unknown>) => T, keep: (item: T) => boolean = () => true): Promise<Page<T>> {
  const limit = pageLimit(req.limit);
  const { pk, sk } = attrs(list.index);
  const kept: { raw: Record<string, unknown>; item: T }[] = [];
  let start: Record<string, unknown> | undefined = req.cursor ? decodeCursor(list, req.cursor) : undefined;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const out = await db().send(
      new QueryCommand({
        TableName: tableName(),
        ...(list.index === 'table' ? {} : { IndexName: list.index }),
        KeyConditionExpression: list.skPrefix ? '#pk = :pk AND begins_with(#sk, :prefix)' : '#pk = :pk',
        ExpressionAttributeNames: list.skPrefix ? { '#pk': pk, '#sk': sk } : { '#pk': pk },
        ExpressionAttributeValues: { ':pk': list.partition, ...(list.skPrefix ? { ':prefix': list.skPrefix } : {}) },
        ScanIndexForward: !list.newestFirst,
        Limit: limit + 1 - kept.length,
        ExclusiveStartKey: start,
      }),
    );
    for (const raw of out.Items ?? []) {
      const item = decode(raw);
      if (keep(item)) kept.push({ raw, item });
      if (kept.length > limit) break;
    }
    start = out.LastEvaluatedKey;
    if (kept.length > limit || !start) break;
  }
  const more = kept.length > limit;
  const page = kept.slice(0, limit);
  const last = page[page.length - 1]?.raw;
  // Past the page: resume after its last item; a short page out of rounds resumes where the reads stopped.
  const position = more && last ? Object.fromEntries(positionAttrs(list.index).map((a) => [a, String(last[a])])) : (start as RawKey | undefined);
  return { items: page.map((k) => k.item), nextCursor: position ? encodeCursor(list, position) : null };
}
