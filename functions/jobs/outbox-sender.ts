// The push sender, every minute: claim due outbox rows (conditional update
// with a lease, so two senders never send one row), check the fields against
// the template, spend the recipient's consent, call subscribeMessage.send and
// act on the classified answer. A WeChat outage loses nothing: rows wait on
// the retry schedule. The clock is injectable so tests can drive the schedule.
import { randomBytes } from 'node:crypto';
import { PUSH_TEMPLATES } from '../../shared/push-templates';
import { classify, eventFor, fieldErrors, LEASE_MS, nextOutboxState, type SendAnswer } from '../domain/outbox';
import { log } from '../lib/log';
import { subscribeSend, type SubscribeMessage } from '../lib/wechat-api';
import { clearConsent, refundCredit, reserveConsent } from '../store/consent';
import { claimOutbox, finishOutbox, listDueOutbox, type Finish, type OutboxRecord } from '../store/outbox';
import { reachItem, type ReachField } from '../store/reach';
import { getNotice } from '../store/notices';
import { getResident, getStaff } from '../store/people';

export interface SenderOptions {
  now?: () => Date;
  /** Rows per shard per pass. */
  limit?: number;
  /** Sends in flight at once. */
  concurrency?: number;
  send?: (msg: SubscribeMessage) => Promise<SendAnswer>;
}

export interface SenderResult {
  claimed: number;
  sent: number;
  skipped: number;
  retried: number;
  dead: number;
}

async function openidOf(row: OutboxRecord): Promise<string | null> {
  if (row.recipient.kind === 'resident') return (await getResident(row.recipient.id))?.openid ?? null;
  return (await getStaff(row.recipient.username))?.openid ?? null;
}

let statuses = new Map<string, Promise<string | undefined>>();
const noticeStatus = (id: string) => {
  if (!statuses.has(id)) statuses.set(id, getNotice(id).then((n) => n?.status));
  return statuses.get(id)!;
};

/** Deliver one claimed row; returns what happened to it. */
async function deliver(row: OutboxRecord, send: NonNullable<SenderOptions['send']>, now: Date): Promise<{ f: Finish; note?: 'cleared' }> {
  const problems = fieldErrors(row.template, row.data);
  if (problems.length) return { f: { state: 'dead', dueAt: null, failures: row.failures, lastError: `fields: ${problems.join('; ')}` } };
  // A notice withdrawn before its push went out stays in nobody's phone (its status read once a pass).
  if (row.noticeId && (await noticeStatus(row.noticeId)) !== 'published') {
    return { f: { state: 'skipped', dueAt: null, failures: row.failures, lastError: 'notice withdrawn' } };
  }
  const openid = await openidOf(row);
  if (!openid) return { f: { state: 'dead', dueAt: null, failures: row.failures, lastError: 'no openid' } };
  const consent = await reserveConsent(row.recipient, row.template);
  if (consent === 'none') return { f: { state: 'skipped', dueAt: null, failures: row.failures, lastError: 'no consent' } };
  const answer = await send({
    touser: openid,
    template_id: PUSH_TEMPLATES[row.template].id,
    page: row.page,
    data: Object.fromEntries(Object.entries(row.data).map(([k, v]) => [k, { value: v }])),
  });
  const outcome = classify(answer);
  const failures = outcome === 'retry' || outcome === 'refresh_token' ? row.failures + 1 : row.failures;
  const { event, dueAt } = eventFor(outcome === 'refresh_token' ? 'retry' : outcome, failures, now);
  const state = nextOutboxState('sending', event)!;
  const lastError = outcome === 'sent' ? null : JSON.stringify(answer);
  if (outcome === 'skip') {
    // 43101: WeChat says there is no consent (any more); the inbox still has the message.
    await clearConsent(row.recipient, row.template, now.toISOString());
    return { f: { state, dueAt, failures, lastError }, note: 'cleared' };
  }
  if (state !== 'sent' && consent === 'credit') await refundCredit(row.recipient, row.template);
  return { f: { state, dueAt, failures, lastError } };
}

const REACH_OF: Partial<Record<Finish['state'], ReachField>> = { sent: 'delivered', skipped: 'skipped', dead: 'failed' };

async function processRow(due: OutboxRecord, owner: string, opts: Required<SenderOptions>, result: SenderResult): Promise<void> {
  const now = opts.now();
  const row = await claimOutbox(due, owner, now.toISOString(), new Date(now.getTime() + LEASE_MS).toISOString());
  if (!row) return; // another sender has it
  result.claimed += 1;
  let f: Finish;
  try {
    f = (await deliver(row, opts.send, now)).f;
  } catch (err) {
    // Our own failure (the table, a bug): leave the lease to run out and the row to come back.
    log.warn('outbox.deliver.failed', { id: row.id, error: err instanceof Error ? err.name : 'unknown' });
    return;
  }
  const reach = REACH_OF[f.state];
  const extra = row.noticeId && reach ? [reachItem(row.noticeId, { [reach]: 1 }, row.id)] : [];
  if ((await finishOutbox(row, owner, f, now.toISOString(), extra)) === 'lost') return;
  if (f.state === 'sent') result.sent += 1;
  else if (f.state === 'skipped') result.skipped += 1;
  else if (f.state === 'dead') {
    result.dead += 1;
    log.warn('outbox.dead', { id: row.id, template: row.template, error: f.lastError });
  } else result.retried += 1;
}

/** One pass over the due rows. */
export async function runOutboxSender(options: SenderOptions = {}): Promise<SenderResult> {
  const opts: Required<SenderOptions> = {
    now: options.now ?? (() => new Date()),
    limit: options.limit ?? 100,
    concurrency: options.concurrency ?? 8,
    send: options.send ?? ((m) => subscribeSend(m)),
  };
  const owner = randomBytes(6).toString('hex');
  statuses = new Map();
  const result: SenderResult = { claimed: 0, sent: 0, skipped: 0, retried: 0, dead: 0 };
  const due = await listDueOutbox(opts.now().toISOString(), opts.limit);
  let next = 0;
  const worker = async () => {
    while (next < due.length) await processRow(due[next++]!, owner, opts, result);
  };
  await Promise.all(Array.from({ length: Math.min(opts.concurrency, due.length) }, worker));
  if (due.length) log.info('outbox.sender', { due: due.length, ...result });
  return result;
}

export const handler = async () => runOutboxSender();
