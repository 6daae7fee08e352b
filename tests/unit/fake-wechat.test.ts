// The fake WeChat server API speaks WeChat's protocol: single-use codes that
// expire, access tokens, subscribe messages, content checks, and failures that
// tests can switch on and off.
import { startFakeWechat, type FakeWechat } from '../../scripts/fake-wechat';

const users = [
  { openid: 'demo-openid-a', label: '甲（测试）' },
  { openid: 'demo-openid-b', label: '乙（测试）' },
];

let fake: FakeWechat;
beforeEach(async () => {
  fake = await startFakeWechat({ port: 0, users, appid: 'wx-app', secret: 'sec', codeTtlMs: 1000, timeoutHoldMs: 300 });
});
afterEach(() => fake.stop());

const get = async (path: string) => {
  const res = await fetch(`${fake.url}${path}`);
  return { status: res.status, body: (await res.json()) as any, headers: res.headers };
};
const post = async (path: string, body: unknown) => {
  const res = await fetch(`${fake.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as any, headers: res.headers };
};
const session = (code: string, appid = 'wx-app') =>
  get(`/sns/jscode2session?appid=${appid}&secret=sec&js_code=${encodeURIComponent(code)}&grant_type=authorization_code`);
const token = async () => (await get('/cgi-bin/token?grant_type=client_credential&appid=wx-app&secret=sec')).body.access_token as string;

describe('fake WeChat: jscode2session', () => {
  it('maps a minted code to its openid exactly once', async () => {
    const { body: minted } = await post('/dev/code', { openid: 'demo-openid-b' });
    const first = await session(minted.code);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ openid: 'demo-openid-b', session_key: expect.any(String) });

    const again = await session(minted.code);
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ errcode: 40163, errmsg: 'code been used' });
  });

  it('rejects unknown and expired codes with 40029, and a wrong appid with 40013', async () => {
    expect((await session('never-minted')).body).toMatchObject({ errcode: 40029 });
    const code = fake.mintCode('demo-openid-a');
    expect((await session(code, 'wx-other')).body).toMatchObject({ errcode: 40013 });
    await new Promise((r) => setTimeout(r, 1100)); // codeTtlMs: 1000 (long enough for a busy machine to use a code in time)
    expect((await session(code)).body).toMatchObject({ errcode: 40029, errmsg: 'invalid code' });
  });

  it('lists the demo users for the H5 picker, with CORS', async () => {
    const res = await get('/dev/users');
    expect(res.body).toEqual(users);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const pre = await fetch(`${fake.url}/dev/code`, { method: 'OPTIONS' });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-methods')).toContain('POST');
  });
});

describe('fake WeChat: token, subscribe messages, content check', () => {
  it('issues a token and records subscribe messages sent with it', async () => {
    const t = await get('/cgi-bin/token?grant_type=client_credential&appid=wx-app&secret=sec');
    expect(t.body).toEqual({ access_token: expect.any(String), expires_in: 7200 });

    const msg = { touser: 'demo-openid-a', template_id: 'tmpl-1', page: 'pages/index/index', data: { thing1: { value: '高龄津贴申领提醒' } } };
    const sent = await post(`/cgi-bin/message/subscribe/send?access_token=${t.body.access_token}`, msg);
    expect(sent.body).toMatchObject({ errcode: 0, errmsg: 'ok' });
    const bad = await post('/cgi-bin/message/subscribe/send?access_token=nope', msg);
    expect(bad.body).toMatchObject({ errcode: 40001 });

    const listed = await get('/dev/messages');
    expect(listed.body).toEqual([expect.objectContaining({ touser: 'demo-openid-a', template_id: 'tmpl-1', data: msg.data })]);
  });

  it('passes content checks', async () => {
    const res = await post(`/wxa/msg_sec_check?access_token=${await token()}`, { content: '村口路灯坏了', version: 2, scene: 2, openid: 'demo-openid-a' });
    expect(res.body).toMatchObject({ errcode: 0, result: { suggest: 'pass' } });
  });
});

describe('fake WeChat: switchable failures', () => {
  it('errcode, http500 and timeout per endpoint, and back to normal with null', async () => {
    const code = fake.mintCode('demo-openid-a');

    expect((await post('/dev/failures', { endpoint: 'jscode2session', mode: 'errcode' })).status).toBe(200);
    expect((await session(code)).body).toEqual({ errcode: -1, errmsg: 'system error' });
    // Other endpoints are unaffected.
    expect(await token()).toEqual(expect.any(String));

    fake.setFailure('jscode2session', 'http500');
    expect((await session(code)).status).toBe(500);

    fake.setFailure('jscode2session', 'timeout');
    await expect(fetch(`${fake.url}/sns/jscode2session?js_code=${code}`, { signal: AbortSignal.timeout(100) })).rejects.toThrow();

    await post('/dev/failures', { endpoint: 'jscode2session', mode: null });
    // A failed attempt does not consume the code.
    expect((await session(code)).body).toMatchObject({ openid: 'demo-openid-a' });
  });

  it('fails subscribe sends while switched on, recording nothing', async () => {
    const t = await token();
    fake.setFailure('subscribe', 'errcode');
    const res = await post(`/cgi-bin/message/subscribe/send?access_token=${t}`, { touser: 'x', template_id: 'y', data: {} });
    expect(res.body).toEqual({ errcode: -1, errmsg: 'system error' });
    expect(fake.messages()).toEqual([]);
  });

  it('refuses unknown failure switches', async () => {
    expect((await post('/dev/failures', { endpoint: 'pay', mode: 'errcode' })).status).toBe(400);
    expect((await post('/dev/failures', { endpoint: 'token', mode: 'explode' })).status).toBe(400);
  });
});

describe('fake WeChat: stable token and the failures a push can meet', () => {
  const stable = (force = false) => post('/cgi-bin/stable_token', { grant_type: 'client_credential', appid: 'wx-app', secret: 'sec', force_refresh: force });
  const msg = { touser: 'demo-openid-a', template_id: 'tmpl-1', data: { thing1: { value: '办件进度' } } };
  const sendWith = (t: string) => post(`/cgi-bin/message/subscribe/send?access_token=${t}`, msg);

  it('the stable token stays the same until forced or expired; an expired one answers 42001', async () => {
    const a = (await stable()).body.access_token;
    expect((await stable()).body.access_token).toBe(a);
    expect(fake.tokensIssued()).toBe(1);
    fake.expireTokens();
    expect((await sendWith(a)).body.errcode).toBe(42001);
    const b = (await stable()).body.access_token;
    expect(b).not.toBe(a);
    expect((await stable(true)).body.access_token).not.toBe(b);
    expect((await post('/cgi-bin/stable_token', { grant_type: 'client_credential', appid: 'wx-app', secret: 'bad' })).body.errcode).toBe(40125);
  });

  it('answers a chosen errcode, 43101 for a user who refused, and is down only for a while', async () => {
    const t = (await stable()).body.access_token;
    fake.setFailure('subscribe', 'errcode:45009');
    expect((await sendWith(t)).body.errcode).toBe(45009);
    fake.setFailure('subscribe', null);
    fake.refuse('demo-openid-a');
    expect((await sendWith(t)).body.errcode).toBe(43101);
    fake.refuse('demo-openid-a', false);
    fake.setFailure('subscribe', 'http500', 150);
    expect((await sendWith(t)).status).toBe(500);
    await new Promise((r) => setTimeout(r, 200));
    expect((await sendWith(t)).body.errcode).toBe(0);
    expect(fake.messages()).toHaveLength(1);
    expect((await post('/dev/failures', { endpoint: 'subscribe', mode: 'errcode:40037', forMs: 1000 })).body.failures).toEqual({ subscribe: 'errcode:40037' });
    expect((await post('/dev/refusals', { openid: 'demo-openid-b' })).status).toBe(200);
  });
});
