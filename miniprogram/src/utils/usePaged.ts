// A list page that loads more as the reader scrolls: the first page through
// useLoad (加载中… / error with 重新加载), the next pages appended when the
// page reaches its bottom or <LoadMore> is tapped, following the server's
// `nextCursor` until it is null.
//
//   const list = usePaged((cursor) => listApplications(cursor).then((r) => ({ items: r.applications, nextCursor: r.nextCursor })), [], { onShow: true });
//   list.items … <LoadMore more={list.more} />
//
// With `keep` (and `personal`) the first page is kept on the device and shown
// at once, marked 更新中, while it refreshes (see useLoad).
import { useReachBottom } from '@tarojs/taro';
import { useCallback, useRef, useState, type DependencyList, type Dispatch, type SetStateAction } from 'react';
import { errorMessage } from '../api/errors';
import { useLoad, type LoadOptions } from './useLoad';

export interface PageOf<T> {
  items: T[];
  nextCursor: string | null;
}

export interface More {
  hasMore: boolean;
  loading: boolean;
  error: string | null;
  loadMore: () => void;
}

export interface PagedList<T> {
  /** Every item loaded so far; null until the first page arrives. */
  items: T[] | null;
  error: string | null;
  /** Back to the first page. */
  reload: () => void;
  setItems: (update: (items: T[]) => T[]) => void;
  more: More;
}

export function usePaged<T>(loadPage: (cursor?: string) => Promise<PageOf<T>>, deps: DependencyList, options: LoadOptions = {}): PagedList<T> {
  const latest = useRef(loadPage);
  latest.current = loadPage;
  const { data, error, reload, setData } = useLoad(() => latest.current(undefined), deps, options);
  const [loading, setLoading] = useState(false);
  const [moreError, setMoreError] = useState<string | null>(null);
  const busy = useRef(false);
  const cursor = data?.nextCursor ?? null;

  const loadMore = useCallback(() => {
    if (!cursor || busy.current) return;
    busy.current = true;
    setLoading(true);
    setMoreError(null);
    latest.current(cursor)
      .then((next) =>
        // Only onto the page it continues: a reload meanwhile started the list over.
        (setData as Dispatch<SetStateAction<PageOf<T> | null>>)((d) => (d && d.nextCursor === cursor ? { items: [...d.items, ...next.items], nextCursor: next.nextCursor } : d)),
      )
      .catch((e: unknown) => setMoreError(errorMessage(e)))
      .finally(() => {
        busy.current = false;
        setLoading(false);
      });
  }, [cursor, setData]);

  useReachBottom(() => loadMore());

  const setItems = useCallback((update: (items: T[]) => T[]) => setData((d) => (d ? { ...d, items: update(d.items) } : d)), [setData]);

  return { items: data?.items ?? null, error, reload, setItems, more: { hasMore: cursor !== null, loading, error: moreError, loadMore } };
}
