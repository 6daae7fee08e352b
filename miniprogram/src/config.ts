// Build-time configuration: Taro's DefinePlugin replaces these `process.env`
// reads with literals (see config/index.ts); the defaults serve tests.
export const API_BASE: string = process.env.TARO_APP_API_BASE || 'http://127.0.0.1:3000';
export const FAKE_WECHAT_BASE: string = process.env.TARO_APP_FAKE_WECHAT || 'http://127.0.0.1:3100';
