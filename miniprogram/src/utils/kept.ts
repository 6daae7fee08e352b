// Copies of answers kept on the device for stale-while-revalidate (useLoad
// `keep`). A personal copy (my bookings, my cases…) is stored under the
// signed-in account, so another account on the same phone never sees it, and
// is wiped on sign-out (`forgetPersonalCopies`).
import Taro from '@tarojs/taro';
import { getToken } from '../api/session';

const PREFIX = 'banshi.keep.';
const PERSONAL = `${PREFIX}me.`;
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** The JWT's `sub` (the resident id), decoded by hand: WeChat has no atob. */
function accountOf(token: string | null): string | null {
  const payload = token?.split('.')[1];
  if (!payload) return null;
  let bits = 0;
  let acc = 0;
  let json = '';
  for (const c of payload.replace(/=+$/, '')) {
    const v = B64.indexOf(c === '+' ? '-' : c === '/' ? '_' : c);
    if (v < 0) return null;
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      json += String.fromCharCode((acc >> bits) & 0xff);
    }
  }
  try {
    const sub = (JSON.parse(json) as { sub?: unknown }).sub;
    return typeof sub === 'string' && sub ? sub : null;
  } catch {
    return null;
  }
}

/** Where a copy lives; null when a personal one has no signed-in account to belong to. */
function storageKey(key: string, personal: boolean): string | null {
  if (!personal) return PREFIX + key;
  const account = accountOf(getToken('resident'));
  return account ? `${PERSONAL}${account}.${key}` : null;
}

export function readKept<T>(key: string | undefined, personal = false): T | null {
  const at = key ? storageKey(key, personal) : null;
  if (!at) return null;
  try {
    const v = Taro.getStorageSync(at) as { data: T } | '';
    return v && typeof v === 'object' ? v.data : null;
  } catch {
    return null;
  }
}

export function writeKept(key: string | undefined, personal: boolean, data: unknown): void {
  const at = key ? storageKey(key, personal) : null;
  if (!at) return;
  try {
    Taro.setStorageSync(at, { data });
  } catch {
    // storage full: the page still works, only without the offline copy
  }
}

/** Sign-out: every account's personal copies go; public ones (the catalogue) stay. */
export function forgetPersonalCopies(): void {
  try {
    for (const k of Taro.getStorageInfoSync().keys) if (k.startsWith(PERSONAL)) Taro.removeStorageSync(k);
  } catch {
    // storage unavailable: nothing was kept
  }
}
