// Personal data in Chromium on the H5 build: a new WeChat account signs in
// and sees the privacy notice first; after agreeing, 我的 → 个人信息 exports
// everything with a readable summary, then deletes the account after 注销 is
// typed, and is told what the law keeps and why.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { button, launchChromium, phonePage, sharedStack, shown, useStackStore } from './support/stack';

jest.setTimeout(180_000);
const stack = sharedStack();
useStackStore(stack);
const shots = join(__dirname, '../../.tmp/e2e');
let browser: Browser;

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function post(url: string, body: unknown, token?: string) {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as any };
}

test('a new account agrees to the notice, exports its data and deletes itself', async () => {
  // A WeChat user the demo does not know: a brand-new account with no consent yet.
  const { body: code } = await post(`${stack.urls.fakeWechat}/dev/code`, { openid: `e2e-privacy-${Date.now()}` });
  const { body: session } = await post(`${stack.urls.api}/auth/wechat`, { code: code.code });
  expect(session.me.privacyConsented).toBe(false);

  const page = await phonePage(browser);
  await page.addInitScript((s) => {
    localStorage.setItem('banshi.residentSession', JSON.stringify({ data: { token: s.token, expiresAt: s.expiresAt } }));
  }, session);
  await page.goto(`${stack.urls.h5}#/pages/mine/index`);
  await shown(page, '办事小程序个人信息保护告知').waitFor();
  await page.screenshot({ path: join(shots, 'privacy-notice.png') });
  await button(page, '同意并继续').click();
  await shown(page, '未填写姓名').waitFor();
  const me = await fetch(`${stack.urls.api}/me`, { headers: { authorization: `Bearer ${session.token}` } });
  expect(((await me.json()) as { privacyConsented: boolean }).privacyConsented).toBe(true);

  await page.getByText('个人信息', { exact: true }).filter({ visible: true }).first().click();
  await button(page, '导出').click();
  await shown(page, '个人信息导出').waitFor();
  await page.getByLabel('请输入注销确认').filter({ visible: true }).first().fill('注销');
  await button(page, '注销账号').click();
  await shown(page, '账号已注销').waitFor();
  await page.screenshot({ path: join(shots, 'privacy-deleted.png') });

  const after = await fetch(`${stack.urls.api}/me`, { headers: { authorization: `Bearer ${session.token}` } });
  expect(after.status).toBe(404);
  expect((await post(`${stack.urls.api}/me/delete`, { confirm: '注销' }, session.token)).status).toBe(409);
});
