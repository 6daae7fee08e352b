// Notice fan-out, every minute: a published notice's one fan-out row is
// claimed with a lease; the job pages through the targeted residents by the
// region index (never a Scan), writes each one's inbox entry and push in one
// transaction with a deterministic key (written once: a rerun after a crash
// skips those already done), and saves its place after every page.
// A withdrawal writes a retraction row into the same due index: once the
// delivery has finished, the job pages through the notice's inbox entries and
// takes each unread one off its resident's unread count, once (conditional).
// A delivery that is running when the notice is withdrawn stops at its next page.
import { randomBytes } from 'node:crypto';
import { NOTICE_KIND_LABELS } from '../../shared/schemas/notices';
import { matchesTarget, memberQueries, noticeMessage } from '../domain/notices';
import { shanghaiDate } from '../domain/calendar';
import { log } from '../lib/log';
import { pageMembers } from '../store/audience';
import { claimFanout, finishFanout, getNotice, listDueFanouts, saveFanoutProgress, type FanoutRecord } from '../store/notices';
import { pageNoticeInbox, uncountInbox } from '../store/inbox';
import { pushItems } from '../store/outbox';
import { reachItem } from '../store/reach';
import { listRegions } from '../store/reference';
import { transact } from '../store/transact';

const LEASE_MS = 5 * 60_000;

export interface FanoutOptions {
  now?: () => Date;
  pageSize?: number;
  /** Tests: stop (as if the job died) after this many pages. */
  crashAfterPages?: number;
  /** Tests: runs after each saved page (e.g. a withdrawal while the delivery runs). */
  betweenPages?: () => Promise<void>;
  concurrency?: number;
}

export interface FanoutResult {
  notices: number;
  pages: number;
  written: number;
  already: number;
  /** Unread entries of withdrawn notices taken off the count. */
  retracted: number;
}

type Opts = Required<Omit<FanoutOptions, 'crashAfterPages' | 'betweenPages'>> & FanoutOptions;

async function retract(f: FanoutRecord, owner: string, opts: Opts, result: FanoutResult): Promise<void> {
  const notice = await getNotice(f.noticeId);
  // Still delivering: wait (the lease runs out and the row is due again), so no entry is written after we passed.
  if (notice && !notice.fanoutDone) return;
  let position = (f.position ?? undefined) as Record<string, unknown> | undefined;
  do {
    const page = notice ? await pageNoticeInbox(notice.id, position, opts.pageSize) : { rows: [], next: undefined };
    const now = opts.now().toISOString();
    for (const { residentId, entry } of page.rows) {
      if ((await uncountInbox(residentId, entry.id, now, 'retracted')) === 'uncounted') result.retracted += 1;
    }
    position = page.next;
    result.pages += 1;
    const leaseUntil = new Date(opts.now().getTime() + LEASE_MS).toISOString();
    if (!(await saveFanoutProgress(f.noticeId, owner, 0, position ?? null, leaseUntil, 'retract'))) return; // taken over
    if (opts.crashAfterPages !== undefined && result.pages >= opts.crashAfterPages) return;
  } while (position);
  await finishFanout(f.noticeId, owner, 'retract');
}

async function fanOut(f: FanoutRecord, owner: string, opts: Opts, result: FanoutResult): Promise<void> {
  const notice = await getNotice(f.noticeId);
  if (!notice || notice.status !== 'published' || !notice.publishedAt) {
    await finishFanout(f.noticeId, owner); // withdrawn meanwhile: no more inboxes
    return;
  }
  const towns = (await listRegions()).filter((r) => r.code.length === 9).map((r) => r.code);
  const queries = memberQueries(notice.target.regionCodes, towns);
  const today = shanghaiDate(opts.now());
  const label = NOTICE_KIND_LABELS[notice.kind];
  let q = f.query;
  let position = (f.position ?? undefined) as Record<string, unknown> | undefined;
  let pagesHere = 0;
  while (q < queries.length) {
    // A withdrawal while delivering stops it at the next page; the retraction then takes back what was written.
    if (pagesHere++ > 0 && (await getNotice(notice.id))?.status !== 'published') break;
    const { members, next } = await pageMembers(queries[q]!.partition, queries[q]!.prefix, position, opts.pageSize);
    const chosen = members.filter((m) => matchesTarget(notice.target, { currentRegionCode: m.regionCode, hometownRegionCode: null, tags: m.tags, birthDate: m.birthDate }, today));
    let i = 0;
    const worker = async () => {
      while (i < chosen.length) {
        const m = chosen[i++]!;
        const msg = noticeMessage({ ...notice, publishedAt: notice.publishedAt! }, m.residentId, label);
        const { failed } = await transact(() => [
          ...pushItems({ kind: 'resident', id: m.residentId }, msg, notice.publishedAt!),
          reachItem(notice.id, { targeted: 1, inboxWritten: 1, pushed: 1 }, m.residentId),
        ]);
        if (failed.length) result.already += 1; // written before (a rerun, or their other region)
        else result.written += 1;
      }
    };
    await Promise.all(Array.from({ length: Math.min(opts.concurrency, chosen.length) }, worker));
    if (next) position = next;
    else {
      q += 1;
      position = undefined;
    }
    result.pages += 1;
    const leaseUntil = new Date(opts.now().getTime() + LEASE_MS).toISOString();
    if (!(await saveFanoutProgress(notice.id, owner, q, position ?? null, leaseUntil))) return; // taken over
    if (opts.crashAfterPages !== undefined && result.pages >= opts.crashAfterPages) return;
    await opts.betweenPages?.();
  }
  await finishFanout(notice.id, owner);
}

export async function runNoticeFanout(options: FanoutOptions = {}): Promise<FanoutResult> {
  const opts = { now: () => new Date(), pageSize: 100, concurrency: 8, ...options };
  const owner = randomBytes(6).toString('hex');
  const result: FanoutResult = { notices: 0, pages: 0, written: 0, already: 0, retracted: 0 };
  const now = opts.now();
  for (const due of await listDueFanouts(now.toISOString())) {
    const f = await claimFanout(due, owner, now.toISOString(), new Date(now.getTime() + LEASE_MS).toISOString());
    if (!f) continue;
    result.notices += 1;
    await (f.kind === 'retract' ? retract(f, owner, opts, result) : fanOut(f, owner, opts, result));
    if (opts.crashAfterPages !== undefined && result.pages >= opts.crashAfterPages) break;
  }
  if (result.notices) log.info('notice.fanout', { ...result });
  return result;
}

export const handler = async () => runNoticeFanout();
