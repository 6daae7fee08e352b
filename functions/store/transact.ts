// Transactions that retry while they only lost a race: contended items (slot
// counters, satisfaction counters, an item's performance counters) see
// TransactionConflict under load. Every TransactWrite in functions/store goes
// through transact(), so a lost race is never mistaken for a failed condition.
import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { db } from './client';

export type Item = NonNullable<TransactWriteCommandInput['TransactItems']>[number];
export type Reason = { Code?: string; Item?: Record<string, unknown> };

/** Attempts in all (the first and the retries); with the backoff below about 4 s at worst, 2 s on average. */
export const TRANSACT_MAX_ATTEMPTS = 16;
const BACKOFF_BASE_MS = 10;
const BACKOFF_CAP_MS = 300;

/** Full jitter: a random wait up to an exponentially growing, capped bound, so racers spread out. */
export const backoffMs = (attempt: number, random = Math.random): number =>
  random() * Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** attempt);

/** Still contended after every attempt: the caller should answer "busy, try again" (503), not "stale" (409). */
export class ContentionError extends Error {
  constructor() {
    super('transaction still conflicting after retries');
    this.name = 'ContentionError';
  }
}

/** Reasons DynamoDB gave for a cancelled transaction, one per item. */
function reasons(err: unknown): Reason[] | undefined {
  if (err instanceof Error && err.name === 'TransactionCanceledException') {
    // The document client does not unmarshall the items returned on a failed condition.
    const rs = (err as { CancellationReasons?: { Code?: string; Item?: Record<string, any> }[] }).CancellationReasons ?? [];
    return rs.map((r) => ({ Code: r.Code, Item: r.Item ? unmarshall(r.Item) : undefined }));
  }
  return undefined;
}

/** Codes that mean "lost a race or was throttled": worth another try. */
const TRANSIENT = new Set(['None', 'TransactionConflict', 'ThrottlingError', 'ProvisionedThroughputExceeded']);
/** Errors thrown instead of a cancellation that are also transient. */
const TRANSIENT_ERRORS = new Set(['TransactionConflictException', 'TransactionInProgressException']);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export type SendTransaction = (items: Item[]) => Promise<unknown>;
const sendToTable: SendTransaction = (items) => db().send(new TransactWriteCommand({ TransactItems: items }));

/**
 * Run a transaction, retrying (bounded, with jitter) while it only lost a
 * race. Returns the indexes of items whose condition failed, or [] on
 * success. Throws ContentionError when the retries run out, and any other
 * error as it came. `send` is injectable for tests.
 */
export async function transact(build: () => Item[], send: SendTransaction = sendToTable): Promise<{ failed: number[]; reasons: Reason[] }> {
  for (let attempt = 0; attempt < TRANSACT_MAX_ATTEMPTS; attempt++) {
    if (attempt) await sleep(backoffMs(attempt));
    try {
      await send(build());
      return { failed: [], reasons: [] };
    } catch (err) {
      const rs = reasons(err);
      if (!rs) {
        if (err instanceof Error && TRANSIENT_ERRORS.has(err.name)) continue;
        throw err;
      }
      const failed = rs.flatMap((r, i) => (r.Code === 'ConditionalCheckFailed' ? [i] : []));
      if (failed.length) return { failed, reasons: rs };
      if (!rs.every((r) => !r.Code || TRANSIENT.has(r.Code))) throw err;
    }
  }
  throw new ContentionError();
}
