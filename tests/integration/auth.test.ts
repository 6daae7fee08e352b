// Resident sign-in through WeChat's code flow, against the fake WeChat server API.
import { useTestTable } from '../support/table';
import { call } from '../support/api';
import { startFakeWechat, type FakeWechat } from '../../scripts/fake-wechat';
import { putResidentWithOpenid } from '../../functions/store/people';

useTestTable();
let wx: FakeWechat;
beforeAll(async () => {
  wx = await startFakeWechat({ appid: 'wx-test-appid', secret: 'wx-test-secret', timeoutHoldMs: 2000 });
  process.env.WECHAT_API_BASE = wx.url;
  process.env.WECHAT_TIMEOUT_MS = '300';
});
afterAll(() => wx.stop());
afterEach(() => {
  for (const e of ['jscode2session'] as const) wx.setFailure(e, null);
});

test('a first sign-in creates the resident; the next one finds the same person', async () => {
  const first = await call('POST', '/auth/wechat', { body: { code: wx.mintCode('openid-new-1') } });
  expect(first.status).toBe(200);
  expect(first.body.me).toMatchObject({ name: null, tags: [], elderMode: false });
  const again = await call('POST', '/auth/wechat', { body: { code: wx.mintCode('openid-new-1') } });
  expect(again.body.me.id).toBe(first.body.me.id);
  const me = await call('GET', '/me', { token: again.body.token });
  expect(me.body.id).toBe(first.body.me.id);
});

test('a seeded resident signs in to their own profile', async () => {
  const now = new Date().toISOString();
  await putResidentWithOpenid({
    id: 'r-seeded', openid: 'openid-seeded', name: '王大山', phone: '13700000000', currentRegionCode: null,
    hometownRegionCode: '511999101201', tags: ['migrant_worker'], elderMode: false, pairedCadreUsername: null, createdAt: now, updatedAt: now,
  });
  const res = await call('POST', '/auth/wechat', { body: { code: wx.mintCode('openid-seeded') } });
  expect(res.body.me).toMatchObject({ id: 'r-seeded', name: '王大山', tags: ['migrant_worker'] });
});

test('concurrent first sign-ins of one person create one resident', async () => {
  const results = await Promise.all([1, 2, 3, 4, 5].map(() => call('POST', '/auth/wechat', { body: { code: wx.mintCode('openid-race') } })));
  expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
  expect(new Set(results.map((r) => r.body.me.id)).size).toBe(1);
});

test('a used or unknown code is a 401 in Chinese', async () => {
  const code = wx.mintCode('openid-new-2');
  expect((await call('POST', '/auth/wechat', { body: { code } })).status).toBe(200);
  const reused = await call('POST', '/auth/wechat', { body: { code } });
  expect(reused.status).toBe(401);
  expect(reused.body.message).toBe('登录凭证无效或已过期，请重新登录');
  expect((await call('POST', '/auth/wechat', { body: { code: 'made-up' } })).status).toBe(401);
});

test('bad input is a 400', async () => {
  const res = await call('POST', '/auth/wechat', { body: {} });
  expect(res.status).toBe(400);
  expect(res.body.fields!.code).toBeDefined();
  expect((await call('POST', '/auth/wechat', { body: { code: 'x'.repeat(200) } })).status).toBe(400);
  expect((await call('POST', '/auth/wechat', { rawBody: 'code=abc' })).status).toBe(400);
});

test('a WeChat outage is a 502 with a message to retry, never a 500, and creates nobody', async () => {
  for (const mode of ['errcode', 'http500', 'timeout'] as const) {
    wx.setFailure('jscode2session', mode);
    const res = await call('POST', '/auth/wechat', { body: { code: wx.mintCode('openid-outage') } });
    expect(res.status).toBe(502);
    expect(res.body.message).toMatch(/微信登录服务/);
  }
  wx.setFailure('jscode2session', null);
  const after = await call('POST', '/auth/wechat', { body: { code: wx.mintCode('openid-outage') } });
  expect(after.status).toBe(200);
  expect(after.body.me.name).toBeNull();
});
