// 好差评 in Chromium on the H5 build: a resident gives a concluded case a bad
// review with a reason; the department head verifies, rectifies, calls back and
// publishes the outcome; the resident sees it, so does the public page (without
// who wrote the review); the supervisor's dashboard shows the department's rate fall.
import type { Browser } from 'playwright-core';
import { button, launchChromium, phonePage, sharedStack, shown, signInFromMine, staffPage as staffPageOf, stackApi } from './support/stack';
import { residents } from '../../scripts/seed/data';

jest.setTimeout(240_000);
const stack = sharedStack();
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const { api, residentToken, staffToken } = stackApi(stack);



/** A case of 最低生活保障申请 applied for and concluded through the API. */
async function concludedCase(resident: string, clerk: string, idem: string) {
  let a = (await api('POST', '/applications', { serviceCode: 'QS-MZ-001', idempotencyKey: idem, materials: [], proxy: false }, resident)).body;
  for (const action of ['accept', 'review', 'approve']) {
    a = (await api('POST', `/admin/applications/${a.id}/actions`, { action, version: a.version }, clerk)).body;
  }
  expect(a.state).toBe('approved');
  return a;
}

const staffPage = (username: string) => staffPageOf(browser, stack, username);
const percent = (rate: number) => `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;

test('bad review with a reason → ticket verified, rectified, called back, published → resident sees the outcome → dashboard rate falls', async () => {
  const clerk = await staffToken('clerk-mz');
  const supervisorToken = await staffToken('xiaoneng');
  const li = residents.find((r) => r.openid === 'demo-openid-li')!;
  // Another resident was well served this month: the department starts from their rating.
  const zhao = await residentToken('demo-openid-zhao');
  const good = await concludedCase(zhao, clerk, `e2e-rate-zhao-${Date.now()}`);
  const dims = { efficiency: 5, attitude: 5, service: 5, convenience: 5 };
  expect((await api('POST', '/ratings', { targetType: 'application', targetId: good.id, idempotencyKey: `e2e-zhao-${Date.now()}`, level: 5, dimensions: dims }, zhao)).status).toBe(201);
  const theCase = await concludedCase(await residentToken(li.openid), clerk, `e2e-rate-li-${Date.now()}`);

  const rateOf = async () => (await api('GET', '/admin/satisfaction', undefined, supervisorToken)).body.departments.find((d: any) => d.id === 'civil-affairs').month;
  const before = await rateOf();
  const supervisor = await staffPage('xiaoneng');
  await supervisor.goto(`${stack.urls.h5}#/workbench/satisfaction/index`);
  await supervisor.getByLabel(`县民政局 满意率 ${percent(before.satisfactionRate)}`).first().waitFor();

  // The resident is invited, rates 非常不满意 and must say why.
  const resident = await phonePage(browser);
  await resident.goto(`${stack.urls.h5}#/pages/mine/index`);
  await signInFromMine(resident, li);
  await resident.goto(`${stack.urls.h5}#/packages/rating/mine`);
  await shown(resident, theCase.caseNumber).waitFor();
  await button(resident, '去评价').click();
  await resident.waitForURL(/packages\/rating\/rate/);
  await button(resident, '总体评价：非常不满意').click();
  await button(resident, '提交评价').click();
  await shown(resident, '差评请选择原因').waitFor();
  await button(resident, '要求指南外材料').click();
  await resident.getByPlaceholder('请写下您的意见和建议，300字以内').last().fill('窗口要我另开村委会证明，指南上没有');
  await button(resident, '提交评价').click();
  await shown(resident, '差评已转交责任单位整改').waitFor();

  // The head of civil affairs handles the ticket step by step.
  const head = await staffPage('mz-chen');
  await head.goto(`${stack.urls.h5}#/workbench/tickets/index`);
  await shown(head, theCase.caseNumber).click();
  await head.waitForURL(/workbench\/ticket\/index/);
  // The ticket list stays mounted underneath in H5; look on the visible page.
  await shown(head, '要求指南外材料').waitFor();
  const step = async (open: string, label: string, note: string, submit: string, then?: () => Promise<void>) => {
    await button(head, open).click();
    await then?.();
    // Taro's <taro-textarea-core> carries the label; the <textarea> inside takes the text.
    await head.getByLabel(label, { exact: true }).last().locator('textarea').fill(note);
    await button(head, submit).click();
  };
  await step('核实情况', '核实情况', '经调阅窗口记录，确有要求指南外村委会证明', '提交核实情况');
  await button(head, '整改落实').waitFor();
  await step('整改落实', '整改措施', '取消该证明要求，窗口人员批评教育并重新学习办事指南', '提交整改措施');
  await button(head, '电话回访').waitFor();
  await step('电话回访', '回访记录', '电话回访李春花，已按指南办结，表示认可', '提交回访记录', () => button(head, '满意').click());
  await button(head, '公开整改结果').waitFor();
  const outcome = '已取消指南外材料要求，窗口人员已作检讨';
  await step('公开整改结果', '公开的整改结果', outcome, '确认公开');
  await shown(head, '已办结（结果已公开）').waitFor();

  // The resident sees what was done.
  await resident.goto(`${stack.urls.h5}#/packages/rating/mine`);
  await resident.reload();
  await shown(resident, `整改结果：${outcome}`).waitFor();

  // So does anyone, without the resident's name or words.
  const visitor = await phonePage(browser);
  await visitor.goto(`${stack.urls.h5}#/packages/rating/public`);
  await shown(visitor, outcome).waitFor();
  const publicText = await visitor.locator('body').innerText();
  expect(publicText).not.toContain(li.name);
  expect(publicText).not.toContain('窗口要我另开村委会证明');

  // The supervisor's dashboard shows the department's rate after the bad review.
  const after = await rateOf();
  expect(after.total).toBe(before.total + 1);
  expect(after.satisfactionRate).toBeLessThan(before.satisfactionRate);
  await supervisor.reload();
  await supervisor.getByLabel(`县民政局 满意率 ${percent(after.satisfactionRate)}`).first().waitFor();
});
