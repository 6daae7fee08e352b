// The one request module: builds URLs, attaches the right token, re-logs a
// resident in once on 401, sends staff back to the workbench login, parses
// every response with the shared schema and turns every failure into an
// `ApiError` with a zh-CN message. Every call is typed by its route key from
// shared/routes.ts (params, query, body, auth, response), importing only types.
import Taro from '@tarojs/taro';
import * as z from 'zod/mini';
import { API_BASE } from '../config';
import { ErrorBody } from '../../../shared/schemas/common';
import { ResidentSession } from '../../../shared/schemas/auth';
import { setMe } from '../store/app';
import {
  ApiError,
  MSG_BAD_DATA,
  MSG_LOGIN_CANCELLED,
  MSG_LOGIN_FAILED,
  MSG_NETWORK,
  isChinese,
  statusCode,
  statusMessage,
} from './errors';
import { clearToken, getToken, setToken } from './session';
import { askPrivacyConsent } from '../utils/privacy-gate';
import { forgetPersonalCopies } from '../utils/kept';
import { forgetDrafts } from '../utils/useDraft';
// Types only: the table's values (every schema) must stay out of the main package.
import type { routes } from '../../../shared/routes';

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
export type AuthKind = 'public' | 'resident' | 'staff';
type QueryValue = string | number | boolean | null | undefined;

// ---------------------------------------------------------------- the contract's types

type Routes = typeof routes;
export type RouteKey = keyof Routes;
type Part = 'params' | 'query' | 'body';
type PartSchema<K extends RouteKey, P extends Part> = Routes[K] extends { [Q in P]: infer S extends z.ZodMiniType } ? S : never;

/** What the client sends for `{name}` placeholders and the body: the schema's input. */
export type RouteParams<K extends RouteKey> = z.input<PartSchema<K, 'params'>>;
export type RouteBody<K extends RouteKey> = z.input<PartSchema<K, 'body'>>;
export type RouteQuery<K extends RouteKey> = z.input<PartSchema<K, 'query'>>;
/** Query values go out as text: a number may stand for a string field; null and undefined are left out. */
type QueryArg<K extends RouteKey> = {
  [Q in keyof RouteQuery<K>]?: RouteQuery<K>[Q] | (string extends RouteQuery<K>[Q] ? number : never) | null;
};
/** What a successful call resolves with: the response schema's output. */
export type RouteResponse<K extends RouteKey> = z.output<Routes[K]['response']>;
export type RouteAuth<K extends RouteKey> = Routes[K]['auth'];

/** A part the route declares is required (the query: optional); one it does not declare cannot be sent. */
type Slot<K extends RouteKey, P extends Part, T> = [PartSchema<K, P>] extends [never]
  ? { [Q in P]?: never }
  : P extends 'query' ? { [Q in P]?: T } : { [Q in P]: T };

/**
 * The options of a call to route `K`, checked against `shared/routes.ts`: params, query and body
 * have the route's schema types, and `auth` must be the route's (omitted for public routes).
 */
export type RequestOptions<K extends RouteKey> = Slot<K, 'params', RouteParams<K>> &
  Slot<K, 'query', QueryArg<K>> &
  Slot<K, 'body', RouteBody<K>> &
  (RouteAuth<K> extends 'public' ? { auth?: 'public' } : { auth: RouteAuth<K> });

export const STAFF_LOGIN_URL = '/workbench/login/index';
export const H5_LOGIN_URL = '/packages/login/index';

// ---------------------------------------------------------------- transport

interface RawResponse {
  status: number;
  data: unknown;
}

async function send(url: string, method: Method, body: unknown, token: string | null): Promise<RawResponse> {
  const header: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) header['Content-Type'] = 'application/json';
  if (token) header.Authorization = `Bearer ${token}`;
  let res: { statusCode: number; data: unknown };
  try {
    res = await Taro.request({ url, method, header, data: body as never, dataType: 'json', timeout: 15000 });
  } catch {
    throw new ApiError(0, 'NETWORK', MSG_NETWORK);
  }
  if (!res || typeof res.statusCode !== 'number') throw new ApiError(0, 'NETWORK', MSG_NETWORK);
  let data = res.data;
  // A body that is not JSON arrives as a string: try once.
  if (typeof data === 'string' && data) {
    try {
      data = JSON.parse(data);
    } catch {
      // leave as is; the schema will reject it
    }
  }
  return { status: res.statusCode, data };
}

function toError(res: RawResponse): ApiError {
  const parsed = ErrorBody.safeParse(res.data);
  // A 401/403 may come from API Gateway's authorizers (`{"message":"Forbidden"}`, or
  // anything a proxy puts there): the user sees our Chinese text unless the body is ours and in Chinese.
  const gatewayAnswer = (res.status === 401 || res.status === 403) && !(parsed.success && isChinese(parsed.data.message));
  if (parsed.success && !gatewayAnswer) {
    return new ApiError(res.status, parsed.data.code, parsed.data.message, parsed.data.fields);
  }
  // e.g. API Gateway's own `{"message":"Unauthorized"}`: not ours, not zh-CN.
  return new ApiError(res.status, statusCode(res.status), statusMessage(res.status));
}

function parseWith<S extends z.ZodMiniType>(schema: S, res: RawResponse): z.output<S> {
  const parsed = schema.safeParse(res.data);
  if (!parsed.success) throw new ApiError(res.status, 'BAD_RESPONSE', MSG_BAD_DATA);
  return parsed.data as z.output<S>;
}

export function buildUrl(base: string, path: string, params?: Record<string, string>, query?: Record<string, QueryValue>): string {
  const filled = path.replace(/\{(\w+)\}/g, (_m, name: string) => {
    const v = params?.[name];
    if (v === undefined) throw new Error(`missing path parameter ${name}`);
    return encodeURIComponent(v);
  });
  const qs = Object.entries(query ?? {})
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&');
  return base + filled + (qs ? `?${qs}` : '');
}

/** What a call's options are at run time, once the compiler has checked them against the route. */
interface SentOptions {
  params?: Record<string, string>;
  query?: Record<string, QueryValue>;
  body?: unknown;
  auth?: AuthKind;
}

/** The full URL of a route (`request` uses it; so does what it does not do, e.g. downloading a file). */
export function routeUrl<K extends RouteKey>(route: K, opts: Pick<RequestOptions<K>, 'params' | 'query'>): string {
  const { params, query } = opts as SentOptions;
  return buildUrl(API_BASE, route.slice(route.indexOf(' ') + 1), params, query);
}

/** A call to an absolute URL with no auth (e.g. the fake WeChat server in the H5 demo). */
export async function requestUrl<S extends z.ZodMiniType>(
  url: string,
  init: { method?: Method; body?: unknown },
  schema: S,
): Promise<z.output<S>> {
  const res = await send(url, init.method ?? 'GET', init.body, null);
  if (res.status < 200 || res.status >= 300) throw toError(res);
  return parseWith(schema, res);
}

// ---------------------------------------------------------------- resident login

let loginInFlight: Promise<ResidentSession> | null = null;
let pickerWaiter: { resolve: (s: ResidentSession) => void; reject: (e: ApiError) => void } | null = null;

/** Store a fresh resident session: token, profile, elder mode. */
export function saveResidentSession(session: ResidentSession): void {
  setToken('resident', session.token, session.expiresAt);
  setMe(session.me);
  // WeChat signs in silently, on whatever page: show the privacy notice there. (H5: the 我的 page does, after the picker closes.)
  if (process.env.TARO_ENV !== 'h5') askPrivacyConsent(session.me);
}

/** Exchange a (real or fake) WeChat login code for a resident session. */
export async function exchangeCode(code: string): Promise<ResidentSession> {
  const session = await request('POST /auth/wechat', { body: { code } }, ResidentSession);
  saveResidentSession(session);
  return session;
}

async function loginWithWechat(): Promise<ResidentSession> {
  let code: string | undefined;
  try {
    code = (await Taro.login()).code;
  } catch {
    throw new ApiError(0, 'LOGIN_FAILED', MSG_LOGIN_FAILED);
  }
  if (!code) throw new ApiError(0, 'LOGIN_FAILED', MSG_LOGIN_FAILED);
  return exchangeCode(code);
}

/** H5 has no `wx.login`: open the demo-resident picker and wait for its outcome. */
function loginWithPicker(): Promise<ResidentSession> {
  return new Promise<ResidentSession>((resolve, reject) => {
    pickerWaiter?.reject(new ApiError(401, 'LOGIN_CANCELLED', MSG_LOGIN_CANCELLED));
    pickerWaiter = { resolve, reject };
    Promise.resolve(Taro.navigateTo({ url: H5_LOGIN_URL })).catch(() => {
      pickerWaiter = null;
      reject(new ApiError(0, 'LOGIN_FAILED', MSG_LOGIN_FAILED));
    });
  });
}

/** Called by the H5 picker page after a successful sign-in; true if a request was waiting for it. */
export function finishPickerLogin(session: ResidentSession): boolean {
  const waiter = pickerWaiter;
  pickerWaiter = null;
  waiter?.resolve(session);
  return waiter !== null;
}

/** Called when the H5 picker page closes without a sign-in. */
export function cancelPickerLogin(): void {
  const waiter = pickerWaiter;
  pickerWaiter = null;
  waiter?.reject(new ApiError(401, 'LOGIN_CANCELLED', MSG_LOGIN_CANCELLED));
}

/** Sign the resident in (single flight: concurrent callers share one login). */
export function loginResident(): Promise<ResidentSession> {
  if (!loginInFlight) {
    const run = process.env.TARO_ENV === 'h5' ? loginWithPicker() : loginWithWechat();
    loginInFlight = run.finally(() => {
      loginInFlight = null;
    });
  }
  return loginInFlight;
}

export function logoutResident(): void {
  forgetPersonalCopies();
  forgetDrafts();
  clearToken('resident');
  setMe(null);
}

// ---------------------------------------------------------------- staff

let staffRedirecting = false;

function goToStaffLogin(): void {
  if (staffRedirecting) return;
  staffRedirecting = true;
  Promise.resolve(Taro.redirectTo({ url: STAFF_LOGIN_URL }))
    .catch(() => undefined)
    .finally(() => {
      staffRedirecting = false;
    });
}

// ---------------------------------------------------------------- request

/**
 * Call an API route, e.g. `request('GET /services/{code}', { params: { code } }, ServiceItem)`.
 * The route key fixes the types of params, query, body, auth and the result; the response
 * schema is passed by the caller (it must be the route's) so only the schemas a page uses
 * are bundled with it. Resolves with the parsed body; rejects with `ApiError`.
 */
export async function request<K extends RouteKey>(route: K, opts: RequestOptions<K>, schema: Routes[K]['response']): Promise<RouteResponse<K>> {
  const method = route.slice(0, route.indexOf(' ')) as Method;
  const url = routeUrl(route, opts as Pick<RequestOptions<K>, 'params' | 'query'>);
  const { body, auth = 'public' } = opts as SentOptions;

  let token: string | null = null;
  let freshLogin = false;
  if (auth === 'resident') {
    token = getToken('resident');
    if (!token) {
      token = (await loginResident()).token;
      freshLogin = true;
    }
  } else if (auth === 'staff') {
    token = getToken('staff');
    if (!token) {
      goToStaffLogin();
      throw new ApiError(401, 'UNAUTHORIZED', '请先登录工作台');
    }
  }

  let res = await send(url, method, body, token);

  if (res.status === 401 && auth === 'resident' && !freshLogin) {
    // The session expired or was revoked: sign in again once, retry once
    // (or just retry when a concurrent call has already signed in again).
    const current = getToken('resident');
    if (current && current !== token) {
      token = current;
    } else {
      clearToken('resident');
      token = (await loginResident()).token;
    }
    res = await send(url, method, body, token);
  }
  if (res.status === 401 && auth === 'resident') clearToken('resident');
  if (res.status === 401 && auth === 'staff') {
    clearToken('staff');
    goToStaffLogin();
  }

  if (res.status < 200 || res.status >= 300) throw toError(res);
  return parseWith(schema, res) as RouteResponse<K>;
}
