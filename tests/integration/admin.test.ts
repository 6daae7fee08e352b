import { useTestTable } from '../support/table';
import { call } from '../support/api';
import { residentToken, seedReference, staffToken } from '../fixtures/world';

useTestTable();
let admin: string;
let clerk: string;
beforeAll(async () => {
  await seedReference();
  admin = await staffToken('admin1', 'admin', null);
  clerk = await staffToken('clerk1', 'clerk');
});

describe('POST /admin/auth/login', () => {
  test('a staff member signs in and gets a token with role, department and region', async () => {
    const res = await call('POST', '/admin/auth/login', { body: { username: 'clerk1', password: 'banshi2026' } });
    expect(res.status).toBe(200);
    expect(res.body.staff).toEqual({
      username: 'clerk1', name: '测试clerk', role: 'clerk', departmentId: 'civil-affairs', departmentName: '县民政局',
      regionCode: '511999', regionName: '青山县', phone: '13900000001',
    });
    expect(new Date(res.body.expiresAt).getTime()).toBeGreaterThan(Date.now());
    const me = await call('GET', '/admin/me', { token: res.body.token });
    expect(me.status).toBe(200);
    expect(me.body.role).toBe('clerk');
  });

  test('a wrong password and an unknown user get the same 401', async () => {
    const wrong = await call('POST', '/admin/auth/login', { body: { username: 'clerk1', password: 'banshi2027' } });
    const unknown = await call('POST', '/admin/auth/login', { body: { username: 'nobody', password: 'banshi2026' } });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.message).toBe('用户名或密码错误');
    expect(unknown.body).toEqual(wrong.body);
  });

  test('missing fields are a 400 in Chinese', async () => {
    const res = await call('POST', '/admin/auth/login', { body: { username: '' } });
    expect(res.status).toBe(400);
    expect(res.body.fields).toMatchObject({ username: '请输入用户名' });
    expect(res.body.fields!.password).toBeDefined();
  });
});

describe('GET /admin/me', () => {
  test('401 without a token, 403 with a resident token', async () => {
    expect((await call('GET', '/admin/me')).status).toBe(401);
    expect((await call('GET', '/admin/me', { token: await residentToken('r1') })).status).toBe(403);
  });
});

describe('/admin/calendar/{year}', () => {
  const y2031 = {
    holidays: ['2031-01-01', '2031-01-22', '2031-01-23', '2031-01-24', '2031-01-25', '2031-01-26', '2031-01-27', '2031-01-28'],
    workdays: ['2031-01-19', '2031-02-08'],
  };

  test('the official year comes from the State Council schedule', async () => {
    const res = await call('GET', '/admin/calendar/2026', { token: clerk });
    expect(res.status).toBe(200);
    expect(res.body.source).toBe('official');
    expect(res.body.workdays).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
  });

  test('an unknown year is a 404 until an admin publishes it', async () => {
    const before = await call('GET', '/admin/calendar/2031', { token: clerk });
    expect(before.status).toBe(404);
    expect(before.body.message).toMatch('尚未发布');
    const put = await call('PUT', '/admin/calendar/2031', { token: admin, body: y2031 });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ year: 2031, source: 'override', updatedBy: 'admin1' });
    const after = await call('GET', '/admin/calendar/2031', { token: clerk });
    expect(after.body.holidays).toEqual(y2031.holidays);
  });

  test('only an admin publishes; a clerk gets 403, no login 401', async () => {
    expect((await call('PUT', '/admin/calendar/2032', { token: clerk, body: y2031 })).status).toBe(403);
    expect((await call('PUT', '/admin/calendar/2032', { body: y2031 })).status).toBe(401);
  });

  test('an official year cannot be overridden (409); bad schedules are 400', async () => {
    expect((await call('PUT', '/admin/calendar/2026', { token: admin, body: { holidays: [], workdays: [] } })).status).toBe(409);
    const wrongYear = await call('PUT', '/admin/calendar/2032', { token: admin, body: y2031 });
    expect(wrongYear.status).toBe(400);
    expect(wrongYear.body.fields!.holidays).toMatch('不是 2032 年');
    const badDate = await call('PUT', '/admin/calendar/2032', { token: admin, body: { holidays: ['2032/01/01'], workdays: [] } });
    expect(badDate.status).toBe(400);
    expect(badDate.body.fields!['holidays.0']).toBe('日期格式应为 YYYY-MM-DD');
    expect((await call('PUT', '/admin/calendar/20x2', { token: admin, body: y2031 })).status).toBe(400);
    expect((await call('GET', '/admin/calendar/2032', { token: admin })).status).toBe(404);
  });
});

describe('GET /openapi.json', () => {
  test('documents every route with its schemas', async () => {
    const res = await call('GET', '/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/services', '/services/{code}', '/admin/calendar/{year}', '/auth/wechat']));
    const list = res.body.paths['/services'].get;
    expect(list.parameters.map((p: { name: string }) => p.name)).toEqual(['q', 'category', 'departmentId', 'level']);
    expect(res.body.paths['/admin/services'].post.security).toEqual([{ staffToken: [] }]);
    expect(res.body.paths['/admin/services'].post.requestBody.content['application/json'].schema.required).toContain('materials');
    // Ratings: residents rate, anyone reads the public page, supervisors the dashboard.
    expect(res.body.paths['/ratings'].post.requestBody.content['application/json'].schema.required).toEqual(
      expect.arrayContaining(['targetType', 'targetId', 'idempotencyKey', 'level', 'dimensions']),
    );
    expect(res.body.paths['/satisfaction'].get.security).toBeUndefined();
    expect(res.body.paths['/admin/satisfaction'].get.security).toEqual([{ staffToken: [] }]);
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/admin/tickets/{id}/actions', '/admin/tickets/{id}/appeal-decision']));
  });
});
