// Daily digests of the deadline sweep, one per department and day.
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from './client';
import { decoder } from './entity';
import { key } from './keys';

export interface AlertDigest {
  departmentId: string;
  date: string;
  sweptAt: string;
  red: string[];
  yellow: string[];
  deemedAccepted: string[];
  overdueTickets: string[];
  demandsRed?: string[];
  demandsYellow?: string[];
}

// Digests written before tickets existed have no overdueTickets.
const decodeDigest = decoder<AlertDigest>((item) => ({ overdueTickets: [], ...item }));

/** Write (or rewrite: a sweep may run again the same day) a department's digest. */
export async function putAlertDigest(d: AlertDigest): Promise<void> {
  await db().send(new PutCommand({ TableName: tableName(), Item: { ...key.alertDigest(d.departmentId, d.date), ...d } }));
}

export async function getAlertDigest(departmentId: string, date: string): Promise<AlertDigest | undefined> {
  const out = await db().send(new GetCommand({ TableName: tableName(), Key: key.alertDigest(departmentId, date) }));
  return out.Item ? decodeDigest(out.Item) : undefined;
}
