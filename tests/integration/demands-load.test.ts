// Demands under load and over time: fifty residents filing at once land once
// each and the month's counters equal the demands; the nightly sweep closes
// unevaluated replies as a flagged default and resumes unanswered pauses; the
// morning digest names red and yellow demands.
import { useTestTable } from '../support/table';
import { call } from '../support/api';
import { residentToken, seedReference, staffToken, TOWN, VILLAGE } from '../fixtures/world';
import { counterMonth } from '../../functions/domain/demands';

useTestTable();
let clerk: string, supervisor: string;

beforeAll(async () => {
  await seedReference();
  clerk = await staffToken('clerk-mz', 'clerk', 'civil-affairs');
  supervisor = await staffToken('xiaoneng', 'supervisor', null);
});

const file = (token: string, key: string, body: Record<string, unknown> = {}) =>
  call('POST', '/demands', {
    token,
    body: { idempotencyKey: key, type: 'help', domain: 'civil_affairs', text: '家里老人行动不便，申请上门帮助办理', place: { regionCode: VILLAGE }, anonymous: false, ...body },
  });
const act = (token: string, id: string, body: Record<string, unknown>) => call('POST', `/admin/demands/${id}/actions`, { token, body });

test('fifty residents file at once: all land once each (retries included) and the counters equal the demands', async () => {
  const tokens = await Promise.all(Array.from({ length: 50 }, (_, i) => residentToken(`r-load-${i}`)));
  const first = await Promise.all(tokens.map((t, i) => file(t, `load-${String(i).padStart(4, '0')}`)));
  expect(first.map((r) => r.status)).toEqual(Array(50).fill(201));
  // A retry on a weak signal: the same keys again, nothing new.
  const retry = await Promise.all(tokens.slice(0, 10).map((t, i) => file(t, `load-${String(i).padStart(4, '0')}`)));
  expect(retry.map((r) => r.body.id)).toEqual(first.slice(0, 10).map((r) => r.body.id));
  expect(new Set(first.map((r) => r.body.id)).size).toBe(50);
  const intake = await call('GET', '/admin/demands', { token: clerk, query: { view: 'intake', limit: '100' } });
  expect(intake.body.demands).toHaveLength(50);
  const { getDemandStats } = await import('../../functions/store/demand-stats');
  const stats = await getDemandStats(counterMonth(new Date().toISOString()));
  expect(stats.COUNTY).toMatchObject({ received: 50, recv_miniprogram_civil_affairs_B_help: 50 });
  expect(stats[`TOWN#${TOWN}`]).toMatchObject({ received: 50 });
}, 120_000);

test('the sweep: no evaluation in 7 days closes as 基本满意 (flagged, counted apart); no answer in 5 working days resumes the clock', async () => {
  const token = await residentToken('r-sweep');
  const a = (await file(token, 'sweep-eval-1')).body;
  const b = (await file(token, 'sweep-info-1')).body;
  let va = (await act(clerk, a.id, { action: 'dispatch', version: a.version, departmentId: 'civil-affairs' })).body.version;
  va = (await act(clerk, a.id, { action: 'sign', version: va })).body.version;
  await act(clerk, a.id, { action: 'reply', version: va, text: '已上门办理', result: '已办结' });
  let vb = (await act(clerk, b.id, { action: 'dispatch', version: b.version, departmentId: 'civil-affairs' })).body.version;
  vb = (await act(clerk, b.id, { action: 'sign', version: vb })).body.version;
  await act(clerk, b.id, { action: 'request_info', version: vb, text: '请提供老人的身份证照片' });

  const { sweepDemands } = await import('../../functions/jobs/demand-sweep');
  expect(await sweepDemands(new Date())).toEqual({ defaultClosed: 0, resumed: 0 });
  const later = new Date(Date.now() + 12 * 86_400_000);
  expect(await sweepDemands(later)).toEqual({ defaultClosed: 1, resumed: 1 });
  // Run again: nothing twice.
  expect(await sweepDemands(later)).toEqual({ defaultClosed: 0, resumed: 0 });

  const closed = (await call('GET', `/demands/${a.id}`, { token })).body;
  expect(closed).toMatchObject({ state: 'closed', defaultClosed: true, allowedActions: ['reopen'] });
  expect(closed.evaluations).toEqual([expect.objectContaining({ satisfaction: 'basic', isDefault: true, final: true })]);
  expect(closed.events.at(-1)).toMatchObject({ actor: '系统', action: 'default_close', note: '7天未评价，默认基本满意办结' });
  const resumed = (await call('GET', `/demands/${b.id}`, { token })).body;
  expect(resumed).toMatchObject({ state: 'signed' });
  expect(resumed.events.at(-1)).toMatchObject({ action: 'auto_resume', note: '5个工作日未补充，恢复计时' });

  const defaults = await call('GET', '/admin/demands', { token: supervisor, query: { view: 'defaults' } });
  expect(defaults.body.demands.map((d) => d.id)).toEqual([a.id]);
  const { getDemandStats } = await import('../../functions/store/demand-stats');
  const stats = await getDemandStats(counterMonth(later.toISOString()));
  expect(stats['DEPT#civil-affairs']).toMatchObject({ defaultClosed: 1, default_basic: 1 });
  expect(stats['DEPT#civil-affairs']?.evaluated).toBeUndefined();
}, 120_000);

test('the morning digest names the department’s overdue demands', async () => {
  const token = await residentToken('r-digest');
  const d = (await call('POST', '/admin/demands', {
    token: clerk,
    body: {
      idempotencyKey: 'digest-0001', channel: 'walk_in', type: 'help', domain: 'civil_affairs', grade: 'A', text: '孤寡老人房屋漏雨，需要紧急修缮',
      place: { regionCode: VILLAGE }, anonymous: false, reporter: { name: '王大爷' },
    },
  })).body;
  await act(clerk, d.id, { action: 'dispatch', version: d.version, departmentId: 'civil-affairs' });
  void token;
  const { sweepDeadlines } = await import('../../functions/jobs/deadline-sweep');
  // Three hours later a grade A demand not signed is red.
  const digests = await sweepDeadlines(new Date(Date.now() + 3 * 3600_000));
  const mz = digests.find((x) => x.departmentId === 'civil-affairs');
  expect(mz?.demandsRed).toContain(d.number);
}, 60_000);
