// 撤回 through the in-process HTTP API on DynamoDB Local: before acceptance
// only, the resident's own case, with the version seen; on the timeline, out
// of the queue, counted on the item apart from its concluded cases.
import { useTestTable } from '../support/table';
import { call } from '../support/api';
import { residentToken, seedReference, staffToken } from '../fixtures/world';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../../functions/store/client';
import { key } from '../../functions/store/keys';

/** The item's raw running counters. */
const counters = async () =>
  ((await db().send(new GetCommand({ TableName: tableName(), Key: key.service('QS-MZ-001') }))).Item ?? {}) as Record<string, number | undefined>;

useTestTable();
let zhang: string, li: string, clerk: string;

beforeAll(async () => {
  await seedReference();
  clerk = await staffToken('clerk-mz', 'clerk', 'civil-affairs');
  zhang = await residentToken('r-zhang');
  li = await residentToken('r-li', { name: '李明', phone: '13912345678' });
});

const materials = [
  { name: '居民身份证', provided: false, uploadKeys: [] },
  { name: '户口簿', provided: false, uploadKeys: [] },
];
const apply = (token: string, key: string) =>
  call('POST', '/applications', { token, body: { serviceCode: 'QS-MZ-001', idempotencyKey: key, materials, proxy: false } });
const withdraw = (token: string | undefined, id: string, body: unknown) => call('POST', `/applications/${id}/withdraw`, { token, body });

describe('POST /applications/{id}/withdraw', () => {
  test('before acceptance: withdrawn, on the timeline, out of the queue, counted apart from rejections', async () => {
    const a = await apply(zhang, 'withdraw-1');
    expect(a.body.withdrawable).toBe(true);
    const before = await counters();
    const res = await withdraw(zhang, a.body.id, { version: a.body.version, reason: '材料没备齐，下次再来' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ state: 'withdrawn', withdrawable: false, version: a.body.version + 1 });
    expect(res.body.clock.light).toBe('done');
    const last = res.body.events[res.body.events.length - 1];
    expect(last).toMatchObject({ action: 'withdraw', from: 'submitted', to: 'withdrawn', actor: '申请人', note: '材料没备齐，下次再来' });
    const queue = await call('GET', '/admin/queue', { token: clerk, query: { departmentId: 'civil-affairs' } });
    expect(queue.body.applications.map((x: { id: string }) => x.id)).not.toContain(a.body.id);
    const after = await counters();
    expect((after.perfWithdrawn ?? 0) - (before.perfWithdrawn ?? 0)).toBe(1);
    expect(after.perfConcluded ?? 0).toBe(before.perfConcluded ?? 0);
    // Staff can no longer act on it.
    expect((await call('POST', `/admin/applications/${a.body.id}/actions`, { token: clerk, body: { action: 'accept', version: a.body.version + 1 } })).status).toBe(409);
  });

  test('while materials are awaited it can be withdrawn too', async () => {
    const a = await apply(zhang, 'withdraw-2');
    const asked = await call('POST', `/admin/applications/${a.body.id}/actions`, {
      token: clerk, body: { action: 'request_materials', version: 1, missing: [{ name: '户口簿' }] },
    });
    expect(asked.status).toBe(200);
    expect(asked.body.state).toBe('awaiting_materials');
    expect((await withdraw(zhang, a.body.id, { version: asked.body.version })).body.state).toBe('withdrawn');
  });

  test('400 without a version, 401 without a token, 403 for staff, 404 for another resident’s case', async () => {
    const a = await apply(zhang, 'withdraw-3');
    const bad = await withdraw(zhang, a.body.id, {});
    expect(bad.status).toBe(400);
    expect(bad.body.fields!.version).toBeTruthy();
    expect((await withdraw(undefined, a.body.id, { version: 1 })).status).toBe(401);
    expect((await withdraw(clerk, a.body.id, { version: 1 })).status).toBe(403);
    expect((await withdraw(li, a.body.id, { version: 1 })).status).toBe(404);
    expect((await withdraw(zhang, 'no-such-case-1234', { version: 1 })).status).toBe(404);
    expect((await call('GET', `/applications/${a.body.id}`, { token: zhang })).body.state).toBe('submitted');
  });

  test('409 after acceptance, with a stale version, and twice', async () => {
    const a = await apply(zhang, 'withdraw-4');
    const accepted = await call('POST', `/admin/applications/${a.body.id}/actions`, { token: clerk, body: { action: 'accept', version: 1 } });
    expect(accepted.status).toBe(200);
    const late = await withdraw(zhang, a.body.id, { version: accepted.body.version });
    expect(late.status).toBe(409);
    expect(late.body.message).toMatch(/受理/);
    expect((await call('GET', `/applications/${a.body.id}`, { token: zhang })).body.withdrawable).toBe(false);

    const b = await apply(zhang, 'withdraw-5');
    expect((await withdraw(zhang, b.body.id, { version: b.body.version + 5 })).status).toBe(409);
    expect((await withdraw(zhang, b.body.id, { version: b.body.version })).status).toBe(200);
    expect((await withdraw(zhang, b.body.id, { version: b.body.version + 1 })).status).toBe(409);
  });
});
