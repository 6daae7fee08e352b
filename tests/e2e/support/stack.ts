// The shared stack started by global-setup.ts, for a test file.
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './browser';
import { STACK_FILE } from './global-setup';
import { DEMO_PASSWORD, staff } from '../../../scripts/seed/data';

export interface SharedStack {
  urls: { h5: string; api: string; openapi: string; fakeWechat: string; dynamo: string };
  env: Record<string, string>;
  tableName: string;
}

export function sharedStack(): SharedStack {
  return JSON.parse(readFileSync(STACK_FILE, 'utf8')) as SharedStack;
}

/** Point this process's store modules at the stack's DynamoDB (before they first run). */
export function useStackStore(stack: SharedStack) {
  Object.assign(process.env, stack.env, { TABLE_NAME: stack.tableName, LOG_LEVEL: 'silent' });
}

/** A headless Chromium: CHROMIUM_PATH, an installed Chrome, or the one npm installed (./browser.ts). */
export const launchChromium = (): Promise<Browser> => launchBrowser();

export async function phonePage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  return page;
}

/** A phone signed in to the staff workbench as a seeded staff member. */
export async function staffPage(browser: Browser, stack: SharedStack, username: string): Promise<Page> {
  const page = await phonePage(browser);
  await page.goto(`${stack.urls.h5}#/workbench/login/index`);
  await page.getByPlaceholder('请输入用户名').fill(username);
  await page.getByPlaceholder('请输入密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByText(staff.find((s) => s.username === username)!.name, { exact: true }).first().waitFor();
  return page;
}

/**
 * A resident signs in from 我的 with the demo picker, as a person would: pick
 * themselves and wait until the picker has gone back to 我的 (it returns on
 * its own once it has slid in; navigating before that races the router).
 */
export async function signInFromMine(page: Page, who: { label: string; name: string }): Promise<void> {
  await page.getByRole('button', { name: '登录（选择演示居民）' }).click();
  await page.getByRole('button', { name: who.label }).click();
  await page.waitForFunction(() => !location.hash.includes('packages/login'));
  await settled(page, 'pages/mine/index');
  await shown(page, who.name).waitFor();
}

/** The visible button of that name (Taro pages stay mounted in the H5 router, so the last one). */
export const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true }).last();

/** The first visible text containing `text` (earlier pages stay mounted, hidden, in the H5 router). */
export const shown = (page: Page, text: string, exact = false) => page.getByText(text, { exact }).filter({ visible: true }).first();

/**
 * Wait until the screen stops changing, as a person would before reading it:
 * the page at `path` (if given) has slid in and stays, no transition is
 * running, and nothing on screen says 加载中 or 更新中. (Taro names each page's
 * container after its path.)
 */
export async function settled(page: Page, path?: string): Promise<void> {
  await page.waitForFunction(
    (route) => {
      const visible = (el: Element) => el.getClientRects().length > 0 && el.checkVisibility();
      const here = Array.from(document.querySelectorAll('.taro_page.taro_page_stationed')).filter(visible);
      if (!here.length || (route && !here.some((el) => el.id.includes(route)))) return false;
      const moving = document.getAnimations().some((a) => a.playState === 'running' && a.effect?.getComputedTiming().iterations !== Infinity);
      return !moving && !Array.from(document.querySelectorAll('.state--loading, .refreshing')).some(visible);
    },
    path?.split('?')[0],
    { polling: 100 },
  );
}

/** JSON calls to the stack's API, and a resident's token through the fake WeChat login (read at call time). */
export function stackApi(stack: SharedStack) {
  async function api(method: string, path: string, body?: unknown, token?: string) {
    const res = await fetch(`${stack.urls.api}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as any };
  }
  async function residentToken(openid: string): Promise<string> {
    const minted = await fetch(`${stack.urls.fakeWechat}/dev/code`, { method: 'POST', body: JSON.stringify({ openid }) });
    const { code } = (await minted.json()) as { code: string };
    return (await api('POST', '/auth/wechat', { code })).body.token;
  }
  /** A staff member's token through the workbench login (demo password). */
  async function staffToken(username: string): Promise<string> {
    return (await api('POST', '/admin/auth/login', { username, password: DEMO_PASSWORD })).body.token;
  }
  return { api, residentToken, staffToken };
}
