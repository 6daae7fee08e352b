// The two retry loops every DynamoDB write transaction and batch read go
// through, driven by an injected send function (no table needed).
import { batchGetAll, BATCH_GET_LIMIT, UnprocessedKeysError } from '../../functions/store/batch';
import { ContentionError, TRANSACT_MAX_ATTEMPTS, transact } from '../../functions/store/transact';

const cancelled = (...codes: string[]) =>
  Object.assign(new Error('Transaction cancelled'), { name: 'TransactionCanceledException', CancellationReasons: codes.map((Code) => ({ Code })) });

describe('transact()', () => {
  test('a lost race (TransactionConflict) is retried until it goes through, not reported as a failed condition', async () => {
    let calls = 0;
    const send = async () => {
      calls += 1;
      if (calls < 4) throw cancelled('None', 'TransactionConflict');
    };
    expect(await transact(() => [], send)).toEqual({ failed: [], reasons: [] });
    expect(calls).toBe(4);
  });

  test('a failed condition is returned at once with its index', async () => {
    let calls = 0;
    const send = async () => {
      calls += 1;
      throw cancelled('None', 'ConditionalCheckFailed', 'TransactionConflict');
    };
    const out = await transact(() => [], send);
    expect(out.failed).toEqual([1]);
    expect(calls).toBe(1);
  });

  test('the retries are bounded: endless contention ends in ContentionError', async () => {
    let calls = 0;
    const send = async () => {
      calls += 1;
      throw cancelled('TransactionConflict');
    };
    await expect(transact(() => [], send)).rejects.toBeInstanceOf(ContentionError);
    expect(calls).toBe(TRANSACT_MAX_ATTEMPTS);
  }, 20_000);

  test('a cancellation for another reason (validation) is not retried', async () => {
    let calls = 0;
    const send = async () => {
      calls += 1;
      throw cancelled('ValidationError');
    };
    await expect(transact(() => [], send)).rejects.toThrow('Transaction cancelled');
    expect(calls).toBe(1);
  });
});

describe('batchGetAll()', () => {
  const region = (code: string) => ({ pk: 'REGIONS', sk: `REGION#${code}` });

  test('keys DynamoDB leaves unprocessed (throttling) are asked again, so an existing region is found', async () => {
    const asked: number[] = [];
    let first = true;
    const send = async (keys: Record<string, unknown>[]) => {
      asked.push(keys.length);
      const found = keys.map((k) => ({ ...k, code: String(k.sk).slice(7) }));
      if (first) {
        first = false;
        return { found: found.slice(0, 1), unprocessed: keys.slice(1) };
      }
      return { found, unprocessed: [] };
    };
    const items = await batchGetAll([region('511999'), region('511999103')], send);
    expect(items.map((i) => i.code).sort()).toEqual(['511999', '511999103']);
    expect(asked).toEqual([2, 1]);
  });

  test('chunks of 100 keys, duplicates read once', async () => {
    const sizes: number[] = [];
    const send = async (keys: Record<string, unknown>[]) => {
      sizes.push(keys.length);
      return { found: keys, unprocessed: [] };
    };
    const keys = Array.from({ length: 250 }, (_, i) => region(String(i)));
    const items = await batchGetAll([...keys, region('7')], send);
    expect(items).toHaveLength(250);
    expect(sizes).toEqual([BATCH_GET_LIMIT, BATCH_GET_LIMIT, 50]);
  });

  test('bounded: keys that stay unprocessed are an error, never reported as missing', async () => {
    const send = async (keys: Record<string, unknown>[]) => ({ found: [], unprocessed: keys });
    await expect(batchGetAll([region('511999')], send)).rejects.toBeInstanceOf(UnprocessedKeysError);
  }, 20_000);
});
