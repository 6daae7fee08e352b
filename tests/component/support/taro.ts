// A small stand-in for `@tarojs/taro` in component tests. The network boundary
// (`request`) and the WeChat APIs are jest mocks the tests drive; storage is an
// in-memory map; page hooks run once on mount.
import { useEffect, useRef } from 'react';

const storage = new Map<string, unknown>();
let routerParams: Record<string, string> = {};

export interface MockRequestOptions {
  url: string;
  method?: string;
  data?: unknown;
  header?: Record<string, string>;
}
export interface MockResponse {
  statusCode: number;
  data: unknown;
  header?: Record<string, string>;
}

export const request = jest.fn<Promise<MockResponse>, [MockRequestOptions]>(() => Promise.reject(new Error('request not mocked')));
export const login = jest.fn(async () => ({ code: 'wx-code-1', errMsg: 'login:ok' }));
export const navigateTo = jest.fn(async (_o: { url: string }) => ({ errMsg: 'navigateTo:ok' }));
export const redirectTo = jest.fn(async (_o: { url: string }) => ({ errMsg: 'redirectTo:ok' }));
export const switchTab = jest.fn(async (_o: { url: string }) => ({ errMsg: 'switchTab:ok' }));
export const reLaunch = jest.fn(async (_o: { url: string }) => ({ errMsg: 'reLaunch:ok' }));
export const navigateBack = jest.fn(async (_o?: { delta?: number }) => ({ errMsg: 'navigateBack:ok' }));
export const showToast = jest.fn(async (_o: { title: string; icon?: string }) => ({ errMsg: 'showToast:ok' }));
export const showModal = jest.fn(async (_o: { title?: string; content?: string }) => ({ confirm: true, cancel: false }));
export const makePhoneCall = jest.fn(async (_o: { phoneNumber: string }) => ({ errMsg: 'makePhoneCall:ok' }));
export const stopPullDownRefresh = jest.fn();
export const pageScrollTo = jest.fn(async () => ({ errMsg: 'pageScrollTo:ok' }));
export const setNavigationBarTitle = jest.fn(async () => ({ errMsg: 'setNavigationBarTitle:ok' }));

export function getStorageSync(key: string): unknown {
  return storage.has(key) ? storage.get(key) : '';
}
export function setStorageSync(key: string, value: unknown): void {
  storage.set(key, value);
}
export function removeStorageSync(key: string): void {
  storage.delete(key);
}
export function clearStorageSync(): void {
  storage.clear();
}
export function getStorageInfoSync(): { keys: string[] } {
  return { keys: [...storage.keys()] };
}

export function useDidShow(cb: () => void): void {
  const ref = useRef(cb);
  ref.current = cb;
  useEffect(() => {
    ref.current();
  }, []);
}
export function useDidHide(_cb: () => void): void {}
let reachBottom: (() => void) | null = null;
/** The page's latest onReachBottom handler; tests fire it with __reachBottom(). */
export function useReachBottom(cb: () => void): void {
  reachBottom = cb;
}
export function usePullDownRefresh(_cb: () => void): void {}
export function useLoad(cb: (params: Record<string, string>) => void): void {
  useDidShow(() => cb(routerParams));
}
export function useRouter() {
  return { params: routerParams, path: '' };
}
export function getCurrentInstance() {
  return { router: { params: routerParams, path: '' } };
}

/** Test helpers (not part of Taro). */
export function __reachBottom(): void {
  reachBottom?.();
}
export function __setRouterParams(params: Record<string, string>): void {
  routerParams = params;
}
export function __reset(): void {
  storage.clear();
  routerParams = {};
  reachBottom = null;
  request.mockReset();
  request.mockImplementation(() => Promise.reject(new Error('request not mocked')));
  login.mockReset();
  login.mockImplementation(async () => ({ code: 'wx-code-1', errMsg: 'login:ok' }));
  for (const fn of [navigateTo, redirectTo, switchTab, reLaunch, navigateBack, showToast, showModal, makePhoneCall, stopPullDownRefresh, pageScrollTo, setNavigationBarTitle]) {
    fn.mockClear();
  }
}

const Taro = {
  request,
  login,
  navigateTo,
  redirectTo,
  switchTab,
  reLaunch,
  navigateBack,
  showToast,
  showModal,
  makePhoneCall,
  stopPullDownRefresh,
  pageScrollTo,
  setNavigationBarTitle,
  getStorageSync,
  setStorageSync,
  removeStorageSync,
  clearStorageSync,
  getStorageInfoSync,
  getCurrentInstance,
};

export default Taro;
