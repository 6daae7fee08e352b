// Resident and staff tokens, stored separately so a cadre can be both.
import Taro from '@tarojs/taro';

export type TokenKind = 'resident' | 'staff';

const KEYS: Record<TokenKind, string> = {
  resident: 'banshi.residentSession',
  staff: 'banshi.staffSession',
};

interface StoredToken {
  token: string;
  expiresAt: string;
}

export function getToken(kind: TokenKind): string | null {
  let stored: unknown;
  try {
    stored = Taro.getStorageSync(KEYS[kind]);
  } catch {
    return null;
  }
  if (!stored || typeof stored !== 'object') return null;
  const { token, expiresAt } = stored as Partial<StoredToken>;
  if (typeof token !== 'string' || !token) return null;
  // Drop a token that has expired (30 s of slack for clock skew).
  const exp = typeof expiresAt === 'string' ? Date.parse(expiresAt) : NaN;
  if (!Number.isNaN(exp) && exp - 30_000 < Date.now()) return null;
  return token;
}

export function setToken(kind: TokenKind, token: string, expiresAt: string): void {
  const value: StoredToken = { token, expiresAt };
  try {
    Taro.setStorageSync(KEYS[kind], value);
  } catch {
    // Storage unavailable: the next call re-logs in.
  }
}

export function clearToken(kind: TokenKind): void {
  try {
    Taro.removeStorageSync(KEYS[kind]);
  } catch {
    // nothing to clear
  }
}
