// Reference data: regions, departments, the leaders' directory. Small
// partitions read whole with one Query each.
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Department, Region } from '../../shared/schemas/regions';
import type { Leader } from '../../shared/schemas/contacts';
import { db, tableName } from './client';
import { key, withoutKeys } from './keys';
import { batchGetAll } from './batch';
import { partition, queryAll } from './query';

export async function putRegion(region: Region): Promise<void> {
  await db().send(new PutCommand({ TableName: tableName(), Item: { ...key.region(region.code), ...region } }));
}

export async function listRegions(): Promise<Region[]> {
  const items = await queryAll<Record<string, unknown>>(partition(key.regionsPartition));
  return items.map((i) => withoutKeys(i) as unknown as Region);
}

/** The regions among `codes` that exist (one BatchGet, retried while throttled). */
export async function getRegions(codes: string[]): Promise<Map<string, Region>> {
  const found = new Map<string, Region>();
  for (const item of await batchGetAll(codes.map((c) => key.region(c)))) {
    const region = withoutKeys(item) as unknown as Region;
    found.set(region.code, region);
  }
  return found;
}

export async function putDepartment(dept: Department): Promise<void> {
  await db().send(new PutCommand({ TableName: tableName(), Item: { ...key.department(dept.id), ...dept } }));
}

export async function listDepartments(): Promise<Department[]> {
  const items = await queryAll<Record<string, unknown>>(partition(key.departmentsPartition));
  return items.map((i) => withoutKeys(i) as unknown as Department);
}

export async function getDepartment(id: string): Promise<Department | undefined> {
  const out = await db().send(new GetCommand({ TableName: tableName(), Key: key.department(id) }));
  return out.Item ? (withoutKeys(out.Item) as unknown as Department) : undefined;
}

export async function putLeader(leader: Leader, order: number): Promise<void> {
  await db().send(new PutCommand({ TableName: tableName(), Item: { ...key.leader(order, leader.id), ...leader } }));
}

export async function listLeaders(): Promise<Leader[]> {
  const items = await queryAll<Record<string, unknown>>(partition(key.directoryPartition));
  return items.map((i) => withoutKeys(i) as unknown as Leader);
}
