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
  ];
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
