// Satisfaction counters: one partition per period (`M#2026-11`, `Y#2026`),
// one item per scope. Ratings, tickets and complaint decisions ADD to them
// inside their own transactions, so the aggregates always equal the ratings
// without ever scanning them.
import type { LevelCounts } from '../domain/ratings';
import { monthPeriod, periodsOf, yearPeriod, type Deltas } from '../domain/satisfaction';
import { tableName } from './client';
import { withoutKeys } from './entity';
import { key } from './keys';
import { partition, queryAll } from './query';
import type { Item } from './transact';

export interface SatisfactionItem extends LevelCounts {
  scope: string;
  staffName?: string;
  /** Staff rows: the department whose cases rated them (agents have none). */
  departmentId?: string;
  departmentName?: string;
  /** Valid complaints (查实有效) decided in the period: a flag on the dashboard. */
  validComplaints?: number;
}

const decodeSatisfaction = (raw: Record<string, unknown>): SatisfactionItem => ({ ...(withoutKeys(raw) as LevelCounts), scope: String(raw.sk) });

/**
 * The Updates that ADD `deltas` to the month's and the year's items (one per
 * scope and period: a transaction may touch an item once). Names are SET
 * alongside; `keepNames` sets them only where missing.
 */
export function satisfactionUpdates(month: string, deltas: Deltas, keepNames = false): Item[] {
  const items: Item[] = [];
  for (const [scope, { add, set }] of deltas) {
    const adds = Object.entries(add).filter(([, n]) => n !== 0);
    if (!adds.length) continue;
    const sets = Object.entries(set);
    const assign = (i: number) => (keepNames ? `#s${i} = if_not_exists(#s${i}, :s${i})` : `#s${i} = :s${i}`);
    for (const period of periodsOf(month)) {
      items.push({
        Update: {
          TableName: tableName(),
          Key: key.satisfaction(period, scope),
          UpdateExpression: `ADD ${adds.map((_, i) => `#a${i} :a${i}`).join(', ')}` + (sets.length ? ` SET ${sets.map((_, i) => assign(i)).join(', ')}` : ''),
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

async function readPeriod(period: string): Promise<SatisfactionItem[]> {
  return (await queryAll<Record<string, unknown>>(partition(key.satisfactionPartition(period)))).map(decodeSatisfaction);
}

/** Every scope's counters of one month (`YYYY-MM`): one Query. */
export const getMonthSatisfaction = (month: string) => readPeriod(monthPeriod(month));

/** Every scope's counters of one year (`YYYY`): one Query. */
export const getYearSatisfaction = (year: string) => readPeriod(yearPeriod(year));
