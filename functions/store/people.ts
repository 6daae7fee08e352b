// Residents (by id, and by WeChat openid through a uniqueness item) and staff.
import { townOf } from '../domain/regions';
import { unitOf } from '../domain/posts';
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { ResidentTag, StaffRole } from '../../shared/enums';
import { db, isConditionFailed, tableName } from './client';
import { ContentionError, transact, type Item } from './transact';
import { membershipChanges } from './audience';
import { batchGetAll } from './batch';
import { decoder } from './entity';
import { key } from './keys';
import { queryAll } from './query';

export interface ResidentRecord {
  id: string;
  openid: string;
  name: string | null;
  phone: string | null;
  currentRegionCode: string | null;
  hometownRegionCode: string | null;
  tags: ResidentTag[];
  elderMode: boolean;
  pairedCadreUsername: string | null;
  /** Outside the county (then currentRegionCode is null): a city of shared/data/places-cn.ts. */
  currentPlaceCode?: string | null;
  birthDate?: string | null;
  /** The privacy notice version the resident agreed to, and when. */
  privacyConsent?: { version: string; consentedAt: string } | null;
  createdAt: string;
  updatedAt: string;
}

export interface StaffRecord {
  username: string;
  name: string;
  role: StaffRole;
  departmentId: string | null;
  regionCode: string;
  phone: string | null;
  duties: string;
  passwordHash: string;
  /** The staff member's WeChat openid, when bound: the morning digest is pushed to it. */
  openid?: string | null;
  /** A window clerk's B-post backup (AB岗), a clerk of the same unit. */
  backupUsername?: string | null;
}

export const decodeResident = decoder<ResidentRecord>();
export const decodeStaff = decoder<StaffRecord>();

const residentItem = (r: ResidentRecord) => ({
  ...key.resident(r.id),
  ...(r.pairedCadreUsername ? key.residentByCadre(r.pairedCadreUsername, r.id) : {}),
  ...r,
});

export async function getResident(id: string): Promise<ResidentRecord | undefined> {
  const out = await db().send(new GetCommand({ TableName: tableName(), Key: key.resident(id) }));
  return out.Item ? decodeResident(out.Item) : undefined;
}

/** Several residents in one BatchGet (a staff day list). */
export async function getResidents(ids: string[]): Promise<Map<string, ResidentRecord>> {
  const found = new Map<string, ResidentRecord>();
  for (const item of await batchGetAll(ids.map((id) => key.resident(id)))) {
    const r = decodeResident(item);
    found.set(r.id, r);
  }
  return found;
}

export async function getResidentIdByOpenid(openid: string): Promise<string | undefined> {
  const out = await db().send(new GetCommand({ TableName: tableName(), Key: key.openid(openid) }));
  return out.Item?.residentId as string | undefined;
}

/** Create a resident for a new openid; 'exists' if another request won the race. */
export async function createResident(r: ResidentRecord): Promise<'created' | 'exists'> {
  const { failed } = await transact(() => [
    {
      Put: {
        TableName: tableName(),
        Item: { ...key.openid(r.openid), residentId: r.id, createdAt: r.createdAt },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    { Put: { TableName: tableName(), Item: residentItem(r), ConditionExpression: 'attribute_not_exists(pk)' } },
  ]);
  return failed.length ? 'exists' : 'created';
}

export type ResidentPatch = Partial<
  Pick<ResidentRecord, 'name' | 'phone' | 'currentRegionCode' | 'hometownRegionCode' | 'tags' | 'elderMode' | 'currentPlaceCode' | 'birthDate'>
>;

/**
 * Apply the given fields (undefined ones are left alone) and keep the
 * resident's entries in the region index (notice targeting) in step, in one
 * transaction guarded by the profile as read; a concurrent edit means read again.
 */
export async function updateResident(id: string, patch: ResidentPatch, now: string): Promise<ResidentRecord | undefined> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const before = await getResident(id);
    if (!before) return undefined;
    const after: ResidentRecord = { ...before, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)), updatedAt: now };
    const { failed } = await transact(() => [
      {
        Put: {
          TableName: tableName(),
          Item: residentItem(after),
          ConditionExpression: 'updatedAt = :seen',
          ExpressionAttributeValues: { ':seen': before.updatedAt },
        },
      },
      ...membershipChanges(before, after),
    ]);
    if (!failed.length) return after;
  }
  throw new ContentionError();
}

/**
 * Residents of a household (existing accounts) follow it to another cadre, or are unpaired when it leaves the register.
 * It sets `updatedAt`, so a profile edit that read the resident before fails its check and retries on the new pairing.
 */
export function pairResidentItems(residentIds: string[], username: string | null, now: string): Item[] {
  return residentIds.map((id) => ({
    Update: {
      TableName: tableName(), Key: key.resident(id), ConditionExpression: 'attribute_exists(pk)',
      ...(username
        ? { UpdateExpression: 'SET pairedCadreUsername = :u, updatedAt = :now, gsi1pk = :g1, gsi1sk = :g2', ExpressionAttributeValues: { ':u': username, ':now': now, ':g1': key.residentByCadre(username, id).gsi1pk, ':g2': key.residentByCadre(username, id).gsi1sk } }
        : { UpdateExpression: 'SET pairedCadreUsername = :u, updatedAt = :now REMOVE gsi1pk, gsi1sk', ExpressionAttributeValues: { ':u': null, ':now': now } }),
    },
  }));
}

/** Seed only: write a demo resident and its openid link (idempotent). */
export async function putResidentWithOpenid(r: ResidentRecord): Promise<void> {
  await transact(() => [
    { Put: { TableName: tableName(), Item: { ...key.openid(r.openid), residentId: r.id, createdAt: r.createdAt } } },
    { Put: { TableName: tableName(), Item: residentItem(r) } },
    ...membershipChanges(undefined, r),
  ]);
}

export async function getStaff(username: string): Promise<StaffRecord | undefined> {
  const out = await db().send(new GetCommand({ TableName: tableName(), Key: key.staff(username) }));
  return out.Item ? decodeStaff(out.Item) : undefined;
}

export async function putStaff(s: StaffRecord): Promise<void> {
  // Agents are indexed by their town, to find the one on duty for a proxy request.
  const town = townOf(s.regionCode);
  const byTown = s.role === 'agent' && town ? key.agentByTown(town, s.username) : {};
  // Window clerks and heads by region: who serves which window today (AB posts).
  const post = s.role === 'clerk' || s.role === 'dept_head' ? key.postOfRegion(s.regionCode, unitOf(s), s.username) : {};
  await db().send(new PutCommand({ TableName: tableName(), Item: { ...key.staff(s.username), ...byTown, ...post, ...s } }));
}

/** The proxy agents of a town (GSI1). */
export async function listTownAgents(townCode: string): Promise<StaffRecord[]> {
  const items = await queryAll<Record<string, unknown>>({
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': key.agentByTown(townCode, '').gsi1pk },
  });
  return items.map(decodeStaff);
}

/** Bind a staff member's WeChat openid; a department head is indexed by department (the morning digest's recipients). */
export async function bindStaffOpenid(s: Pick<StaffRecord, 'username' | 'role' | 'departmentId'>, openid: string): Promise<void> {
  const heads = s.role === 'dept_head' && s.departmentId ? key.boundHead(s.departmentId, s.username) : null;
  await db().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: key.staff(s.username),
      UpdateExpression: heads ? 'SET openid = :o, gsi2pk = :p, gsi2sk = :s' : 'SET openid = :o',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: { ':o': openid, ...(heads ? { ':p': heads.gsi2pk, ':s': heads.gsi2sk } : {}) },
    }),
  );
}

/** Department heads of a department who bound WeChat (GSI2). */
export async function listBoundHeads(departmentId: string): Promise<StaffRecord[]> {
  const items = await queryAll<Record<string, unknown>>({
    IndexName: 'gsi2',
    KeyConditionExpression: 'gsi2pk = :pk',
    ExpressionAttributeValues: { ':pk': key.boundHead(departmentId, '').gsi2pk },
  });
  return items.map(decodeStaff);
}
