// Staff login throttling through the handler and DynamoDB Local: five wrong
// passwords for one username within 15 minutes lock it for 15 minutes (429
// with when to retry); a successful login starts the count over.
import { DescribeTimeToLiveCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { call } from '../support/api';
import { useTestTable } from '../support/table';
import { staffToken } from '../fixtures/world';

const table = useTestTable();
const PASSWORD = 'banshi2026'; // world.ts's staff password
const login = (username: string, password: string) => call('POST', '/admin/auth/login', { body: { username, password } });
const fail = (username: string) => login(username, 'wrong-password');

const start = Date.now();
let clock = start;
const advance = (minutes: number) => {
  clock += minutes * 60_000;
  jest.setSystemTime(clock);
};

beforeAll(async () => {
  for (const u of ['keeper', 'other', 'forgetful', 'slow']) await staffToken(u, 'admin', null);
});
beforeEach(() => {
  // Only Date moves: the SDK's own timers keep real time.
  jest.useFakeTimers({ doNotFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate', 'clearImmediate', 'nextTick', 'queueMicrotask', 'hrtime', 'performance'] });
  jest.setSystemTime(clock);
});
afterEach(() => jest.useRealTimers());

test('the sixth attempt after five wrong passwords is a 429 in Chinese with the retry time, even with the right password', async () => {
  for (let i = 0; i < 5; i++) {
    const res = await fail('keeper');
    expect(res.status).toBe(401);
    expect(res.body.message).toBe('用户名或密码错误');
    advance(1);
  }
  const locked = await login('keeper', PASSWORD);
  expect(locked.status).toBe(429);
  expect(locked.body).toMatchObject({ code: 'TOO_MANY_REQUESTS', message: '密码错误次数过多，请 14 分钟后再试' });
  // Locked for 15 minutes from the fifth failure, one minute ago.
  expect(locked.body.retryAfter).toBe(14 * 60);
  expect(locked.headers['retry-after']).toBe(String(14 * 60));
  expect(locked.body.token).toBeUndefined();

  // Another username is not affected.
  expect((await login('other', PASSWORD)).status).toBe(200);

  advance(13);
  const stillLocked = await login('keeper', PASSWORD);
  expect(stillLocked.status).toBe(429);
  expect(stillLocked.body.retryAfter).toBe(60);
  advance(1);
  const open = await login('keeper', PASSWORD);
  expect(open.status).toBe(200);
  expect(open.body.staff.username).toBe('keeper');
});

test('a successful login starts the count over', async () => {
  for (let i = 0; i < 4; i++) expect((await fail('forgetful')).status).toBe(401);
  expect((await login('forgetful', PASSWORD)).status).toBe(200);
  for (let i = 0; i < 4; i++) expect((await fail('forgetful')).status).toBe(401);
  expect((await login('forgetful', PASSWORD)).status).toBe(200);
});

test('failures spread over more than 15 minutes do not lock', async () => {
  for (let i = 0; i < 4; i++) expect((await fail('slow')).status).toBe(401);
  advance(16);
  for (let i = 0; i < 4; i++) expect((await fail('slow')).status).toBe(401);
  expect((await login('slow', PASSWORD)).status).toBe(200);
});

test('an unknown username is locked the same way: the answers never tell which usernames exist', async () => {
  for (let i = 0; i < 5; i++) expect((await fail('nobody-here')).status).toBe(401);
  const res = await fail('nobody-here');
  expect(res.status).toBe(429);
  expect(res.body.retryAfter).toBe(15 * 60);
});

test('the counters expire by themselves: the local table has TTL on `ttl`, as deployed', async () => {
  const client = new DynamoDBClient({ endpoint: table.endpoint });
  try {
    const ttl = await client.send(new DescribeTimeToLiveCommand({ TableName: table.tableName }));
    expect(ttl.TimeToLiveDescription).toMatchObject({ AttributeName: 'ttl', TimeToLiveStatus: 'ENABLED' });
  } finally {
    client.destroy();
  }
});

test('/openapi.json documents the 429 of the login, and only there', async () => {
  const doc = (await call('GET', '/openapi.json')).body;
  expect(doc.paths['/admin/auth/login'].post.responses['429']).toBeDefined();
  expect(doc.components.schemas.Error.properties.retryAfter).toBeDefined();
  expect(doc.paths['/auth/wechat'].post.responses['429']).toBeUndefined();
});
