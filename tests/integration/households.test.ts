// 包联 through the in-process HTTP API on DynamoDB Local: a cadre's households
// and their lights, recording contacts (with a demand filed from the visit),
// exact counters under a hundred concurrent contacts, a replayed offline visit,
// the coverage each role sees, and the resident's 未联系 report.
import { useTestTable } from '../support/table';
import { call } from '../support/api';
import { COUNTY, OTHER_TOWN, residentToken, seedReference, staffToken, TOWN, VILLAGE } from '../fixtures/world';
import { shanghaiMonth, shiftMonth } from '../../functions/domain/households';

useTestTable();
const OTHER_VILLAGE = '511999102201';
let cadreA: string, cadreB: string, cadreC: string, townDesk: string, otherDesk: string, countyClerk: string, supervisor: string, zhang: string, stranger: string;

const hid = (i: number) => `h-a-${String(i).padStart(3, '0')}`;

beforeAll(async () => {
  await seedReference();
  const { putRegion } = await import('../../functions/store/reference');
  await putRegion({ code: OTHER_VILLAGE, name: '向阳村', level: 'village', parentCode: OTHER_TOWN });
  cadreA = await staffToken('agent-a', 'agent', null, VILLAGE);
  cadreB = await staffToken('agent-b', 'agent', null, VILLAGE);
  cadreC = await staffToken('agent-c', 'agent', null, OTHER_VILLAGE);
  townDesk = await staffToken('clerk-town', 'clerk', null, TOWN);
  otherDesk = await staffToken('clerk-other', 'clerk', null, OTHER_TOWN);
  countyClerk = await staffToken('clerk-mz', 'clerk', 'civil-affairs', COUNTY);
  supervisor = await staffToken('xiaoneng', 'supervisor', null, COUNTY);
  zhang = await residentToken('r-zhang', { name: '张桂英', pairedCadreUsername: 'agent-a' });
  stranger = await residentToken('r-stranger', { name: '李四' });

  const { putRegister } = await import('../../functions/store/households');
  const { registerBase } = await import('../../functions/domain/households');
  const now = new Date().toISOString();
  const household = (id: string, cadre: string, village: string, tags: string[], residentIds: string[] = []) => ({
    id, headName: `户主${id}`, phone: '13800000000', regionCode: village, villageCode: village, townCode: village.slice(0, 9),
    members: [{ name: `户主${id}`, relation: '户主', age: 70, note: null }], tags: tags as never[], cadreUsername: cadre, residentIds,
    lastContact: null, createdAt: now, version: 1,
  });
  const all = [
    ...Array.from({ length: 100 }, (_, i) => household(hid(i), 'agent-a', VILLAGE, i % 4 === 0 ? ['left_behind', 'elderly'] : ['elderly'], i === 0 ? ['r-zhang'] : [])),
    household('h-b-000', 'agent-b', VILLAGE, []),
    household('h-b-001', 'agent-b', VILLAGE, ['dispute']),
    household('h-c-000', 'agent-c', OTHER_VILLAGE, []),
  ];
  const names: Record<string, string> = { [COUNTY]: '青山县', [TOWN]: '城关镇', [OTHER_TOWN]: '向阳镇', [VILLAGE]: '青龙村', [OTHER_VILLAGE]: '向阳村' };
  await putRegister(all, registerBase(all, COUNTY, (_level, code) => names[code] ?? `测试${code}`));
}, 60_000);

const contact = (token: string, id: string, body: Record<string, unknown>) => call('POST', `/admin/households/${id}/contacts`, { token, body });
const coverage = (token: string, month?: string) => call('GET', '/admin/coverage', { token, query: month ? { month } : {} });
const row = (body: { rows: { level: string; code: string }[] }, level: string, code: string) => body.rows.find((r) => r.level === level && r.code === code) as Record<string, unknown> | undefined;

describe('the cadre’s households', () => {
  test('all one hundred, each with its light; nobody contacted yet: all overdue', async () => {
    const res = await call('GET', '/admin/households', { token: cadreA, query: { limit: '100' } });
    expect(res.status).toBe(200);
    expect(res.body.households).toHaveLength(100);
    expect(res.body.nextCursor).toBeNull();
    expect(res.body.counts).toEqual({ done: 0, due: 0, overdue: 100 });
    expect(res.body.households[0]).toMatchObject({ id: 'h-a-000', light: 'overdue', lastContact: null, mustVisit: true, regionName: '青龙村', tags: ['left_behind', 'elderly'] });
    const page = await call('GET', '/admin/households', { token: cadreA, query: { limit: '30' } });
    expect(page.body.households).toHaveLength(30);
    expect(page.body.nextCursor).toEqual(expect.any(String));
  });

  test.each([
    ['another cadre', () => cadreB, 'agent-a', 403],
    ['the town’s desk', () => townDesk, 'agent-a', 200],
    ['another town’s desk', () => otherDesk, 'agent-a', 403],
    ['a county department clerk', () => countyClerk, 'agent-a', 403],
    ['the supervisor', () => supervisor, 'agent-a', 200],
    ['an unknown cadre', () => supervisor, 'agent-zz', 404],
  ])('listing a cadre’s households: %s → %s', async (_, token, cadre, status) => {
    expect((await call('GET', '/admin/households', { token: token(), query: { cadre } })).status).toBe(status);
  });

  test('one household: its own cadre and overseers see it; another cadre 403; unknown 404; bad id 400; no login 401', async () => {
    expect((await call('GET', '/admin/households/h-a-001', { token: cadreA })).status).toBe(200);
    expect((await call('GET', '/admin/households/h-a-001', { token: townDesk })).status).toBe(200);
    expect((await call('GET', '/admin/households/h-a-001', { token: cadreB })).status).toBe(403);
    expect((await call('GET', '/admin/households/h-a-001', { token: otherDesk })).status).toBe(403);
    expect((await call('GET', '/admin/households/h-zz-999', { token: supervisor })).status).toBe(404);
    const bad = await call('GET', '/admin/households/BAD%20ID', { token: supervisor });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/[\u4e00-\u9fa5]/);
    expect((await call('GET', '/admin/households/h-a-001')).status).toBe(401);
  });
});

describe('recording a contact', () => {
  let demandId: string;

  test('a visit to a 三留守 household, with the grandmother’s request filed from it; the replay stores it once', async () => {
    const body = {
      idempotencyKey: 'visit-zhang-0001', kind: 'visit', occasion: 'must_visit', note: '老人腿脚不便，独自在家',
      demand: { type: 'help', domain: 'civil_affairs', text: '老人独居，希望申请居家养老上门服务', reporterName: '户主h-a-000' },
    };
    const res = await contact(cadreA, 'h-a-000', body);
    expect(res.status).toBe(201);
    expect(res.body.contact).toMatchObject({ kind: 'visit', occasion: 'must_visit', note: '老人腿脚不便，独自在家', cadreName: '测试agent' });
    expect(res.body.household).toMatchObject({ light: 'done', lastContact: { kind: 'visit', occasion: 'must_visit' } });
    demandId = res.body.contact.demand!.id;
    const d = await call('GET', `/admin/demands/${demandId}`, { token: supervisor });
    expect(d.body).toMatchObject({ channel: 'household_visit', state: 'received', type: 'help', reporter: { name: '户主h-a-000' } });

    // The phone was offline: the same visit is sent again (and again, concurrently).
    const again = await Promise.all([contact(cadreA, 'h-a-000', body), contact(cadreA, 'h-a-000', body)]);
    for (const r of again) {
      expect(r.status).toBe(201);
      expect(r.body.contact.id).toBe(res.body.contact.id);
      expect(r.body.contact.demand!.id).toBe(demandId);
    }
    const detail = await call('GET', '/admin/households/h-a-000', { token: cadreA });
    expect(detail.body.contacts).toHaveLength(1);
    const cov = await coverage(supervisor);
    expect(row(cov.body, 'cadre', 'agent-a')).toMatchObject({ contacted: 1, mustVisitVisited: 1, demandsRaised: 1, demandsResolved: 0, eventsAttended: 0 });
  }, 30_000);

  test('bad input is a 400 in Chinese; only the paired cadre records (403); unknown household 404; no login 401', async () => {
    const ok = { idempotencyKey: 'bad-input-0001', kind: 'phone', occasion: 'routine' };
    const noKind = await contact(cadreA, 'h-a-001', { ...ok, kind: undefined });
    expect(noKind.status).toBe(400);
    expect(noKind.body.fields?.kind).toBe('请选择联系方式：走访、电话或微信');
    const future = await contact(cadreA, 'h-a-001', { ...ok, contactedAt: new Date(Date.now() + 3_600_000).toISOString() });
    expect(future.status).toBe(400);
    expect(future.body.fields?.contactedAt).toBe('联系时间不能晚于现在');
    const old = await contact(cadreA, 'h-a-001', { ...ok, contactedAt: new Date(Date.now() - 70 * 86_400_000).toISOString() });
    expect(old.body.message).toBe('只能补记本月和上月的联系');
    const shortDemand = await contact(cadreA, 'h-a-001', { ...ok, demand: { type: 'help', domain: 'civil_affairs', text: '短' } });
    expect(shortDemand.status).toBe(400);
    expect((await contact(cadreB, 'h-a-001', ok)).status).toBe(403);
    const desk = await contact(townDesk, 'h-a-001', ok);
    expect(desk.status).toBe(403);
    expect(desk.body.message).toBe('只有包联干部本人可以记录联系');
    expect((await contact(cadreA, 'h-zz-001', ok)).status).toBe(404);
    expect((await call('POST', '/admin/households/h-a-001/contacts', { body: ok })).status).toBe(401);
  });

  test('a hundred contacts at once — eighty households, twenty of them twice — keep the counters exact', async () => {
    const send = async (i: number, n: number) => {
      const body = { idempotencyKey: `load-${i}-${n}-abcdef`, kind: n === 0 ? 'visit' : 'phone', occasion: n === 1 ? 'emergency' : 'routine' };
      for (let attempt = 0; ; attempt++) {
        const res = await contact(cadreA, hid(i), body);
        // Contention outlasting the store's retries is a 503: the client sends the same key again.
        if (res.status !== 503 || attempt > 5) return res;
      }
    };
    const jobs = [...Array.from({ length: 80 }, (_, k) => send(k + 1, 0)), ...Array.from({ length: 20 }, (_, k) => send(k + 1, 1))];
    const results = await Promise.all(jobs);
    expect(results.map((r) => r.status)).toEqual(Array(100).fill(201));
    const cov = await coverage(supervisor);
    const a = row(cov.body, 'cadre', 'agent-a');
    // h-a-000 from before + 80 households; every 4th is 三留守 and was visited: 001…080 has 20 of them, plus 000.
    expect(a).toMatchObject({ households: 100, contacted: 81, overdue: 19, mustVisitVisited: 21, eventsAttended: 20, demandsRaised: 1 });
    expect(row(cov.body, 'village', VILLAGE)).toMatchObject({ households: 102, contacted: 81 });
    expect(row(cov.body, 'town', TOWN)).toMatchObject({ households: 102, contacted: 81 });
    expect(row(cov.body, 'county', COUNTY)).toMatchObject({ households: 103, contacted: 81, overdue: 22 });
    const list = await call('GET', '/admin/households', { token: cadreA, query: { limit: '100' } });
    expect(list.body.counts).toEqual({ done: 81, due: 0, overdue: 19 });
    expect(list.body.households.filter((h: { light: string }) => h.light === 'done')).toHaveLength(81);
  }, 120_000);

  test('a late contact for last month: last month’s counters, and the household continues into this month', async () => {
    const thisMonth = shanghaiMonth(new Date());
    const lastMonth = shiftMonth(thisMonth, -1);
    const at = `${lastMonth}-15T10:00:00+08:00`;
    const res = await contact(cadreA, 'h-a-000', { idempotencyKey: 'late-0001-abc', kind: 'phone', occasion: 'routine', contactedAt: at });
    expect(res.status).toBe(201);
    // The later (this month's) contact stays the last one.
    expect(res.body.household.lastContact?.occasion).toBe('must_visit');
    const prev = await coverage(supervisor, lastMonth);
    expect(row(prev.body, 'cadre', 'agent-a')).toMatchObject({ contacted: 1 });
    const cov = await coverage(supervisor);
    expect(row(cov.body, 'cadre', 'agent-a')).toMatchObject({ contacted: 81, overdue: 19 });
  });

  test('the demand from the visit, concluded, counts as resolved in the visit’s month, once', async () => {
    const step = async (token: string, body: Record<string, unknown>) => {
      const d = await call('GET', `/admin/demands/${demandId}`, { token: supervisor });
      const res = await call('POST', `/admin/demands/${demandId}/actions`, { token, body: { ...body, version: d.body.version } });
      expect(res.status).toBe(200);
      return res.body.version as number;
    };
    await step(supervisor, { action: 'dispatch', departmentId: 'civil-affairs' });
    await step(countyClerk, { action: 'sign' });
    const version = await step(countyClerk, { action: 'reply', text: '已联系镇养老服务中心，下周起每周上门两次', result: '已安排居家养老上门服务' });
    const before = await coverage(supervisor);
    expect(row(before.body, 'cadre', 'agent-a')).toMatchObject({ demandsResolved: 0 });
    // The grandmother (the household's account) says it is solved: the demand is concluded.
    const evaluated = await call('POST', `/demands/${demandId}/evaluation`, { token: zhang, body: { version, solved: true, satisfaction: 'satisfied' } });
    expect(evaluated.body).toMatchObject({ state: 'closed' });
    const cov = await coverage(supervisor);
    expect(row(cov.body, 'cadre', 'agent-a')).toMatchObject({ demandsRaised: 1, demandsResolved: 1 });
    expect(row(cov.body, 'county', COUNTY)).toMatchObject({ demandsResolved: 1 });
  }, 30_000);
});

describe('coverage: who sees what', () => {
  test('the supervisor sees every level, the cadres under coverage flagged', async () => {
    const res = await coverage(supervisor);
    expect(res.status).toBe(200);
    expect(res.body.rows.map((r: { level: string }) => r.level)).toEqual(['county', 'town', 'town', 'village', 'village', 'cadre', 'cadre', 'cadre']);
    expect(row(res.body, 'cadre', 'agent-b')!.flags).toEqual(['2户逾期未联系']);
    expect(row(res.body, 'town', TOWN)).toMatchObject({ name: '城关镇', townCode: TOWN });
  });

  test('a town’s desk sees its town; a cadre their own row; a county clerk nothing; a bad month 400', async () => {
    const desk = await coverage(townDesk);
    expect(desk.body.rows.map((r: { code: string }) => r.code).sort()).toEqual(['511999101', VILLAGE, 'agent-a', 'agent-b'].sort());
    const other = await coverage(otherDesk);
    expect(other.body.rows.map((r: { code: string }) => r.code).sort()).toEqual([OTHER_TOWN, OTHER_VILLAGE, 'agent-c'].sort());
    const own = await coverage(cadreC);
    expect(own.body.rows.map((r: { code: string }) => r.code)).toEqual(['agent-c']);
    expect((await coverage(countyClerk)).status).toBe(403);
    const bad = await coverage(supervisor, '2026-13');
    expect(bad.status).toBe(400);
    expect(bad.body.fields?.month).toBe('月份不存在');
    expect((await call('GET', '/admin/coverage')).status).toBe(401);
  });
});

describe('the resident: the last contact and the 未联系 report', () => {
  test('sees when the cadre last came', async () => {
    const res = await call('GET', '/me/household', { token: zhang });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ householdId: 'h-a-000', lastContact: { kind: 'visit', occasion: 'must_visit' }, reportedThisMonth: false });
    expect((await call('GET', '/me/household', { token: stranger })).body).toEqual({ householdId: null, lastContact: null, reportedThisMonth: false });
    expect((await call('GET', '/me/household')).status).toBe(401);
    expect((await call('GET', '/me/household', { token: supervisor })).status).toBe(403);
  });

  test('reports no contact once a month (409 on a repeat); the supervisor and the town see it, the cadre does not', async () => {
    const res = await call('POST', '/me/household/no-contact', { token: zhang });
    expect(res.status).toBe(201);
    expect(res.body.reportedThisMonth).toBe(true);
    const again = await call('POST', '/me/household/no-contact', { token: zhang });
    expect(again.status).toBe(409);
    expect(again.body.message).toBe('本月已反映过，督查人员会核实处理');
    expect((await call('POST', '/me/household/no-contact', { token: stranger })).status).toBe(404);
    const cov = await coverage(supervisor);
    expect(cov.body.noContactReports).toEqual([expect.objectContaining({ residentName: '张桂英', householdId: 'h-a-000', cadreName: '测试agent-a', regionName: '青龙村' })]);
    expect(row(cov.body, 'cadre', 'agent-a')).toMatchObject({ noContactReports: 1 });
    expect((row(cov.body, 'cadre', 'agent-a')!.flags as string[])).toContain('1条未联系反映');
    expect((await coverage(townDesk)).body.noContactReports).toHaveLength(1);
    expect((await coverage(otherDesk)).body.noContactReports).toHaveLength(0);
    expect((await coverage(cadreA)).body.noContactReports).toHaveLength(0);
  });
});
