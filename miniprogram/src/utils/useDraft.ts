// A form's draft kept on the device as the resident types, so a reload, a
// crash or a dropped village signal never loses what was filled in. Restored
// on the next visit until it is submitted (clear) or thrown away (discard).
import Taro from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';

const PREFIX = 'banshi.draft.';
/** Older drafts are dropped: a form left for a week is not the same errand. */
export const DRAFT_MAX_AGE_MS = 7 * 24 * 3600_000;

interface Stored<T> {
  value: T;
  savedAt: number;
}

function read<T>(key: string, now: number): T | undefined {
  try {
    const stored = Taro.getStorageSync(PREFIX + key) as Stored<T> | '' | undefined;
    if (stored && typeof stored === 'object' && 'value' in stored && now - stored.savedAt < DRAFT_MAX_AGE_MS) return stored.value;
  } catch {
    // storage unavailable: start empty
  }
  return undefined;
}

function write<T>(key: string, value: T): void {
  try {
    Taro.setStorageSync(PREFIX + key, { value, savedAt: Date.now() } satisfies Stored<T>);
  } catch {
    // storage full: the form still works, only without the safety net
  }
}

/** Sign-out: drafts hold what a resident typed (names, phones, addresses), so none outlives the session. */
export function forgetDrafts(): void {
  try {
    for (const k of Taro.getStorageInfoSync().keys) if (k.startsWith(PREFIX)) Taro.removeStorageSync(k);
  } catch {
    // storage unavailable: nothing was kept
  }
}

function remove(key: string): void {
  try {
    Taro.removeStorageSync(PREFIX + key);
  } catch {
    // nothing to remove
  }
}

export interface Draft<T> {
  value: T;
  /** A change by the resident (saved); `prefill` for what the page fills in itself (not a draft on its own). */
  set: (next: T | ((prev: T) => T), prefill?: boolean) => void;
  /** The form was filled from a saved draft (show it, with a way to discard). */
  restored: boolean;
  /** After a successful submit: forget the draft. */
  clear: () => void;
  /** The resident starts over: forget it and empty the form. */
  discard: () => void;
}

/**
 * `key` names the form and what it is about (e.g. `apply:QS-MZ-001`); an empty
 * key keeps nothing (the form is not ready yet). `initial` may be a function,
 * called once.
 */
export function useDraft<T>(key: string, initial: T | (() => T)): Draft<T> {
  const fresh = useRef<() => T>(() => (typeof initial === 'function' ? (initial as () => T)() : initial));
  const [state, setState] = useState(() => {
    const saved = key ? read<T>(key, Date.now()) : undefined;
    return { value: saved ?? fresh.current(), restored: saved !== undefined, dirty: false };
  });

  // A different form (another item's code) reads its own draft.
  const shownKey = useRef(key);
  useEffect(() => {
    if (shownKey.current === key) return;
    shownKey.current = key;
    const saved = key ? read<T>(key, Date.now()) : undefined;
    setState({ value: saved ?? fresh.current(), restored: saved !== undefined, dirty: false });
  }, [key]);

  // Saved as it changes (typing), never merely for being shown.
  useEffect(() => {
    if (key && state.dirty) write(key, state.value);
  }, [key, state]);

  const set = useCallback((next: T | ((prev: T) => T), prefill = false) => {
    setState((s) => ({ ...s, dirty: s.dirty || !prefill, value: typeof next === 'function' ? (next as (p: T) => T)(s.value) : next }));
  }, []);
  const clear = useCallback(() => {
    remove(key);
    setState((s) => ({ ...s, restored: false, dirty: false }));
  }, [key]);
  const discard = useCallback(() => {
    remove(key);
    setState({ value: fresh.current(), restored: false, dirty: false });
  }, [key]);

  return { value: state.value, set, restored: state.restored, clear, discard };
}
