// 包联 households: the household item, its contacts and month markers in its
// partition (a contact ADDs the coverage counters of coverage.ts in the same
// transaction); residents' 未联系 reports; the register's writes.
import { decoder } from './entity';
import { GetCommand, QueryCommand, TransactGetCommand } from '@aws-sdk/lib-dynamodb';
import type { ContactKind, ContactOccasion, HouseholdMember, HouseholdTag, LastContact } from '../../shared/schemas/households';
import { marksToRead, planContact, scopesOf, shiftMonth, type ContactPlan, type CounterDelta, type Counters, type HouseholdMarks, type MarkerState } from '../domain/households';
import { batchGetAll, batchWriteAll } from './batch';
import { db, tableName } from './client';
import { coverageAdds, registerChangeItems, type BaseItem, type ScopeLabel } from './coverage';
import { pairResidentItems } from './people';
import { key, skPrefix } from './keys';
import { queryPage, type Page, type PageRequest } from './page';
import { queryAll } from './query';
import { scope } from '../domain/scopes';
import { ContentionError, transact, type Item } from './transact';

export interface HouseholdRecord {
  id: string;
  headName: string;
  phone: string | null;
  /** Village or group. */
  regionCode: string;
  villageCode: string;
  townCode: string;
  members: HouseholdMember[];
  tags: HouseholdTag[];
  cadreUsername: string;
  /** Residents of the household with an account (they see the last contact and may report none). */
  residentIds: string[];
  lastContact: (LastContact & { id: string }) | null;
  createdAt: string;
  version: number;
  /** Taken off the register (迁出 / 注销): off the cadre's list, out of the counts, kept with its 民情日记. */
  deactivated?: { at: string; reason: string; note: string | null; by: string } | null;
  updatedAt?: string;
}

export interface ContactRecord {
  id: string;
  householdId: string;
  cadreUsername: string;
  cadreName: string;
  kind: ContactKind;
  occasion: ContactOccasion;
  note: string | null;
  at: string;
  month: string;
  demand: { id: string; number: string } | null;
  recordedAt: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** A read of an item inside another request's transaction can be refused (TransactionConflict): read again shortly. */
async function readRetrying<T>(read: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await read();
    } catch (err) {
      if (!(err instanceof Error && err.name === 'TransactionConflictException') || attempt >= 8) throw err;
      await sleep(Math.random() * 20 * 2 ** attempt);
    }
  }
}

const decodeHousehold = decoder<HouseholdRecord>();
const decodeContact = decoder<ContactRecord>();
const decodeNoContactReport = decoder<NoContactReportRecord>();
const householdItem = (h: HouseholdRecord) => ({ ...key.household(h.id), ...(h.deactivated ? {} : key.householdByCadre(h.cadreUsername, h.regionCode, h.id)), ...h });

export async function getHousehold(id: string): Promise<HouseholdRecord | undefined> {
  const out = await readRetrying(() => db().send(new GetCommand({ TableName: tableName(), Key: key.household(id) })));
  return out.Item ? decodeHousehold(out.Item) : undefined;
}

/** A cadre's households by village and group, one page. */
export const pageCadreHouseholds = (username: string, req: PageRequest): Promise<Page<HouseholdRecord>> =>
  queryPage({ index: 'gsi1', partition: key.householdsOfCadre(username) }, req, decodeHousehold);

/** The household and its latest contacts, newest first: one Get, one Query. */
export async function getHouseholdWithContacts(id: string, limit = 20): Promise<{ household: HouseholdRecord; contacts: ContactRecord[] } | undefined> {
  const [household, out] = await Promise.all([
    getHousehold(id),
    db().send(new QueryCommand({
      TableName: tableName(), KeyConditionExpression: 'pk = :pk AND begins_with(sk, :c)',
      ExpressionAttributeValues: { ':pk': key.householdPartition(id), ':c': skPrefix.contact }, ScanIndexForward: false, Limit: limit,
    })),
  ]);
  return household ? { household, contacts: (out.Items ?? []).map(decodeContact) } : undefined;
}

// ---------------------------------------------------------------- a contact

async function readMarkers(h: HouseholdRecord, month: string): Promise<{ household: HouseholdRecord | undefined; markers: MarkerState }> {
  const keys = [key.household(h.id), key.householdMonth(h.id, shiftMonth(month, -1)), key.householdMonth(h.id, month), key.householdMonth(h.id, shiftMonth(month, 1)), key.householdVisit(h.id, month)];
  const items = await readRetrying(() => batchGetAll(keys));
  const found = new Set(items.map((i) => String(i.sk)));
  const raw = items.find((i) => i.sk === keys[0]!.sk);
  return {
    household: raw ? decodeHousehold(raw) : undefined,
    markers: { prev: found.has(keys[1]!.sk), this: found.has(keys[2]!.sk), next: found.has(keys[3]!.sk), visited: found.has(keys[4]!.sk) },
  };
}

function contactItems(h: HouseholdRecord, c: ContactRecord, plan: ContactPlan, idem: Record<string, string>): { next: HouseholdRecord; items: Item[] } {
  const put = (Item: Record<string, unknown>, cond = true): Item => ({ Put: { TableName: tableName(), Item, ...(cond ? { ConditionExpression: 'attribute_not_exists(pk)' } : {}) } });
  const latest = !h.lastContact || h.lastContact.at <= c.at;
  const next: HouseholdRecord = {
    ...h, version: h.version + 1,
    lastContact: latest ? { id: c.id, at: c.at, kind: c.kind, occasion: c.occasion } : h.lastContact,
  };
  const items = [
    put({ ...idem, contactId: c.id, householdId: h.id, at: c.at }),
    put({ ...key.householdContact(h.id, c.at, c.id), ...c }),
    // The household as read: a concurrent contact with it changes the version, so the markers read with it still hold.
    { Put: { TableName: tableName(), Item: householdItem(next), ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': h.version } } },
    ...(plan.create.month ? [put({ ...key.householdMonth(h.id, c.month), at: c.at })] : []),
    ...(plan.create.visit ? [put({ ...key.householdVisit(h.id, c.month), at: c.at })] : []),
    ...Object.entries(plan.adds).flatMap(([month, adds]) => coverageAdds(month, scopesOf(h), adds)),
  ];
  return { next, items };
}

export type ContactOutcome = { kind: 'created'; household: HouseholdRecord } | { kind: 'replay'; contactId: string; householdId: string } | { kind: 'gone' };

/**
 * Record a contact once per idempotency key: the contact, the household's last
 * contact, the month markers and the coverage counters in one transaction.
 * Re-reads and tries again when another contact with the same household got in first.
 */
export async function recordContact(h: HouseholdRecord, c: ContactRecord, idemKey: string, withDemand: boolean): Promise<ContactOutcome> {
  const idem = key.contactIdempotency(c.cadreUsername, idemKey);
  for (let attempt = 0; attempt < 8; attempt++) {
    const { household, markers } = await readMarkers(h, c.month);
    if (!household || household.deactivated) return { kind: 'gone' };
    const plan = planContact({ month: c.month, kind: c.kind, occasion: c.occasion, tags: household.tags, withDemand }, markers);
    const { next, items } = contactItems(household, c, plan, idem);
    const { failed } = await transact(() => items);
    if (!failed.length) return { kind: 'created', household: next };
    if (failed.includes(0)) {
      const first = await db().send(new GetCommand({ TableName: tableName(), Key: idem }));
      if (first.Item) return { kind: 'replay', contactId: String(first.Item.contactId), householdId: String(first.Item.householdId) };
    }
  }
  throw new ContentionError();
}

/** A contact by its household and id (a replay answers with the first one). */
export async function getContact(householdId: string, contactId: string): Promise<ContactRecord | undefined> {
  const items = await queryAll<Record<string, unknown>>({
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :c)', FilterExpression: 'id = :id',
    ExpressionAttributeValues: { ':pk': key.householdPartition(householdId), ':c': skPrefix.contact, ':id': contactId },
  });
  return items[0] ? decodeContact(items[0]) : undefined;
}

// ---------------------------------------------------------------- residents

export interface NoContactReportRecord {
  residentId: string;
  residentName: string | null;
  householdId: string;
  headName: string;
  regionCode: string;
  cadreUsername: string;
  lastContactAt: string | null;
  at: string;
}

/** The resident's household pointer and whether they reported no contact this month: one BatchGet (+ one Get of the household). */
export async function getResidentHousehold(residentId: string, month: string): Promise<{ household?: HouseholdRecord; reported: boolean }> {
  const found = await batchGetAll([key.householdOfResident(residentId), key.noContactReport(month, residentId)]);
  const pointer = found.find((i) => i.sk === key.householdOfResident(residentId).sk);
  const reported = found.some((i) => i.pk === key.noContactPartition(month));
  return { household: pointer ? await getHousehold(String(pointer.householdId)) : undefined, reported };
}

/** A 未联系 report, once per resident per month, counted in the household's scopes; 'repeat' when already sent. */
export async function reportNoContact(r: NoContactReportRecord, h: HouseholdRecord, month: string): Promise<'created' | 'repeat'> {
  const { failed } = await transact(() => [
    { Put: { TableName: tableName(), Item: { ...key.noContactReport(month, r.residentId), ...r }, ConditionExpression: 'attribute_not_exists(pk)' } },
    ...coverageAdds(month, scopesOf(h), { noContactReports: 1 }),
  ]);
  return failed.length ? 'repeat' : 'created';
}

/** A month's 未联系 reports (the supervisor's dashboard). */
export async function listNoContactReports(month: string, limit = 100): Promise<NoContactReportRecord[]> {
  const out = await db().send(new QueryCommand({ TableName: tableName(), KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': key.noContactPartition(month) }, Limit: limit }));
  return (out.Items ?? []).map(decodeNoContactReport);
}

// ---------------------------------------------------------------- the register, kept by staff

/**
 * The household and the month markers its counts rest on, read as of one
 * instant (TransactGet: a contact writes the markers and the household's
 * version together, so the two never disagree here). One TransactGetItems.
 */
export async function getHouseholdForChange(id: string, month: string): Promise<{ household: HouseholdRecord; marks: HouseholdMarks } | undefined> {
  const read = marksToRead(month);
  const keys = [key.household(id), ...read.contacted.map((m) => key.householdMonth(id, m)), ...read.visited.map((m) => key.householdVisit(id, m))];
  const out = await readRetrying(() => db().send(new TransactGetCommand({ TransactItems: keys.map((Key) => ({ Get: { TableName: tableName(), Key } })) })));
  const found = new Set((out.Responses ?? []).flatMap((r) => (r.Item ? [String(r.Item.sk)] : [])));
  const first = out.Responses?.[0]?.Item;
  if (!first) return undefined;
  return {
    household: decodeHousehold(first),
    marks: {
      contacted: read.contacted.filter((m) => found.has(key.householdMonth(id, m).sk)),
      visited: read.visited.filter((m) => found.has(key.householdVisit(id, m).sk)),
    },
  };
}

export interface RegisterWrite {
  /** The counters' changes (domain registerChange) and the name of a scope new to the register (none when it only leaves scopes). */
  deltas: CounterDelta[];
  labelOf?: (scope: string) => ScopeLabel;
  /** Residents with an account in the household: paired with this cadre (a move), or unpaired (taken off). */
  residents?: { ids: string[]; cadre: string | null };
}

/**
 * A new household once per idempotency key: the key, the household and its
 * counts in the register, in one transaction. 'replay' with the first household's id.
 */
export async function createHousehold(h: HouseholdRecord, by: string, idemKey: string, w: RegisterWrite): Promise<{ kind: 'created' } | { kind: 'replay'; householdId: string }> {
  const idem = key.householdIdempotency(by, idemKey);
  const { failed } = await transact(() => [
    { Put: { TableName: tableName(), Item: { ...idem, householdId: h.id, at: h.createdAt }, ConditionExpression: 'attribute_not_exists(pk)' } },
    { Put: { TableName: tableName(), Item: householdItem(h), ConditionExpression: 'attribute_not_exists(pk)' } },
    ...registerChangeItems(w.deltas, w.labelOf),
  ]);
  if (!failed.length) return { kind: 'created' };
  const first = await db().send(new GetCommand({ TableName: tableName(), Key: idem }));
  return { kind: 'replay', householdId: String(first.Item?.householdId ?? h.id) };
}

/**
 * Save a changed, moved or deactivated household as read (`version`), its
 * counter changes, and its residents' pairing, in one transaction. 'stale'
 * when someone (a contact, another edit) got in first.
 */
export async function saveHousehold(before: HouseholdRecord, next: HouseholdRecord, w: RegisterWrite): Promise<'saved' | 'stale'> {
  const now = next.updatedAt ?? new Date().toISOString();
  const { failed } = await transact(() => [
    { Put: { TableName: tableName(), Item: householdItem(next), ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': before.version } } },
    ...registerChangeItems(w.deltas, w.labelOf),
    ...(w.residents ? pairResidentItems(w.residents.ids, w.residents.cadre, now) : []),
    // Off the register: the resident no longer sees a cadre's contacts or reports none for it.
    ...(next.deactivated ? before.residentIds.map((rid) => ({ Delete: { TableName: tableName(), Key: key.householdOfResident(rid) } })) : []),
  ]);
  return failed.length ? 'stale' : 'saved';
}

// ---------------------------------------------------------------- the register (seed, import)

/** Write households, their residents' pointers and the base counts per scope (overwrites the base with the totals given). */
export async function putRegister(households: HouseholdRecord[], base: BaseItem[]): Promise<void> {
  await batchWriteAll([
    ...households.map((h) => ({ PutRequest: { Item: householdItem(h) } })),
    ...households.flatMap((h) => h.residentIds.map((rid) => ({ PutRequest: { Item: { ...key.householdOfResident(rid), householdId: h.id } } }))),
    ...base.map((b) => ({ PutRequest: { Item: { ...key.coverageBase(b.scope), ...b } } })),
  ]);
}

/** Seed only: contacts, markers and counters computed in memory, written in batches. */
export async function putContactHistory(contacts: ContactRecord[], markers: { householdId: string; month: string; visit: boolean }[], counters: { month: string; scope: string; counters: Counters }[]): Promise<void> {
  const puts = [
    ...contacts.map((c) => ({ PutRequest: { Item: { ...key.householdContact(c.householdId, c.at, c.id), ...c } } })),
    ...markers.map((m) => ({ PutRequest: { Item: m.visit ? key.householdVisit(m.householdId, m.month) : key.householdMonth(m.householdId, m.month) } })),
    ...counters.map((c) => ({ PutRequest: { Item: { ...key.coverage(c.month, c.scope), ...c.counters } } })),
  ];
  // A few batches in flight at once: a demo's thousand items in seconds.
  const lanes = 4;
  await Promise.all(Array.from({ length: lanes }, (_, i) => batchWriteAll(puts.filter((_, n) => Math.floor(n / 25) % lanes === i))));
}

export const hasRegister = async (): Promise<boolean> =>
  !!(await db().send(new GetCommand({ TableName: tableName(), Key: key.coverageBase(scope.county) }))).Item;
