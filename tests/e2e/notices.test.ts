// Notices and the inbox in Chromium on the H5 build: an admin publishes a
// 家乡动态 notice to 高滩镇; 王小军 (working in 东莞, hometown 高滩镇) sees it
// with an unread mark and the count on 首页; a 向阳镇 resident does not; staff
// close a day and the resident whose booking it cancelled reads it in 消息.
// The fan-out and the sender run in `npm start`'s job loop.
import type { Browser, Page } from 'playwright-core';
import { launchChromium, phonePage, sharedStack, shown, stackApi, signInFromMine } from './support/stack';
import { R, residents } from '../../scripts/seed/data';
import { createCalendar, shanghaiDate } from '../../functions/domain/calendar';

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


async function signIn(openid: string): Promise<Page> {
  const who = residents.find((r) => r.openid === openid)!;
  const page = await phonePage(browser);
  await page.goto(`${stack.urls.h5}#/pages/mine/index`);
  await signInFromMine(page, who);
  return page;
}

/** Until the job loop (every 10 s) has written it. */
async function waitFor<T>(what: () => Promise<T | undefined>, ms = 60_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await what();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 1000));
  }
}

function nextWorkingDay(afterDays: number): string {
  const cal = createCalendar();
  const d = new Date(`${shanghaiDate()}T00:00:00Z`);
  let found = 0;
  for (;;) {
    d.setUTCDate(d.getUTCDate() + 1);
    const s = d.toISOString().slice(0, 10);
    if (cal.isWorkingDay(s) && ++found === afterDays) return s;
  }
}

test('a 家乡动态 notice to 高滩镇 reaches 王小军 in 东莞, unread; not a 向阳镇 resident', async () => {
  const admin = await staffToken('admin');
  const title = `高滩镇返乡创业补贴申报开始${Date.now() % 1000}`;
  const draft = await api('POST', '/admin/notices', {
    kind: 'hometown', title, body: '在外务工的高滩镇乡亲返乡创业，可申请一次性创业补贴。', target: { regionCodes: [R.gaotan], tags: [], minAge: null, maxAge: null }, expiresOn: null,
  }, admin);
  expect(draft.status).toBe(201);
  const preview = await api('POST', '/admin/notices/preview', draft.body.target, admin);
  expect(preview.body.targeted).toBeGreaterThanOrEqual(1);
  expect((await api('POST', `/admin/notices/${draft.body.id}/publish`, { version: draft.body.version }, admin)).status).toBe(200);
  const wangToken = await residentToken('demo-openid-wang');
  await waitFor(async () => ((await api('GET', '/inbox', undefined, wangToken)).body.items.some((m: any) => m.noticeId === draft.body.id) ? true : undefined));

  const wang = await signIn('demo-openid-wang');
  await wang.goto(`${stack.urls.h5}#/pages/index/index`);
  await wang.getByLabel(/^未读 \d+ 条$/).first().waitFor();
  await wang.goto(`${stack.urls.h5}#/packages/notice/index`);
  const row = wang.locator('.notice-row', { hasText: title });
  await row.waitFor();
  await row.getByLabel('未读').waitFor();
  await row.click();
  await wang.waitForURL(/packages\/notice\/detail/);
  await shown(wang, '一次性创业补贴').waitFor();
  await shown(wang, '家乡动态').waitFor();
  await wang.screenshot({ path: '.tmp/e2e-notice-wang.png' });

  const zhang = await signIn('demo-openid-zhang'); // 向阳镇柏林村
  await zhang.goto(`${stack.urls.h5}#/packages/notice/index`);
  await zhang.locator('.notice__head').waitFor();
  expect(await zhang.getByText(title).count()).toBe(0);
  const reach = await waitFor(async () => {
    const n = (await api('GET', `/admin/notices/${draft.body.id}`, undefined, admin)).body;
    return n.delivered && n.reach.read >= 1 ? n.reach : undefined;
  });
  expect(reach.targeted).toBeGreaterThanOrEqual(1);
});

test('staff close a day: the resident whose booking it cancelled reads why in 消息', async () => {
  const admin = await staffToken('admin');
  const date = nextWorkingDay(5);
  const li = await residentToken('demo-openid-li');
  const booked = await api('POST', '/appointments', { slotId: `qs-county-center~${date}~1330`, serviceCode: 'QS-GA-001', idempotencyKey: `e2e-notice-close-${Date.now()}` }, li);
  expect(booked.status).toBe(201);
  const closed = await api('POST', `/admin/places/qs-county-center/days/${date}/close`, { reason: '系统升级停办一天' }, admin);
  expect(closed.status).toBe(200);

  const page = await signIn('demo-openid-li');
  await page.goto(`${stack.urls.h5}#/packages/notice/index`);
  const row = page.locator('.notice-row', { hasText: '预约已取消' }).first();
  await row.waitFor();
  await row.getByText(/系统升级停办一天/).waitFor();
  await page.screenshot({ path: '.tmp/e2e-notice-cancelled.png' });
});
