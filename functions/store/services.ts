// The service catalogue (事项). One partition holds the whole catalogue: a
// county has hundreds of items, so the list is one Query (paged past 1 MB).
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { ServiceItem } from '../../shared/schemas/catalog';
import { db, isConditionFailed, tableName } from './client';
import { key, withoutKeys } from './keys';
import { partition, queryAll } from './query';

/** What the list and search need: the summary plus the searchable text. */
export const SEARCH_FIELDS = [
  'code', 'name', 'departmentId', 'departmentName', 'category', 'handlingLevel', 'type',
  'promisedDays', 'visits', 'appointment', 'online', 'proxy', 'keywords', 'serves',
] as const;
export type ServiceSearchRow = Pick<ServiceItem, (typeof SEARCH_FIELDS)[number]>;

const itemOf = (item: ServiceItem) => ({
  ...key.service(item.code),
  ...key.serviceByDepartment(item.departmentId, item.code),
  ...item,
});

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

/** Replace an item if nobody changed it since `expectedVersion` (optimistic concurrency). */
export async function replaceService(item: ServiceItem, expectedVersion: number): Promise<'updated' | 'missing' | 'stale'> {
  try {
    await db().send(
      new PutCommand({
        TableName: tableName(),
        Item: itemOf(item),
        ConditionExpression: 'attribute_exists(pk) AND version = :v',
        ExpressionAttributeValues: { ':v': expectedVersion },
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
  return out.Item ? (withoutKeys(out.Item) as unknown as ServiceItem) : undefined;
}

export async function listServiceRows(): Promise<ServiceSearchRow[]> {
  return queryAll<ServiceSearchRow>({
    ...partition(key.catalogPartition, 'SERVICE#'),
    ProjectionExpression: SEARCH_FIELDS.map((_, i) => `#f${i}`).join(', '),
    ExpressionAttributeNames: Object.fromEntries(SEARCH_FIELDS.map((f, i) => [`#f${i}`, f])),
  });
}

/** The items of one department, through GSI1. */
export async function listServiceRowsOfDepartment(departmentId: string): Promise<ServiceSearchRow[]> {
  const k = key.serviceByDepartment(departmentId, '');
  return queryAll<ServiceSearchRow>({
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': k.gsi1pk },
    ProjectionExpression: SEARCH_FIELDS.map((_, i) => `#f${i}`).join(', '),
    ExpressionAttributeNames: Object.fromEntries(SEARCH_FIELDS.map((f, i) => [`#f${i}`, f])),
  });
}
