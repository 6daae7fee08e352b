// Every BatchGet in functions/store goes through batchGetAll(): DynamoDB reads
// at most 100 keys per call and, when throttled, hands back part of them as
// UnprocessedKeys. Ignoring those made existing records look missing (a
// region "did not exist" under load).
import { BatchGetCommand, BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from './client';

type Key = Record<string, unknown>;
export type BatchGetPage = { found: Record<string, unknown>[]; unprocessed: Key[] };
export type SendBatchGet = (keys: Key[]) => Promise<BatchGetPage>;

/** DynamoDB's limit of keys per BatchGetItem. */
export const BATCH_GET_LIMIT = 100;
/** Rounds for the unprocessed keys of one chunk before giving up (about 3 s of backoff at worst). */
export const BATCH_GET_MAX_ATTEMPTS = 10;

/** Still unprocessed after every retry: a throttled table, not a missing record. */
export class UnprocessedKeysError extends Error {
  constructor(readonly remaining: number) {
    super(`${remaining} keys still unprocessed after retries`);
    this.name = 'UnprocessedKeysError';
  }
}

const sendToTable: SendBatchGet = async (keys) => {
  const out = await db().send(new BatchGetCommand({ RequestItems: { [tableName()]: { Keys: keys } } }));
  return {
    found: (out.Responses?.[tableName()] ?? []) as Record<string, unknown>[],
    unprocessed: (out.UnprocessedKeys?.[tableName()]?.Keys ?? []) as Key[],
  };
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Full jitter, exponential, capped: AWS's advice for unprocessed keys. */
const backoffMs = (attempt: number) => Math.random() * Math.min(500, 20 * 2 ** attempt);

/**
 * Every item among `keys` that exists (duplicates read once), in chunks of
 * 100, retrying unprocessed keys with backoff. Throws UnprocessedKeysError
 * rather than report an existing item as missing. `send` is injectable for tests.
 */
export async function batchGetAll<K extends Key>(keys: K[], send: SendBatchGet = sendToTable): Promise<Record<string, unknown>[]> {
  const seen = new Set<string>();
  const unique = keys.filter((k) => {
    const id = JSON.stringify([k.pk, k.sk]);
    return seen.has(id) ? false : (seen.add(id), true);
  });
  const found: Record<string, unknown>[] = [];
  for (let i = 0; i < unique.length; i += BATCH_GET_LIMIT) {
    let pending: Key[] = unique.slice(i, i + BATCH_GET_LIMIT);
    for (let attempt = 0; pending.length; attempt++) {
      if (attempt >= BATCH_GET_MAX_ATTEMPTS) throw new UnprocessedKeysError(pending.length);
      if (attempt) await sleep(backoffMs(attempt));
      const page = await send(pending);
      found.push(...page.found);
      pending = page.unprocessed;
    }
  }
  return found;
}

/** DynamoDB's limit of requests per BatchWriteItem. */
export const BATCH_WRITE_LIMIT = 25;

/** Put or delete many items (not atomic), 25 at a time, retrying unprocessed requests with backoff. */
export async function batchWriteAll(requests: ({ PutRequest: { Item: Key } } | { DeleteRequest: { Key: Key } })[]): Promise<void> {
  for (let i = 0; i < requests.length; i += BATCH_WRITE_LIMIT) {
    let pending: unknown[] = requests.slice(i, i + BATCH_WRITE_LIMIT);
    for (let attempt = 0; pending.length; attempt++) {
      if (attempt >= BATCH_GET_MAX_ATTEMPTS) throw new UnprocessedKeysError(pending.length);
      if (attempt) await sleep(backoffMs(attempt));
      const out = await db().send(new BatchWriteCommand({ RequestItems: { [tableName()]: pending as never } }));
      pending = out.UnprocessedItems?.[tableName()] ?? [];
    }
  }
}
