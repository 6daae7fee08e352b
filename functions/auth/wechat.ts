// WeChat server API: jscode2session turns a wx.login code into an openid.
// The base URL is configurable so the local stack and tests use the fake.
import { upstream, unauthorized } from '../lib/errors';
import { log } from '../lib/log';
import { readSecret } from './secrets';

const timeoutMs = () => Number(process.env.WECHAT_TIMEOUT_MS ?? 5000);

export async function code2session(code: string): Promise<{ openid: string; unionid?: string }> {
  const base = process.env.WECHAT_API_BASE ?? 'https://api.weixin.qq.com';
  const url = new URL('/sns/jscode2session', base);
  url.searchParams.set('appid', process.env.WECHAT_APPID ?? '');
  url.searchParams.set('secret', readSecret('WECHAT_SECRET'));
  url.searchParams.set('js_code', code);
  url.searchParams.set('grant_type', 'authorization_code');
  let body: { openid?: string; unionid?: string; errcode?: number; errmsg?: string };
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs()) });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    body = (await res.json()) as typeof body;
  } catch (err) {
    log.warn('wechat.jscode2session.failed', { error: err instanceof Error ? err.message : 'unknown' });
    throw upstream('微信登录服务暂时不可用，请稍后重试');
  }
  if (body.errcode) {
    // 40029 invalid code, 40163 code used, 40226 high-risk user.
    log.warn('wechat.jscode2session.rejected', { errcode: body.errcode });
    if (body.errcode === -1) throw upstream('微信登录服务繁忙，请稍后重试');
    throw unauthorized('登录凭证无效或已过期，请重新登录');
  }
  if (!body.openid) throw upstream('微信登录服务返回异常');
  return { openid: body.openid, unionid: body.unionid };
}
