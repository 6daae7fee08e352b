// Applications: the case item and its append-only events share a partition;
// open cases have a pointer item for the queues; every change is one
// transaction guarded by the version the actor saw.
import { decoder } from './entity';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { CaseEvent, CaseRecord } from '../domain/application';
import { OPEN } from '../domain/application-flow';
import type { Conclusion } from '../domain/case-actions';
import { isTownCase } from '../domain/access';
import type { Calendar } from '../domain/calendar';
import { db, tableName } from './client';
import { calendarFromItems, overrideYearKeys } from './calendar';
import { key, skPrefix } from './keys';
import { decodeStaff, type StaffRecord } from './people';
import { queryAll } from './query';
import { queryPage, type List, type Page, type PageRequest } from './page';
import { invitePut, type InviteRecord } from './ratings';
import { transact, type Item } from './transact';
import { countUse, ONLINE } from './uses';
import { batchGetAll } from './batch';

export type ApplicationRecord = CaseRecord;
export type EventRecord = CaseEvent;
export type { Conclusion };

// One decode per entity: the stored item without its keys.
const decodeApplication = decoder<ApplicationRecord>();
const decodeEvent = decoder<EventRecord>();

function applicationItem(a: ApplicationRecord) {
  return {
    ...key.application(a.id),
    ...key.applicationByResident(a.residentId, a.submittedAt, a.id),
    ...(a.proxy ? key.applicationByAgent(a.proxy.agentUsername, a.submittedAt, a.id) : {}),
    ...a,
  };
}

const eventPuts = (id: string, events: EventRecord[]): Item[] =>
  events.map((e, i) => ({
    Put: { TableName: tableName(), Item: { ...key.applicationEvent(id, e.at, i), ...e }, ConditionExpression: 'attribute_not_exists(pk)' },
  }));

/** The queue pointer of an open case: in its department's queue and, for a town-level item, its town's. */
function openPointer(a: ApplicationRecord) {
  const town = a.townCode && isTownCase(a, a.townCode) ? key.openApplicationByTown(a.townCode, a.id) : {};
  return { ...key.openApplication(a.departmentId, a.id), ...town, applicationId: a.id };
}

/** Create a case with its first events; 'replay' when the idempotency key was used before. */
export async function createApplication(a: ApplicationRecord, idempotencyKey: string, events: EventRecord[]): Promise<'created' | 'replay'> {
  const { failed } = await transact(() => [
    {
      Put: {
        TableName: tableName(),
        Item: { ...key.applicationIdempotency(a.residentId, idempotencyKey), applicationId: a.id },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    { Put: { TableName: tableName(), Item: applicationItem(a), ConditionExpression: 'attribute_not_exists(pk)' } },
    { Put: { TableName: tableName(), Item: openPointer(a) } },
    ...eventPuts(a.id, events),
    countUse(a.serviceCode, ONLINE),
  ]);
  return failed.length ? 'replay' : 'created';
}

export async function getApplicationIdByIdempotencyKey(residentId: string, idempotencyKey: string): Promise<string | undefined> {
  const out = await db().send(new GetCommand({ TableName: tableName(), Key: key.applicationIdempotency(residentId, idempotencyKey) }));
  return out.Item?.applicationId as string | undefined;
}

export async function getApplication(id: string): Promise<ApplicationRecord | undefined> {
  const out = await db().send(new GetCommand({ TableName: tableName(), Key: key.application(id) }));
  return out.Item ? decodeApplication(out.Item) : undefined;
}

/** The case and its timeline in one Query. */
export async function getApplicationWithEvents(id: string): Promise<{ application: ApplicationRecord; events: EventRecord[] } | undefined> {
  const items = await queryAll<Record<string, unknown>>({
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': key.applicationPartition(id) },
  });
  const app = items.find((i) => i.sk === key.application(id).sk);
  if (!app) return undefined;
  const events = items.filter((i) => String(i.sk).startsWith(skPrefix.event)).map(decodeEvent);
  return { application: decodeApplication(app), events };
}

/**
 * What a change to a case is decided on, in two calls made together: the
 * case with its timeline (1 Query) and, in one BatchGet, the acting staff
 * member's profile and the published calendar years its clock can reach.
 */
export async function readCaseForChange(id: string, username: string, today: string): Promise<{
  found: { application: ApplicationRecord; events: EventRecord[] } | undefined;
  staff: StaffRecord | undefined;
  cal: Calendar;
}> {
  const staffKey = key.staff(username);
  const [found, items] = await Promise.all([getApplicationWithEvents(id), batchGetAll([staffKey, ...overrideYearKeys(today)])]);
  const staff = items.find((i) => i.pk === staffKey.pk && i.sk === staffKey.sk);
  return { found, staff: staff && decodeStaff(staff), cal: calendarFromItems(items) };
}

/** Open cases of a department (or all departments): one Query of pointers, then BatchGets. */
export async function listOpenApplications(departmentId?: string): Promise<ApplicationRecord[]> {
  const pointers = await queryAll<{ applicationId: string }>({
    KeyConditionExpression: departmentId ? 'pk = :pk AND begins_with(sk, :dept)' : 'pk = :pk',
    ExpressionAttributeValues: { ':pk': key.openApplicationsPartition, ...(departmentId ? { ':dept': `${departmentId}#` } : {}) },
  });
  const found = await batchGetAll(pointers.map((p) => key.application(p.applicationId)));
  return found.map(decodeApplication);
}

/**
 * Save a changed case seen at `expectedVersion`, with its events; keep the
 * open pointer in step; on conclusion add to the item's running performance
 * and invite the applicant to rate the case.
 */
export async function saveApplication(
  next: ApplicationRecord,
  expectedVersion: number,
  events: EventRecord[],
  conclusion?: Conclusion,
  invite?: InviteRecord,
  /** What tells the applicant (outbox + inbox items), written with the change. */
  tell: Item[] = [],
): Promise<'saved' | 'stale'> {
  const items: Item[] = [
    {
      Put: {
        TableName: tableName(),
        Item: applicationItem(next),
        ConditionExpression: 'version = :v',
        ExpressionAttributeValues: { ':v': expectedVersion },
      },
    },
    ...eventPuts(next.id, events),
  ];
  if (!OPEN.includes(next.state)) items.push({ Delete: { TableName: tableName(), Key: key.openApplication(next.departmentId, next.id) } });
  if (invite) items.push(invitePut(invite));
  items.push(...tell);
  if (conclusion) {
    items.push({
      Update: {
        TableName: tableName(),
        Key: key.service(conclusion.serviceCode),
        UpdateExpression: 'ADD perfConcluded :one, perfOnTime :ot, #days :one',
        ExpressionAttributeNames: { '#days': `perfDays${conclusion.workingDays}` },
        ExpressionAttributeValues: { ':one': 1, ':ot': conclusion.onTime ? 1 : 0 },
      },
    });
  }
  // A lost race on the item's counters is retried inside transact(); only a failed version condition is stale.
  const { failed } = await transact(() => items);
  return failed.length ? 'stale' : 'saved';
}

/** Withdrawals are counted on the item apart from its concluded cases (never a rejection, never in the on-time rate). */
export const withdrawalCounted = (serviceCode: string): Item => ({
  Update: { TableName: tableName(), Key: key.service(serviceCode), UpdateExpression: 'ADD perfWithdrawn :one', ExpressionAttributeValues: { ':one': 1 } },
});

// Pages ------------------------------------------------------------------------

/** A resident's cases, newest first, one page. */
export function pageResidentApplications(residentId: string, req: PageRequest): Promise<Page<ApplicationRecord>> {
  const list: List = { index: 'gsi1', partition: key.applicationByResident(residentId, '', '').gsi1pk, newestFirst: true };
  return queryPage(list, req, decodeApplication);
}

/** An agent's proxy cases, oldest first, one page of those `keep` accepts. */
export function pageAgentApplications(username: string, req: PageRequest, keep?: (a: ApplicationRecord) => boolean): Promise<Page<ApplicationRecord>> {
  return queryPage({ index: 'gsi2', partition: key.applicationByAgent(username, '', '').gsi2pk }, req, decodeApplication, keep);
}

/** Open cases of a department (or all): one page of pointers, then one BatchGet. */
export async function pageOpenApplications(departmentId: string | undefined, req: PageRequest): Promise<Page<ApplicationRecord>> {
  const list: List = { index: 'table', partition: key.openApplicationsPartition, ...(departmentId ? { skPrefix: `${departmentId}#` } : {}) };
  const pointers = await queryPage(list, req, (raw) => String(raw.applicationId));
  const found = await batchGetAll(pointers.items.map((id) => key.application(id)));
  return { items: found.map(decodeApplication), nextCursor: pointers.nextCursor };
}

/** Open cases of town-level items from one town (the town desk's queue): one page of pointers (GSI1), then one BatchGet. */
export async function pageTownOpenApplications(townCode: string, req: PageRequest): Promise<Page<ApplicationRecord>> {
  const list: List = { index: 'gsi1', partition: key.openApplicationByTown(townCode, '').gsi1pk };
  const pointers = await queryPage(list, req, (raw) => String(raw.applicationId));
  const found = await batchGetAll(pointers.items.map((id) => key.application(id)));
  return { items: found.map(decodeApplication), nextCursor: pointers.nextCursor };
}
