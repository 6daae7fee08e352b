// Screenshots of the H5 build in headless Chromium, for eyeballing layout.
//   node miniprogram/tools/screenshots.mjs [outDir]
// Serves miniprogram/dist/h5 on a free port. API calls to the build's API base
// are answered with demo data (or fail, for the error-state shots) by
// Playwright's router, so no backend is needed.
import { createServer } from 'node:http';
import { readFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const dist = path.resolve(here, '..', 'dist', 'h5');
const out = path.resolve(process.argv[2] ?? path.join(here, '..', '..', '.tmp', 'screenshots'));
const API = process.env.TARO_APP_API_BASE ?? 'http://127.0.0.1:3000';
const FAKE_WECHAT = process.env.TARO_APP_FAKE_WECHAT ?? 'http://127.0.0.1:3100';

const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.png': 'image/png' };
const server = createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', 'http://x');
  const file = path.join(dist, url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname));
  if (!file.startsWith(dist)) return res.writeHead(403).end();
  try {
    const body = await readFile(file);
    res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' }).end(body);
  } catch {
    res.writeHead(404).end('not found');
  }
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}/`;

const summaries = [
  { code: 'RS-001', name: '城乡居民基本养老保险参保登记', departmentId: 'hr', departmentName: '县人力资源和社会保障局', category: 'social_security', handlingLevel: 'village', type: 'instant', promisedDays: 0, visits: 1, appointment: false, online: true, proxy: true },
  { code: 'MZ-002', name: '最低生活保障申请', departmentId: 'mz', departmentName: '县民政局', category: 'civil_affairs', handlingLevel: 'town', type: 'promised', promisedDays: 20, visits: 1, appointment: true, online: false, proxy: true },
  { code: 'GA-003', name: '居民身份证换领', departmentId: 'ga', departmentName: '县公安局', category: 'household', handlingLevel: 'county', type: 'promised', promisedDays: 15, visits: 2, appointment: true, online: false, proxy: false },
  { code: 'CL-004', name: '残疾人证新办', departmentId: 'cl', departmentName: '县残疾人联合会', category: 'elderly_disabled', handlingLevel: 'town', type: 'promised', promisedDays: 10, visits: 0, appointment: true, online: true, proxy: true },
];
const detail = {
  ...summaries[1],
  serves: '家庭人均收入低于当地最低生活保障标准的本县户籍居民',
  description: '对符合条件的困难家庭按月发放最低生活保障金。申请人向户籍所在地镇人民政府提出申请，村（居）委会可代为提交。',
  basis: '《社会救助暂行办法》第九条至第十三条',
  statutoryDays: 30,
  materials: [
    { name: '居民身份证', required: true, copies: 1, format: 'original_and_copy', notes: '家庭成员每人一份' },
    { name: '户口簿', required: true, copies: 1, format: 'copy' },
    { name: '家庭收入情况声明', required: true, copies: 1, format: 'form', sample: '见窗口样表' },
    { name: '残疾证', required: false, copies: 1, format: 'copy', notes: '家庭成员有残疾的提供' },
  ],
  feeYuan: 0,
  keywords: ['低保'],
  stats: { concluded: 48, onTimeRate: 0.9583, medianDays: 12 },
  version: 3,
  updatedAt: '2026-03-01T18:30:00.000Z',
};
const me = { id: 'r-1', name: '王秀英', phone: '13800001111', currentRegionCode: '511999101201', hometownRegionCode: null, tags: ['elderly', 'low_income'], elderMode: false, createdAt: '2026-01-05T02:00:00.000Z' };
const regions = [
  { code: '511999', name: '青山县', level: 'county', parentCode: null },
  { code: '511999101', name: '城关镇', level: 'town', parentCode: '511999' },
  { code: '511999102', name: '向阳镇', level: 'town', parentCode: '511999' },
  { code: '511999101201', name: '石桥村', level: 'village', parentCode: '511999101' },
  { code: '511999102202', name: '柏林村', level: 'village', parentCode: '511999102' },
];
const contacts = {
  pairedCadre: { name: '李建国', phone: '13900002222', duties: '联系石桥村1-4组，负责政策宣传和全程代办', departmentName: '城关镇人民政府' },
  leaders: [
    { id: 'l-1', name: '张伟', title: '县长', phone: '0839-1234567', duties: '主持县政府全面工作', regionCode: '511999' },
    { id: 'l-2', name: '刘芳', title: '城关镇党委书记', phone: '0839-7654321', duties: '负责城关镇全面工作', regionCode: '511999101' },
  ],
};
const staff = { username: 'clerk01', name: '陈静', role: 'clerk', departmentId: 'mz', departmentName: '县民政局', regionCode: '511999', regionName: '青山县', phone: '13700003333' };
const session = { token: 'demo', expiresAt: new Date(Date.now() + 3600e3).toISOString(), me };

// Appointments: the next working days from today (Asia/Shanghai).
const shDate = (ms) => new Date(ms + 8 * 3600e3).toISOString().slice(0, 10);
const nextDays = [];
for (let d = 0; nextDays.length < 4; d++) {
  const date = shDate(Date.now() + d * 86400e3);
  const wd = new Date(`${date}T00:00:00Z`).getUTCDay();
  if (wd !== 0 && wd !== 6) nextDays.push(date);
}
const place = (over) => ({ kind: 'point', level: 'village', regionCode: '511999101201', regionName: '石桥村', phone: '0817-7231201', departmentName: null, cutoffMinutes: 120, ...over });
const places = [
  place({ id: 'shiqiao-station', name: '石桥村便民服务站', address: '青山县城关镇石桥村村委会一楼', hours: '周一至周五 9:00—12:00，14:00—17:00', nearness: 'own_village' }),
  place({ id: 'chengguan-center', name: '城关镇便民服务中心', level: 'town', regionCode: '511999101', regionName: '城关镇', address: '青山县城关镇人民路102号', hours: '周一至周五 8:30—12:00，14:00—17:30', nearness: 'own_town' }),
  place({ id: 'roving-mz-chengguan', kind: 'roving', name: '县民政局城关镇坐班', level: 'town', regionCode: '511999101', regionName: '城关镇', address: '城关镇便民服务中心二楼', hours: '每月第一个星期一 09:00—12:00', departmentName: '县民政局', nearness: 'roving_in_town' }),
  place({ id: 'qs-county-center', name: '青山县政务服务中心', level: 'county', regionCode: '511999', regionName: '青山县', address: '青山县城关镇滨江大道88号', hours: '周一至周五 9:00—12:00，13:30—17:30', nearness: 'county', cutoffMinutes: 1440 }),
];
const slotOf = (placeId, date, start, end, over = {}) => ({ id: `${placeId}~${date}~${start.replace(':', '')}`, date, start, end, capacity: 5, booked: 2, remaining: 3, status: 'open', closeReason: null, ...over });
const daySlots = (placeId, date, i) => [
  slotOf(placeId, date, '09:00', '10:00', i === 0 ? { status: 'full', booked: 5, remaining: 0 } : {}),
  slotOf(placeId, date, '10:00', '11:00', i === 0 ? { status: 'closed', remaining: 0, closeReason: '村干部外出开会' } : { remaining: 1, booked: 4 }),
  slotOf(placeId, date, '14:00', '15:00'),
  slotOf(placeId, date, '15:00', '16:00'),
];
const appt = {
  id: 'appt-0001-demo', code: 'K7P2XQ9M', serviceCode: 'MZ-002', serviceName: '最低生活保障申请', placeId: 'shiqiao-station', placeName: '石桥村便民服务站',
  placeAddress: '青山县城关镇石桥村村委会一楼', slotId: `shiqiao-station~${nextDays[1]}~0900`, date: nextDays[1], start: '09:00', end: '10:00', status: 'booked',
  cutoffAt: new Date(Date.now() + 86400e3).toISOString(), cancelledBy: null, cancelReason: null, createdAt: new Date().toISOString(), updatedAt: new Date().toISOString(), version: 1,
};
const apptCancelled = { ...appt, id: 'appt-0002-demo', code: 'AB12CD34', status: 'cancelled', cancelledBy: 'staff', cancelReason: '坐班临时取消', date: nextDays[2] };
const apptDone = { ...appt, id: 'appt-0003-demo', code: 'CC33DD44', status: 'checked_in', serviceName: '居民身份证换领', placeName: '青山县政务服务中心', date: nextDays[0] };
const booking = (id, code, residentName, residentPhone, serviceName, status) => ({ id, code, residentName, residentPhone, serviceCode: 'MZ-002', serviceName, status, version: 1 });

const cors = { 'access-control-allow-origin': '*', 'access-control-allow-headers': 'authorization,content-type', 'access-control-allow-methods': 'GET,POST,PUT,OPTIONS' };
function apiAnswer(method, p, url) {
  if (p === '/services') return { items: summaries, total: summaries.length };
  if (/^\/services\/[^/]+\/places$/.test(p)) return { places };
  const slots = /^\/places\/([^/]+)\/slots$/.exec(p);
  if (slots) {
    const pl = places.find((x) => x.id === slots[1]) ?? places[0];
    const q = new URL(`http://x${url}`).searchParams;
    const days = q.get('days') === '1' ? [q.get('from')] : nextDays;
    return { place: pl, days: days.map((date, i) => ({ date, slots: daySlots(pl.id, date, q.get('days') === '1' ? 1 : i) })) };
  }
  if (p === '/appointments') return { appointments: [appt, apptCancelled, apptDone] };
  if (p.startsWith('/appointments/')) return [appt, apptCancelled, apptDone].find((a) => p.endsWith(a.id)) ?? appt;
  const day = /^\/admin\/places\/([^/]+)\/day$/.exec(p);
  if (day) {
    const date = new URL(`http://x${url}`).searchParams.get('date');
    const s = daySlots('qs-county-center', date, 1);
    return {
      place: places[3],
      date,
      slots: [
        { slot: s[0], bookings: [booking('appt-0001-demo', 'K7P2XQ9M', '王*英', '138****1111', '最低生活保障申请', 'booked'), booking('appt-0003-demo', 'CC33DD44', '张*', '139****7201', '居民身份证换领', 'checked_in')] },
        { slot: { ...s[1], status: 'closed', closeReason: '系统升级' }, bookings: [booking('appt-0002-demo', 'AB12CD34', '李*明', '137****3333', '残疾人证新办', 'cancelled')] },
        { slot: s[2], bookings: [] },
      ],
    };
  }
  if (p.startsWith('/services/')) return detail;
  if (p === '/me') return me;
  if (p === '/regions') return { regions };
  if (p === '/contacts') return contacts;
  if (p === '/auth/wechat') return session;
  if (p === '/admin/me') return staff;
  return null;
}

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
await mkdir(out, { recursive: true });

async function shoot(name, hash, { elder = false, apiDown = false, signedIn = false, staffIn = false, fullPage = true, click = [], scroll = 0 } = {}) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'zh-CN' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.addInitScript(
    ({ elder, signedIn, staffIn }) => {
      const exp = new Date(Date.now() + 3600e3).toISOString();
      if (elder) localStorage.setItem('banshi.elderMode', JSON.stringify({ data: true }));
      if (signedIn) localStorage.setItem('banshi.residentSession', JSON.stringify({ data: { token: 'demo', expiresAt: exp } }));
      if (staffIn) localStorage.setItem('banshi.staffSession', JSON.stringify({ data: { token: 'demo-staff', expiresAt: exp } }));
    },
    { elder, signedIn, staffIn },
  );
  await page.route(`${API}/**`, async (route) => {
    const req = route.request();
    if (req.method() === 'OPTIONS') return route.fulfill({ status: 204, headers: cors });
    if (apiDown) return route.abort('connectionrefused');
    const u = new URL(req.url());
    const body = apiAnswer(req.method(), u.pathname, u.pathname + u.search);
    const answer = body && req.method() === 'PUT' ? { ...body, ...JSON.parse(req.postData() ?? '{}') } : body;
    return route.fulfill({ status: body ? 200 : 404, headers: { ...cors, 'content-type': 'application/json' }, body: JSON.stringify(answer ?? { code: 'NOT_FOUND', message: '未找到' }) });
  });
  await page.route(`${FAKE_WECHAT}/**`, (route) =>
    route.fulfill({
      headers: { ...cors, 'content-type': 'application/json' },
      body: JSON.stringify([
        { openid: 'o-elder', label: '王秀英（老年人，城关镇石桥村）' },
        { openid: 'o-migrant', label: '张强（外出务工，向阳镇柏林村）' },
      ]),
    }),
  );
  await page.goto(`${base}#${hash}`);
  await page.waitForTimeout(1500);
  for (const text of click) {
    await page.getByText(text, { exact: true }).first().click();
    await page.waitForTimeout(300);
  }
  if (scroll) {
    // Taro's H5 pages scroll inside their own container, not the document.
    await page.evaluate((y) => {
      for (const el of document.querySelectorAll('*')) {
        if (el.scrollHeight > el.clientHeight + 10 && getComputedStyle(el).overflowY !== 'visible') el.scrollTop = y;
      }
      window.scrollTo(0, y);
    }, scroll);
    await page.waitForTimeout(300);
  }
  const title = await page.title();
  const file = path.join(out, `${name}.png`);
  await page.screenshot({ path: file, fullPage });
  console.log(`${file}  [${title}]${errors.length ? `  page errors: ${errors.join(' | ')}` : ''}`);
  await context.close();
}

const only = process.env.SHOTS ? process.env.SHOTS.split(',') : null;
const shots = [
  ['home', '/pages/index/index', {}],
  ['services', '/pages/services/index', {}],
  ['services-elder', '/pages/services/index', { elder: true }],
  ['services-error', '/pages/services/index', { apiDown: true }],
  ['detail', '/packages/service/detail?code=MZ-002', {}],
  ['detail-materials', '/packages/service/detail?code=MZ-002', { scroll: 1400 }],
  ['detail-bottom-elder', '/packages/service/detail?code=MZ-002', { elder: true, scroll: 99999 }],
  ['detail-elder', '/packages/service/detail?code=MZ-002', { elder: true }],
  ['detail-error', '/packages/service/detail?code=MZ-002', { apiDown: true }],
  ['mine', '/pages/mine/index', { signedIn: true }],
  ['mine-signed-out', '/pages/mine/index', {}],
  ['profile-edit', '/packages/profile/edit', { signedIn: true }],
  ['profile-edit-picker-elder', '/packages/profile/edit', { signedIn: true, elder: true, click: ['修改', '向阳镇'] }],
  ['contacts', '/packages/profile/contacts', { signedIn: true }],
  ['login-picker', '/packages/login/index', {}],
  ['workbench-login', '/workbench/login/index', {}],
  ['workbench', '/workbench/index/index', { staffIn: true }],
  ['booking-places', '/packages/booking/places?code=MZ-002', { signedIn: true }],
  ['booking-slots', '/packages/booking/slots?code=MZ-002&placeId=shiqiao-station', {}],
  ['booking-slots-elder', '/packages/booking/slots?code=MZ-002&placeId=shiqiao-station', { elder: true }],
  ['booking-confirm', `/packages/booking/confirm?code=MZ-002&slotId=shiqiao-station~${nextDays[1]}~0900`, { signedIn: true }],
  ['booking-mine', '/packages/booking/mine', { signedIn: true }],
  ['booking-detail', '/packages/booking/detail?id=appt-0001-demo', { signedIn: true }],
  ['booking-detail-elder', '/packages/booking/detail?id=appt-0001-demo', { signedIn: true, elder: true }],
  ['booking-detail-cancelled', '/packages/booking/detail?id=appt-0002-demo', { signedIn: true }],
  ['workbench-day', '/workbench/day/index', { staffIn: true }],
  ['workbench-day-picker', '/workbench/day/index', { staffIn: true, click: ['切换地点'] }],
];
for (const [name, hash, opts] of shots) {
  if (!only || only.includes(name)) await shoot(name, hash, opts);
}
await browser.close();
server.close();
