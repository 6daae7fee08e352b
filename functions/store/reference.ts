// Reference data: regions, departments, the leaders' directory. Small
// partitions read whole with one Query each; single regions and departments
// (what a request looks up by code) are cached per container (store/cache.ts):
// only the seed writes them.
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Department, Region } from '../../shared/schemas/regions';
import type { Leader } from '../../shared/schemas/contacts';
import { db, tableName } from './client';
import { cached, forget, peek, remember } from './cache';
import { decoder } from './entity';
import { key } from './keys';
import { batchGetAll } from './batch';
import { partition, queryAll } from './query';

const decodeRegion = decoder<Region>();
const decodeDepartment = decoder<Department>();
const decodeLeader = decoder<Leader>();

export async function putRegion(region: Region): Promise<void> {
  await db().send(new PutCommand({ TableName: tableName(), Item: { ...key.region(region.code), ...region } }));
  forget(`region:${region.code}`);
}

export async function listRegions(): Promise<Region[]> {
  const items = await queryAll<Record<string, unknown>>(partition(key.regionsPartition));
  return items.map(decodeRegion);
}

/** The regions among `codes` that exist: those not cached in one BatchGet (retried while throttled). */
export async function getRegions(codes: string[]): Promise<Map<string, Region>> {
  const hits = codes.map((c) => peek<Region | undefined>(`region:${c}`));
  const missing = [...new Set(codes.filter((_, i) => !hits[i]))];
  const read = missing.length ? (await batchGetAll(missing.map((c) => key.region(c)))).map(decodeRegion) : [];
  for (const r of read) remember(`region:${r.code}`, Promise.resolve(r));
  const found = new Map<string, Region>(read.map((r) => [r.code, r]));
  for (const r of await Promise.all(hits)) if (r) found.set(r.code, r);
  return found;
}

export async function putDepartment(dept: Department): Promise<void> {
  await db().send(new PutCommand({ TableName: tableName(), Item: { ...key.department(dept.id), ...dept } }));
  forget(`department:${dept.id}`);
}

export async function listDepartments(): Promise<Department[]> {
  const items = await queryAll<Record<string, unknown>>(partition(key.departmentsPartition));
  return items.map(decodeDepartment);
}

/** One department (cached while it exists; a miss is read again next time). */
export function getDepartment(id: string): Promise<Department | undefined> {
  return cached(`department:${id}`, async () => {
    const out = await db().send(new GetCommand({ TableName: tableName(), Key: key.department(id) }));
    return out.Item ? decodeDepartment(out.Item) : undefined;
  }, (d) => d !== undefined);
}

export async function putLeader(leader: Leader, order: number): Promise<void> {
  await db().send(new PutCommand({ TableName: tableName(), Item: { ...key.leader(order, leader.id), ...leader } }));
}

export async function listLeaders(): Promise<Leader[]> {
  const items = await queryAll<Record<string, unknown>>(partition(key.directoryPartition));
  return items.map(decodeLeader);
}
