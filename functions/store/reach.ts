// A notice's reach counters (targeted, inbox written, pushed, delivered,
// skipped, failed, read), spread over a few items beside the notice and ADDed
// inside the transaction that made each count true.
import { tableName } from './client';
import { key } from './keys';
import { shardOf } from './outbox';
import type { Item } from './transact';

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
