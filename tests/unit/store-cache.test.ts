// The per-container cache of reference data (store/cache.ts): kept for the
// TTL, per table, forgotten on a write, and never keeping a failure or a miss.
import { cached, forget, REFERENCE_TTL_MS } from '../../functions/store/cache';

beforeEach(() => {
  process.env.TABLE_NAME = 'cache-test-a';
  jest.useFakeTimers({ now: new Date('2026-12-01T02:00:00Z') });
});
afterEach(() => jest.useRealTimers());

const counter = () => {
  let reads = 0;
  return { load: async () => ++reads, reads: () => reads };
};

test('read once within the TTL, again after it', async () => {
  const c = counter();
  expect(await cached('limits-1', c.load)).toBe(1);
  jest.advanceTimersByTime(REFERENCE_TTL_MS - 1);
  expect(await cached('limits-1', c.load)).toBe(1);
  jest.advanceTimersByTime(1);
  expect(await cached('limits-1', c.load)).toBe(2);
  expect(c.reads()).toBe(2);
});

test('a write in this container forgets the entry at once', async () => {
  const c = counter();
  await cached('limits-2', c.load);
  forget('limits-2');
  expect(await cached('limits-2', c.load)).toBe(2);
});

test('each table has its own entries', async () => {
  const c = counter();
  await cached('limits-3', c.load);
  process.env.TABLE_NAME = 'cache-test-b';
  expect(await cached('limits-3', c.load)).toBe(2);
});

test('a failed read and a miss are not kept', async () => {
  await expect(cached('dept-1', async () => { throw new Error('throttled'); })).rejects.toThrow('throttled');
  expect(await cached('dept-1', async () => 'found')).toBe('found');
  expect(await cached('dept-2', async () => undefined, (v) => v !== undefined)).toBeUndefined();
  await Promise.resolve();
  expect(await cached('dept-2', async () => 'created since', (v) => v !== undefined)).toBe('created since');
});
