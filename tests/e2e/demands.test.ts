// 诉求 in Chromium on the H5 build, every step through the pages: a resident
// files a complaint with a photo, anonymous to the department; the town clerk
// (首问) dispatches it to the wrong department, which returns it; the
// supervisor routes it (binding); the right department signs, asks the
// resident for information, the resident answers, the department replies;
// the resident says not solved → 重办; the redo is replied; the resident is
// satisfied. The timeline shows every step, and neither department ever saw
// the resident's name (the supervisor did).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { button, launchChromium, phonePage, sharedStack, shown, signInFromMine, staffPage as staffPageOf, stackApi } from './support/stack';
import { residents } from '../../scripts/seed/data';
import { tinyJpeg } from '../fixtures/jpeg';

jest.setTimeout(300_000);
const stack = sharedStack();
const shots = join(__dirname, '../../.tmp/e2e');
const photo = join(shots, 'pothole.jpg');
let browser: Browser;

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  writeFileSync(photo, tinyJpeg());
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const { api, staffToken } = stackApi(stack);

const staffPage = (username: string) => staffPageOf(browser, stack, username);
/** Fill the <textarea> inside the Taro textarea labelled `label` (the visible page is the last one). */
const fill = (page: Page, label: string, text: string) => page.getByLabel(label, { exact: true }).last().locator('textarea').fill(text);

/** Open the demand on the staff page and take one step through its form. */
async function step(page: Page, id: string, open: string, form: () => Promise<void>, done: string) {
  await page.goto(`${stack.urls.h5}#/workbench/demand/index?id=${id}`);
  await page.reload();
  await button(page, open).click();
  await form();
  await button(page, `确认${open}`).click();
  await shown(page, done).waitFor();
}

async function bodyText(page: Page) {
  return page.locator('body').innerText();
}

test('complaint with a photo, anonymous → wrong department returns → supervisor routes → sign, ask, answer, reply → not solved, redo → satisfied', async () => {
  const li = residents.find((r) => r.openid === 'demo-openid-li')!;

  // The resident files: 投诉 · 社会保障, a photo, her own village by default, anonymous to the department.
  const resident = await phonePage(browser);
  await resident.goto(`${stack.urls.h5}#/pages/mine/index`);
  await signInFromMine(resident, li);
  // 首页's entry.
  await resident.goto(`${stack.urls.h5}#/pages/index/index`);
  // 我的 has a 我要反映 too, visible while the tab switches: take 首页's card.
  await resident.locator('.home__demand').click();
  await resident.waitForURL(/packages\/demand\/new/);
  await shown(resident, '地点（默认本村）').waitFor();
  await shown(resident, '龙泉村').waitFor();
  await button(resident, '投诉').click();
  await button(resident, '社会保障').click();
  await fill(resident, '反映内容', '村里代收的城乡居民养老保险费，今年收了我两次，村上说不清楚，请核实退还。');
  const chooser = resident.waitForEvent('filechooser');
  await button(resident, '添加照片').click();
  await (await chooser).setFiles(photo);
  await resident.getByRole('button', { name: '删除照片1' }).last().waitFor();
  await resident.getByRole('switch', { name: '对部门匿名' }).last().click();
  await button(resident, '提交').click();
  await resident.waitForURL(/packages\/demand\/detail\?id=/);
  const id = new URL(resident.url().replace('#/', '')).searchParams.get('id')!;
  await shown(resident, '对部门匿名').waitFor();
  await shown(resident, '已受理').waitFor();
  const number = (await resident.locator('.kv', { hasText: '诉求编号' }).filter({ visible: true }).first().innerText()).replace(/\D+/, '').trim();
  expect(number).toMatch(/^\d{8}-/);

  // 首问: the town clerk takes it from 待派单 and, wrongly, sends it to civil affairs.
  const clerk = await staffPage('clerk-gaotan');
  await clerk.goto(`${stack.urls.h5}#/workbench/demands/index`);
  await shown(clerk, number).click();
  await clerk.waitForURL(/workbench\/demand\/index/);
  await button(clerk, '派单').click();
  await button(clerk, '县民政局').click();
  await button(clerk, '确认派单').click();
  await shown(clerk, '已派单').waitFor();

  // Civil affairs returns it before signing, with a reason; it never sees who filed it.
  const civil = await staffPage('mz-chen');
  await step(civil, id, '退单', () => fill(civil, '退单理由', '养老保险费代收属人社部门职责，请改派'), '已退单');
  expect(await bodyText(civil)).toContain('匿名（对部门保密）');
  expect(await bodyText(civil)).not.toContain(li.name);

  // The supervisor finds it among the returns and routes it to human resources: binding.
  const supervisor = await staffPage('xiaoneng');
  await supervisor.goto(`${stack.urls.h5}#/workbench/demands/index`);
  await button(supervisor, '退单待裁定').click();
  await shown(supervisor, number).click();
  await supervisor.waitForURL(/workbench\/demand\/index/);
  await shown(supervisor, li.name).waitFor(); // the supervisor sees who it is
  await button(supervisor, '督查改派').click();
  await supervisor.getByRole('button', { name: /^县人力资源和社会保障局/ }).last().click();
  await button(supervisor, '确认督查改派').click();
  await shown(supervisor, '已督查改派').waitFor();

  // Human resources signs (naming the first handler) and asks the resident for information.
  const hr = await staffPage('rs-liu');
  await step(hr, id, '签收', async () => {
    await hr.getByLabel('首办责任人账号', { exact: true }).last().fill('clerk-rs');
  }, '已签收');
  await shown(hr, '孙海燕').waitFor();
  await step(hr, id, '请群众补充', () => fill(hr, '需要群众补充的内容', '请提供两次缴费的收据或银行扣款记录'), '已请群众补充');
  expect(await bodyText(hr)).not.toContain(li.name);

  // The resident sees the question and answers it.
  await resident.reload();
  await shown(resident, '请提供两次缴费的收据或银行扣款记录').waitFor();
  await shown(resident, '孙海燕').waitFor(); // the first handler, with the office phone
  await fill(resident, '补充内容', '收据在村会计处，银行卡在3月和5月各扣了一次');
  await button(resident, '提交补充').click();
  await shown(resident, '已补充，承办部门继续办理').waitFor();

  // The department replies with the result.
  const reply = async (text: string, result: string) =>
    step(hr, id, '答复', async () => {
      await fill(hr, '答复内容', text);
      await fill(hr, '办理结果', result);
    }, '已答复');
  await reply('经核实，系村代办员重复录入，已办理退费。', '已退还重复缴纳的保险费');

  // Not solved: back for a redo, once.
  await resident.reload();
  await shown(resident, '经核实，系村代办员重复录入，已办理退费。').waitFor();
  await button(resident, '否').click();
  await button(resident, '不满意').click();
  await shown(resident, '提交后退回承办部门重办').waitFor();
  await button(resident, '提交评价').click();
  await shown(resident, '已退回承办部门重办').waitFor();

  await reply('退费已于今日到账，并向您当面说明；已对代办员进行培训。', '重复缴费已退回本人银行卡');

  // Satisfied: closed.
  await resident.reload();
  await shown(resident, '退费已于今日到账').waitFor();
  await shown(resident, '这是最终评价').waitFor();
  await button(resident, '是').click();
  await button(resident, '满意').click();
  await button(resident, '提交评价').click();
  await shown(resident, '感谢您的评价，诉求已办结').waitFor();
  await shown(resident, '已办结').waitFor();

  // The timeline shows every step, in order.
  const actions = await resident.locator('.timeline__action').filter({ visible: true }).allInnerTexts();
  expect(actions).toEqual(['提交诉求', '派单', '退单', '督查改派', '签收', '请群众补充', '群众补充情况', '答复', '群众评价', '答复', '群众评价']);
  await resident.screenshot({ path: join(shots, 'demand-closed.png'), fullPage: true });

  // Neither department saw the resident's name, through the pages or the API; the supervisor did.
  for (const page of [civil, hr]) expect(await bodyText(page)).not.toContain(li.name);
  for (const who of ['mz-chen', 'rs-liu']) {
    const seen = await api('GET', `/admin/demands/${id}`, undefined, await staffToken(who));
    expect(seen.status).toBe(200);
    expect(seen.body.reporter).toBeNull();
    expect(JSON.stringify(seen.body)).not.toContain(li.name);
  }
  const bySupervisor = await api('GET', `/admin/demands/${id}`, undefined, await staffToken('xiaoneng'));
  expect(bySupervisor.body.reporter.name).toBe(li.name);
  expect(bySupervisor.body.state).toBe('closed');
  expect(bySupervisor.body.photos).toHaveLength(1);
});
