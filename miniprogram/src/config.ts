// Where the API and the (fake) WeChat server API are. Build time: Taro's
// DefinePlugin replaces the `process.env` reads with literals (config/index.ts).
// Run time, H5 only: the static server may inject `window.__BANSHI_CONFIG__`,
// so one H5 build serves any ports or hosts.
interface RuntimeConfig {
  apiBase?: string;
  fakeWechat?: string;
}

const runtime: RuntimeConfig =
  process.env.TARO_ENV === 'h5' && typeof window !== 'undefined'
    ? ((window as unknown as { __BANSHI_CONFIG__?: RuntimeConfig }).__BANSHI_CONFIG__ ?? {})
    : {};

export const API_BASE: string = runtime.apiBase || process.env.TARO_APP_API_BASE || 'http://127.0.0.1:3000';
export const FAKE_WECHAT_BASE: string = runtime.fakeWechat || process.env.TARO_APP_FAKE_WECHAT || 'http://127.0.0.1:3100';
