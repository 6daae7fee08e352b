// The service catalogue (事项). One partition holds the whole catalogue: a
// county has hundreds of items, so the list is one Query (paged past 1 MB).
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { ServiceItem } from '../../shared/schemas/catalog';
import { db, isConditionFailed, tableName } from './client';
import { decoder } from './entity';
import { key, skPrefix } from './keys';
import { partition, queryAll } from './query';
import { isUseRow, listUseRows, usesByItem, type UseRow } from './uses';

/** What the list and search need: the summary plus the searchable text. */
export const SEARCH_FIELDS = [
  'code', 'name', 'departmentId', 'departmentName', 'category', 'handlingLevel', 'type',
  'promisedDays', 'visits', 'appointment', 'online', 'proxy', 'keywords', 'serves',
] as const;
export type ServiceSearchRow = Pick<ServiceItem, (typeof SEARCH_FIELDS)[number]>;

// The item's performance is kept as running counters written with each
// concluded case (perfConcluded, perfOnTime, perfDays<n> = cases that took n
// working days) and turned into `stats` when read.
const itemOf = ({ stats: _stats, ...item }: ServiceItem) => ({
  ...key.service(item.code),
  ...key.serviceByDepartment(item.departmentId, item.code),
  ...item,
});

export function statsOf(raw: Record<string, unknown>): ServiceItem['stats'] {
  const concluded = Number(raw.perfConcluded ?? 0);
  if (!concluded) return { concluded: 0, onTimeRate: null, medianDays: null };
  const histogram = Object.entries(raw)
    .filter(([k]) => /^perfDays\d+$/.test(k))
    .map(([k, v]) => [Number(k.slice(8)), Number(v)] as const)
    .sort((a, b) => a[0] - b[0]);
  const middle = (concluded - 1) / 2;
  let seen = 0;
  let lower: number | undefined;
  let upper: number | undefined;
  for (const [days, count] of histogram) {
    if (lower === undefined && seen + count > Math.floor(middle)) lower = days;
    if (upper === undefined && seen + count > Math.ceil(middle)) upper = days;
    seen += count;
  }
  return {
    concluded,
    onTimeRate: Math.round((Number(raw.perfOnTime ?? 0) / concluded) * 1000) / 1000,
    medianDays: lower === undefined || upper === undefined ? null : (lower + upper) / 2,
  };
}

/** The item without its performance counters, which come back summed up as `stats`. */
const fromItem = decoder<ServiceItem>((item) => ({ ...Object.fromEntries(Object.entries(item).filter(([k]) => !k.startsWith('perf'))), stats: statsOf(item) }));

export async function createService(item: ServiceItem): Promise<'created' | 'exists'> {
  try {
    await db().send(
      new PutCommand({ TableName: tableName(), Item: itemOf(item), ConditionExpression: 'attribute_not_exists(pk)' }),
    );
    return 'created';
  } catch (err) {
    if (isConditionFailed(err)) return 'exists';
    throw err;
  }
}

/**
 * Update an item's editable fields if nobody changed it since
 * `expectedVersion` (optimistic concurrency); its performance counters stay.
 */
export async function replaceService(item: ServiceItem, expectedVersion: number): Promise<'updated' | 'missing' | 'stale'> {
  const { pk: _pk, sk: _sk, ...fields } = itemOf(item);
  const entries = Object.entries(fields).filter(([, v]) => v !== undefined);
  const cleared = (['basis', 'feeNote', 'minAge', 'maxAge', 'grants'] as const).filter((k) => item[k] === undefined);
  try {
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: key.service(item.code),
        UpdateExpression:
          'SET ' + entries.map((_, i) => `#f${i} = :f${i}`).join(', ') + (cleared.length ? ` REMOVE ${cleared.join(', ')}` : ''),
        ConditionExpression: 'attribute_exists(pk) AND version = :expected',
        ExpressionAttributeNames: Object.fromEntries(entries.map(([k], i) => [`#f${i}`, k])),
        ExpressionAttributeValues: { ...Object.fromEntries(entries.map(([, v], i) => [`:f${i}`, v])), ':expected': expectedVersion },
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      }),
    );
    return 'updated';
  } catch (err) {
    if (isConditionFailed(err)) return (err as { Item?: unknown }).Item ? 'stale' : 'missing';
    throw err;
  }
}

export async function getService(code: string): Promise<ServiceItem | undefined> {
  const out = await db().send(new GetCommand({ TableName: tableName(), Key: key.service(code) }));
  return out.Item ? fromItem(out.Item) : undefined;
}

/** A row of the list with how often the item was used (bookings and applications), for most-used first. */
export type ServiceListRow = ServiceSearchRow & { uses: number };

const searchProjection = (extra: string[] = []) => ({
  ProjectionExpression: [...SEARCH_FIELDS, ...extra].map((_, i) => `#f${i}`).join(', '),
  ExpressionAttributeNames: Object.fromEntries([...SEARCH_FIELDS, ...extra].map((f, i) => [`#f${i}`, f])),
});

const withUses = (rows: ServiceSearchRow[], uses: Map<string, number>): ServiceListRow[] => rows.map((r) => ({ ...r, uses: uses.get(r.code) ?? 0 }));

/** The whole catalogue with its use counters: the partition holds both, so still one Query. */
export async function listServiceRows(): Promise<ServiceListRow[]> {
  const all = await queryAll<ServiceSearchRow & UseRow>({ ...partition(key.catalogPartition), ...searchProjection(['sk', 'uses']) });
  const items = all.filter((r) => !isUseRow(r.sk)).map(({ sk: _sk, uses: _u, ...row }) => row);
  return withUses(items, usesByItem(all));
}

/** The items of one department, through GSI1, with their use counters. */
export async function listServiceRowsOfDepartment(departmentId: string): Promise<ServiceListRow[]> {
  const k = key.serviceByDepartment(departmentId, '');
  const [rows, uses] = await Promise.all([
    queryAll<ServiceSearchRow>({
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': k.gsi1pk },
      ...searchProjection(),
    }),
    listUseRows(),
  ]);
  return withUses(rows, usesByItem(uses));
}

/** Every item's running performance counters with its department (the monthly report's on-time rates): one Query. */
export async function listItemPerformance(): Promise<{ departmentId: string; concluded: number; onTime: number }[]> {
  const rows = await queryAll<Record<string, unknown>>({
    ...partition(key.catalogPartition, skPrefix.service),
    ProjectionExpression: 'departmentId, perfConcluded, perfOnTime',
  });
  return rows.map((r) => ({ departmentId: String(r.departmentId), concluded: Number(r.perfConcluded ?? 0), onTime: Number(r.perfOnTime ?? 0) }));
}
