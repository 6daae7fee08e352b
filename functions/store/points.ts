// Service points (county centre, town centres, village stations) and roving office days.
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { ServicePointLevel } from '../../shared/enums';
import { db, tableName } from './client';
import { key } from './keys';

export interface ServicePointRecord {
  id: string;
  name: string;
  level: ServicePointLevel;
  regionCode: string;
  address: string;
  phone: string;
  openingHours: string;
  serviceCodes: string[];
}

export interface RovingDayRecord {
  id: string;
  departmentId: string;
  townCode: string;
  /** e.g. `nth-weekday:2:TUE`: the 2nd Tuesday of each month. */
  rule: string;
  label: string;
  start: string;
  end: string;
}

export async function putServicePoint(p: ServicePointRecord): Promise<void> {
  await db().send(
    new PutCommand({ TableName: tableName(), Item: { ...key.servicePoint(p.id), ...key.pointByRegion(p.regionCode, p.id), ...p } }),
  );
}

export async function putRovingDay(r: RovingDayRecord): Promise<void> {
  await db().send(new PutCommand({ TableName: tableName(), Item: { ...key.rovingDay(r.id), ...r } }));
}
