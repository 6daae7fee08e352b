// 包联 in Chromium on the H5 build: agent-yang opens 我的包联户, records a visit
// to 王德贵户 (三留守) and files the grandmother's request for help from it;
// the demand is on the supervisor's list and the supervisor's coverage rises.
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
const yangRow = async () => {
  const token = await staffToken('xiaoneng');
  const res = await api('GET', '/admin/coverage', undefined, token);
  return (res.body.rows as { level: string; code: string; contacted: number; mustVisitVisited: number; demandsRaised: number }[]).find((r) => r.level === 'cadre' && r.code === 'agent-yang')!;
};

test('agent-yang visits a 三留守 household and files the grandmother’s request; the coverage rises', async () => {
  const before = await yangRow();

  const page = await staffPageOf(browser, stack, 'agent-yang');
  await page.goto(`${stack.urls.h5}#/workbench/households/index`);
  await shown(page, '王德贵户').waitFor();
  await page.getByText('王德贵户').first().click();
  await shown(page, '记录联系').waitFor();
  await button(page, '走访').click();
  await button(page, '五必访').click();
  await page.getByLabel('民情日记', { exact: true }).last().locator('textarea').fill('刘秀珍腿脚不便，独自带孙子');
  await page.getByRole('switch', { name: '群众反映了问题' }).last().click();
  await button(page, '刘秀珍').click();
  await button(page, '求助').click();
  await button(page, '民政救助').click();
  await page.getByLabel('反映内容', { exact: true }).last().locator('textarea').fill('老人腿脚不便，希望申请居家养老上门服务');
  await button(page, '记录本次联系').click();
  await shown(page, '已记录').waitFor();
  await shown(page, '代为登记诉求').waitFor();

  const after = await yangRow();
  expect(after.contacted).toBe(before.contacted + 1);
  expect(after.mustVisitVisited).toBe(before.mustVisitVisited + 1);
  expect(after.demandsRaised).toBe(before.demandsRaised + 1);

  const demands = await api('GET', '/admin/demands?view=all', undefined, await staffToken('xiaoneng'));
  expect(JSON.stringify(demands.body)).toContain('居家养老上门服务');
});
