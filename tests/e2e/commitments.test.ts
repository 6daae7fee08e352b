// 承诺卡 in Chromium on the H5 build: anyone opens 承诺公示 from 首页, picks
// 白岩村 and sees the demo card with its lights and weekly progress, no login;
// agent-yang records this week's progress on the workbench and the public page
// shows it; 张桂英 of 柏林村 rates her village's finished commitment.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { residents } from '../../scripts/seed/data';
import { button, launchChromium, phonePage, sharedStack, shown, signInFromMine, stackApi, staffPage } from './support/stack';

jest.setTimeout(300_000);
const stack = sharedStack();
const shots = join(__dirname, '../../.tmp/e2e');
let browser: Browser;

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** Fill the <textarea> inside the Taro textarea labelled `label` (the visible page is the last one). */
const fill = (page: Page, label: string, text: string) => page.getByLabel(label, { exact: true }).last().locator('textarea').fill(text);

test('the village’s public page shows a card and its progress; the cadre’s weekly update appears on it', async () => {
  // No login: 首页 → 承诺公示 → 高滩镇 / 白岩村.
  const visitor = await phonePage(browser);
  await visitor.goto(`${stack.urls.h5}#/pages/index/index`);
  await visitor.locator('.home__commitments').click();
  await visitor.waitForURL(/packages\/commitments\/index/);
  await shown(visitor, '请选择要查看的村（社区）或镇').waitFor();
  await button(visitor, '修改').click();
  await button(visitor, '高滩镇').click();
  await button(visitor, '白岩村').click();
  await shown(visitor, '白岩村 服务承诺').waitFor();
  await shown(visitor, '白岩村冬季服务承诺').waitFor();
  await shown(visitor, '包联干部：杨德明').waitFor();
  // One done (with its result), one on track, one overdue, one waiting for its weekly update.
  await shown(visitor, '320米入户路全部硬化完成').waitFor();
  for (const light of ['已完成', '推进中', '已超期', '待更新']) await shown(visitor, light, true).waitFor();
  await shown(visitor, '遇雨停工，待天晴继续').waitFor();
  await visitor.screenshot({ path: join(shots, 'commitments-public.png'), fullPage: true });

  // agent-yang writes this week's progress on the second commitment from the workbench.
  const cadre = await staffPage(browser, stack, 'agent-yang');
  await cadre.getByText('承诺卡', { exact: true }).first().click();
  await cadre.waitForURL(/workbench\/commitments\/index/);
  await shown(cadre, '白岩村冬季服务承诺').click();
  await cadre.waitForURL(/workbench\/commitments\/card\?id=/);
  await button(cadre, '记录第2项进展').click();
  await fill(cadre, '本周进展', '12户取暖物资全部签收，本项下周办结');
  await button(cadre, '保存进展').click();
  await shown(cadre, '第2项进展已记录').waitFor();

  // The public page shows it.
  await visitor.reload();
  await button(visitor, '修改').click();
  await button(visitor, '高滩镇').click();
  await button(visitor, '白岩村').click();
  await shown(visitor, '12户取暖物资全部签收，本项下周办结').waitFor();
});

test('a resident of the village rates its finished commitment once, and the public count rises', async () => {
  const { api } = stackApi(stack);
  const BOLIN = '511999102202'; // 向阳镇柏林村, 张桂英's village
  const ratingsOfDone = async () => {
    const { body } = await api('GET', `/commitments?regionCode=${BOLIN}`);
    const done = body.cards.flatMap((c: { commitments: { light: string; ratings: { total: number } }[] }) => c.commitments).find((c: { light: string }) => c.light === 'done');
    return done.ratings.total as number;
  };
  const before = await ratingsOfDone();

  const zhang = residents.find((r) => r.openid === 'demo-openid-zhang')!;
  const page = await phonePage(browser);
  await page.goto(`${stack.urls.h5}#/pages/mine/index`);
  await signInFromMine(page, zhang);
  // 承诺公示 opens on her own village.
  await page.goto(`${stack.urls.h5}#/packages/commitments/index`);
  await shown(page, '柏林村 服务承诺').waitFor();
  await button(page, '评价这项承诺').click();
  await button(page, '提交评价').click();
  await shown(page, '请选择满意程度').waitFor(); // nothing chosen yet: said on the form, nothing sent
  await button(page, '非常满意').click();
  await button(page, '提交评价').click();
  await shown(page, '感谢您的评价').waitFor();
  await shown(page, `群众评价${before + 1}条`).waitFor();
  expect(await ratingsOfDone()).toBe(before + 1);
  await page.screenshot({ path: join(shots, 'commitments-rated.png'), fullPage: true });
});
