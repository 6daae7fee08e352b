// Applications through the in-process HTTP API: apply (with proxy), the state
// machine with the one-time notice, the clock, staff queues, proxy steps.
import { useTestTable } from '../support/table';
import { call } from '../support/api';
import { COUNTY, residentToken, seedReference, staffToken, TOWN, VILLAGE } from '../fixtures/world';
import { createCalendar, shanghaiDate } from '../../functions/domain/calendar';
import { putCalendarOverride } from '../../functions/store/calendar';

useTestTable();
let zhang: string, li: string, clerk: string, otherClerk: string, head: string, supervisor: string, agent: string, agent2: string;

beforeAll(async () => {
  await seedReference();
  // Deadlines of cases filed late in a year reach into the next: publish it if the package does not know it.
  const next = Number(shanghaiDate().slice(0, 4)) + 1;
  if (!createCalendar().knows(next)) {
    await putCalendarOverride({ year: next, holidays: [`${next}-01-01`], workdays: [], updatedAt: new Date().toISOString(), updatedBy: 'test' });
  }
  clerk = await staffToken('clerk-mz', 'clerk', 'civil-affairs');
  otherClerk = await staffToken('clerk-ga', 'clerk', 'public-security');
  head = await staffToken('head-mz', 'dept_head', 'civil-affairs');
  supervisor = await staffToken('xiaoneng', 'supervisor', null);
  agent = await staffToken('agent-wang', 'agent', null, VILLAGE);
  agent2 = await staffToken('agent-town', 'agent', null, TOWN);
  zhang = await residentToken('r-zhang', { pairedCadreUsername: 'agent-wang' });
  li = await residentToken('r-li', { name: '李明', phone: '13912345678', currentRegionCode: VILLAGE });
  materials = [
    { name: '居民身份证', provided: true, uploadKeys: [await uploadPhoto(zhang)] },
    { name: '户口簿', provided: false, uploadKeys: [] },
  ];
});

let materials: { name: string; provided: boolean; uploadKeys: string[] }[];

/** A photo uploaded the way the mini-program does: a signed PUT straight to (local) S3. */
async function uploadPhoto(token: string): Promise<string> {
  const bytes = Buffer.from('photo of a document');
  const ticket = await call('POST', '/uploads', { token, body: { contentType: 'image/jpeg', bytes: bytes.length, purpose: 'application_material' } });
  const put = await fetch(ticket.body.url, { method: 'PUT', headers: ticket.body.headers, body: new Uint8Array(bytes) });
  expect(put.status).toBe(200);
  return ticket.body.key;
}
const apply = (token: string, key: string, body: Record<string, unknown> = {}) =>
  call('POST', '/applications', { token, body: { serviceCode: 'QS-MZ-001', idempotencyKey: key, materials, proxy: false, ...body } });
const act = (token: string, id: string, body: Record<string, unknown>) => call('POST', `/admin/applications/${id}/actions`, { token, body });

describe('apply', () => {
  test('a resident applies with proxy: the paired cadre gets it, 委托 is recorded, the clock starts', async () => {
    const res = await apply(zhang, 'apply-zhang-1', { proxy: true, note: '腿脚不便' });
    expect(res.status).toBe(201);
    const a = res.body;
    expect(a).toMatchObject({ state: 'submitted', serviceName: '最低生活保障申请', departmentName: '县民政局', version: 1, materialsRequests: 0 });
    expect(a.caseNumber).toMatch(/^\d{8}-[A-Z2-9]{5}$/);
    expect(a.materials.map((m) => [m.name, m.required, m.provided])).toEqual([
      ['居民身份证', true, true], ['户口簿', true, false], ['家庭收入情况声明', false, false],
    ]);
    // The photo left tmp/ (which expires) for the case's own folder.
    expect(a.materials[0]!.uploadKeys).toEqual([`applications/${a.id}/${materials[0]!.uploadKeys[0]!.split('/').pop()}`]);
    const { objectExists } = await import('../../functions/store/uploads');
    expect(await objectExists(a.materials[0]!.uploadKeys[0]!)).toBe(true);
    expect(a.proxy).toMatchObject({ agent: { name: '测试agent', phone: '13900000001' }, nextStep: 'collected' });
    expect(a.proxy!.steps.map((s) => s.step)).toEqual(['mandated']);
    expect(a.clock).toMatchObject({ startOn: null, deemedAccepted: false, light: 'green' });
    expect(a.events.map((e) => e.action)).toEqual(['submit', 'proxy_mandated']);
    const again = await apply(zhang, 'apply-zhang-1', { proxy: true });
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(a.id);
    expect((await call('GET', '/applications', { token: zhang })).body.applications).toHaveLength(1);
  });

  test('without a paired cadre, the agent of the resident’s town takes the proxy', async () => {
    const res = await apply(li, 'apply-li-1', { proxy: true, materials: [] });
    expect(res.status).toBe(201);
    expect(res.body.proxy!.agent!.name).toBe('测试agent');
    expect(res.body.applicant).toEqual({ name: '李明', phone: '13912345678' });
  });

  test('400 for unknown materials or someone else’s photos, 401 without login, 404 for an unknown item', async () => {
    const bad = await apply(zhang, 'apply-bad-1', { materials: [{ name: '结婚证', provided: true, uploadKeys: [] }] });
    expect(bad.status).toBe(400);
    expect(bad.body.fields!['materials.0.name']).toMatch('不在该事项的材料清单中');
    const foreign = await apply(zhang, 'apply-bad-2', { materials: [{ name: '户口簿', provided: true, uploadKeys: [await uploadPhoto(li)] }] });
    expect(foreign.status).toBe(400);
    expect(foreign.body.fields!['materials.0.uploadKeys']).toBe('只能提交本人上传的图片');
    const never = await apply(zhang, 'apply-bad-6', { materials: [{ name: '户口簿', provided: true, uploadKeys: ['tmp/r-zhang/0f8b1c2d-1111-4222-8333-944445555666.jpg'] }] });
    expect(never.status).toBe(400);
    expect(never.body.message).toMatch('未上传成功或已过期');
    expect((await apply(zhang, 'apply-bad-3', { proxy: 'yes' })).status).toBe(400);
    expect((await call('POST', '/applications', { body: { serviceCode: 'QS-MZ-001', idempotencyKey: 'abcdefgh', materials, proxy: false } })).status).toBe(401);
    expect((await apply(zhang, 'apply-bad-4', { serviceCode: 'QS-XX-404' })).status).toBe(404);
    // The ID card item does not offer proxy handling.
    expect((await apply(zhang, 'apply-bad-5', { serviceCode: 'QS-GA-001', materials: [], proxy: true })).status).toBe(400);
  });

  test('another resident’s case is a 404', async () => {
    const mine = (await call('GET', '/applications', { token: zhang })).body.applications[0];
    expect((await call('GET', `/applications/${mine!.id}`, { token: li })).status).toBe(404);
    expect((await call('GET', `/applications/${mine!.id}`, { token: zhang })).status).toBe(200);
  });
});

describe('the case, step by step', () => {
  let id: string;
  let version: number;
  const refresh = async () => {
    const r = await call('GET', `/admin/applications/${id}`, { token: clerk });
    version = r.body.version;
    return r.body;
  };

  beforeAll(async () => {
    id = (await call('GET', '/applications', { token: zhang })).body.applications[0]!.id;
    await refresh();
  });

  test('the agent records 代收 and 代交 in order; out of order is 409; another agent 403', async () => {
    const skip = await call('POST', `/admin/applications/${id}/proxy-steps`, { token: agent, body: { step: 'submitted', version } });
    expect(skip.status).toBe(409);
    expect(skip.body.message).toBe('请按顺序记录：下一步是“代收”');
    expect((await call('POST', `/admin/applications/${id}/proxy-steps`, { token: agent2, body: { step: 'collected', version } })).status).toBe(403);
    const c = await call('POST', `/admin/applications/${id}/proxy-steps`, { token: agent, body: { step: 'collected', version, note: '已上门收取材料' } });
    expect(c.status).toBe(200);
    expect(c.headers['x-ddb-calls']).toBe('3');
    const s = await call('POST', `/admin/applications/${id}/proxy-steps`, { token: agent, body: { step: 'submitted', version: c.body.version } });
    expect(s.body.proxy!.steps.map((x) => x.step)).toEqual(['mandated', 'collected', 'submitted']);
    expect((await call('GET', '/admin/proxy-tasks', { token: agent })).body.applications.map((x) => x.id)).toContain(id);
    // An agent does not decide the case.
    expect((await act(agent, id, { action: 'accept', version: s.body.version })).status).toBe(403);
    await refresh();
  });

  test('staff see the photos through short-lived signed links; others cannot', async () => {
    const res = await call('GET', `/admin/applications/${id}/photos`, { token: clerk });
    expect(res.status).toBe(200);
    expect(res.body.photos).toHaveLength(1);
    expect(res.body.photos[0]!.material).toBe('居民身份证');
    const photo = await fetch(res.body.photos[0]!.url);
    expect(photo.status).toBe(200);
    expect(Buffer.from(await photo.arrayBuffer()).toString()).toBe('photo of a document');
    expect((await call('GET', `/admin/applications/${id}/photos`, { token: otherClerk })).status).toBe(403);
    expect((await call('GET', `/admin/applications/${id}/photos`, { token: zhang })).status).toBe(403);
  });

  test('the clerk’s queue orders by deadline; another department’s clerk gets 403', async () => {
    const q = await call('GET', '/admin/queue', { token: clerk });
    expect(q.status).toBe(200);
    expect(q.body.applications.map((x) => x.id)).toContain(id);
    expect(q.body.applications[0]!.applicant.name).toMatch(/\*/);
    expect((await call('GET', '/admin/queue', { token: otherClerk, query: { departmentId: 'civil-affairs' } })).status).toBe(403);
    expect((await call('GET', `/admin/applications/${id}`, { token: otherClerk })).status).toBe(403);
    expect((await call('GET', '/admin/queue', { token: zhang })).status).toBe(403);
    expect((await call('GET', '/admin/queue')).status).toBe(401);
  });

  test('one-time notice: everything missing at once; a second request is refused unless a supervisor overrides with a reason', async () => {
    expect((await act(clerk, id, { action: 'request_materials', version, missing: [] })).status).toBe(400);
    const r = await act(clerk, id, { action: 'request_materials', version, missing: [{ name: '户口簿', note: '全部家庭成员页' }, { name: '家庭收入情况声明' }] });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ state: 'awaiting_materials', materialsRequests: 1 });
    expect(r.body.missing.map((m) => m.name)).toEqual(['户口簿', '家庭收入情况声明']);
    const seen = await call('GET', `/applications/${id}`, { token: zhang });
    expect(seen.body.clock.light).toBe('paused');
    expect(seen.body.events.at(-1)!.note).toBe('一次性告知缺少：户口簿、家庭收入情况声明');
    // The resident supplements: back to intake.
    // Only what was missing is declared again; the ID card photo already on the case stays.
    const hukouPhoto = await uploadPhoto(zhang);
    const sup = await call('POST', `/applications/${id}/supplement`, {
      token: zhang,
      body: { version: seen.body.version, materials: [{ name: '户口簿', provided: true, uploadKeys: [hukouPhoto] }, { name: '家庭收入情况声明', provided: true, uploadKeys: [] }] },
    });
    expect(sup.status).toBe(200);
    expect(sup.body.state).toBe('submitted');
    expect(sup.body.materials.map((m) => [m.name, m.provided, m.uploadKeys.length])).toEqual([
      ['居民身份证', true, 1], ['户口簿', true, 1], ['家庭收入情况声明', true, 0],
    ]);
    expect((await call('POST', `/applications/${id}/supplement`, { token: zhang, body: { version: sup.body.version, materials: [] } })).status).toBe(409);
    await refresh();
    const second = await act(clerk, id, { action: 'request_materials', version, missing: [{ name: '银行卡' }] });
    expect(second.status).toBe(409);
    expect(second.body.message).toMatch('已一次性告知过缺件');
    const noReason = await act(supervisor, id, { action: 'request_materials', version, missing: [{ name: '银行卡' }] });
    expect(noReason.status).toBe(409);
    expect((await call('GET', `/admin/applications/${id}`, { token: clerk })).body.state).toBe('submitted');
  });

  test('two clerks act at once: one wins, the other gets 409', async () => {
    await refresh();
    const [a, b] = await Promise.all([act(clerk, id, { action: 'accept', version }), act(head, id, { action: 'accept', version })]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    expect(loser.body.message).toBe('办件已被他人处理，请刷新后重试');
    const now = await refresh();
    expect(now.state).toBe('accepted');
    expect(now.events.filter((e) => e.action === 'accept')).toHaveLength(1);
  });

  test('accepted: the promised deadline runs on working days; illegal transitions are 409', async () => {
    const a = await refresh();
    const today = shanghaiDate();
    expect(a.clock).toMatchObject({ startOn: today, deemedAccepted: false });
    expect(a.clock.promisedDueOn! > today).toBe(true);
    expect(['测试clerk', '测试dept_head']).toContain(a.handler!.name);
    const illegal = await act(clerk, id, { action: 'deliver', version });
    expect(illegal.status).toBe(409);
    expect(illegal.body.message).toBe('当前状态（受理）不能执行此操作');
    expect((await act(clerk, id, { action: 'fly', version })).status).toBe(400);
  });

  test('suspend and resume; one extension with a reason', async () => {
    expect((await act(clerk, id, { action: 'suspend', version })).status).toBe(400); // needs a reason
    const s = await act(clerk, id, { action: 'suspend', version, note: '等待公示期结束' });
    expect(s.body).toMatchObject({ state: 'suspended' });
    expect(s.body.clock.light).toBe('paused');
    const r = await act(clerk, id, { action: 'resume', version: s.body.version });
    expect(r.body.state).toBe('accepted');
    const before = r.body.clock.promisedDueOn;
    const e = await act(head, id, { action: 'extend', version: r.body.version, extensionDays: 5, note: '需入户核查' });
    expect(e.status).toBe(200);
    expect(e.body.extension).toEqual({ days: 5, reason: '需入户核查' });
    expect(e.body.clock.promisedDueOn! > before!).toBe(true);
    expect((await act(head, id, { action: 'extend', version: e.body.version, extensionDays: 5, note: '再延' })).status).toBe(409);
    await refresh();
  });

  test('review, approve, deliver: the timeline shows every step and the item counts it', async () => {
    const rv = await act(clerk, id, { action: 'review', version });
    const ap = await act(clerk, id, { action: 'approve', version: rv.body.version, note: '符合条件，准予' });
    expect(ap.body.clock).toMatchObject({ light: 'done', onTime: true });
    const dl = await act(clerk, id, { action: 'deliver', version: ap.body.version, note: '代办员代领' });
    expect(dl.body.state).toBe('delivered');
    // Each step reads the case (with its timeline) and the actor with the calendar, then writes once: 3 DynamoDB calls,
    // and the answer, built from what was written, is the case as a fresh read shows it.
    expect([rv, ap, dl].map((r) => r.headers['x-ddb-calls'])).toEqual(['3', '3', '3']);
    expect((await call('GET', `/admin/applications/${id}`, { token: clerk })).body).toEqual(dl.body);
    const seen = await call('GET', `/applications/${id}`, { token: zhang });
    expect(seen.body.events.filter((e) => e.to).map((e) => e.to)).toEqual([
      'submitted', 'awaiting_materials', 'submitted', 'accepted', 'suspended', 'accepted', 'reviewing', 'approved', 'delivered',
    ]);
    expect((await call('GET', '/admin/queue', { token: clerk })).body.applications.map((x) => x.id)).not.toContain(id);
    const item = await call('GET', '/services/QS-MZ-001');
    expect(item.body.stats).toMatchObject({ concluded: 1, onTimeRate: 1, medianDays: 0 });
  });

  test('不予受理 and 不予许可 need a reason the applicant sees; a rejected case leaves the queue', async () => {
    const r1 = (await apply(li, 'apply-li-reject', { materials: [] })).body;
    expect((await act(clerk, r1.id, { action: 'reject', version: 1 })).status).toBe(400);
    const rejected = await act(clerk, r1.id, { action: 'reject', version: 1, note: '申请人不属于本县户籍' });
    expect(rejected.body).toMatchObject({ state: 'rejected', clock: { light: 'done' } });
    const seen = await call('GET', `/applications/${r1.id}`, { token: li });
    expect(seen.body.events.at(-1)).toMatchObject({ to: 'rejected', note: '申请人不属于本县户籍' });
    expect((await call('GET', '/admin/queue', { token: clerk })).body.applications.map((x) => x.id)).not.toContain(r1.id);
    const r2 = (await apply(li, 'apply-li-deny', { materials: [] })).body;
    const accepted = await act(clerk, r2.id, { action: 'accept', version: 1 });
    const reviewing = await act(clerk, r2.id, { action: 'review', version: accepted.body.version });
    expect((await act(clerk, r2.id, { action: 'deny', version: reviewing.body.version })).status).toBe(400);
    const denied = await act(clerk, r2.id, { action: 'deny', version: reviewing.body.version, note: '家庭人均收入高于低保标准' });
    expect(denied.body).toMatchObject({ state: 'denied', clock: { onTime: true } });
    expect((await act(clerk, r2.id, { action: 'approve', version: denied.body.version })).status).toBe(409);
  });

  test('a department head reassigns the proxy agent; a clerk may not', async () => {
    const r = (await apply(li, 'apply-li-proxy', { materials: [], proxy: true })).body;
    expect((await call('POST', `/admin/applications/${r.id}/proxy-agent`, { token: clerk, body: { agentUsername: 'agent-wang', version: r.version } })).status).toBe(403);
    expect((await call('POST', `/admin/applications/${r.id}/proxy-agent`, { token: head, body: { agentUsername: 'clerk-mz', version: r.version } })).status).toBe(400);
    const moved = await call('POST', `/admin/applications/${r.id}/proxy-agent`, { token: head, body: { agentUsername: 'agent-wang', version: r.version } });
    expect(moved.status).toBe(200);
    expect(moved.body.proxy!.agent!.name).toBe('测试agent');
    expect((await call('GET', '/admin/proxy-tasks', { token: agent })).body.applications.map((x) => x.id)).toContain(r.id);
    expect((await call('GET', '/admin/proxy-tasks', { token: agent2 })).body.applications.map((x) => x.id)).not.toContain(r.id);
  });

  test('the supervisor’s overdue view and roles', async () => {
    expect((await call('GET', '/admin/overdue', { token: supervisor })).status).toBe(200);
    expect((await call('GET', '/admin/overdue', { token: clerk })).status).toBe(403);
    expect((await call('GET', '/admin/applications/not-a-case-0000', { token: clerk })).status).toBe(404);
    expect(COUNTY).toBe('511999');
  });
});
