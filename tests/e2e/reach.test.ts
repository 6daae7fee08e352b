// Reach on every page of the resident and staff journeys, in both modes, on the
// H5 build at a 390 px phone: axe-core finds no serious or critical WCAG 2.1
// A/AA violation and no target is under 44×44; in elder mode the MIIT numbers
// hold as well (visible text ≥ 18 px, primary buttons ≥ 60×60).
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, settled, sharedStack, stackApi } from './support/stack';
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
  // 个人信息: the privacy notice, export and delete.
  'packages/profile/privacy',
  'packages/profile/data',
  'packages/booking/slots?code=QS-RS-002&placeId=qs-county-center',
  // 柏林村's public commitment cards (no sign-in needed; seen signed in here).
  'packages/commitments/index?region=511999102202',
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
  'workbench/proxy/index',
  'workbench/push-failures/index',
  'workbench/notice/index',
  'workbench/commitments/index',
  'workbench/commitments/new',
  'workbench/households/index',
  'workbench/coverage/index',
  'workbench/posts/index',
  'workbench/receptions/index',
  // The admin's edit form of a household also offers 改派 and 迁出/注销.
  'workbench/household/edit?id=hh-agent-yang-001',
];

interface PageReport {
  url: string;
  axe: AxeFinding[];
  /** Text and target sizes, in both modes (the text and main-button numbers count in elder mode only). */
  sizes: ElderNumbers;
  elder: boolean;
}

/** A paired cadre's own pages, with their households and card in them. */
const CADRE_PAGES = [
  'workbench/households/index',
  'workbench/commitments/index',
  'workbench/household/index?id=hh-agent-yang-001',
  'workbench/household/edit?id=hh-agent-yang-001',
  'workbench/household/edit', // 新增包联户
];

const { api, residentToken, staffToken } = stackApi(stack);

/** `page?id=` of the first record a list answers (none, or the list fails: not visited). */
async function firstOf(path: string, list: string, page: string, token: string): Promise<string[]> {
  const res = await api('GET', path, undefined, token).catch(() => null);
  const first = res?.status === 200 ? (res.body[list]?.[0] as { id?: string; noticeId?: string | null } | undefined) : undefined;
  const id = page.startsWith('packages/notice') ? first?.noticeId : first?.id;
  return id ? [`${page}?id=${encodeURIComponent(id)}`] : [];
}

/** The booking confirmation of the place's first open slot (shown, not booked). */
async function bookingConfirmOf(code: string, placeId: string): Promise<string[]> {
  const res = await api('GET', `/places/${placeId}/slots`).catch(() => null);
  const days = res?.status === 200 ? (res.body.days as { slots: { id: string; status: string }[] }[]) : [];
  const open = days.flatMap((d) => d.slots).find((slot) => slot.status === 'open');
  return open ? [`packages/booking/confirm?code=${code}&slotId=${encodeURIComponent(open.id)}`] : [];
}

/** The 补正 form of a new 临时救助 case the county's civil-affairs clerk sent a one-time notice for (no demo case waits for materials). */
async function supplementFormOf(token: string): Promise<string[]> {
  const applied = await api('POST', '/applications', { serviceCode: 'QS-MZ-003', idempotencyKey: randomUUID(), materials: [], proxy: false }, token);
  expect(applied.status).toBe(201);
  const clerk = await staffToken('clerk-mz');
  const notice = { action: 'request_materials', version: applied.body.version, missing: [{ name: '户口簿', note: '全部家庭成员页' }] };
  expect((await api('POST', `/admin/applications/${applied.body.id}/actions`, notice, clerk)).status).toBe(200);
  return [`packages/apply/supplement?id=${encodeURIComponent(applied.body.id)}`];
}

/** The rating page of the resident's first invitation to rate, else of their latest rating (none: not visited). */
async function rateFormOf(token: string): Promise<string[]> {
  const res = await api('GET', '/ratings', undefined, token).catch(() => null);
  type Target = { targetType: string; targetId: string };
  const target = res?.status === 200 ? ((res.body.pending?.[0] ?? res.body.ratings?.[0]) as Target | undefined) : undefined;
  return target ? [`packages/rating/rate?targetType=${target.targetType}&targetId=${encodeURIComponent(target.targetId)}`] : [];
}

/** The pages about one record: the resident's first booking, case, demand and notice. */
async function residentRecordPages(openid: string): Promise<string[]> {
  const token = await residentToken(openid);
  const pages = await Promise.all([
    firstOf('/appointments', 'appointments', 'packages/booking/detail', token),
    firstOf('/applications', 'applications', 'packages/apply/detail', token),
    firstOf('/demands', 'demands', 'packages/demand/detail', token),
    firstOf('/inbox', 'items', 'packages/notice/detail', token),
    firstOf('/receptions', 'receptions', 'packages/booking/reception', token),
    rateFormOf(token),
    bookingConfirmOf('QS-RS-002', 'qs-county-center'),
    supplementFormOf(token),
  ]);
  return pages.flat();
}

/**
 * The workbench pages about one record, as the admin opens them: a resident's case (the seeded
 * queue is empty: every seeded case has been accepted), and the first ticket, demand,
 * commitment card and paired household (agent-yang's) of the admin's all-records views.
 */
async function staffRecordPages(): Promise<string[]> {
  const token = await staffToken('admin');
  const pages = await Promise.all([
    firstOf('/applications', 'applications', 'workbench/case/index', await residentToken('demo-openid-li')),
    firstOf('/admin/tickets?view=all', 'tickets', 'workbench/ticket/index', token),
    firstOf('/admin/demands?view=all', 'demands', 'workbench/demand/index', token),
    firstOf('/admin/commitments', 'items', 'workbench/commitments/card', token),
    firstOf('/admin/households?cadre=agent-yang', 'households', 'workbench/household/index', token),
  ]);
  const found = pages.flat();
  // Each record page is measured: a list that came back empty is a broken test, not a pass.
  expect(found).toHaveLength(pages.length);
  return found;
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

async function measure(page: Page, url: string, elder: boolean): Promise<PageReport> {
  return { url, axe: await axeViolations(page), sizes: await elderNumbers(page), elder };
}

async function visit(page: Page, path: string, elder: boolean): Promise<PageReport> {
  await page.goto(`${stack.urls.h5}#/${path}`);
  await settled(page, path);
  return measure(page, path, elder);
}

/** A resident who has not agreed to the current privacy notice sees it first after signing in: agree (it is measured too). */
async function agreePrivacy(page: Page, reports?: PageReport[], elder = false): Promise<void> {
  const agree = page.getByRole('button', { name: '同意并继续' }).filter({ visible: true }).first();
  if (!(await agree.waitFor({ timeout: 5_000 }).then(() => true, () => false))) return;
  await settled(page, 'packages/profile/privacy');
  if (reports) reports.push(await measure(page, 'packages/profile/privacy (first sign-in)', elder));
  await agree.click();
  // Agreed: the notice closes and the page underneath shows again.
  await page.waitForFunction(() => !location.hash.includes('packages/profile/privacy'));
  await settled(page);
}

async function residentReports(elder: boolean): Promise<PageReport[]> {
  // 张桂英 saved elder mode on, 李春花 off: the signed-in preference wins.
  const who = residents.find((r) => r.openid === (elder ? 'demo-openid-zhang' : 'demo-openid-li'))!;
  const page = await phone(elder);
  const reports: PageReport[] = [await visit(page, 'packages/login/index', elder)];
  await page.getByRole('button', { name: who.label }).last().click();
  await page.getByText(who.name).first().waitFor();
  await agreePrivacy(page, reports, elder);
  for (const p of [...RESIDENT_PAGES, ...(await residentRecordPages(who.openid))]) reports.push(await visit(page, p, elder));
  return reports;
}

/** A staff member's pages: the admin sees every workbench page; a paired cadre (agent-yang) their own households and cards, with data. */
async function staffReports(elder: boolean, username = 'admin'): Promise<PageReport[]> {
  const page = await phone(elder);
  const reports: PageReport[] = [];
  if (username === 'admin') reports.push(await visit(page, 'workbench/login/index', elder));
  else await page.goto(`${stack.urls.h5}#/workbench/login/index`);
  await page.getByPlaceholder('请输入用户名').fill(username);
  await page.getByPlaceholder('请输入密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL(/workbench\/index/);
  const pages = username === 'admin' ? [...STAFF_PAGES, ...(await staffRecordPages())] : ['workbench/index/index', ...CADRE_PAGES];
  for (const p of pages) reports.push(await visit(page, p, elder));
  return reports;
}

function summary(reports: PageReport[]) {
  const sum = (f: (r: PageReport) => number) => reports.reduce((n, r) => n + f(r), 0);
  const elder = reports.some((r) => r.elder);
  return {
    pages: reports.length,
    axeSeriousOrCritical: sum((r) => r.axe.length),
    pagesWithAxeViolations: reports.filter((r) => r.axe.length > 0).length,
    textUnder18: elder ? `${sum((r) => r.sizes.smallTexts.length)}/${sum((r) => r.sizes.texts)}` : undefined,
    targetsUnder44: `${sum((r) => r.sizes.smallTargets.length)}/${sum((r) => r.sizes.targets)}`,
    mainUnder60: elder ? sum((r) => r.sizes.smallMain.length) : undefined,
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
    ...r.sizes.smallTargets.map((t) => `${r.url}: target under 44×44: ${t}`),
    ...(r.elder ? r.sizes.smallTexts.map((t) => `${r.url}: text under 18 px: ${t}`) : []),
    ...(r.elder ? r.sizes.smallMain.map((t) => `${r.url}: main target under 60×60: ${t}`) : []),
  ]);

for (const elder of [false, true]) {
  const mode = elder ? 'elder' : 'standard';

  test(`resident pages in ${mode} mode: no serious axe violation, targets ≥ 44${elder ? ' (main ≥ 60); text ≥ 18 px' : ''}`, async () => {
    const reports = await residentReports(elder);
    record(`resident-${mode}`, reports);
    expect(problems(reports)).toEqual([]);
  });

  test(`a paired cadre's pages in ${mode} mode: no serious axe violation, targets ≥ 44${elder ? ' (main ≥ 60); text ≥ 18 px' : ''}`, async () => {
    const reports = await staffReports(elder, 'agent-yang');
    record(`cadre-${mode}`, reports);
    expect(problems(reports)).toEqual([]);
  });

  test(`staff pages in ${mode} mode: no serious axe violation, targets ≥ 44${elder ? ' (main ≥ 60); text ≥ 18 px' : ''}`, async () => {
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
