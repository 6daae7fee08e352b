import { useTestTable } from '../support/table';
import { call } from '../support/api';
import { seedReference, serviceInput, staffToken } from '../fixtures/world';

useTestTable();
let admin: string;
let clerk: string;
beforeAll(async () => {
  await seedReference();
  admin = await staffToken('admin1', 'admin', null);
  clerk = await staffToken('clerk1', 'clerk');
});

describe('GET /regions, /departments', () => {
  test('the region tree and the departments, without login', async () => {
    const regions = await call('GET', '/regions');
    expect(regions.status).toBe(200);
    expect(regions.body.regions).toEqual(
      expect.arrayContaining([{ code: '511999101', name: '城关镇', level: 'town', parentCode: '511999' }]),
    );
    const depts = await call('GET', '/departments');
    expect(depts.body.departments.map((d: { name: string }) => d.name)).toEqual(expect.arrayContaining(['县民政局', '县公安局']));
  });
});

describe('GET /services', () => {
  test('lists the catalogue with one DynamoDB call', async () => {
    const res = await call('GET', '/services');
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(2);
    expect(res.body.items[0]).toMatchObject({ code: 'QS-MZ-001', departmentName: '县民政局', promisedDays: 20, proxy: true });
    expect(res.body.items[0]).not.toHaveProperty('materials'); // the list stays small
    expect(res.headers['x-ddb-calls']).toBe('1');
  });

  test('keyword search and filters', async () => {
    expect((await call('GET', '/services', { query: { q: '身份证' } })).body.items.map((i) => i.code)).toEqual(['QS-GA-001']);
    expect((await call('GET', '/services', { query: { category: 'civil_affairs' } })).body.total).toBe(1);
    expect((await call('GET', '/services', { query: { departmentId: 'public-security' } })).body.items[0]!.code).toBe('QS-GA-001');
    // Delegated to the town: can be done at town level; the ID card only at the county.
    expect((await call('GET', '/services', { query: { level: 'town' } })).body.items.map((i) => i.code)).toEqual(['QS-MZ-001']);
  });

  test('an unknown category is a 400 with a zh-CN message', async () => {
    const res = await call('GET', '/services', { query: { category: 'weather' } });
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/查询参数有误/);
    expect(res.body.fields!.category).toMatch(/无效/);
  });
});

describe('GET /services/{code}', () => {
  test('every field of the item, with the full materials list', async () => {
    const res = await call('GET', '/services/QS-MZ-001');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      code: 'QS-MZ-001', name: '最低生活保障申请', departmentName: '县民政局', handlingLevel: 'town',
      statutoryDays: 30, promisedDays: 20, type: 'promised', feeYuan: 0, visits: 1, proxy: true,
      stats: { concluded: 0, onTimeRate: null, medianDays: null }, version: 1,
    });
    expect(res.body.materials).toHaveLength(3);
    expect(res.body.materials[1]).toEqual({ name: '户口簿', required: true, copies: 1, format: 'original_and_copy', notes: '全部家庭成员页' });
    expect(res.headers['x-ddb-calls']).toBe('1');
  });

  test('404 for an unknown code, 400 for a malformed one', async () => {
    expect((await call('GET', '/services/QS-XX-999')).status).toBe(404);
    const bad = await call('GET', '/services/bad%20code');
    expect(bad.status).toBe(400);
    expect(bad.body.fields!.code).toMatch(/事项编码/);
  });
});

describe('POST /admin/services', () => {
  const input = serviceInput('QS-MZ-009', { name: '临时救助申请', promisedDays: 5, statutoryDays: 10 });

  test('an admin creates an item; it is then in the catalogue', async () => {
    const res = await call('POST', '/admin/services', { token: admin, body: input });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ code: 'QS-MZ-009', departmentName: '县民政局', version: 1 });
    expect((await call('GET', '/services/QS-MZ-009')).body.name).toBe('临时救助申请');
  });

  test('the same code again is a 409', async () => {
    const res = await call('POST', '/admin/services', { token: admin, body: input });
    expect(res.status).toBe(409);
    expect(res.body.message).toMatch('已存在');
  });

  test('401 without login, 403 for a clerk and for a resident token', async () => {
    expect((await call('POST', '/admin/services', { body: input })).status).toBe(401);
    const byClerk = await call('POST', '/admin/services', { token: clerk, body: { ...input, code: 'QS-MZ-010' } });
    expect(byClerk.status).toBe(403);
    expect(byClerk.body.message).toMatch('无权');
    const { residentToken } = await import('../fixtures/world');
    expect((await call('POST', '/admin/services', { token: await residentToken('r-adm'), body: input })).status).toBe(403);
    expect((await call('GET', '/services/QS-MZ-010')).status).toBe(404);
  });

  test('bad input is a 400 with field errors and writes nothing', async () => {
    const res = await call('POST', '/admin/services', {
      token: admin,
      body: { ...input, code: 'QS-MZ-011', statutoryDays: '十天', materials: [{ name: '', required: 'yes' }] },
    });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.fields!)).toEqual(expect.arrayContaining(['statutoryDays', 'materials.0.name', 'materials.0.required']));
    const limits = await call('POST', '/admin/services', { token: admin, body: { ...input, code: 'QS-MZ-011', promisedDays: 40 } });
    expect(limits.status).toBe(400);
    expect(limits.body.fields!.promisedDays).toBe('承诺时限不能超过法定时限');
    const dept = await call('POST', '/admin/services', { token: admin, body: { ...input, code: 'QS-MZ-011', departmentId: 'nope' } });
    expect(dept.status).toBe(400);
    expect(dept.body.fields!.departmentId).toBe('所选部门不存在');
    expect((await call('GET', '/services/QS-MZ-011')).status).toBe(404);
  });
});

describe('an item’s age condition', () => {
  test('stated on create, kept with the item, cleared by an edit without it; min above max is a 400', async () => {
    const created = await call('POST', '/admin/services', { token: admin, body: serviceInput('QS-MZ-020', { name: '高龄津贴申领（测试）', minAge: 80, maxAge: null }) });
    expect(created.status).toBe(201);
    expect((await call('GET', '/services/QS-MZ-020')).body).toMatchObject({ minAge: 80, maxAge: null });
    const { code: _code, ...rest } = serviceInput('QS-MZ-020', { name: '高龄津贴申领（测试）' });
    expect((await call('PUT', '/admin/services/QS-MZ-020', { token: admin, body: { ...rest, version: 1 } })).status).toBe(200);
    const after = (await call('GET', '/services/QS-MZ-020')).body;
    expect(after.minAge ?? null).toBeNull();
    const bad = await call('POST', '/admin/services', { token: admin, body: serviceInput('QS-MZ-021', { minAge: 90, maxAge: 60 }) });
    expect(bad.status).toBe(400);
    expect(bad.body.fields!.minAge).toBe('最小年龄不能大于最大年龄');
    const outOfRange = await call('POST', '/admin/services', { token: admin, body: serviceInput('QS-MZ-021', { minAge: 200 }) });
    expect(outOfRange.status).toBe(400);
    expect(outOfRange.body.fields!.minAge).toBe('年龄应为0-150');
  });
});

describe('PUT /admin/services/{code}', () => {
  test('updates with the version seen; a stale version is a 409', async () => {
    const current = (await call('GET', '/services/QS-GA-001')).body;
    const { code: _c, departmentName: _d, stats: _s, updatedAt: _u, ...editable } = current;
    const ok = await call('PUT', '/admin/services/QS-GA-001', { token: admin, body: { ...editable, promisedDays: 10 } });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ promisedDays: 10, version: 2 });
    const stale = await call('PUT', '/admin/services/QS-GA-001', { token: admin, body: { ...editable, promisedDays: 12 } });
    expect(stale.status).toBe(409);
    expect(stale.body.message).toMatch('已被他人修改');
    expect((await call('GET', '/services/QS-GA-001')).body.promisedDays).toBe(10);
  });

  test('404 for an unknown item, 403 for a clerk', async () => {
    const body = { ...serviceInput('QS-ZZ-001'), version: 1 };
    const { code: _c, ...noCode } = body;
    expect((await call('PUT', '/admin/services/QS-ZZ-001', { token: admin, body: noCode })).status).toBe(404);
    expect((await call('PUT', '/admin/services/QS-MZ-001', { token: clerk, body: noCode })).status).toBe(403);
  });
});
