// Reach on every page of the resident and staff journeys, in both modes, on the
// H5 build at a 390 px phone: axe-core finds no serious or critical WCAG 2.1
// A/AA violation, and in elder mode the MIIT numbers hold (visible text ≥ 18 px,
// no target under 44×44, primary buttons ≥ 60×60).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, sharedStack } from './support/stack';
import { axeViolations, elderNumbers, type AxeFinding, type ElderNumbers } from './support/reach';
import { DEMO_PASSWORD, residents } from '../../scripts/seed/data';

jest.setTimeout(600_000);

const stack = sharedStack();
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

const RESIDENT_PAGES = [
  'pages/index/index',
  'pages/services/index',
  'pages/mine/index',
  'packages/service/detail?code=QS-MZ-001',
  'packages/booking/places?code=QS-RS-002',
  'packages/booking/mine',
  'packages/apply/index?code=QS-MZ-001',
  'packages/apply/mine',
  'packages/rating/mine',
  'packages/rating/public',
  'packages/demand/new',
  'packages/demand/mine',
  'packages/notice/index',
  'packages/profile/edit',
  'packages/profile/contacts',
];

const STAFF_PAGES = [
  'workbench/index/index',
  'workbench/day/index',
  'workbench/queue/index',
  'workbench/overdue/index',
  'workbench/tickets/index',
  'workbench/satisfaction/index',
  'workbench/demands/index',
  'workbench/intake/index',
  'workbench/notices/index',
  'workbench/report/index',
  'workbench/accountability/index',
];

interface PageReport {
  url: string;
  axe: AxeFinding[];
  elder?: ElderNumbers;
}

/** A phone whose stored elder-mode switch is set before the app starts (left open: the packaged Chromium runs single-process and closing a context can end it). */
async function phone(elder: boolean): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  await context.addInitScript((on) => {
    try {
      localStorage.setItem('banshi.elderMode', JSON.stringify({ data: on }));
    } catch {
      // about:blank has no storage
    }
  }, elder);
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  return page;
}

async function visit(page: Page, path: string, elder: boolean): Promise<PageReport> {
  await page.goto(`${stack.urls.h5}#/${path}`);
  await page.waitForTimeout(900); // the page transition
  await page
    .locator('.state--loading')
    .filter({ visible: true })
    .first()
    .waitFor({ state: 'detached', timeout: 10_000 })
    .catch(() => undefined);
  await page.waitForTimeout(300);
  return { url: path, axe: await axeViolations(page), elder: elder ? await elderNumbers(page) : undefined };
}

/** A resident who has not agreed to the current privacy notice sees it first after signing in: agree (it is measured too). */
async function agreePrivacy(page: Page, reports?: PageReport[], elder = false): Promise<void> {
  const agree = page.getByRole('button', { name: '同意并继续' }).filter({ visible: true }).first();
  if (!(await agree.waitFor({ timeout: 5_000 }).then(() => true, () => false))) return;
  await page.waitForTimeout(900);
  if (reports) reports.push({ url: 'packages/profile/privacy', axe: await axeViolations(page), elder: elder ? await elderNumbers(page) : undefined });
  await agree.click();
  await page.waitForTimeout(900);
}

async function residentReports(elder: boolean): Promise<PageReport[]> {
  // 张桂英 saved elder mode on, 李春花 off: the signed-in preference wins.
  const who = residents.find((r) => r.openid === (elder ? 'demo-openid-zhang' : 'demo-openid-li'))!;
  const page = await phone(elder);
  const reports: PageReport[] = [await visit(page, 'packages/login/index', elder)];
  await page.getByRole('button', { name: who.label }).last().click();
  await page.getByText(who.name).first().waitFor();
  await agreePrivacy(page, reports, elder);
  for (const p of RESIDENT_PAGES) reports.push(await visit(page, p, elder));
  return reports;
}

async function staffReports(elder: boolean): Promise<PageReport[]> {
  const page = await phone(elder);
  const reports: PageReport[] = [await visit(page, 'workbench/login/index', elder)];
  await page.getByPlaceholder('请输入用户名').fill('admin');
  await page.getByPlaceholder('请输入密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL(/workbench\/index/);
  for (const p of STAFF_PAGES) reports.push(await visit(page, p, elder));
  return reports;
}

function summary(reports: PageReport[]) {
  const texts = reports.reduce((n, r) => n + (r.elder?.texts ?? 0), 0);
  const small = reports.reduce((n, r) => n + (r.elder?.smallTexts.length ?? 0), 0);
  const targets = reports.reduce((n, r) => n + (r.elder?.targets ?? 0), 0);
  return {
    pages: reports.length,
    axeSeriousOrCritical: reports.reduce((n, r) => n + r.axe.length, 0),
    pagesWithAxeViolations: reports.filter((r) => r.axe.length > 0).length,
    textUnder18: texts ? `${small}/${texts}` : undefined,
    targetsUnder44: targets ? `${reports.reduce((n, r) => n + (r.elder?.smallTargets.length ?? 0), 0)}/${targets}` : undefined,
    mainUnder60: reports.reduce((n, r) => n + (r.elder?.smallMain.length ?? 0), 0),
  };
}

function record(name: string, reports: PageReport[]) {
  const dir = join(__dirname, '../../.tmp/e2e');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `reach-${name}.json`), JSON.stringify({ summary: summary(reports), reports }, null, 2));
}

const problems = (reports: PageReport[]) =>
  reports.flatMap((r) => [
    ...r.axe.map((v) => `${r.url}: axe ${v.id} (${v.impact}) at ${v.targets.join(' | ')}`),
    ...(r.elder?.smallTexts.map((t) => `${r.url}: text under 18 px: ${t}`) ?? []),
    ...(r.elder?.smallTargets.map((t) => `${r.url}: target under 44×44: ${t}`) ?? []),
    ...(r.elder?.smallMain.map((t) => `${r.url}: main target under 60×60: ${t}`) ?? []),
  ]);

for (const elder of [false, true]) {
  const mode = elder ? 'elder' : 'standard';

  test(`resident pages in ${mode} mode: no serious axe violation${elder ? '; text ≥ 18 px, targets ≥ 44 (main ≥ 60)' : ''}`, async () => {
    const reports = await residentReports(elder);
    record(`resident-${mode}`, reports);
    expect(problems(reports)).toEqual([]);
  });

  test(`staff pages in ${mode} mode: no serious axe violation${elder ? '; text ≥ 18 px, targets ≥ 44 (main ≥ 60)' : ''}`, async () => {
    const reports = await staffReports(elder);
    record(`staff-${mode}`, reports);
    expect(problems(reports)).toEqual([]);
  });
}

test('a filled application survives a dropped signal and a reload, and goes once it is sent', async () => {
  const li = residents.find((r) => r.openid === 'demo-openid-li')!;
  const page = await phone(false);
  await page.goto(`${stack.urls.h5}#/packages/login/index`);
  await page.getByRole('button', { name: li.label }).last().click();
  await page.getByText(li.name).first().waitFor();
  await agreePrivacy(page);

  await page.goto(`${stack.urls.h5}#/packages/apply/index?code=QS-MZ-001`);
  await page.getByRole('switch', { name: '我已备齐：居民身份证' }).last().click();
  await page.getByPlaceholder('如有需要说明的情况，请填写').last().fill('白天家里有人');

  // The signal drops: sending fails with a clear message and nothing is lost.
  await page.context().setOffline(true);
  await page.getByRole('button', { name: '提交申请', exact: true }).last().click();
  await page.locator('.form-error').filter({ visible: true }).first().waitFor();
  await page.reload().catch(() => undefined); // no network: the reload itself fails
  await page.context().setOffline(false);
  await page.reload();

  await page.getByText('已恢复您上次未提交的内容').first().waitFor();
  expect(await page.getByRole('switch', { name: '我已备齐：居民身份证' }).last().getAttribute('aria-checked')).toBe('true');
  expect(await page.getByPlaceholder('如有需要说明的情况，请填写').last().inputValue()).toBe('白天家里有人');

  await page.getByRole('button', { name: '提交申请', exact: true }).last().click();
  await page.waitForURL(/packages\/apply\/detail\?id=/);
  const draft = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('banshi.draft.apply:')));
  expect(draft).toEqual([]);
});
