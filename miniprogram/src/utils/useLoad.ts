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

export interface LoadOptions {
  /** Load again every time the page shows, not only on mount. */
  onShow?: boolean;
  /** A message to show instead of loading (a missing page parameter). */
  invalid?: string | false | null;
  /** A staff page: a 401 has already taken the user to the workbench login, so it shows no error. */
  staff?: boolean;
}

export interface Loaded<T> {
  data: T | null;
  error: string | null;
  reload: () => void;
  setData: Dispatch<SetStateAction<T | null>>;
}

export function useLoad<T>(load: () => Promise<T>, deps: DependencyList, options: LoadOptions = {}): Loaded<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef({ load, options });
  latest.current = { load, options };

  const reload = useCallback(() => {
    const { load, options } = latest.current;
    setError(null);
    if (options.invalid) {
      setError(options.invalid);
      return;
    }
    load().then(setData, (e: unknown) => {
      if (!(options.staff && isApiError(e) && e.status === 401)) setError(errorMessage(e));
    });
  }, []);

  const onShow = Boolean(options.onShow);
  useEffect(() => {
    if (!onShow) reload();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  useDidShow(() => {
    if (onShow) reload();
  });

  return { data, error, reload, setData };
}
