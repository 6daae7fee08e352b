// Service points (county centre, town centres, village stations) and roving office days.
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { PointShape, RovingShape } from '../domain/places';
import { db, tableName } from './client';
import { decoder } from './entity';
import { key } from './keys';
import { partition, queryAll } from './query';

/** A service point as stored: the shape the domain builds places from. */
export type ServicePointRecord = PointShape;

/** A roving office schedule as stored, with its rule's label (每月第二个星期二). */
export interface RovingDayRecord extends RovingShape {
  label: string;
}

const decodeServicePoint = decoder<ServicePointRecord>();
const decodeRovingDay = decoder<RovingDayRecord>();

export async function putServicePoint(p: ServicePointRecord): Promise<void> {
  await db().send(
    new PutCommand({ TableName: tableName(), Item: { ...key.servicePoint(p.id), ...key.pointByRegion(p.regionCode, p.id), ...p } }),
  );
}

export async function putRovingDay(r: RovingDayRecord): Promise<void> {
  await db().send(new PutCommand({ TableName: tableName(), Item: { ...key.rovingDay(r.id), ...r } }));
}

export async function listServicePoints(): Promise<ServicePointRecord[]> {
  const items = await queryAll<Record<string, unknown>>(partition(key.pointsPartition));
  return items.map(decodeServicePoint);
}

export async function listRovingDays(): Promise<RovingDayRecord[]> {
  const items = await queryAll<Record<string, unknown>>(partition(key.rovingPartition));
  return items.map(decodeRovingDay);
}

export async function getServicePoint(id: string): Promise<ServicePointRecord | undefined> {
  const out = await db().send(new GetCommand({ TableName: tableName(), Key: key.servicePoint(id) }));
  return out.Item ? decodeServicePoint(out.Item) : undefined;
}

export async function getRovingDay(id: string): Promise<RovingDayRecord | undefined> {
  const out = await db().send(new GetCommand({ TableName: tableName(), Key: key.rovingDay(id) }));
  return out.Item ? decodeRovingDay(out.Item) : undefined;
}
