// Appointments in Chromium on the H5 build: a resident books a slot, sees the
// booking and its code, and cancels it; a clerk checks a booking in by code.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium, phonePage, settled, sharedStack, useStackStore, signInFromMine } from './support/stack';
import { DEMO_PASSWORD, residents, services, staff } from '../../scripts/seed/data';
import { shanghaiDate } from '../../functions/domain/calendar';

jest.setTimeout(180_000);
const stack = sharedStack();
useStackStore(stack);
const shots = join(__dirname, '../../.tmp/e2e');
let browser: Browser;

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

test('a resident books the nearest place, sees the booking code and cancels it', async () => {
  const chen = residents.find((r) => r.openid === 'demo-openid-chen')!;
  const item = services.find((s) => s.code === 'QS-MZ-001')!;
  const page = await phonePage(browser);
  await page.goto(`${stack.urls.h5}#/pages/mine/index`);
  await signInFromMine(page, chen);

  await page.goto(`${stack.urls.h5}#/packages/service/detail?code=${item.code}`);
  await page.getByRole('button', { name: '预约办理' }).last().click();
  // She lives in 城关镇: her town's centre comes before the county centre.
  const first = page.getByRole('link').filter({ hasText: '城关镇便民服务中心' }).last();
  await first.waitFor();
  await page.getByText('本镇', { exact: true }).last().waitFor();
  await first.click();

  // A later day, so the cut-off (2 hours before the start) is still ahead.
  const laterDay = page.getByRole('button', { name: /^周.\s*\d+月\d+日/ }).first();
  await laterDay.waitFor();
  await laterDay.click();
  const slot = page.getByRole('button', { name: /剩余\d+个名额/ }).first();
  await slot.waitFor();
  await slot.click();
  await page.getByText('免费预约，请凭预约码到窗口办理', { exact: false }).last().waitFor();
  await page.getByRole('button', { name: '确认预约' }).last().click();

  const code = page.locator('.ticket__code').last();
  await code.waitFor();
  const bookingCode = (await code.innerText()).replace(/\s/g, '');
  expect(bookingCode).toMatch(/^[A-Z2-9]{8}$/);
  await settled(page, 'packages/booking/detail');
  await page.screenshot({ path: join(shots, 'booking-detail.png') });

  await page.goto(`${stack.urls.h5}#/packages/booking/mine`);
  const card = page.locator('.appt').filter({ hasText: '城关镇便民服务中心' }).last();
  await card.waitFor();
  await card.click();
  await page.getByRole('button', { name: '取消预约' }).last().click();
  await page.getByText('确定取消', { exact: true }).last().click(); // Taro's H5 modal
  await page.getByText('您已取消', { exact: false }).last().waitFor();
  await settled(page, 'packages/booking/detail');
  await page.screenshot({ path: join(shots, 'booking-cancelled.png') });
});

test('a clerk checks a booking in by its code at the window', async () => {
  const { bookAppointment } = await import('../../functions/store/appointments');
  const zhao = staff.find((s) => s.username === 'clerk-mz')!;
  const today = shanghaiDate();
  const now = new Date().toISOString();
  await bookAppointment(
    {
      id: 'e2e-walkin-0001', code: 'WNDW2345', residentId: 'e2e-resident', serviceCode: 'QS-MZ-001', serviceName: '最低生活保障申请',
      placeId: 'qs-county-center', placeName: '青山县政务服务中心', placeAddress: '青山县城关镇滨江大道88号',
      slotId: `qs-county-center~${today}~1530`, date: today, start: '15:30', end: '16:30', status: 'booked',
      cutoffAt: now, cancelledBy: null, cancelReason: null, createdAt: now, updatedAt: now, version: 1,
    },
    { placeId: 'qs-county-center', date: today, start: '15:30', capacity: 10 },
    'e2e-walkin-idem-1',
  );

  const page = await phonePage(browser);
  await page.goto(`${stack.urls.h5}#/workbench/login/index`);
  await page.getByPlaceholder('请输入用户名').fill(zhao.username);
  await page.getByPlaceholder('请输入密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByText(zhao.name, { exact: true }).waitFor();

  await page.goto(`${stack.urls.h5}#/workbench/day/index`);
  await page.getByPlaceholder('请输入预约码').last().fill('wndw2345');
  await page.getByRole('button', { name: '签到', exact: true }).last().click();
  await page.getByText('签到成功：WNDW2345', { exact: false }).last().waitFor();
  await settled(page, 'workbench/day/index');
  await page.screenshot({ path: join(shots, 'workbench-checkin.png') });
});
