// The admin's demand limits and routing rules (one config item), and the
// knowledge base of answered questions staff curate from replies (a small
// partition read whole).
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { DemandLimits, KnowledgeEntry } from '../../shared/schemas/demands';
import { DEFAULT_DEMAND_LIMITS } from '../domain/demands';
import { db, isConditionFailed, tableName } from './client';
import { key, withoutKeys } from './keys';
import { partition, queryAll } from './query';

/** The limits in force: the stored config over the defaults (version 0 when none was saved). */
export async function getDemandLimits(): Promise<DemandLimits> {
  const out = await db().send(new GetCommand({ TableName: tableName(), Key: key.demandLimits }));
  return out.Item ? { ...DEFAULT_DEMAND_LIMITS, ...(withoutKeys(out.Item) as Partial<DemandLimits>) } : DEFAULT_DEMAND_LIMITS;
}

/** Replace the limits seen at `expectedVersion` (0: never saved). */
export async function putDemandLimits(next: DemandLimits, expectedVersion: number): Promise<'saved' | 'stale'> {
  try {
    await db().send(new PutCommand({
      TableName: tableName(),
      Item: { ...key.demandLimits, ...next },
      ...(expectedVersion === 0
        ? { ConditionExpression: 'attribute_not_exists(pk)' }
        : { ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': expectedVersion } }),
    }));
    return 'saved';
  } catch (err) {
    if (isConditionFailed(err)) return 'stale';
    throw err;
  }
}

export async function putKnowledge(entry: KnowledgeEntry): Promise<void> {
  await db().send(new PutCommand({ TableName: tableName(), Item: { ...key.knowledge(entry.id), ...entry } }));
}

export async function listKnowledge(): Promise<KnowledgeEntry[]> {
  const items = await queryAll<Record<string, unknown>>(partition(key.knowledgePartition));
  return items.map((i) => withoutKeys(i) as unknown as KnowledgeEntry);
}
