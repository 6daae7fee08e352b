// The admin's demand limits and routing rules (one config item), and the
// knowledge base of answered questions staff curate from replies (a small
// partition read whole).
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { DemandLimits, KnowledgeEntry } from '../../shared/schemas/demands';
import { DEFAULT_DEMAND_LIMITS } from '../domain/demands';
import { db, isConditionFailed, tableName } from './client';
import { cached, forget } from './cache';
import { decoder } from './entity';
import { key } from './keys';
import { partition, queryAll } from './query';

/** Older configs lack newer limits: the defaults fill them. */
const decodeLimits = decoder<DemandLimits>((item) => ({ ...DEFAULT_DEMAND_LIMITS, ...item }));
const decodeKnowledge = decoder<KnowledgeEntry>();

/** The limits as stored, read now: the stored config over the defaults (version 0 when none was saved). What the admin edits. */
export async function readDemandLimits(): Promise<DemandLimits> {
  const out = await db().send(new GetCommand({ TableName: tableName(), Key: key.demandLimits }));
  return out.Item ? decodeLimits(out.Item) : DEFAULT_DEMAND_LIMITS;
}

const LIMITS = 'demand-limits';

/** The limits in force for steps, clocks and sweeps (cached per container, store/cache.ts). */
export const getDemandLimits = (): Promise<DemandLimits> => cached(LIMITS, readDemandLimits);

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
    forget(LIMITS);
    return 'saved';
  } catch (err) {
    if (isConditionFailed(err)) {
      forget(LIMITS); // changed elsewhere: read it afresh
      return 'stale';
    }
    throw err;
  }
}

export async function putKnowledge(entry: KnowledgeEntry): Promise<void> {
  await db().send(new PutCommand({ TableName: tableName(), Item: { ...key.knowledge(entry.id), ...entry } }));
}

export async function listKnowledge(): Promise<KnowledgeEntry[]> {
  const items = await queryAll<Record<string, unknown>>(partition(key.knowledgePartition));
  return items.map(decodeKnowledge);
}
