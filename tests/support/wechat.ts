// useFakeWechat(): an in-process fake of WeChat's server API for this test
// file, with WECHAT_API_BASE/APPID/SECRET pointing at it (handlers read them
// at call time). Failures switched on in a test are switched off after it.
import { FAILURE_ENDPOINTS, startFakeWechat, type FakeWechat, type FakeWechatOptions } from '../../scripts/fake-wechat';

export interface FakeWechatHandle {
  /** The running fake (available from beforeAll on). */
  readonly fake: FakeWechat;
  /** A fresh single-use login code for `openid` (what wx.login would return). */
  code(openid: string): string;
}

export function useFakeWechat(opts: Omit<FakeWechatOptions, 'port'> = {}): FakeWechatHandle {
  let fake: FakeWechat | undefined;
  const appid = opts.appid ?? process.env.WECHAT_APPID ?? 'wx-test-appid';
  const secret = opts.secret ?? process.env.WECHAT_SECRET ?? 'wx-test-secret';
  beforeAll(async () => {
    fake = await startFakeWechat({ timeoutHoldMs: 2000, ...opts, appid, secret, port: 0 });
    process.env.WECHAT_API_BASE = fake.url;
    process.env.WECHAT_APPID = appid;
    process.env.WECHAT_SECRET = secret;
  });
  afterEach(() => {
    for (const e of FAILURE_ENDPOINTS) fake?.setFailure(e, null);
  });
  afterAll(async () => {
    await fake?.stop();
  });
  return {
    get fake() {
      if (!fake) throw new Error('useFakeWechat(): the fake starts in beforeAll');
      return fake;
    },
    code: (openid) => {
      if (!fake) throw new Error('useFakeWechat(): the fake starts in beforeAll');
      return fake.mintCode(openid);
    },
  };
}
