// A page's "load → Loading / ErrorState with 重新加载 / content" state:
//
//   const { data, error, reload, setData } = useLoad(() => getCase(id), [id], { staff: true, invalid: !id && '缺少办件编号' });
//   if (error) → <ErrorState message={error} onRetry={reload} />; if (!data) → <Loading />.
//
// Loads on mount and when `deps` change, or with `onShow` every time the page
// shows (coming back from a page that changed things). A reload keeps the data
// it has until the new data arrives; `error` is the zh-CN message to show.
// Imports no schemas, so any page may use it without carrying them.
import { useDidShow } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState, type DependencyList, type Dispatch, type SetStateAction } from 'react';
import { errorMessage, isApiError } from '../api/errors';
import { setState as setAppState, getState as getAppState } from '../store/app';
import { readKept, writeKept } from './kept';

export interface LoadOptions {
  /** Load again every time the page shows, not only on mount. */
  onShow?: boolean;
  /** A message to show instead of loading (a missing page parameter). */
  invalid?: string | false | null;
  /** A staff page: a 401 has already taken the user to the workbench login, so it shows no error. */
  staff?: boolean;
  /**
   * Keep the last answer on the device under this key and show it at once
   * (stale-while-revalidate): on a slow or dropped signal the page shows what
   * it had, marked 更新中 (components/Page.tsx), instead of a spinner or an error.
   */
  keep?: string;
  /** The kept answer is the resident's own (bookings, cases, messages): kept per account, wiped on sign-out. */
  personal?: boolean;
}

/** Refreshes in flight while stale data shows: the pages' 更新中 mark. */
function refreshing(delta: 1 | -1): void {
  setAppState({ refreshing: Math.max(0, getAppState().refreshing + delta) });
}

export interface Loaded<T> {
  data: T | null;
  error: string | null;
  reload: () => void;
  setData: Dispatch<SetStateAction<T | null>>;
  /** Shown from the device while the network answers (or after it failed). */
  stale: boolean;
}

export function useLoad<T>(load: () => Promise<T>, deps: DependencyList, options: LoadOptions = {}): Loaded<T> {
  const [data, setData] = useState<T | null>(() => readKept<T>(options.keep, options.personal));
  const [stale, setStale] = useState(() => data !== null);
  const [error, setError] = useState<string | null>(null);
  const shown = useRef(data);
  shown.current = data;
  const keyShown = useRef(options.keep);
  const latest = useRef({ load, options });
  latest.current = { load, options };
  // Only the latest load may answer: a quick change of filter or id must not be overwritten by a slower, older reply.
  const seq = useRef(0);

  const reload = useCallback(() => {
    const { load, options } = latest.current;
    const n = ++seq.current;
    setError(null);
    if (options.invalid) {
      setError(options.invalid);
      return;
    }
    if (options.keep !== keyShown.current) {
      // Another record (the id changed): show its own kept copy, never the last one's.
      keyShown.current = options.keep;
      shown.current = readKept<T>(options.keep, options.personal);
      setData(shown.current);
      setStale(shown.current !== null);
    }
    const fromDevice = options.keep !== undefined && shown.current !== null;
    if (fromDevice) refreshing(1);
    load()
      .then(
        (fresh) => {
          if (n !== seq.current) return;
          setData(fresh);
          setStale(false);
        },
        (e: unknown) => {
          // What the device had stays on screen; the error shows only when there is nothing.
          if (fromDevice || n !== seq.current) return;
          if (!(options.staff && isApiError(e) && e.status === 401)) setError(errorMessage(e));
        },
      )
      .finally(() => {
        if (fromDevice) refreshing(-1);
      });
  }, []);

  // What the network said, and what the page made of it since (a cancelled booking, a read message), is the next visit's copy.
  useEffect(() => {
    const { keep, personal } = latest.current.options;
    if (data !== null && !stale && keep === keyShown.current) writeKept(keep, Boolean(personal), data);
  }, [data, stale]);

  const onShow = Boolean(options.onShow);
  useEffect(() => {
    if (!onShow) reload();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  useDidShow(() => {
    if (onShow) reload();
  });

  return { data, error, reload, setData, stale };
}
