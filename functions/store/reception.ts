// Leaders' reception days: one item per receiving head in one small
// partition. Booking them goes through the appointments' own transaction.
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { ReceptionShape } from '../domain/reception';
import { db, tableName } from './client';
import { key } from './keys';
import { decoder } from './entity';
import { partition, queryAll } from './query';

export interface ReceptionRecord extends ReceptionShape {
  updatedAt: string;
  updatedBy: string;
}

const decodeReception = decoder<ReceptionRecord>();

export async function putReception(r: ReceptionRecord): Promise<void> {
  await db().send(new PutCommand({ TableName: tableName(), Item: { ...key.reception(r.id), ...r } }));
}

export async function getReception(hostUsername: string): Promise<ReceptionRecord | undefined> {
  const out = await db().send(new GetCommand({ TableName: tableName(), Key: key.reception(hostUsername) }));
  return out.Item ? decodeReception(out.Item) : undefined;
}

export async function listReceptions(): Promise<ReceptionRecord[]> {
  return (await queryAll<Record<string, unknown>>(partition(key.receptionsPartition))).map(decodeReception);
}
