import { useTestTable } from '../support/table';
import { call } from '../support/api';
import { COUNTY, residentToken, seedReference, staffToken, TOWN, VILLAGE } from '../fixtures/world';
import { signResidentToken } from '../../functions/auth/tokens';

useTestTable();
let zhang: string;
let li: string;
beforeAll(async () => {
  await seedReference();
  await staffToken('cadre-wang', 'agent');
  zhang = await residentToken('r-zhang', { pairedCadreUsername: 'cadre-wang' });
  li = await residentToken('r-li', { name: '李明', tags: ['migrant_worker'], currentRegionCode: null, hometownRegionCode: VILLAGE, elderMode: false });
});

describe('GET /me', () => {
  test('a resident sees their own profile, and only their own', async () => {
    const a = await call('GET', '/me', { token: zhang });
    expect(a.status).toBe(200);
    expect(a.body).toMatchObject({ id: 'r-zhang', name: '张桂英', tags: ['elderly'], elderMode: true, currentRegionCode: VILLAGE });
    const b = await call('GET', '/me', { token: li });
    expect(b.body).toMatchObject({ id: 'r-li', name: '李明', tags: ['migrant_worker'], hometownRegionCode: VILLAGE });
  });

  test('401 without a token, with a forged or an expired one; 403 with a staff token', async () => {
    expect((await call('GET', '/me')).status).toBe(401);
    expect((await call('GET', '/me', { token: zhang.slice(0, -4) + 'AAAA' })).status).toBe(401);
    const expired = await signResidentToken('r-zhang', new Date(Date.now() - 30 * 24 * 3600 * 1000));
    expect((await call('GET', '/me', { token: expired.token })).status).toBe(401);
    expect((await call('GET', '/me', { token: await staffToken('clerk-x', 'clerk') })).status).toBe(403);
  });

  test('404 for a valid token whose resident is gone', async () => {
    const ghost = await signResidentToken('r-ghost');
    expect((await call('GET', '/me', { token: ghost.token })).status).toBe(404);
  });
});

describe('PUT /me', () => {
  test('updates name, phone, regions, tags and elder mode', async () => {
    const res = await call('PUT', '/me', {
      token: li,
      body: { name: ' 李明 ', phone: '13912345678', currentRegionCode: TOWN, hometownRegionCode: VILLAGE, tags: ['migrant_worker', 'migrant_worker'], elderMode: true },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: '李明', phone: '13912345678', currentRegionCode: TOWN, tags: ['migrant_worker'], elderMode: true });
    expect((await call('GET', '/me', { token: li })).body.elderMode).toBe(true);
    // A partial update leaves the rest alone; null clears.
    const partial = await call('PUT', '/me', { token: li, body: { elderMode: false, currentRegionCode: null } });
    expect(partial.body).toMatchObject({ name: '李明', elderMode: false, currentRegionCode: null, hometownRegionCode: VILLAGE });
  });

  test('bad input is a 400 with zh-CN field errors and changes nothing', async () => {
    const res = await call('PUT', '/me', { token: zhang, body: { phone: '12345', tags: ['vip'], elderMode: 'yes' } });
    expect(res.status).toBe(400);
    expect(res.body.fields!.phone).toBe('请输入11位手机号码');
    expect(res.body.fields!['tags.0']).toMatch(/无效/);
    expect(res.body.fields!.elderMode).toMatch(/期望/);
    const region = await call('PUT', '/me', { token: zhang, body: { name: '张三', currentRegionCode: '511999999' } });
    expect(region.status).toBe(400);
    expect(region.body.fields!.currentRegionCode).toBe('所选现居地不存在');
    expect((await call('GET', '/me', { token: zhang })).body.name).toBe('张桂英');
  });

  test('malformed JSON and oversized bodies never reach the store', async () => {
    const bad = await call('PUT', '/me', { token: zhang, rawBody: '{"name": "张' });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toBe('请求内容不是有效的 JSON');
    const big = await call('PUT', '/me', { token: zhang, body: { name: '张'.repeat(40_000) } });
    expect(big.status).toBe(413);
    expect(big.body.message).toMatch('不能超过');
  });

  test('401 without login', async () => {
    expect((await call('PUT', '/me', { body: { name: '某人' } })).status).toBe(401);
  });
});

describe('GET /contacts', () => {
  test('the public leaders directory and my paired cadre', async () => {
    const res = await call('GET', '/contacts', { token: zhang });
    expect(res.status).toBe(200);
    expect(res.body.leaders.map((l: { title: string }) => l.title)).toEqual(['县长', '副县长']);
    expect(res.body.pairedCadre).toEqual({ name: '测试agent', phone: '13900000001', duties: '测试', departmentName: '县民政局' });
  });

  test('no paired cadre is null, not an error', async () => {
    expect((await call('GET', '/contacts', { token: li })).body.pairedCadre).toBeNull();
  });

  test('401 without login', async () => {
    expect((await call('GET', '/contacts')).status).toBe(401);
    expect(COUNTY).toBe('511999');
  });
});
