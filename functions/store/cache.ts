// Reference data a Lambda container keeps for a short while, so a busy route
// does not read the same configuration on every request. Only for data staff
// change rarely and where a minute's lag in another container is harmless
// (calendar overrides, demand limits, regions, departments); a write in this
// container forgets the entry at once. Keyed by table, so test tables never mix.
import { tableName } from './client';

export const REFERENCE_TTL_MS = 60_000;

type Entry = { until: number; value: Promise<unknown> };
const entries = new Map<string, Entry>();
const keyOf = (name: string) => `${tableName()}|${name}`;

/** The live entry of `name`, if any. */
export function peek<T>(name: string): Promise<T> | undefined {
  const hit = entries.get(keyOf(name));
  return hit && Date.now() < hit.until ? (hit.value as Promise<T>) : undefined;
}

/** Keep `value` under `name`; a read that fails, or finds nothing (`keepIf`), is not kept. */
export function remember<T>(name: string, value: Promise<T>, keepIf: (v: T) => boolean = () => true, ttlMs = REFERENCE_TTL_MS): Promise<T> {
  const k = keyOf(name);
  const entry: Entry = { until: Date.now() + ttlMs, value };
  entries.set(k, entry);
  const drop = () => {
    if (entries.get(k) === entry) entries.delete(k);
  };
  value.then((v) => (keepIf(v) ? undefined : drop()), drop);
  return value;
}

/** The cached value of `name`, or `load()`'s (kept for the TTL). */
export function cached<T>(name: string, load: () => Promise<T>, keepIf?: (v: T) => boolean): Promise<T> {
  return peek<T>(name) ?? remember(name, load(), keepIf);
}

/** Forget `name` (this container wrote it). */
export function forget(name: string): void {
  entries.delete(keyOf(name));
}
