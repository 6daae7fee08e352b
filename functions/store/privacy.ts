// Personal data: consent on the profile, everything held about a resident
// (export), erasing it (deletion), and the audit partitions of exports,
// deletions and staff views of full phone / ID numbers.
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import type { FullView } from '../../shared/schemas/privacy';
import { homeRegions } from '../domain/notices';
import { deletionOutcome, ERASED_NAME, type ConsentRecord, type Holdings } from '../domain/privacy';
import { batchWriteAll } from './batch';
import { db, isConditionFailed, tableName } from './client';
import { certificatesOf, type HeldCertificate } from './certificates';
import { decoder, withoutKeys } from './entity';
import { key, skPrefix } from './keys';
import { queryPage, type Page, type PageRequest } from './page';
import { partition, queryAll } from './query';
import { transact } from './transact';
import { getResident, type ResidentRecord } from './people';
import { getApplicationWithEvents } from './applications';
import { getDemandWithEvents } from './demands';
import { cancelAppointment, decodeAppointment } from './appointments';
import { shanghaiDate } from '../domain/calendar';

type Raw = Record<string, unknown>;

/** Records the consent; false if the profile does not exist. */
export async function recordConsent(residentId: string, consent: ConsentRecord): Promise<boolean> {
  try {
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: key.resident(residentId),
        UpdateExpression: 'SET privacyConsent = :c',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':c': consent },
      }),
    );
    return true;
  } catch (err) {
    if (isConditionFailed(err)) return false;
    throw err;
  }
}

/** One of the resident's GSI1 lists, whole (its partition from keys.ts). */
const byResident = (gsi1: { gsi1pk: string }) =>
  queryAll<Raw>({ IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': gsi1.gsi1pk } });

/** Every record linked to the resident, raw (keys included, for erasing). */
async function linked(residentId: string) {
  const [appointments, applications, ratings, invites, demands, inbox, certificates] = await Promise.all([
    byResident(key.appointmentByResident(residentId, '', '', '')),
    byResident(key.applicationByResident(residentId, '', '')),
    byResident(key.ratingByResident(residentId, '', '')),
    byResident(key.rateInviteByResident(residentId, '', '')),
    byResident(key.demandByReporter(residentId, '', '')),
    queryAll<Raw>(partition(key.inboxPartition(residentId))),
    certificatesOf(residentId),
  ]);
  return { appointments, applications, ratings, invites, demands, inbox, certificates };
}

// Internal fields that say nothing about the person (keys, counters' bookkeeping).
const clean = (r: Raw): Raw => withoutKeys(r);

export interface Everything {
  profile: ResidentRecord;
  appointments: Raw[];
  applications: Raw[];
  ratings: Raw[];
  demands: Raw[];
  inbox: Raw[];
  certificates: Omit<HeldCertificate, 'residentId'>[];
}

/** Everything held about a resident, cases and demands with their timelines. */
export async function gatherEverything(residentId: string): Promise<Everything | undefined> {
  const [profile, l] = await Promise.all([getResident(residentId), linked(residentId)]);
  if (!profile) return undefined;
  const [applications, demands] = await Promise.all([
    Promise.all(l.applications.map(async (a) => {
      const found = await getApplicationWithEvents(String(a.id));
      return found ? { ...found.application, timeline: found.events } : clean(a);
    })),
    Promise.all(l.demands.map(async (d) => {
      const found = await getDemandWithEvents(String(d.id));
      return found ? { ...found.demand, timeline: found.events } : clean(d);
    })),
  ]);
  return {
    profile,
    appointments: l.appointments.map(clean),
    applications,
    ratings: l.ratings.map(clean),
    demands,
    inbox: l.inbox.filter((m) => String(m.sk).startsWith(skPrefix.message)).map(clean),
    certificates: l.certificates.map(({ residentId: _r, ...c }) => c),
  };
}

export interface DeletionRecord {
  residentId: string;
  status: 'scheduled' | 'done';
  requestedAt: string;
  dueBy: string;
  completedAt: string | null;
  holdings: Holdings;
}

const decodeDeletion = decoder<DeletionRecord>();

export async function getDeletion(residentId: string): Promise<DeletionRecord | undefined> {
  const out = await db().send(new GetCommand({ TableName: tableName(), Key: key.accountDeletion(residentId) }));
  return out.Item ? decodeDeletion(out.Item) : undefined;
}

/** The first request schedules the deletion (the 15-day promise on record); a retry keeps the first. */
export async function scheduleDeletion(d: DeletionRecord): Promise<DeletionRecord> {
  try {
    await db().send(
      new PutCommand({
        TableName: tableName(),
        Item: { ...key.accountDeletion(d.residentId), ...key.deletionDue(d.dueBy, d.residentId), ...d },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return d;
  } catch (err) {
    if (!isConditionFailed(err)) throw err;
    return (await getDeletion(d.residentId))!;
  }
}

/** Deletions still scheduled (a crash cut one short): the sweep carries them out. */
export async function listScheduledDeletions(): Promise<DeletionRecord[]> {
  const items = await queryAll<Raw>({ IndexName: 'gsi2', KeyConditionExpression: 'gsi2pk = :pk', ExpressionAttributeValues: { ':pk': key.deletionsDuePartition } });
  return items.map(decodeDeletion);
}

export async function countHoldings(residentId: string): Promise<Holdings> {
  const l = await linked(residentId);
  return {
    appointments: l.appointments.length,
    applications: l.applications.length,
    ratings: l.ratings.length,
    invites: l.invites.length,
    demands: l.demands.length,
    inbox: l.inbox.filter((m) => String(m.sk).startsWith(skPrefix.message)).length,
    certificates: l.certificates.length,
  };
}

/** The account id a kept record carries once its owner is gone: no link back to anyone. */
export const ERASED_RESIDENT = 'erased';

/** Unlink a kept record from the resident (and bump its version so a stale staff write cannot put the data back). */
function unlink(item: Raw, set: string, values: Raw, names?: Record<string, string>) {
  return db().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: { pk: item.pk, sk: item.sk },
      UpdateExpression: `SET ${set}, version = if_not_exists(version, :zero) + :one REMOVE gsi1pk, gsi1sk`,
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: { ...values, ':zero': 0, ':one': 1 },
      ...(names ? { ExpressionAttributeNames: names } : {}),
    }),
  ).catch((err) => {
    if (!isConditionFailed(err)) throw err;
  });
}

async function inChunks<T>(items: T[], size: number, run: (t: T) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(run));
}

/**
 * Carry out a scheduled deletion: erase what is not required, strip the
 * identity from what the law keeps, then remove the profile and the openid
 * link and mark the deletion done, in one transaction. Safe to run again
 * after a crash: every step is idempotent.
 */
export async function eraseResident(d: DeletionRecord, now: string): Promise<DeletionRecord> {
  const profile = await getResident(d.residentId);
  const l = await linked(d.residentId);
  await inChunks(l.applications, 8, (a) => unlink(a, 'applicantPhone = :null, residentId = :erased', { ':null': null, ':erased': ERASED_RESIDENT }));
  await inChunks(l.demands, 8, (x) => unlink(x, 'reporter = :reporter, residentId = :null', { ':reporter': { name: ERASED_NAME, phone: null }, ':null': null }));
  await inChunks(l.ratings, 8, (r) => unlink(r, '#comment = :null, residentId = :erased', { ':null': null, ':erased': ERASED_RESIDENT }, { '#comment': 'comment' }));
  // Bookings still to come are cancelled first, so their seats go back to others (and the one-per-slot guard goes).
  const today = shanghaiDate(new Date(now));
  const upcoming = l.appointments.map(decodeAppointment).filter((a) => a.status === 'booked' && a.date >= today);
  await inChunks(upcoming, 4, (a) => cancelAppointment(a, 'resident', '账号已注销', now));
  await inChunks(l.appointments, 8, (a) => unlink(a, 'residentId = :erased', { ':erased': ERASED_RESIDENT }));
  const deletes: Raw[] = [
    ...l.invites.map((i) => ({ pk: i.pk, sk: i.sk })),
    ...l.inbox.map((m) => ({ pk: m.pk, sk: m.sk })),
    ...l.certificates.map((c) => key.certificate(d.residentId, c.certificate)),
    key.consent(key.recipientOwner({ kind: 'resident', id: d.residentId })),
    ...(profile ? homeRegions(profile).map((code) => key.regionResident(code, d.residentId)) : []),
    ...(profile?.birthDate ? [key.residentByBirth(profile.birthDate, d.residentId)] : []),
  ];
  await batchWriteAll(deletes.map((k) => ({ DeleteRequest: { Key: k } })));
  const done: DeletionRecord = { ...d, status: 'done', completedAt: now };
  await transact(() => [
    ...(profile ? [{ Delete: { TableName: tableName(), Key: key.openid(profile.openid) } }, { Delete: { TableName: tableName(), Key: key.resident(d.residentId) } }] : []),
    { Put: { TableName: tableName(), Item: { ...key.accountDeletion(d.residentId), ...done } } },
  ]);
  return done;
}

export { deletionOutcome };

export interface PrivacyAudit {
  kind: 'export' | 'delete_requested' | 'delete_done';
  residentId: string;
  at: string;
  requestId: string;
}

/** Who exported or deleted, and when (no content: the audit must not become a copy of the data). */
export async function auditPrivacy(a: PrivacyAudit): Promise<void> {
  await db().send(new PutCommand({ TableName: tableName(), Item: { ...key.privacyAudit(a.at, `${a.kind}#${randomUUID()}`), ...a } }));
}

const decodePrivacyAudit = decoder<PrivacyAudit>();
const decodeFullView = decoder<FullView>();

export async function listPrivacyAudit(): Promise<PrivacyAudit[]> {
  const items = await queryAll<Raw>(partition(key.privacyAuditPartition));
  return items.map(decodePrivacyAudit);
}

/** Log full views of personal data, one item per record shown. */
export async function logFullViews(views: FullView[]): Promise<void> {
  if (!views.length) return;
  await batchWriteAll(views.map((v) => ({ PutRequest: { Item: { ...key.fullView(v.at, randomUUID()), ...v } } })));
}

export const pageFullViews = (req: PageRequest): Promise<Page<FullView>> =>
  queryPage({ index: 'table', partition: key.fullViewsPartition, newestFirst: true }, req, decodeFullView);
