/// <reference types="@tarojs/taro" />

declare module '*.png' {
  const src: string;
  export default src;
}
declare module '*.scss';
declare module '*.css';

declare namespace NodeJS {
  interface ProcessEnv {
    /** The platform being built: Taro replaces it at build time. */
    TARO_ENV?: 'weapp' | 'h5' | string;
    /** API base URL, injected at build time (see config/index.ts). */
    TARO_APP_API_BASE?: string;
    /** Fake WeChat server base for the H5 demo login, injected at build time. */
    TARO_APP_FAKE_WECHAT?: string;
  }
}
