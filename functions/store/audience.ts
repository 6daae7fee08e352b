// The region index of residents: who lives in or comes from a region, with
// what targeting needs (tags, birth date), so a notice's preview and fan-out
// Query by region instead of scanning residents. Kept in step with the
// profile in the profile's own transaction (people.ts).
import type { ResidentTag } from '../../shared/enums';
import { homeRegions, matchesTarget, memberQueries, type NoticeTarget } from '../domain/notices';
import { db, tableName } from './client';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { key } from './keys';
import type { Item } from './transact';

export interface Member {
  residentId: string;
  regionCode: string;
  tags: ResidentTag[];
  birthDate: string | null;
}

type Profile = { id: string; currentRegionCode: string | null; hometownRegionCode: string | null; tags: ResidentTag[]; birthDate?: string | null };

/** Puts for the regions the resident has now, Deletes for those they left. */
export function membershipChanges(before: Profile | undefined, after: Profile): Item[] {
  const now = homeRegions(after);
  const gone = before ? homeRegions(before).filter((c) => !now.includes(c)) : [];
  return [
    ...now.map((regionCode): Item => ({
      Put: {
        TableName: tableName(),
        Item: { ...key.regionResident(regionCode, after.id), residentId: after.id, regionCode, tags: after.tags, birthDate: after.birthDate ?? null },
      },
    })),
    ...gone.map((regionCode): Item => ({ Delete: { TableName: tableName(), Key: key.regionResident(regionCode, after.id) } })),
    ...birthChanges(before?.birthDate ?? null, after.birthDate ?? null, after.id),
  ];
}

/** The birth index (proactive reminders by month) follows the birth date. */
function birthChanges(before: string | null, after: string | null, residentId: string): Item[] {
  if (before === after) return after ? [{ Put: { TableName: tableName(), Item: { ...key.residentByBirth(after, residentId), residentId, birthDate: after } } }] : [];
  return [
    ...(before ? [{ Delete: { TableName: tableName(), Key: key.residentByBirth(before, residentId) } }] : []),
    ...(after ? [{ Put: { TableName: tableName(), Item: { ...key.residentByBirth(after, residentId), residentId, birthDate: after } } }] : []),
  ];
}

/** Residents born in `yyyy-mm` (those turning an age this month), from the birth index. */
export async function residentsBornIn(yearMonth: string): Promise<{ residentId: string; birthDate: string }[]> {
  const out: { residentId: string; birthDate: string }[] = [];
  let start: Record<string, any> | undefined;
  do {
    const page = await db().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :ym)',
        ExpressionAttributeValues: { ':pk': key.residentByBirth(`${yearMonth}-01`, '').pk, ':ym': yearMonth },
        ExclusiveStartKey: start,
      }),
    );
    for (const i of page.Items ?? []) out.push({ residentId: String(i.residentId), birthDate: String(i.birthDate) });
    start = page.LastEvaluatedKey;
  } while (start);
  return out;
}

/** Where a page of members stopped (DynamoDB's position), opaque to callers. */
export type Position = Record<string, unknown> | undefined;

/** One page of the residents of a region subtree within one town's partition (or the county's own entries). */
export async function pageMembers(partition: string, prefix: string, start: Position, limit: number): Promise<{ members: Member[]; next: Position }> {
  const out = await db().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': key.regionResidentsPartition(partition), ':prefix': prefix },
      ExclusiveStartKey: start as Record<string, any> | undefined,
      Limit: limit,
    }),
  );
  const members = (out.Items ?? []).map((i) => ({
    residentId: String(i.residentId),
    regionCode: String(i.regionCode),
    tags: (i.tags ?? []) as ResidentTag[],
    birthDate: (i.birthDate as string | null) ?? null,
  }));
  return { members, next: out.LastEvaluatedKey };
}

/** How many residents `target` reaches today: every page of its member Queries, each person once. */
export async function countTargeted(target: NoticeTarget, townCodes: string[], today: string): Promise<number> {
  const seen = new Set<string>();
  for (const q of memberQueries(target.regionCodes, townCodes)) {
    let start: Position;
    do {
      const { members, next } = await pageMembers(q.partition, q.prefix, start, 500);
      for (const m of members) {
        if (matchesTarget(target, { currentRegionCode: m.regionCode, hometownRegionCode: null, tags: m.tags, birthDate: m.birthDate }, today)) seen.add(m.residentId);
      }
      start = next;
    } while (start);
  }
  return seen.size;
}
