// Demand counters: one partition per month (`DSTAT#M#2026-11`), one item per
// scope (`COUNTY`, `DEPT#…`, `TOWN#…`, `SPOTS`). Only ever ADDed, inside the
// transaction of the step that counts (the maths: domain/demand-counters.ts);
// the 民情月报 reads them instead of the demands.
import type { CounterUpdate } from '../domain/demands';
import { tableName } from './client';
import { key } from './keys';
import { partition, queryAll } from './query';
import type { Item } from './transact';

/** ADD the counters of one month, one Update per scope (a transaction may touch an item once). */
export function counterUpdates(month: string, updates: CounterUpdate[]): Item[] {
  const byScope = new Map<string, Record<string, number>>();
  for (const u of updates) {
    const adds = byScope.get(u.scope) ?? {};
    for (const [name, n] of Object.entries(u.adds)) adds[name] = (adds[name] ?? 0) + n;
    byScope.set(u.scope, adds);
  }
  return [...byScope].map(([scope, adds]) => ({ scope, adds })).map((u) => {
    const names = Object.keys(u.adds);
    return {
      Update: {
        TableName: tableName(),
        Key: key.demandStats(month, u.scope),
        UpdateExpression: `ADD ${names.map((_, i) => `#a${i} :a${i}`).join(', ')}`,
        ExpressionAttributeNames: Object.fromEntries(names.map((n, i) => [`#a${i}`, n])),
        ExpressionAttributeValues: Object.fromEntries(names.map((n, i) => [`:a${i}`, u.adds[n]])),
      },
    };
  });
}

/** Every scope's counters of a month: one Query. */
export async function getDemandStats(month: string): Promise<Record<string, Record<string, number>>> {
  const items = await queryAll<Record<string, unknown>>(partition(key.demandStatsPartition(month)));
  return Object.fromEntries(items.map((i) => {
    const { pk: _p, sk, ...counts } = i;
    return [String(sk), counts as Record<string, number>];
  }));
}
