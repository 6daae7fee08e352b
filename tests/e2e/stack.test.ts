// The local stack as `npm start` runs it (minus the H5 build): DynamoDB Local,
// tables from serverless.yml, the demo seed, the fake WeChat API and the API
// through serverless-offline, on random ports. A resident signs in through
// the fake WeChat; a demo staff member logs in; stop() leaves no process behind.
import { startStack, type Stack } from '../../scripts/start';
import { DEMO_PASSWORD, residents, services } from '../../scripts/seed/data';

jest.setTimeout(180_000);

let stack: Stack;
let pids: number[] = [];

beforeAll(async () => {
  stack = await startStack({
    inMemory: true,
    buildH5: false,
    serveH5: false,
    logLevel: 'silent',
    ports: { api: 0, lambda: 0, websocket: 0, fakeWechat: 0, dynamo: 0, s3: 0, h5: 0 },
  });
});

afterAll(async () => {
  await stack?.stop();
});

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

test('serves the seeded catalogue through serverless-offline', async () => {
  const res = await fetch(`${stack.urls.api}/services`);
  expect(res.status).toBe(200);
  const body = (await res.json()) as { total: number };
  expect(body.total).toBe(services.length);
  const openapi = await fetch(stack.urls.openapi);
  expect(openapi.status).toBe(200);
});

test('a demo resident signs in with a code from the fake WeChat', async () => {
  const zhang = residents.find((r) => r.openid === 'demo-openid-zhang')!;
  const minted = await fetch(`${stack.urls.fakeWechat}/dev/code`, { method: 'POST', body: JSON.stringify({ openid: zhang.openid }) });
  const { code } = (await minted.json()) as { code: string };
  const res = await fetch(`${stack.urls.api}/auth/wechat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code }),
  });
  expect(res.status).toBe(200);
  const session = (await res.json()) as { me: { name: string; elderMode: boolean } };
  expect(session.me).toMatchObject({ name: zhang.name, elderMode: true });
});

test('a demo staff member logs in with the demo password', async () => {
  const res = await fetch(`${stack.urls.api}/admin/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: DEMO_PASSWORD }),
  });
  expect(res.status).toBe(200);
  expect(((await res.json()) as { staff: { role: string } }).staff.role).toBe('admin');
});

test('a resident uploads a photo straight to the local S3 with the URL the API signed', async () => {
  const minted = await fetch(`${stack.urls.fakeWechat}/dev/code`, { method: 'POST', body: JSON.stringify({ openid: 'demo-openid-zhang' }) });
  const { code } = (await minted.json()) as { code: string };
  const login = await fetch(`${stack.urls.api}/auth/wechat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code }),
  });
  const { token } = (await login.json()) as { token: string };
  const photo = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 0xff, 0xd9]);
  const res = await fetch(`${stack.urls.api}/uploads`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ contentType: 'image/jpeg', bytes: photo.length, purpose: 'application_material' }),
  });
  expect(res.status).toBe(201);
  const ticket = (await res.json()) as { url: string; headers: Record<string, string> };
  expect(ticket.url.startsWith(`${stack.urls.s3}/${stack.env.UPLOADS_BUCKET}/tmp/`)).toBe(true);
  expect((await fetch(ticket.url, { method: 'PUT', headers: { ...ticket.headers, 'Content-Type': 'image/png' }, body: photo })).status).toBe(403);
  expect((await fetch(ticket.url, { method: 'PUT', headers: ticket.headers, body: photo })).status).toBe(200);
});

test('stop() ends DynamoDB Local and serverless-offline', async () => {
  const { execFileSync } = await import('node:child_process');
  const find = (pattern: string) => {
    try {
      return execFileSync('pgrep', ['-f', '--', pattern], { encoding: 'utf8' }).trim().split('\n').filter(Boolean).map(Number);
    } catch {
      return [];
    }
  };
  pids = [...find(`-port ${stack.ports.dynamo}`), ...find(`--httpPort ${stack.ports.api}`)];
  expect(pids.length).toBeGreaterThanOrEqual(2);
  await stack.stop();
  expect(pids.filter(alive)).toEqual([]);
  await expect(fetch(`${stack.urls.api}/services`)).rejects.toThrow();
  await expect(fetch(stack.urls.s3)).rejects.toThrow();
});
