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

const cors = { 'access-control-allow-origin': '*', 'access-control-allow-headers': 'authorization,content-type', 'access-control-allow-methods': 'GET,POST,PUT,OPTIONS' };
function apiAnswer(method, p) {
  if (p === '/services') return { items: summaries, total: summaries.length };
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
    const body = apiAnswer(req.method(), new URL(req.url()).pathname);
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
];
for (const [name, hash, opts] of shots) {
  if (!only || only.includes(name)) await shoot(name, hash, opts);
}
await browser.close();
server.close();
