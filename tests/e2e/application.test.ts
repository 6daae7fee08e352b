// The heart of the product in Chromium on the H5 build: a resident applies
// with proxy and a photo; the agent records 代收 and 代交; the clerk requests
// the missing materials once; the resident supplements; a second request is
// refused; the clerk accepts, approves and delivers; the resident sees the
// whole timeline and the deadline.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { button, launchChromium, phonePage, settled, sharedStack, staffPage as staffPageOf, signInFromMine } from './support/stack';
import { residents } from '../../scripts/seed/data';
import { tinyJpeg } from '../fixtures/jpeg';

jest.setTimeout(240_000);
const stack = sharedStack();
const shots = join(__dirname, '../../.tmp/e2e');
const photo = join(shots, 'id-card.jpg');
let browser: Browser;

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  // A real, decodable JPEG: the H5 image picker compresses it through a canvas.
  writeFileSync(photo, tinyJpeg());
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const staffPage = (username: string) => staffPageOf(browser, stack, username);

test('apply with proxy and a photo → 代收, 代交 → one-time notice → supplement → second notice refused → 受理, 办结, 送达', async () => {
  const zhang = residents.find((r) => r.openid === 'demo-openid-zhang')!;
  const resident = await phonePage(browser);
  await resident.goto(`${stack.urls.h5}#/pages/mine/index`);
  await signInFromMine(resident, zhang);

  // Apply: the ID card is ready (with a photo), the household register is not; proxy, free.
  await resident.goto(`${stack.urls.h5}#/packages/apply/index?code=QS-MZ-001`);
  await resident.getByRole('switch', { name: '我已备齐：居民身份证' }).last().click();
  const chooser = resident.waitForEvent('filechooser');
  await button(resident, '添加照片：居民身份证').click();
  await (await chooser).setFiles(photo);
  await resident.getByRole('button', { name: '删除照片1：居民身份证' }).last().waitFor();
  await resident.getByRole('switch', { name: '全程代办（免费）' }).last().click();
  await button(resident, '提交申请').click();
  await resident.waitForURL(/packages\/apply\/detail\?id=/);
  const id = new URL(resident.url().replace('#/', '')).searchParams.get('id')!;
  await resident.getByText('徐国平', { exact: false }).last().waitFor(); // her paired cadre is the agent

  // The agent collects and hands in the materials.
  const agent = await staffPage('agent-xu');
  await agent.goto(`${stack.urls.h5}#/workbench/proxy/index`);
  await button(agent, '记录代收').click();
  await button(agent, '记录代交').waitFor();
  await button(agent, '记录代交').click();
  await button(agent, '记录代领').waitFor();

  // The clerk tells everything missing at once.
  const clerk = await staffPage('clerk-mz');
  await clerk.goto(`${stack.urls.h5}#/workbench/case/index?id=${id}`);
  await button(clerk, '一次性告知补正').click();
  // Everything not declared ready is ticked already: all of it goes in one notice.
  await button(clerk, '确认告知').click();
  await clerk.getByText('补齐补正', { exact: false }).last().waitFor();

  // The resident sees the notice and supplements.
  await resident.goto(`${stack.urls.h5}#/packages/apply/detail?id=${id}`);
  await resident.getByText('一次性告知', { exact: false }).last().waitFor();
  await button(resident, '补齐材料').click();
  await resident.getByText('一次性告知：请补齐以下材料').last().waitFor();
  const ready = resident.locator('.page').last().getByRole('switch', { name: /^我已备齐：/ });
  await ready.first().waitFor();
  for (let i = 0; i < (await ready.count()); i++) {
    if ((await ready.nth(i).getAttribute('aria-checked')) !== 'true') await ready.nth(i).click();
  }
  await button(resident, '提交补正').click();
  await resident.waitForFunction(() => location.hash.includes('packages/apply/detail'), undefined, { timeout: 30_000 });

  // A second request for materials is refused: the clerk is told so and has no such action (the API refuses it too).
  await clerk.reload();
  await clerk.getByText('已一次性告知过补正，不能再次要求补正', { exact: false }).last().waitFor();
  expect(await clerk.locator('.page').last().getByRole('button', { name: '一次性告知补正', exact: true }).count()).toBe(0);

  // Accept, review, approve, deliver.
  for (const action of ['受理', '开始审核', '准予办结', '送达']) {
    await button(clerk, action).click();
    // Done when the case has moved on: that action is no longer offered.
    await clerk.getByRole('button', { name: action, exact: true }).filter({ visible: true }).first().waitFor({ state: 'hidden' });
  }
  await clerk.getByText('已送达', { exact: false }).last().waitFor();
  await clerk.screenshot({ path: join(shots, 'application-clerk.png'), fullPage: true });

  // The resident sees the whole timeline and the deadline.
  // A fresh load, so no earlier instance of the detail page stays in the DOM.
  await resident.goto(`${stack.urls.h5}#/packages/apply/detail?id=${id}`);
  await resident.reload();
  const page = resident.locator('.page').last();
  await page.getByText('按时办结').first().waitFor();
  for (const step of ['已送达', '承诺办结', '代收', '代交']) await page.getByText(step, { exact: false }).first().waitFor({ state: 'attached' });
  await resident.screenshot({ path: join(shots, 'application-resident.png'), fullPage: true });
  // The deadline is a date on the working-day calendar, not a placeholder.
  expect(await page.getByText('受理后计算').count()).toBe(0);
  for (const e of ['受理', '审核', '办结（准予）', '补齐补正']) expect(await page.getByText(e, { exact: false }).count()).toBeGreaterThan(0);
  await settled(resident, 'packages/apply/detail');
  await resident.screenshot({ path: join(shots, 'application-resident.png'), fullPage: true });
});
