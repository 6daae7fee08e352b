// A tiny global store (no provider needed): elder mode, the signed-in
// resident, and a pending catalogue search handed from the home tab to the
// catalogue tab (switchTab cannot carry query parameters).
import Taro from '@tarojs/taro';
import { useSyncExternalStore } from 'react';
import type { Me } from '../../../shared/schemas/auth';
import type { RegionLevel, ServiceCategory } from '../../../shared/enums';

export interface PendingSearch {
  q?: string;
  category?: ServiceCategory;
  level?: RegionLevel;
}

export interface AppState {
  elderMode: boolean;
  me: Me | null;
  pendingSearch: PendingSearch | null;
  /** Pages showing data kept on the device while the network answers (useLoad `keep`). */
  refreshing: number;
}

export const ELDER_MODE_KEY = 'banshi.elderMode';

/** WeChat's 字体大小 setting above the standard 17 px, or its 关怀模式 (care mode). */
export function systemPrefersLargeText(): boolean {
  try {
    const info = Taro.getSystemInfoSync() as { fontSizeSetting?: number; fontSizeScaleFactor?: number } | undefined;
    if (!info) return false;
    return (info.fontSizeSetting ?? 0) > 17 || (info.fontSizeScaleFactor ?? 1) > 1;
  } catch {
    return false;
  }
}

// The in-app switch wins once used; until then the system's font scale decides.
function readElderMode(): boolean {
  try {
    const saved: unknown = Taro.getStorageSync(ELDER_MODE_KEY);
    if (saved === true || saved === false) return saved;
  } catch {
    // storage unavailable: fall back to the system setting
  }
  return systemPrefersLargeText();
}

let state: AppState = { elderMode: readElderMode(), me: null, pendingSearch: null, refreshing: 0 };
const listeners = new Set<() => void>();

export function getState(): AppState {
  return state;
}

export function setState(patch: Partial<AppState>): void {
  state = { ...state, ...patch };
  listeners.forEach((l) => l());
}

export function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export function useAppState<T>(select: (s: AppState) => T): T {
  return useSyncExternalStore(subscribe, () => select(state), () => select(state));
}

/** Elder mode locally (state + storage); saving it on the server is `saveElderMode`. */
export function setElderModeLocal(on: boolean): void {
  try {
    Taro.setStorageSync(ELDER_MODE_KEY, on);
  } catch {
    // storage full or unavailable: the in-memory state still applies
  }
  if (state.elderMode !== on) setState({ elderMode: on });
}

/** The signed-in resident; their saved elder-mode preference wins over the local one. */
export function setMe(me: Me | null): void {
  setState({ me });
  if (me) setElderModeLocal(me.elderMode);
}

/** Re-read persisted state (tests reset storage between cases). */
export function resetState(): void {
  state = { elderMode: readElderMode(), me: null, pendingSearch: null, refreshing: 0 };
  listeners.forEach((l) => l());
}
