// 包联 coverage: the monthly counters per scope (county, town, village,
// cadre) that a contact, a 未联系 report and a concluded visit-linked demand
// ADD inside their own transactions, and the register's base counts per
// scope. Read back a partition at a time, never by scanning households.
import { scopesOf, shiftMonth, type Base, type CounterDelta, type Counters } from '../domain/households';
import { batchGetAll } from './batch';
import { tableName } from './client';
import { decoder } from './entity';
import { key } from './keys';
import { queryAll } from './query';
import type { Item } from './transact';

/** What a visit-linked demand remembers, so its conclusion counts as resolved in the visit's month and scopes. */
export interface VisitLink {
  contactId: string;
  householdId: string;
  cadreUsername: string;
  villageCode: string;
  townCode: string;
  month: string;
  /** Set when its conclusion was counted (a reopened and again concluded demand counts once). */
  resolvedCounted?: boolean;
}

export interface BaseItem extends Base {
  scope: string;
  /** The region code, or the cadre's username. */
  code: string;
  name: string;
  townCode: string | null;
}

const decodeBase = decoder<BaseItem>();

/** One Update that ADDs counters to an item (and SETs attributes only where they are missing). */
function addUpdate(Key: Record<string, string>, adds: Counters, setIfMissing: Record<string, unknown> = {}): Item {
  const names = Object.keys(adds);
  const sets = Object.keys(setIfMissing);
  return {
    Update: {
      TableName: tableName(),
      Key,
      UpdateExpression: [
        `ADD ${names.map((_, i) => `#a${i} :a${i}`).join(', ')}`,
        ...(sets.length ? [`SET ${sets.map((_, i) => `#s${i} = if_not_exists(#s${i}, :s${i})`).join(', ')}`] : []),
      ].join(' '),
      ExpressionAttributeNames: { ...Object.fromEntries(names.map((name, i) => [`#a${i}`, name])), ...Object.fromEntries(sets.map((name, i) => [`#s${i}`, name])) },
      ExpressionAttributeValues: { ...Object.fromEntries(names.map((name, i) => [`:a${i}`, adds[name]])), ...Object.fromEntries(sets.map((name, i) => [`:s${i}`, setIfMissing[name]])) },
    },
  };
}

/** ADD counters of one month, one Update per scope (shared with the demand flow's conclusion). */
export function coverageAdds(month: string, scopes: string[], adds: Counters): Item[] {
  if (!Object.keys(adds).length) return [];
  return scopes.map((scope) => addUpdate(key.coverage(month, scope), adds));
}

export type ScopeLabel = Pick<BaseItem, 'code' | 'name' | 'townCode'>;

/**
 * A register change's counter items: the base per scope (a scope new to the
 * register gets its name, code and town) and the months' counters.
 */
export function registerChangeItems(deltas: CounterDelta[], labelOf?: (scope: string) => ScopeLabel): Item[] {
  return deltas.map((d) => (d.month === null ? addUpdate(key.coverageBase(d.scope), d.adds, labelOf ? { ...labelOf(d.scope) } : {}) : addUpdate(key.coverage(d.month, d.scope), d.adds)));
}

/** The counter items a concluded visit-linked demand adds, or none (not from a visit, or counted before). */
export const resolvedVisitAdds = (visit: VisitLink | null | undefined): Item[] =>
  visit && !visit.resolvedCounted ? coverageAdds(visit.month, scopesOf(visit), { demandsResolved: 1 }) : [];

/** The register's base, this month's and last month's counters: three Queries, whatever the county's size. */
export async function getCoverage(month: string): Promise<{ base: BaseItem[]; month: Map<string, Counters>; previous: Map<string, Counters> }> {
  const counters = async (m: string) =>
    new Map((await queryAll<Record<string, unknown>>({ KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': key.coveragePartition(m) } }))
      .map((i) => { const { pk: _p, sk, ...rest } = i; return [String(sk), rest as Counters]; }));
  const [base, cur, prev] = await Promise.all([
    queryAll<Record<string, unknown>>({ KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': key.coverageBasePartition } }),
    counters(month),
    counters(shiftMonth(month, -1)),
  ]);
  return { base: base.map((i) => ({ ...decodeBase(i), scope: String(i.sk) })), month: cur, previous: prev };
}

/** One scope's base and its two months of counters (a cadre's light tallies): one BatchGet. */
export async function getScopeCoverage(scope: string, month: string): Promise<{ base?: Base; month?: Counters; previous?: Counters }> {
  const found = await batchGetAll([key.coverageBase(scope), key.coverage(month, scope), key.coverage(shiftMonth(month, -1), scope)]);
  const by = (pk: string) => found.find((i) => i.pk === pk) as Record<string, number> | undefined;
  return { base: by(key.coverageBasePartition) as Base | undefined, month: by(key.coveragePartition(month)), previous: by(key.coveragePartition(shiftMonth(month, -1))) };
}
