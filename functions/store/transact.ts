// Transactions that retry while they only lost a race: contended items (slot
// counters, satisfaction counters) see TransactionConflict under load.
import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { db } from './client';

export type Item = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** Reasons DynamoDB gave for a cancelled transaction, one per item. */
function reasons(err: unknown): { Code?: string; Item?: Record<string, unknown> }[] | undefined {
  if (err instanceof Error && err.name === 'TransactionCanceledException') {
    // The document client does not unmarshall the items returned on a failed condition.
    const rs = (err as { CancellationReasons?: { Code?: string; Item?: Record<string, any> }[] }).CancellationReasons ?? [];
    return rs.map((r) => ({ Code: r.Code, Item: r.Item ? unmarshall(r.Item) : undefined }));
  }
  return undefined;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Run a transaction, retrying while it only lost a race (TransactionConflict)
 * and no condition failed. Returns the failed item indexes, or [] on success.
 */
export async function transact(build: () => Item[]): Promise<{ failed: number[]; reasons: { Code?: string; Item?: Record<string, unknown> }[] }> {
  for (let attempt = 0; ; attempt++) {
    try {
      await db().send(new TransactWriteCommand({ TransactItems: build() }));
      return { failed: [], reasons: [] };
    } catch (err) {
      const rs = reasons(err);
      if (!rs) throw err;
      const failed = rs.flatMap((r, i) => (r.Code === 'ConditionalCheckFailed' ? [i] : []));
      if (failed.length || attempt >= 40) {
        if (!failed.length) throw err;
        return { failed, reasons: rs };
      }
      await sleep(5 + Math.random() * Math.min(200, 10 * 2 ** Math.min(attempt, 5)));
    }
  }
}

