// WeChat's server API for pushes: the access token (stable_token, cached with
// its expiry, refreshed once when WeChat says it expired) and
// subscribeMessage.send. Answers come back as data for domain/outbox `classify`.
import type { SendAnswer } from '../domain/outbox';
import { readSecret } from '../auth/secrets';

const base = () => process.env.WECHAT_API_BASE ?? 'https://api.weixin.qq.com';
const timeoutMs = () => Number(process.env.WECHAT_TIMEOUT_MS ?? 5000);
/** Refresh a little before WeChat's expiry, so a send never carries a token about to lapse. */
const EARLY_MS = 5 * 60_000;

let cached: { token: string; expiresAt: number; base: string } | null = null;

export class TokenUnavailable extends Error {
  constructor(readonly answer: SendAnswer) {
    super('access token unavailable');
    this.name = 'TokenUnavailable';
  }
}

async function post(path: string, body: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(new URL(path, base()), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(timeoutMs()),
  });
  const json = res.ok ? ((await res.json()) as Record<string, unknown>) : {};
  return { status: res.status, json };
}

const asAnswer = (err: unknown): SendAnswer =>
  err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError') ? { timeout: true } : { network: true };

/** The cached token, or a new one from stable_token (`force` after WeChat called ours expired). */
export async function accessToken(now = Date.now(), force = false): Promise<string> {
  if (!force && cached && cached.base === base() && cached.expiresAt - EARLY_MS > now) return cached.token;
  let res;
  try {
    res = await post('/cgi-bin/stable_token', {
      grant_type: 'client_credential',
      appid: process.env.WECHAT_APPID ?? '',
      secret: readSecret('WECHAT_SECRET'),
      force_refresh: force,
    });
  } catch (err) {
    throw new TokenUnavailable(asAnswer(err));
  }
  if (res.status !== 200) throw new TokenUnavailable({ httpStatus: res.status });
  const token = res.json.access_token;
  // A refused token call (wrong secret, rate limit) is retried: the pushes wait, they are not the problem.
  if (typeof token !== 'string') throw new TokenUnavailable({ errcode: -1 });
  cached = { token, expiresAt: now + Number(res.json.expires_in ?? 7200) * 1000, base: base() };
  return token;
}

/** Forget the cached token (tests). */
export const resetAccessToken = () => {
  cached = null;
};

export interface SubscribeMessage {
  touser: string;
  template_id: string;
  page: string;
  data: Record<string, { value: string }>;
}

async function sendOnce(token: string, msg: SubscribeMessage): Promise<SendAnswer> {
  try {
    const res = await post(`/cgi-bin/message/subscribe/send?access_token=${encodeURIComponent(token)}`, {
      ...msg,
      miniprogram_state: process.env.WECHAT_MINIPROGRAM_STATE ?? 'formal',
      lang: 'zh_CN',
    });
    if (res.status !== 200) return { httpStatus: res.status };
    return { errcode: Number(res.json.errcode ?? 0) };
  } catch (err) {
    return asAnswer(err);
  }
}

const EXPIRED = new Set([40001, 42001]);

/** Send one subscribe message; an expired token is refreshed once and the send tried again. */
export async function subscribeSend(msg: SubscribeMessage, now = Date.now()): Promise<SendAnswer> {
  try {
    const first = await sendOnce(await accessToken(now), msg);
    if (!('errcode' in first) || !EXPIRED.has(first.errcode)) return first;
    return await sendOnce(await accessToken(now, true), msg);
  } catch (err) {
    if (err instanceof TokenUnavailable) return err.answer;
    throw err;
  }
}
