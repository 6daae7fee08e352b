// The request module, driven through the mocked network boundary (Taro.request).
import { ServicesResponse } from '../../shared/schemas/catalog';
import { Me } from '../../shared/schemas/auth';
import { request, finishPickerLogin } from '../../miniprogram/src/api/client';
import { ApiError } from '../../miniprogram/src/api/errors';
import { getToken, setToken } from '../../miniprogram/src/api/session';
import { getStaffMe } from '../../miniprogram/src/api/staff';
import { getState } from '../../miniprogram/src/store/app';
import { mockApi, ok } from './support/api';
import { me, pensionSummary, session, staffProfile } from './support/fixtures';
import * as taro from './support/taro';

const future = () => new Date(Date.now() + 3600_000).toISOString();

async function rejection(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(ApiError);
    return e as ApiError;
  }
  throw new Error('expected the call to fail');
}

describe('request module', () => {
  it('builds the URL from the API base, sends no token on public routes and parses the body', async () => {
    const seen = mockApi({ 'GET /services': ok({ items: [pensionSummary], total: 1 }) });
    const res = await request('GET /services', { query: { q: '养老 保险', category: undefined, level: 'village' } }, ServicesResponse);
    expect(res.items[0]?.name).toBe('城乡居民基本养老保险参保登记');
    expect(seen).toHaveLength(1);
    expect(seen[0]?.url).toBe('http://127.0.0.1:3000/services?q=%E5%85%BB%E8%80%81%20%E4%BF%9D%E9%99%A9&level=village');
    expect(seen[0]?.auth).toBeUndefined();
  });

  it('signs a resident in through wx.login → POST /auth/wechat before the first resident call', async () => {
    const seen = mockApi({
      'POST /auth/wechat': (req) => ok(session({}, `tok-for-${(req.body as { code: string }).code}`)),
      'GET /me': ok(me),
    });
    const res = await request('GET /me', { auth: 'resident' }, Me);
    expect(res.name).toBe('王秀英');
    expect(taro.login).toHaveBeenCalledTimes(1);
    expect(seen.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /auth/wechat', 'GET /me']);
    expect(seen[0]?.body).toEqual({ code: 'wx-code-1' });
    expect(seen[1]?.auth).toBe('Bearer tok-for-wx-code-1');
    expect(getToken('resident')).toBe('tok-for-wx-code-1');
    expect(getState().me?.id).toBe('r-1');
  });

  it('on 401 re-logs the resident in once and retries the request once', async () => {
    setToken('resident', 'tok-old', future());
    const seen = mockApi({
      'POST /auth/wechat': ok(session({}, 'tok-new')),
      'GET /me': (req) =>
        req.auth === 'Bearer tok-new' ? ok(me) : { status: 401, body: { code: 'UNAUTHORIZED', message: '登录已过期，请重新登录' } },
    });
    const res = await request('GET /me', { auth: 'resident' }, Me);
    expect(res.id).toBe('r-1');
    expect(seen.map((r) => `${r.method} ${r.path} ${r.auth ?? ''}`.trim())).toEqual([
      'GET /me Bearer tok-old',
      'POST /auth/wechat',
      'GET /me Bearer tok-new',
    ]);
    expect(taro.login).toHaveBeenCalledTimes(1);
  });

  it('does not loop: a second 401 after the re-login surfaces as an error', async () => {
    setToken('resident', 'tok-old', future());
    const seen = mockApi({
      'POST /auth/wechat': ok(session()),
      'GET /me': { status: 401, body: { message: 'Unauthorized' } },
    });
    const err = await rejection(request('GET /me', { auth: 'resident' }, Me));
    expect(err.status).toBe(401);
    expect(err.message).toBe('登录已过期，请重新登录'); // API Gateway's English body is replaced by zh-CN
    expect(seen.filter((r) => r.path === '/me')).toHaveLength(2);
    expect(taro.login).toHaveBeenCalledTimes(1);
  });

  it('shares one sign-in between concurrent calls that hit 401', async () => {
    setToken('resident', 'tok-old', future());
    mockApi({
      'POST /auth/wechat': ok(session()),
      'GET /me': (req) => (req.auth === 'Bearer tok-new' ? ok(me) : { status: 401, body: { message: 'Unauthorized' } }),
    });
    const all = await Promise.all([1, 2, 3].map(() => request('GET /me', { auth: 'resident' }, Me)));
    expect(all).toHaveLength(3);
    expect(taro.login).toHaveBeenCalledTimes(1);
  });

  it('a late 401 retries with the token another call already renewed instead of signing in again', async () => {
    setToken('resident', 'tok-old', future());
    let releaseSlow: () => void = () => undefined;
    const slow = new Promise<void>((r) => (releaseSlow = r));
    mockApi({
      'POST /auth/wechat': ok(session({}, 'tok-new')),
      'GET /me': async (req) => {
        if (req.auth === 'Bearer tok-new') return ok(me);
        if (req.query.slow) await slow; // answers 401 only after the other call has signed in again
        return { status: 401, body: { message: 'Unauthorized' } };
      },
    });
    // GET /me declares no query: this one is only a marker the mock answers late.
    const late = request('GET /me', { auth: 'resident', query: { slow: 1 } as never }, Me);
    await request('GET /me', { auth: 'resident' }, Me);
    releaseSlow();
    await expect(late).resolves.toMatchObject({ id: 'r-1' });
    expect(taro.login).toHaveBeenCalledTimes(1);
  });

  it("surfaces the server's zh-CN error with code and field errors", async () => {
    setToken('resident', 'tok', future());
    mockApi({
      'PUT /me': {
        status: 400,
        body: { code: 'VALIDATION', message: '请求参数有误', fields: { phone: '请输入11位手机号码' } },
      },
    });
    const err = await rejection(request('PUT /me', { auth: 'resident', body: { phone: '123' } }, Me));
    expect(err).toMatchObject({ status: 400, code: 'VALIDATION', message: '请求参数有误', fields: { phone: '请输入11位手机号码' } });
  });

  it('rejects a response that does not match the schema', async () => {
    mockApi({ 'GET /services': ok({ items: [{ ...pensionSummary, type: 'someday' }], total: 1 }) });
    const err = await rejection(request('GET /services', {}, ServicesResponse));
    expect(err.code).toBe('BAD_RESPONSE');
    expect(err.message).toBe('数据格式有误，请稍后重试');
  });

  it('turns a network failure into a zh-CN message', async () => {
    mockApi({ 'GET /services': 'network-error' });
    const err = await rejection(request('GET /services', {}, ServicesResponse));
    expect(err).toMatchObject({ status: 0, code: 'NETWORK', message: '网络不给力，请检查网络后重试' });
  });

  it('gives a zh-CN message for a 5xx without our error body', async () => {
    mockApi({ 'GET /services': { status: 502, body: { message: 'Internal Server Error' } } });
    const err = await rejection(request('GET /services', {}, ServicesResponse));
    expect(err.message).toBe('服务暂时不可用，请稍后重试');
  });

  it("shows a 403 in Chinese whatever the gateway's body is, and keeps our own Chinese reason", async () => {
    setToken('staff', 'staff-tok', future());
    mockApi({ 'GET /admin/me': { status: 403, body: { message: 'Forbidden' } } });
    expect(await rejection(getStaffMe())).toMatchObject({ status: 403, code: 'FORBIDDEN', message: '没有权限进行此操作' });
    mockApi({ 'GET /admin/me': { status: 403, body: { code: 'AccessDenied', message: 'User is not authorized to access this resource' } } });
    expect(await rejection(getStaffMe())).toMatchObject({ status: 403, code: 'FORBIDDEN', message: '没有权限进行此操作' });
    mockApi({ 'GET /admin/me': { status: 403, body: { code: 'FORBIDDEN', message: '部门负责人只能安排本部门的下乡坐班' } } });
    expect(await rejection(getStaffMe())).toMatchObject({ status: 403, code: 'FORBIDDEN', message: '部门负责人只能安排本部门的下乡坐班' });
  });

  it('shows a 401 with an English body in Chinese', async () => {
    setToken('staff', 'staff-tok', future());
    mockApi({ 'GET /admin/me': { status: 401, body: { code: 'UNAUTHORIZED', message: 'Unauthorized' } } });
    expect(await rejection(getStaffMe())).toMatchObject({ status: 401, message: '登录已过期，请重新登录' });
  });

  it("gives zh-CN messages for the gateway's 413 and 415", async () => {
    mockApi({ 'GET /services': { status: 413, body: { message: 'Request Entity Too Large' } } });
    expect((await rejection(request('GET /services', {}, ServicesResponse))).message).toBe('提交的内容过多，请精简后重试');
    mockApi({ 'GET /services': { status: 415, body: { message: 'Unsupported Media Type' } } });
    expect((await rejection(request('GET /services', {}, ServicesResponse))).message).toBe('请求格式有误，请更新小程序后重试');
  });

  it('sends bodies as application/json (the API refuses anything else with 415)', async () => {
    setToken('resident', 'tok', future());
    mockApi({ 'PUT /me': ok(me) });
    await request('PUT /me', { auth: 'resident', body: { elderMode: true } }, Me);
    const call = taro.request.mock.calls.at(-1)?.[0] as { header: Record<string, string> };
    expect(call.header['Content-Type']).toMatch(/^application\/json/);
  });

  it('staff 401: forgets the staff token and goes to the workbench login, leaving the resident session alone', async () => {
    setToken('staff', 'staff-tok', future());
    setToken('resident', 'res-tok', future());
    const seen = mockApi({ 'GET /admin/me': { status: 401, body: { message: 'Unauthorized' } } });
    const err = await rejection(getStaffMe());
    expect(err.status).toBe(401);
    expect(seen[0]?.auth).toBe('Bearer staff-tok');
    expect(getToken('staff')).toBeNull();
    expect(getToken('resident')).toBe('res-tok');
    expect(taro.redirectTo).toHaveBeenCalledWith({ url: '/workbench/login/index' });
    expect(taro.login).not.toHaveBeenCalled();
  });

  it('staff calls send the staff token, not the resident one', async () => {
    setToken('staff', 'staff-tok', future());
    setToken('resident', 'res-tok', future());
    const seen = mockApi({ 'GET /admin/me': ok(staffProfile) });
    await expect(getStaffMe()).resolves.toMatchObject({ name: '陈静' });
    expect(seen[0]?.auth).toBe('Bearer staff-tok');
  });

  it('in the H5 build signs in through the demo-resident picker page instead of wx.login', async () => {
    process.env.TARO_ENV = 'h5';
    const seen = mockApi({ 'GET /me': ok(me) });
    const pending = request('GET /me', { auth: 'resident' }, Me);
    await Promise.resolve();
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/login/index' });
    expect(taro.login).not.toHaveBeenCalled();
    // The picker page finishes the code flow and hands the session back.
    expect(finishPickerLogin(session({}, 'tok-h5'))).toBe(true);
    await expect(pending).resolves.toMatchObject({ id: 'r-1' });
    expect(seen[0]?.auth).toBe('Bearer tok-h5');
  });
});
