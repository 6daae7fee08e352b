// Correctness under contention and the people a case or ticket goes to:
// concurrent conclusions, who takes a proxy case, who is recorded as acting.
import { useTestTable } from '../support/table';
import { call } from '../support/api';
import { OTHER_TOWN, residentToken, seedReference, staffToken, TOWN, VILLAGE } from '../fixtures/world';
import { createCalendar, shanghaiDate } from '../../functions/domain/calendar';
import { putCalendarOverride } from '../../functions/store/calendar';
import { db } from '../../functions/store/client';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';

useTestTable();
let resident: string, clerk: string, head: string, admin: string;

beforeAll(async () => {
  await seedReference();
  const next = Number(shanghaiDate().slice(0, 4)) + 1;
  if (!createCalendar().knows(next)) {
    await putCalendarOverride({ year: next, holidays: [`${next}-01-01`], workdays: [], updatedAt: new Date().toISOString(), updatedBy: 'test' });
  }
  clerk = await staffToken('clerk-mz', 'clerk', 'civil-affairs');
  head = await staffToken('head-mz', 'dept_head', 'civil-affairs');
  admin = await staffToken('admin', 'admin', 'government-services');
  resident = await residentToken('r-many');
});

const apply = (token: string, key: string, body: Record<string, unknown> = {}) =>
  call('POST', '/applications', { token, body: { serviceCode: 'QS-MZ-001', idempotencyKey: key, materials: [], proxy: false, ...body } });
const act = (token: string, id: string, body: Record<string, unknown>) => call('POST', `/admin/applications/${id}/actions`, { token, body });

test('ten cases of one item concluded at the same moment all succeed and the item counts exactly ten', async () => {
  const ready: { id: string; version: number }[] = [];
  for (let i = 0; i < 10; i++) {
    const a = (await apply(resident, `many-${i}-abcdef`)).body;
    const accepted = await act(clerk, a.id, { action: 'accept', version: a.version });
    const reviewing = await act(clerk, a.id, { action: 'review', version: accepted.body.version });
    ready.push({ id: a.id, version: reviewing.body.version });
  }
  // Every conclusion adds to the same performance counter of the item. DynamoDB
  // cancels all but one of such overlapping transactions with TransactionConflict;
  // DynamoDB Local serialises them, so answer as DynamoDB does for the first nine.
  const client = db();
  const send = client.send.bind(client);
  let conflicts = 0;
  const spy = jest.spyOn(client, 'send').mockImplementation(((command: unknown) => {
    const items = command instanceof TransactWriteCommand ? command.input.TransactItems ?? [] : [];
    if (items.some((i) => i.Update?.UpdateExpression?.includes('perfConcluded')) && conflicts < 9) {
      conflicts += 1;
      const err = Object.assign(new Error('Transaction cancelled'), {
        name: 'TransactionCanceledException',
        CancellationReasons: items.map((i) => ({ Code: i.Update ? 'TransactionConflict' : 'None' })),
      });
      return Promise.reject(err);
    }
    return send(command as never);
  }) as typeof client.send);
  try {
    const results = await Promise.all(ready.map((r) => act(clerk, r.id, { action: 'approve', version: r.version, note: '准予' })));
    expect(results.map((r) => r.status)).toEqual(Array(10).fill(200));
  } finally {
    spy.mockRestore();
  }
  expect(conflicts).toBe(9);
  const item = await call('GET', '/services/QS-MZ-001');
  expect(item.body.stats.concluded).toBe(10);
}, 60_000);

describe('proxy handling goes to someone who can act', () => {
  test('a paired cadre who is not a proxy agent is passed over for the town’s agent on duty', async () => {
    await staffToken('agent-town', 'agent', null, TOWN);
    // The household is paired with a clerk, who cannot record proxy steps.
    const r = await residentToken('r-paired-clerk', { pairedCadreUsername: 'clerk-mz', currentRegionCode: VILLAGE });
    const res = await apply(r, 'proxy-paired-clerk', { proxy: true });
    expect(res.status).toBe(201);
    const tasks = await call('GET', '/admin/proxy-tasks', { token: await staffToken('agent-town', 'agent', null, TOWN) });
    expect(tasks.body.applications.map((x) => x.id)).toContain(res.body.id);
    expect((await call('GET', '/admin/proxy-tasks', { token: clerk })).status).toBe(403);
  });

  test('a paired cadre who is a proxy agent takes it', async () => {
    const cadre = await staffToken('agent-cadre', 'agent', null, VILLAGE);
    const r = await residentToken('r-paired-agent', { pairedCadreUsername: 'agent-cadre', currentRegionCode: VILLAGE });
    const res = await apply(r, 'proxy-paired-agent', { proxy: true });
    expect(res.status).toBe(201);
    const step = await call('POST', `/admin/applications/${res.body.id}/proxy-steps`, { token: cadre, body: { step: 'collected', version: res.body.version } });
    expect(step.status).toBe(200);
  });
});

test('the timeline names who reassigned the proxy agent and in which role', async () => {
  await staffToken('agent-town', 'agent', null, TOWN);
  await staffToken('agent-cadre', 'agent', null, VILLAGE);
  const r = await residentToken('r-reassign', { currentRegionCode: VILLAGE });
  const a = (await apply(r, 'proxy-reassign', { proxy: true })).body;
  const byAdmin = await call('POST', `/admin/applications/${a.id}/proxy-agent`, { token: admin, body: { agentUsername: 'agent-cadre', version: a.version } });
  expect(byAdmin.status).toBe(200);
  expect(byAdmin.body.events.at(-1)).toMatchObject({ action: 'proxy_reassigned', actor: '测试admin（系统管理员）' });
  const byHead = await call('POST', `/admin/applications/${a.id}/proxy-agent`, { token: head, body: { agentUsername: 'agent-town', version: byAdmin.body.version } });
  expect(byHead.body.events.at(-1)).toMatchObject({ action: 'proxy_reassigned', actor: '测试dept_head（部门负责人）' });
});

describe('town-level items are handled by the town', () => {
  let townClerk: string, otherTownClerk: string;
  beforeAll(async () => {
    townClerk = await staffToken('clerk-town', 'clerk', null, TOWN);
    otherTownClerk = await staffToken('clerk-other-town', 'clerk', null, OTHER_TOWN);
  });

  test('a town clerk sees, handles and finds in their queue their town’s 低保 case; not a county-level one, not another town’s', async () => {
    const r = await residentToken('r-town', { currentRegionCode: VILLAGE });
    const dibao = (await apply(r, 'town-dibao-1')).body;
    const idCard = (await apply(r, 'town-idcard-1', { serviceCode: 'QS-GA-001' })).body;

    const queue = await call('GET', '/admin/queue', { token: townClerk });
    expect(queue.status).toBe(200);
    const ids = queue.body.applications.map((x) => x.id);
    expect(ids).toContain(dibao.id);
    expect(ids).not.toContain(idCard.id);

    expect((await call('GET', `/admin/applications/${dibao.id}`, { token: townClerk })).status).toBe(200);
    expect((await call('GET', `/admin/applications/${dibao.id}/photos`, { token: townClerk })).status).toBe(200);
    const accepted = await act(townClerk, dibao.id, { action: 'accept', version: dibao.version });
    expect(accepted.status).toBe(200);
    expect(accepted.body.handler!.name).toBe('测试clerk');
    expect(accepted.body.events.at(-1)!.actor).toBe('测试clerk（窗口人员）');

    // The county department still sees it.
    expect((await call('GET', '/admin/queue', { token: clerk })).body.applications.map((x) => x.id)).toContain(dibao.id);
    // Not the town's: a county-level item, or another town's clerk.
    expect((await call('GET', `/admin/applications/${idCard.id}`, { token: townClerk })).status).toBe(403);
    expect((await act(townClerk, idCard.id, { action: 'accept', version: idCard.version })).status).toBe(403);
    expect((await call('GET', `/admin/applications/${dibao.id}`, { token: otherTownClerk })).status).toBe(403);
    expect((await call('GET', '/admin/queue', { token: otherTownClerk })).body.applications).toEqual([]);
  });
});

describe('a bad review that names the department head', () => {
  test('she may appeal it but not verify it; the supervisor does, and calls the resident back', async () => {
    const supervisor = await staffToken('xiaoneng', 'supervisor', null);
    const r = await residentToken('r-rates', { currentRegionCode: VILLAGE });
    const a = (await apply(r, 'rated-by-head-1')).body;
    // The head handles the case herself, so the review names her.
    const accepted = await act(head, a.id, { action: 'accept', version: a.version });
    const reviewing = await act(head, a.id, { action: 'review', version: accepted.body.version });
    expect((await act(head, a.id, { action: 'approve', version: reviewing.body.version, note: '准予' })).status).toBe(200);
    const rated = await call('POST', '/ratings', {
      token: r,
      body: { targetType: 'application', targetId: a.id, idempotencyKey: 'rate-head-0001', level: 1, dimensions: { efficiency: 1, attitude: 1, service: 1, convenience: 1 }, reasons: ['attitude'] },
    });
    expect(rated.status).toBe(201);
    const listed = await call('GET', '/admin/tickets', { token: supervisor, query: { view: 'open' } });
    const ticket = listed.body.tickets.find((t) => t.reference === a.caseNumber);
    expect(ticket!.responsible!.username).toBe('head-mz');

    const seenByHead = await call('GET', `/admin/tickets/${ticket!.id}`, { token: head });
    expect(seenByHead.body.allowedActions).toEqual(['appeal']);
    expect(seenByHead.body.resident).toBeNull();
    const verify = await call('POST', `/admin/tickets/${ticket!.id}/actions`, { token: head, body: { action: 'verify', version: ticket!.version, note: '我已核实，属实' } });
    expect(verify.status).toBe(403);
    expect(verify.body.message).toBe('差评涉及您本人，由部门其他负责人或督查办理');

    const seenBySupervisor = await call('GET', `/admin/tickets/${ticket!.id}`, { token: supervisor });
    expect(seenBySupervisor.body.allowedActions).toEqual(['verify']);
    expect(seenBySupervisor.body.resident).not.toBeNull();
    const done = await call('POST', `/admin/tickets/${ticket!.id}/actions`, { token: supervisor, body: { action: 'verify', version: ticket!.version, note: '督查核实：属实' } });
    expect(done.status).toBe(200);
    expect(done.body.events.at(-1)!.actor).toBe('测试supervisor（督查人员）');
    const appeal = await call('POST', `/admin/tickets/${ticket!.id}/actions`, { token: head, body: { action: 'appeal', version: done.body.version, note: '评价与事实不符' } });
    expect(appeal.status).toBe(200);
  });
});
