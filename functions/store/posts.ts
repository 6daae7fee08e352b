// AB posts: the window clerks and heads of a region (GSI1 on their staff
// items), a clerk's backup, and the day's absences (one partition per day).
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { PostHolder } from '../domain/posts';
import { decodeStaff, type StaffRecord } from './people';
import { db, isConditionFailed, tableName } from './client';
import { key } from './keys';
import { decoder } from './entity';
import { partition, queryAll } from './query';
import { transact } from './transact';
import { batchGetAll } from './batch';

export interface AbsenceRecord {
  username: string;
  date: string;
  reason: string | null;
  markedBy: string;
  markedAt: string;
  version: number;
}

const toPost = ({ passwordHash: _p, openid: _o, ...s }: StaffRecord): PostHolder & Pick<StaffRecord, 'phone' | 'duties'> => s;
const decodeAbsence = decoder<AbsenceRecord>();

/** The window clerks and department heads whose region is `regionCode` (a point's staff). */
export async function listRegionPosts(regionCode: string): Promise<PostHolder[]> {
  const items = await queryAll<Record<string, unknown>>({
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': key.postsOfRegion(regionCode) },
  });
  return items.map((i) => toPost(decodeStaff(i)));
}

/** Who is absent on a day. */
export async function listAbsences(date: string): Promise<AbsenceRecord[]> {
  const items = await queryAll<Record<string, unknown>>(partition(key.absencesOfDay(date)));
  return items.map(decodeAbsence);
}

export async function getAbsence(date: string, username: string): Promise<AbsenceRecord | undefined> {
  const out = await db().send(new GetCommand({ TableName: tableName(), Key: key.absence(date, username) }));
  return out.Item ? decodeAbsence(out.Item) : undefined;
}

/** The absences of a region's posts from `from` on, by date then username (GSI1). */
export async function listUpcomingAbsences(regionCode: string, from: string): Promise<AbsenceRecord[]> {
  const items = await queryAll<Record<string, unknown>>({
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk >= :from',
    ExpressionAttributeValues: { ':pk': key.absenceOfRegion(regionCode, '', '').gsi1pk, ':from': from },
  });
  return items.map(decodeAbsence);
}

/** Mark a staff member of a region's posts absent for a day: 'exists' when already marked. */
export async function markAbsent(a: AbsenceRecord, regionCode: string): Promise<'marked' | 'exists'> {
  const item = { ...key.absence(a.date, a.username), ...key.absenceOfRegion(regionCode, a.date, a.username), ...a };
  const { failed } = await transact(() => [{ Put: { TableName: tableName(), Item: item, ConditionExpression: 'attribute_not_exists(pk)' } }]);
  return failed.length ? 'exists' : 'marked';
}

/** Withdraw an absence seen at `version`: 'stale' when it changed or is gone. */
export async function cancelAbsence(date: string, username: string, version: number): Promise<'cancelled' | 'stale'> {
  const { failed } = await transact(() => [
    {
      Delete: {
        TableName: tableName(),
        Key: key.absence(date, username),
        ConditionExpression: 'version = :v',
        ExpressionAttributeValues: { ':v': version },
      },
    },
  ]);
  return failed.length ? 'stale' : 'cancelled';
}

/** Set (or clear, with null) a clerk's B-post backup; undefined when the staff member is gone. */
export async function setBackup(username: string, backupUsername: string | null): Promise<StaffRecord | undefined> {
  try {
    const out = await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: key.staff(username),
        UpdateExpression: 'SET backupUsername = :b',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':b': backupUsername },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return decodeStaff(out.Attributes ?? {});
  } catch (err) {
    if (isConditionFailed(err)) return undefined;
    throw err;
  }
}

/** The departments of some catalogue items (which window post a booking belongs to). */
export async function serviceDepartments(codes: string[]): Promise<Map<string, string>> {
  const items = await batchGetAll(codes.map((c) => key.service(c)));
  return new Map(items.map((i) => [String(i.code), String(i.departmentId)]));
}
