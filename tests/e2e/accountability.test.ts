// Valid complaints and the 民情月报 in Chromium on the H5 build: the supervisor
// marks a complaint valid on 投诉核查与问责, the person's ladder step shows with
// 约谈 owed, the department's apology is owed and recorded; the monthly report
// shows last month's figures and hot spot, and the CSV downloads with its BOM.
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { button, launchChromium, sharedStack, shown, staffPage as staffPageOf, stackApi } from './support/stack';

jest.setTimeout(300_000);
const stack = sharedStack();
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const { api, staffToken } = stackApi(stack);

test('the supervisor marks a complaint valid: the ladder step shows, the apology is owed and recorded', async () => {
  const token = await staffToken('xiaoneng');
  // The demo's complaint about a window clerk's manner (民政), opened for investigation against clerk-mz.
  const all = (await api('GET', '/admin/demands?view=all', undefined, token)).body.demands as any[];
  const demand = all.find((d) => d.text.includes('态度生硬'));
  expect(demand).toBeDefined();
  expect((await api('POST', `/admin/demands/${demand.id}/complaint`, { staffUsername: 'clerk-mz' }, token)).status).toBe(201);

  const page = await staffPageOf(browser, stack, 'xiaoneng');
  await shown(page, '投诉核查与问责').click();
  await page.waitForURL(/workbench\/accountability/);
  // The demo already has one valid complaint (县医疗保障局); this one is 赵丽's of 县民政局.
  // Its row under 投诉核查 (the apology row below names the demand too, but not the person).
  const complaint = page.locator('.dash-row', { hasText: `诉求 ${demand.number} · 赵丽` }).last();
  await complaint.waitFor();
  await complaint.getByLabel('核查结论', { exact: true }).locator('textarea').fill('经调取窗口录像并询问当事人，态度生硬、未一次告知属实');
  await complaint.getByLabel('证据', { exact: true }).locator('textarea').fill('窗口录像\n当事人陈述');
  await complaint.getByRole('button', { name: '查实有效', exact: true }).click();
  await complaint.getByText('查实有效 · 问责第1级').waitFor();
  const person = page.locator('.dash-row', { hasText: '赵丽（县民政局）' }).last();
  await person.getByText('两年内查实有效投诉 1 件 · 第1级：约谈').waitFor();
  await person.getByText('待约谈').waitFor();
  const apology = page.locator('.dash-row', { hasText: '县民政局 · 向投诉人当面致歉' }).last();
  await apology.waitFor();
  await page.screenshot({ path: '.tmp/e2e/accountability-owed.png', fullPage: true });

  await person.getByRole('button', { name: '记录已约谈', exact: true }).click();
  await person.getByText('应作出的处理均已记录').waitFor();
  await apology.getByLabel('致歉情况', { exact: true }).locator('textarea').fill('局长已上门向群众当面致歉');
  await apology.getByRole('button', { name: '记录已致歉', exact: true }).click();
  await page.locator('.dash-row', { hasText: '已致歉：局长已上门向群众当面致歉' }).last().waitFor();
  // The demo's own: 何丽萍 still owes 约谈, 县医疗保障局 its apology.
  await page.locator('.dash-row', { hasText: '何丽萍（县医疗保障局）' }).last().getByText('待约谈').waitFor();

  // The resident's timeline: investigated, and the outcome — not the sanction.
  const detail = (await api('GET', `/admin/demands/${demand.id}`, undefined, token)).body;
  const notes = detail.events.map((e: any) => e.note).join('\n');
  expect(notes).toContain('经核查，投诉反映的问题属实');
  expect(notes).not.toContain('约谈');
  await page.close();
});

test('the monthly report shows the figures and the CSV downloads', async () => {
  const page = await staffPageOf(browser, stack, 'xiaoneng');
  await shown(page, '民情月报').click();
  await page.waitForURL(/workbench\/report/);
  await shown(page, '民情月报 · ').waitFor();
  await shown(page, '柏林村').waitFor();
  const text = await page.locator('body').innerText();
  expect(text).toMatch(/上月 \d+/);
  expect(text).toContain('近六个月三率');
  await page.screenshot({ path: '.tmp/e2e/monthly-report.png', fullPage: true });
  const download = page.waitForEvent('download');
  await button(page, '下载CSV').click();
  const file = await (await download).path();
  const csv = readFileSync(file!, 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  expect(csv).toContain('全县汇总');
  expect(csv).toContain('柏林村');
  await page.close();
});
