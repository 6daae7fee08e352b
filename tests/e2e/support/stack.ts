// The shared stack started by global-setup.ts, for a test file.
import { readFileSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { STACK_FILE } from './global-setup';

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

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export async function phonePage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  return page;
}
