// 承诺卡 in Chromium on the H5 build: anyone opens 承诺公示 from 首页, picks
// 白岩村 and sees the demo card with its lights and weekly progress, no login;
// agent-yang records this week's progress on the workbench and the public page
// shows it; 张桂英 of 柏林村 opens her village's page and rates the
// finished commitment once. The pages pass the reach checks: no serious axe
// finding, and in elder mode (张桂英's) text ≥ 18 px, targets ≥ 44 (main ≥ 60).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { button, launchChromium, phonePage, sharedStack, shown, staffPage } from './support/stack';
import { axeViolations, elderNumbers } from './support/reach';
import { residents } from '../../scripts/seed/data';

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

test('the village’s public page shows a card and its progress; the cadre’s weekly update appears on it; a resident of the village rates a finished commitment', async () => {
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

  // 张桂英 lives in 柏林村: she opens her village's page (linked from 我的包联干部) and rates the finished street lights.
  const zhang = residents.find((r) => r.openid === 'demo-openid-zhang')!;
  const resident = await phonePage(browser);
  await resident.goto(`${stack.urls.h5}#/pages/mine/index`);
  await resident.getByRole('button', { name: '登录（选择演示居民）' }).click();
  await resident.getByRole('button', { name: zhang.label }).click();
  await shown(resident, zhang.name).waitFor();
  await resident.goto(`${stack.urls.h5}#/packages/commitments/index?region=511999102202`);
  await shown(resident, '柏林村 服务承诺').waitFor();
  await shown(resident, '6盏路灯已全部修复亮灯').waitFor();
  await button(resident, '评价这项承诺').click();
  await button(resident, '非常满意').click();
  await button(resident, '提交评价').click();
  await shown(resident, '感谢您的评价').waitFor();
  await shown(resident, '群众评价1条，满意率100%').waitFor();
  await resident.screenshot({ path: join(shots, 'commitments-rated.png'), fullPage: true });

  const elder = await elderNumbers(resident);
  expect([...elder.smallTexts, ...elder.smallTargets, ...elder.smallMain]).toEqual([]);
  for (const page of [resident, visitor, cadre]) expect(await axeViolations(page)).toEqual([]);
  // The workbench card page in elder mode too (the switch is the device's).
  await cadre.evaluate(() => localStorage.setItem('banshi.elderMode', JSON.stringify({ data: true })));
  await cadre.reload();
  await shown(cadre, '记录第2项进展').waitFor();
  const staffElder = await elderNumbers(cadre);
  expect([...staffElder.smallTexts, ...staffElder.smallTargets, ...staffElder.smallMain]).toEqual([]);
});
