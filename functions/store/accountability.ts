// Valid complaints and what follows them: the complaint case (one per demand),
// the person's ladder, the department's yearly count and its apologies. The
// decision writes all of it — and the timeline event, the month's demand and
// satisfaction counters — in one transaction.
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { ComplaintStatus } from '../../shared/schemas/accountability';
import type { ApologyKind, LadderEntry } from '../domain/accountability';
import { batchGetAll } from './batch';
import { db, tableName } from './client';
import { counterUpdates } from './demand-stats';
import type { DemandEventRecord } from './demands';
import { decoder } from './entity';
import { key, skPrefix } from './keys';
import { queryPage, type List, type Page, type PageRequest } from './page';
import { queryAll } from './query';
import { satisfactionUpdates } from './satisfaction';
import { transact, type Item } from './transact';
import type { CounterUpdate } from '../domain/demands';

export interface ComplaintRecord {
  demandId: string;
  demandNumber: string;
  townCode: string | null;
  staff: { username: string; name: string };
  department: { id: string; name: string } | null;
  status: ComplaintStatus;
  statement: { text: string; at: string } | null;
  finding: string | null;
  evidence: string[];
  openedAt: string;
  openedBy: string;
  decidedAt: string | null;
  decidedBy: string | null;
  ladderStep: number | null;
  version: number;
}

export interface LadderRecord {
  username: string;
  name: string;
  department: { id: string; name: string } | null;
  entries: LadderEntry[];
  version: number;
}

export interface ApologyRecord {
  id: string;
  year: string;
  department: { id: string; name: string };
  kind: ApologyKind;
  complaintId: string;
  demandNumber: string;
  dueOn: string | null;
  doneAt: string | null;
  doneBy: string | null;
  note: string | null;
}

const decodeComplaint = decoder<ComplaintRecord>();
const decodeLadder = decoder<LadderRecord>();
const decodeApology = decoder<ApologyRecord>();
const get = async (Key: Record<string, unknown>) => (await db().send(new GetCommand({ TableName: tableName(), Key }))).Item;

const complaintItem = (c: ComplaintRecord) => ({ ...key.complaint(c.demandId), ...key.complaintOfStaff(c.staff.username, c.openedAt, c.demandId), ...c });
const versioned = (Item: Record<string, unknown>, seen: number | null): Item => ({
  Put: {
    TableName: tableName(), Item,
    ConditionExpression: seen === null ? 'attribute_not_exists(pk)' : 'version = :v',
    ...(seen === null ? {} : { ExpressionAttributeValues: { ':v': seen } }),
  },
});

// Another record's event on the demand: sequence 60+ never meets the demand's own (0+) or a merge's (50+).
const demandEventPut = (demandId: string, e: DemandEventRecord): Item =>
  ({ Put: { TableName: tableName(), Item: { ...key.demandEvent(demandId, e.at, 60), ...e }, ConditionExpression: 'attribute_not_exists(pk)' } });

/** Open the investigation, on the demand's timeline: 'exists' when the demand already has one. */
export async function createComplaint(c: ComplaintRecord, event: DemandEventRecord): Promise<'created' | 'exists'> {
  const { failed } = await transact(() => [versioned(complaintItem(c), null), demandEventPut(c.demandId, event)]);
  return failed.length ? 'exists' : 'created';
}

export async function getComplaint(demandId: string): Promise<ComplaintRecord | undefined> {
  const raw = await get(key.complaint(demandId));
  return raw ? decodeComplaint(raw) : undefined;
}

/** Every complaint (the supervisor's list; a county has a handful a month), or those naming one person. */
/** Complaint investigations, newest first, one page: all (the supervisor) or those naming one staff member. */
export function pageComplaints(username: string | undefined, req: PageRequest): Promise<Page<ComplaintRecord>> {
  const list: List = username
    ? { index: 'gsi1', partition: key.complaintsOfStaff(username), newestFirst: true }
    : { index: 'table', partition: key.complaintsPartition, newestFirst: true };
  return queryPage(list, req, decodeComplaint);
}

/** Save the staff member's statement (guarded by the version they saw). */
export async function saveComplaint(prev: ComplaintRecord, next: ComplaintRecord): Promise<'saved' | 'stale'> {
  const { failed } = await transact(() => [versioned(complaintItem(next), prev.version)]);
  return failed.length ? 'stale' : 'saved';
}

/** What the decision needs to read first: the person's ladder and the department's count this year. One BatchGet. */
export async function getDecisionState(username: string, year: string, departmentId: string | null) {
  const keys = [key.ladder(username), ...(departmentId ? [key.apologyCount(year, departmentId)] : [])];
  const items = await batchGetAll(keys);
  const ladder = items.find((i) => i.sk === key.ladder(username).sk);
  const count = items.find((i) => String(i.sk).startsWith(skPrefix.apologyCount));
  return { ladder: ladder ? decodeLadder(ladder) : null, yearCount: Number(count?.validComplaints ?? 0) };
}

export interface Decision {
  prev: ComplaintRecord;
  next: ComplaintRecord;
  /** On the demand's timeline (what the resident sees: investigated, and the outcome). */
  event: DemandEventRecord;
  /** Valid only. */
  ladder?: { prev: LadderRecord | null; next: LadderRecord };
  yearCount?: { year: string; departmentId: string; seen: number };
  apology?: ApologyRecord | null;
  demandCounters?: { month: string; updates: CounterUpdate[] };
  /** ADD validComplaints to the month's and the year's satisfaction scopes (the dashboard's flags). */
  satisfaction?: { month: string; scopes: { scope: string; set: Record<string, string> }[] };
}

/** ADD validComplaints to each scope, its names set where missing (the dashboard's flags). */
const satisfactionAdds = (month: string, scopes: NonNullable<Decision['satisfaction']>['scopes']): Item[] =>
  satisfactionUpdates(month, new Map(scopes.map(({ scope, set }) => [scope, { add: { validComplaints: 1 }, set }])), true);

/** The decision, one transaction; 'stale' when the complaint, the ladder or the year's count moved since it was read. */
export async function saveDecision(d: Decision): Promise<'saved' | 'stale'> {
  const items: Item[] = [
    versioned(complaintItem(d.next), d.prev.version),
    demandEventPut(d.prev.demandId, d.event),
  ];
  if (d.ladder) items.push(versioned({ ...key.ladder(d.ladder.next.username), ...d.ladder.next }, d.ladder.prev?.version ?? null));
  if (d.yearCount) {
    const { year, departmentId, seen } = d.yearCount;
    items.push({
      Update: {
        TableName: tableName(), Key: key.apologyCount(year, departmentId),
        UpdateExpression: 'SET validComplaints = :next',
        ConditionExpression: seen ? 'validComplaints = :seen' : 'attribute_not_exists(pk)',
        ExpressionAttributeValues: { ':next': seen + 1, ...(seen ? { ':seen': seen } : {}) },
      },
    });
  }
  if (d.apology) items.push(versioned({ ...key.apology(d.apology.id), ...d.apology }, null));
  if (d.demandCounters) items.push(...counterUpdates(d.demandCounters.month, d.demandCounters.updates));
  if (d.satisfaction) items.push(...satisfactionAdds(d.satisfaction.month, d.satisfaction.scopes));
  const { failed } = await transact(() => items);
  return failed.length ? 'stale' : 'saved';
}

/** Every person's ladder and every apology: two Queries (bounded by the people with valid complaints). */
export async function listAccountability(): Promise<{ ladders: LadderRecord[]; apologies: ApologyRecord[] }> {
  const [ladders, apologies] = await Promise.all([
    queryAll<Record<string, unknown>>({ KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': key.laddersPartition } }),
    queryAll<Record<string, unknown>>({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :a)', ExpressionAttributeValues: { ':pk': key.apologiesPartition, ':a': skPrefix.apology },
    }),
  ]);
  return { ladders: ladders.map(decodeLadder), apologies: apologies.map(decodeApology) };
}

export async function getLadder(username: string): Promise<LadderRecord | undefined> {
  const raw = await get(key.ladder(username));
  return raw ? decodeLadder(raw) : undefined;
}

export async function saveLadder(prev: LadderRecord, next: LadderRecord): Promise<'saved' | 'stale'> {
  const { failed } = await transact(() => [versioned({ ...key.ladder(next.username), ...next }, prev.version)]);
  return failed.length ? 'stale' : 'saved';
}

export async function getApology(id: string): Promise<ApologyRecord | undefined> {
  const raw = await get(key.apology(id));
  return raw ? decodeApology(raw) : undefined;
}

/** Record the apology made, once. */
export async function markApologyDone(a: ApologyRecord): Promise<'saved' | 'done'> {
  const { failed } = await transact(() => [{
    Put: { TableName: tableName(), Item: { ...key.apology(a.id), ...a }, ConditionExpression: 'attribute_exists(pk) AND doneAt = :null', ExpressionAttributeValues: { ':null': null } },
  }]);
  return failed.length ? 'done' : 'saved';
}
