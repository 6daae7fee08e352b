// The main journeys in headless Chromium on the H5 build, against the whole
// local stack (DynamoDB Local, seed, fake WeChat, serverless-offline).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startStack, type Stack } from '../../scripts/start';
import { DEMO_PASSWORD, residents, services, staff } from '../../scripts/seed/data';

jest.setTimeout(300_000);

const shots = join(__dirname, '../../.tmp/e2e');
let stack: Stack;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  stack = await startStack({
    inMemory: true,
    buildH5: true,
    logLevel: 'warn',
    ports: { api: 0, lambda: 0, websocket: 0, fakeWechat: 0, dynamo: 0, h5: 0 },
  });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  return page;
}

test('a resident signs in through the WeChat code flow, searches the catalogue, opens an item and sees its materials', async () => {
  const zhang = residents.find((r) => r.openid === 'demo-openid-zhang')!;
  const dibao = services.find((s) => s.code === 'QS-MZ-001')!;
  const page = await newPage();

  await page.goto(`${stack.urls.h5}#/pages/mine/index`);
  await page.getByRole('button', { name: '登录（选择演示居民）' }).click();
  await page.getByRole('button', { name: zhang.label }).click();
  await page.getByText(zhang.name).first().waitFor();
  // Her saved preference: the elder (large-font) mode is on.
  await page.locator('.page.elder').first().waitFor();
  await page.screenshot({ path: join(shots, 'resident-mine.png') });

  await page.goto(`${stack.urls.h5}#/pages/services/index`);
  await page.getByPlaceholder('输入事项名称或关键词').fill('低保');
  await page.getByRole('button', { name: '搜索' }).click();
  const row = page.locator('.service-row', { hasText: dibao.name });
  await row.first().waitFor();
  expect(await page.locator('.service-row').count()).toBeLessThan(services.length);
  await page.screenshot({ path: join(shots, 'resident-search.png') });

  await row.first().click();
  await page.getByText('一次性告知 · 所需材料').waitFor();
  for (const m of dibao.materials) await page.getByText(m.name, { exact: true }).first().waitFor();
  const required = dibao.materials.filter((m) => m.required).length;
  await page.getByText(`共 ${dibao.materials.length} 项，其中必须提交 ${required} 项`, { exact: false }).waitFor();
  await page.getByText(`${dibao.promisedDays}个工作日`, { exact: false }).first().waitFor();
  await page.waitForTimeout(800); // the page transition
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
