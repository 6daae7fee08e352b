// The main journeys in headless Chromium on the H5 build, against the whole
// local stack (DynamoDB Local, seed, fake WeChat, serverless-offline).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium, phonePage, settled, sharedStack, shown, signInFromMine } from './support/stack';
import { DEMO_PASSWORD, residents, services, staff } from '../../scripts/seed/data';

jest.setTimeout(300_000);

const shots = join(__dirname, '../../.tmp/e2e');
const stack = sharedStack();
let browser: Browser;

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

const newPage = () => phonePage(browser);

test('a resident signs in through the WeChat code flow, searches the catalogue, opens an item and sees its materials', async () => {
  const zhang = residents.find((r) => r.openid === 'demo-openid-zhang')!;
  const dibao = services.find((s) => s.code === 'QS-MZ-001')!;
  const page = await newPage();

  await page.goto(`${stack.urls.h5}#/pages/mine/index`);
  await signInFromMine(page, zhang);
  // Her saved preference: the elder (large-font) mode is on.
  await page.locator('.page.elder').first().waitFor();
  await page.screenshot({ path: join(shots, 'resident-mine.png') });

  await page.goto(`${stack.urls.h5}#/pages/services/index`);
  await page.getByPlaceholder('输入事项名称或关键词').fill('低保');
  await page.getByRole('button', { name: '搜索' }).click();
  const row = page.locator('.service-row', { hasText: dibao.name });
  await row.first().waitFor();
  // The unfiltered list has the row too: wait for the search result to replace it.
  await page.waitForFunction((all) => document.querySelectorAll('.service-row').length < all, services.length, { timeout: 15_000 });
  expect(await row.count()).toBeGreaterThan(0);
  await page.screenshot({ path: join(shots, 'resident-search.png') });

  await row.first().click();
  await page.getByText('一次性告知 · 所需材料').waitFor();
  for (const m of dibao.materials) await page.getByText(m.name, { exact: true }).first().waitFor();
  const required = dibao.materials.filter((m) => m.required).length;
  await page.getByText(`共 ${dibao.materials.length} 项，其中必须提交 ${required} 项`, { exact: false }).waitFor();
  // The catalogue page stays mounted underneath with its own “承诺N个工作日”: look on the visible page only.
  await shown(page, `${dibao.promisedDays}个工作日`).waitFor();
  await settled(page, 'packages/service/detail');
  await page.screenshot({ path: join(shots, 'resident-detail.png'), fullPage: true });
});

test('a staff member signs in to the workbench and sees who they are', async () => {
  const clerk = staff.find((s) => s.role === 'clerk')!;
  const page = await newPage();
  await page.goto(`${stack.urls.h5}#/workbench/login/index`);

  await page.getByPlaceholder('请输入用户名').fill(clerk.username);
  await page.getByPlaceholder('请输入密码').fill('wrong-password');
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByText('用户名或密码错误').waitFor();

  await page.getByPlaceholder('请输入密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByText(clerk.name, { exact: true }).waitFor();
  await page.getByText('窗口人员', { exact: true }).waitFor();
  await page.getByText(clerk.username, { exact: true }).waitFor();
  await page.screenshot({ path: join(shots, 'staff-workbench.png') });
});
