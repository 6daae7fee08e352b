// Contacts recorded in the field without signal: kept on the phone (Taro
// storage) and sent when the signal returns. Each keeps the idempotency key
// and the time it was recorded, so a resend (after a lost answer, or from two
// triggers at once) is stored once and counts in the right month.
import Taro from '@tarojs/taro';
import type { RecordContactBody } from '../api/households';
import { isApiError } from '../api/errors';

const KEY = 'banshi.outbox.contacts';

export interface QueuedContact {
  householdId: string;
  /** Shown in the list of unsent contacts. */
  headName: string;
  body: RecordContactBody & { contactedAt: string };
  /** The last refusal (a 4xx): kept for the cadre to see, not sent again. */
  refused?: string;
}

export function queuedContacts(): QueuedContact[] {
  try {
    const v = Taro.getStorageSync(KEY) as QueuedContact[] | '' | undefined;
    return Array.isArray(v) ? v : [];
  } catch {
    return [];
  }
}

const listeners = new Set<() => void>();

/** Called whenever the queue changes (the outbox card shows it). */
export function onOutboxChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function save(list: QueuedContact[]): void {
  try {
    Taro.setStorageSync(KEY, list);
  } catch {
    // storage full: the contact is refused a place and the form says so
  }
  listeners.forEach((l) => l());
}

/** Keep a contact before the first attempt to send it, so a crash or a dropped signal never loses it. */
export function queueContact(c: QueuedContact): void {
  save([...queuedContacts().filter((q) => q.body.idempotencyKey !== c.body.idempotencyKey), c]);
}

/** Forget a refused contact the cadre has read. */
export function dropContact(idempotencyKey: string): void {
  save(queuedContacts().filter((q) => q.body.idempotencyKey !== idempotencyKey));
}

/** Worth sending again later: no signal, a timeout, the server busy or down. */
const retryable = (e: unknown) => !isApiError(e) || e.status === 0 || e.status === 429 || e.status >= 500;

export interface FlushResult {
  sent: number;
  left: number;
}

async function flushOnce(send: (c: QueuedContact) => Promise<unknown>): Promise<FlushResult> {
  let sent = 0;
  for (const c of queuedContacts().filter((q) => !q.refused)) {
    try {
      await send(c);
      sent += 1;
      dropContact(c.body.idempotencyKey);
    } catch (e) {
      if (retryable(e)) break;
      save(queuedContacts().map((q) => (q.body.idempotencyKey === c.body.idempotencyKey ? { ...q, refused: (e as Error).message } : q)));
    }
  }
  return { sent, left: queuedContacts().length };
}

// Passes run one after another, each reading the queue afresh: a contact queued
// while one runs is sent by the next, and no two passes send the same one.
let chain: Promise<unknown> = Promise.resolve();

/** Send what is queued, oldest first; stop at the first failure that signal would cure. */
export function flushContacts(send: (c: QueuedContact) => Promise<unknown>): Promise<FlushResult> {
  const pass = chain.then(() => flushOnce(send));
  chain = pass.catch(() => undefined);
  return pass;
}
