// Taro build configuration, written by hand (no `taro init`).
// Dependencies resolve from the repo root's node_modules; `../shared` (the API
// contract) is compiled like our own sources.
import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import devConfig from './dev';
import prodConfig from './prod';

const root = path.resolve(__dirname, '..');
const repoRoot = path.resolve(root, '..');
const sharedDir = path.join(repoRoot, 'shared');
// Pure rules that shared/ re-exports for the pages (shared/demand-flow.ts, shared/age.ts) live in
// functions/domain: compiled too (only what the pages import is bundled).
const compiled = [sharedDir, path.join(repoRoot, 'functions/domain')];

/** Build-time constants: the API base and the (fake) WeChat server base for the H5 demo login. */
const API_BASE = process.env.TARO_APP_API_BASE || 'http://127.0.0.1:3000';
const FAKE_WECHAT = process.env.TARO_APP_FAKE_WECHAT || 'http://127.0.0.1:3100';

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'banshi',
    date: '2025-1-1',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    // BANSHI_DIST_DIR lets parallel builds (e.g. an e2e stack on random ports)
    // write elsewhere instead of clobbering dist/<platform>; `miniprogram/dist*/` is git-ignored.
    outputRoot: process.env.BANSHI_DIST_DIR
      ? path.resolve(root, process.env.BANSHI_DIST_DIR)
      : `dist/${process.env.TARO_ENV || 'weapp'}`,
    plugins: [],
    env: {
      TARO_APP_API_BASE: JSON.stringify(API_BASE.replace(/\/+$/, '')),
      TARO_APP_FAKE_WECHAT: JSON.stringify(FAKE_WECHAT.replace(/\/+$/, '')),
    },
    defineConstants: {},
    alias: {},
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    logger: { quiet: true, stats: false },
    mini: {
      compile: { include: compiled },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
      optimizeMainPackage: { enable: true },
    },
    h5: {
      publicPath: './',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      // Plain-HTML React components (the ones the component tests render) instead of web components.
      useHtmlComponents: true,
      compile: { include: compiled },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
      webpackChain(chain) {
        // Taro's default 'initial' copies the H5 component library into every page chunk.
        chain.optimization.merge({ splitChunks: { chunks: 'all' } });
      },
    },
  };

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig);
  }
  return merge({}, baseConfig, prodConfig);
});
