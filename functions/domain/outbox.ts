// The push outbox: field limits, the answer classification, the retry schedule
// and the row state machine. Pure; the store and the sender job ask these.
import { PUSH_TEMPLATES, type FieldKind, type PushTemplate } from '../../shared/push-templates';

// ---------------------------------------------------------------- fields

/** WeChat's limits per field kind (characters, as WeChat counts them: code points). */
const LIMITS: Record<FieldKind, { max: number; pattern?: RegExp; what: string }> = {
  thing: { max: 20, what: '事物' },
  // phrase: Chinese only, ≤ 5 characters (WeChat refuses digits and letters).
  phrase: { max: 5, pattern: /^[\u4e00-\u9fff]+$/, what: '短语' },
  character_string: { max: 32, pattern: /^[A-Za-z0-9_\-.:#/]+$/, what: '字符串' },
  time: { max: 32, pattern: /^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}(:\d{2})?)?$|^\d{4}年\d{1,2}月\d{1,2}日( \d{2}:\d{2})?$/, what: '时间' },
  date: { max: 32, pattern: /^\d{4}-\d{2}-\d{2}$|^\d{4}年\d{1,2}月\d{1,2}日$/, what: '日期' },
  number: { max: 32, pattern: /^\d+(\.\d+)?$/, what: '数字' },
  name: { max: 10, what: '姓名' },
};

const length = (s: string) => [...s].length;

/** Problems with `data` for `template`: a missing, extra, empty, too long, multi-line or malformed field. [] when it can be sent. */
export function fieldErrors(template: PushTemplate, data: Record<string, string>): string[] {
  const spec = PUSH_TEMPLATES[template].fields as Record<string, FieldKind>;
  const errors: string[] = [];
  for (const name of Object.keys(data)) if (!(name in spec)) errors.push(`${name}: not in template`);
  for (const [name, kind] of Object.entries(spec)) {
    const v = data[name];
    const limit = LIMITS[kind];
    if (v === undefined || v.trim() === '') errors.push(`${name}: empty`);
    else if (/[\r\n]/.test(v)) errors.push(`${name}: newline`);
    else if (length(v) > limit.max) errors.push(`${name}: longer than ${limit.max}`);
    else if (limit.pattern && !limit.pattern.test(v)) errors.push(`${name}: not a ${kind}`);
  }
  return errors;
}

/** Shape free text into a `thing` (≤ 20, one line): builders call this so a long title never kills a push. */
export function asThing(s: string, max = LIMITS.thing.max): string {
  const line = s.replace(/\s+/g, ' ').trim();
  const chars = [...line];
  return chars.length <= max ? line : chars.slice(0, max - 1).join('') + '…';
}

// ---------------------------------------------------------------- answers

export type SendOutcome = 'sent' | 'skip' | 'dead' | 'retry' | 'refresh_token';

/** What WeChat (or the network) answered one send. */
export type SendAnswer = { errcode: number } | { httpStatus: number } | { timeout: true } | { network: true };

const DEAD = new Set([40003, 40037, 41030, 47003]);
const RETRY = new Set([-1, 45009]);
const TOKEN = new Set([40001, 42001]);

/** 0 sent; 43101 no consent (skip, clear it); bad openid/template/page/data dead; busy, rate limit, 5xx, timeouts retried. */
export function classify(answer: SendAnswer): SendOutcome {
  if ('timeout' in answer || 'network' in answer) return 'retry';
  if ('httpStatus' in answer) return answer.httpStatus >= 500 || answer.httpStatus === 429 ? 'retry' : 'dead';
  const c = answer.errcode;
  if (c === 0) return 'sent';
  if (c === 43101) return 'skip';
  if (TOKEN.has(c)) return 'refresh_token';
  if (DEAD.has(c)) return 'dead';
  if (RETRY.has(c)) return 'retry';
  // An answer we do not know: retrying cannot make it right, and an admin should look.
  return 'dead';
}

/** Waits before each retry: 1 min, 5 min, 30 min, 2 h, 12 h; after the fifth retry fails, dead. */
export const RETRY_DELAYS_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3600_000, 12 * 3600_000] as const;

/** When the next attempt is due after `failures` failed attempts (1 = the first failed), or null: give up. */
export function nextAttemptAt(failures: number, now: Date): string | null {
  const delay = RETRY_DELAYS_MS[failures - 1];
  return delay === undefined ? null : new Date(now.getTime() + delay).toISOString();
}

/** How long a claim holds a row; a sender that dies leaves it due again after this. */
export const LEASE_MS = 2 * 60_000;

// ---------------------------------------------------------------- state machine

export const OUTBOX_STATES = ['pending', 'sending', 'sent', 'skipped', 'dead'] as const;
export type OutboxState = (typeof OUTBOX_STATES)[number];
export type OutboxEvent = 'claim' | 'sent' | 'skip' | 'retry' | 'die';

/** The one transition table. `sending` → claim again is a crashed sender's lease running out. */
const TRANSITIONS: Record<OutboxState, Partial<Record<OutboxEvent, OutboxState>>> = {
  pending: { claim: 'sending', skip: 'skipped', die: 'dead' },
  sending: { claim: 'sending', sent: 'sent', skip: 'skipped', retry: 'pending', die: 'dead' },
  sent: {},
  skipped: {},
  dead: {},
};

export const nextOutboxState = (from: OutboxState, event: OutboxEvent): OutboxState | null => TRANSITIONS[from][event] ?? null;
export const isFinal = (s: OutboxState) => Object.keys(TRANSITIONS[s]).length === 0;

/** The event a classified answer drives (a token refresh is handled inside the send). */
export function eventFor(outcome: Exclude<SendOutcome, 'refresh_token'>, failures: number, now: Date): { event: OutboxEvent; dueAt: string | null } {
  if (outcome === 'sent') return { event: 'sent', dueAt: null };
  if (outcome === 'skip') return { event: 'skip', dueAt: null };
  if (outcome === 'dead') return { event: 'die', dueAt: null };
  const dueAt = nextAttemptAt(failures, now);
  return dueAt ? { event: 'retry', dueAt } : { event: 'die', dueAt: null };
}

// ---------------------------------------------------------------- ids

/**
 * Deterministic ids: the cause names the push, so a retried transaction or a
 * rerun job writes the same row (attribute_not_exists) and never a second.
 */
export const outboxId = {
  bookingCancelled: (appointmentId: string) => `appt-cancel-${appointmentId}`,
  bookingReminder: (appointmentId: string) => `appt-remind-${appointmentId}`,
  caseStep: (applicationId: string, version: number) => `case-${applicationId}-v${version}`,
  rateInvite: (targetType: string, targetId: string) => `rate-${targetType}-${targetId}`,
  ticketOutcome: (ticketId: string) => `ticket-${ticketId}`,
  notice: (noticeId: string, residentId: string) => `notice-${noticeId}-${residentId}`,
  digest: (departmentId: string, date: string, username: string) => `digest-${departmentId}-${date}-${username}`,
  proactive: (ruleKey: string) => `proactive-${ruleKey}`,
  demand: (demandId: string, version: number) => `demand-${demandId}-v${version}`,
};
