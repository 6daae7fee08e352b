// The 包联 register kept by staff, through the in-process HTTP API on DynamoDB
// Local: adding a household, editing it (members, tags), moving it to another
// paired cadre, 迁出/注销 — who may do which, stale versions, a replayed add —
// and the coverage counts per scope changing exactly with each.
import { useTestTable } from '../support/table';
import { call } from '../support/api';
import { COUNTY, OTHER_TOWN, residentToken, seedReference, staffToken, TOWN, VILLAGE } from '../fixtures/world';

useTestTable();
const OTHER_VILLAGE = '511999102201';
const GROUP = `${VILLAGE}001`;
let cadreA: string, cadreB: string, townDesk: string, otherDesk: string, countyClerk: string, supervisor: string, wu: string;

beforeAll(async () => {
  await seedReference();
  const { putRegion } = await import('../../functions/store/reference');
  await putRegion({ code: OTHER_VILLAGE, name: '向阳村', level: 'village', parentCode: OTHER_TOWN });
  await putRegion({ code: GROUP, name: '一组', level: 'group', parentCode: VILLAGE });
  cadreA = await staffToken('agent-a', 'agent', null, VILLAGE);
  cadreB = await staffToken('agent-b', 'agent', null, VILLAGE);
  await staffToken('agent-c', 'agent', null, OTHER_VILLAGE);
  townDesk = await staffToken('clerk-town', 'clerk', null, TOWN);
  otherDesk = await staffToken('clerk-other', 'clerk', null, OTHER_TOWN);
  countyClerk = await staffToken('clerk-mz', 'clerk', 'civil-affairs', COUNTY);
  supervisor = await staffToken('xiaoneng', 'supervisor', null, COUNTY);
  wu = await residentToken('r-wu', { name: '吴秀兰', pairedCadreUsername: 'agent-a' });

  const { putRegister } = await import('../../functions/store/households');
  const { registerBase } = await import('../../functions/domain/households');
  const now = new Date().toISOString();
  const household = (id: string, cadre: string, village: string, residentIds: string[] = []) => ({
    id, headName: `户主${id}`, phone: null, regionCode: village, villageCode: village, townCode: village.slice(0, 9),
    members: [{ name: `户主${id}`, relation: '户主', age: 70, note: null }], tags: ['elderly'] as never[], cadreUsername: cadre, residentIds,
    lastContact: null, createdAt: now, version: 1,
  });
  const all = [household('h-a-1', 'agent-a', VILLAGE, ['r-wu']), household('h-a-2', 'agent-a', VILLAGE), household('h-a-3', 'agent-a', VILLAGE),
    household('h-b-1', 'agent-b', VILLAGE), household('h-c-1', 'agent-c', OTHER_VILLAGE)];
  const { putResidentWithOpenid, getResident } = await import('../../functions/store/people');
  await putResidentWithOpenid({ ...(await getResident('r-wu'))! });
  await putRegister(all, registerBase(all, COUNTY, (level, code) => (level === 'cadre' ? `干部${code}` : code)));
  const { key } = await import('../../functions/store/keys');
  const { db, tableName } = await import('../../functions/store/client');
  const { PutCommand } = await import('@aws-sdk/lib-dynamodb');
  await db().send(new PutCommand({ TableName: tableName(), Item: { ...key.householdOfResident('r-wu'), householdId: 'h-a-1' } }));
  // h-a-1 is contacted this month (before it moves).
  const contacted = await call('POST', '/admin/households/h-a-1/contacts', { token: cadreA, body: { idempotencyKey: 'reg-contact-001', kind: 'phone', occasion: 'routine' } });
  expect(contacted.status).toBe(201);
}, 60_000);

const input = (headName: string, extra: Record<string, unknown> = {}) => ({
  headName, regionCode: GROUP, tags: ['left_behind', 'elderly'],
  members: [{ name: headName, relation: '户主', age: 74, note: null }, { name: '李小花', relation: '孙女', age: 9, note: '留守儿童' }], ...extra,
});
const add = (token: string | undefined, body: Record<string, unknown>) => call('POST', '/admin/households', { token, body });
const put = (token: string | undefined, id: string, body: Record<string, unknown>) => call('PUT', `/admin/households/${id}`, { token, body });
const deactivate = (token: string | undefined, id: string, body: Record<string, unknown>) => call('POST', `/admin/households/${id}/deactivation`, { token, body });
const rowOf = async (level: string, code: string) =>
  (await call('GET', '/admin/coverage', { token: supervisor })).body.rows.find((r: { level: string; code: string }) => r.level === level && r.code === code) as Record<string, unknown>;
const figures = async (level: string, code: string) => {
  const r = await rowOf(level, code);
  return { households: r.households, contacted: r.contacted, overdue: r.overdue, mustVisit: r.mustVisitHouseholds };
};
const ids: Record<string, string> = {};

describe('adding a household', () => {
  test('a cadre to their own pairing; the town desk for a cadre of its town; the supervisor for anyone; a replay stored once', async () => {
    const own = await add(cadreA, { idempotencyKey: 'add-a-000001', ...input('李德全') });
    expect(own.status).toBe(201);
    expect(own.body).toMatchObject({ headName: '李德全', cadreUsername: 'agent-a', regionName: '青龙村一组', light: 'overdue', mustVisit: true, version: 1 });
    ids.a = own.body.id;
    // The answer was lost; the phone sends the same key again (twice at once): one household.
    const again = await Promise.all([add(cadreA, { idempotencyKey: 'add-a-000001', ...input('李德全') }), add(cadreA, { idempotencyKey: 'add-a-000001', ...input('李德全') })]);
    for (const r of again) expect([r.status, r.body.id]).toEqual([201, ids.a]);
    const byDesk = await add(townDesk, { idempotencyKey: 'add-b-000001', cadreUsername: 'agent-b', ...input('王大山', { tags: [] }) });
    expect(byDesk.status).toBe(201);
    ids.b = byDesk.body.id;
    const bySupervisor = await add(supervisor, { idempotencyKey: 'add-c-000001', cadreUsername: 'agent-c', ...input('周春生', { regionCode: OTHER_VILLAGE, tags: [] }) });
    expect(bySupervisor.status).toBe(201);
    const list = await call('GET', '/admin/households', { token: cadreA, query: { limit: '100' } });
    expect(list.body.households.map((h: { id: string }) => h.id).filter((id: string) => id === ids.a)).toHaveLength(1);
    expect(list.body.counts).toEqual({ done: 1, due: 0, overdue: 3 });
  });

  test('bad input 400 in Chinese; no login 401; another cadre’s pairing or another town 403; unknown cadre 404', async () => {
    const noHead = await add(cadreA, { idempotencyKey: 'add-bad-0001', ...input('') });
    expect(noHead.status).toBe(400);
    expect(noHead.body.fields?.headName).toBe('请填写户主姓名');
    const noMembers = await add(cadreA, { idempotencyKey: 'add-bad-0002', ...input('张三', { members: [] }) });
    expect(noMembers.body.message).toContain('至少填写一名家庭成员');
    const outside = await add(cadreA, { idempotencyKey: 'add-bad-0003', ...input('张三', { regionCode: OTHER_VILLAGE }) });
    expect([outside.status, outside.body.fields?.regionCode]).toEqual([400, '该村组不在包联干部的包联范围内']);
    expect((await add(undefined, { idempotencyKey: 'add-bad-0004', ...input('张三') })).status).toBe(401);
    expect((await add(cadreA, { idempotencyKey: 'add-bad-0005', cadreUsername: 'agent-b', ...input('张三') })).status).toBe(403);
    expect((await add(otherDesk, { idempotencyKey: 'add-bad-0006', cadreUsername: 'agent-a', ...input('张三') })).status).toBe(403);
    expect((await add(countyClerk, { idempotencyKey: 'add-bad-0007', cadreUsername: 'agent-a', ...input('张三') })).status).toBe(403);
    expect((await add(supervisor, { idempotencyKey: 'add-bad-0008', cadreUsername: 'agent-zz', ...input('张三') })).status).toBe(404);
  });
});

describe('editing and moving a household', () => {
  test('the cadre adds a member and a tag; a stale version is a 409; the page is told what it may change', async () => {
    const detail = await call('GET', `/admin/households/${ids.a}`, { token: cadreA });
    expect(detail.body.allowed).toEqual(['edit']);
    expect((await call('GET', `/admin/households/${ids.a}`, { token: townDesk })).body.allowed).toEqual(['edit', 'reassign', 'deactivate']);
    const members = [...detail.body.household.members, { name: '李建国', relation: '儿子', age: 45, note: '在浙江务工' }];
    const res = await put(cadreA, ids.a!, { ...input('李德全'), members, tags: ['left_behind', 'elderly', 'migrant_worker'], version: 1 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ version: 2, tags: ['left_behind', 'elderly', 'migrant_worker'] });
    expect(res.body.members).toHaveLength(3);
    const stale = await put(cadreA, ids.a!, { ...input('李德全'), version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.message).toMatch(/刷新/);
  });

  test('who may edit and move: 403 for another cadre, another town, the cadre moving; 409 to a cadre of another village; 400; 401; 404', async () => {
    const body = { ...input('户主h-a-2', { regionCode: VILLAGE }), version: 1 };
    expect((await put(cadreB, 'h-a-2', body)).status).toBe(403);
    expect((await put(otherDesk, 'h-a-2', body)).status).toBe(403);
    const moveSelf = await put(cadreA, 'h-a-2', { ...body, cadreUsername: 'agent-b' });
    expect([moveSelf.status, moveSelf.body.message]).toEqual([403, '改派包联干部由镇便民服务中心或督查办理']);
    const elsewhere = await put(townDesk, 'h-a-2', { ...body, cadreUsername: 'agent-c' });
    expect(elsewhere.status).toBe(409);
    expect(elsewhere.body.message).toMatch(/不是该村的包联干部/);
    expect((await put(townDesk, 'h-a-2', { ...body, cadreUsername: 'clerk-mz' })).status).toBe(409);
    const badAge = await put(cadreA, 'h-a-2', { ...body, members: [{ name: '张三', relation: '户主', age: 300, note: null }] });
    expect(badAge.status).toBe(400);
    expect(badAge.body.message).toContain('年龄应在 120 岁以内');
    expect((await put(undefined, 'h-a-2', body)).status).toBe(401);
    expect((await put(supervisor, 'h-zz-999', body)).status).toBe(404);
  });

  test('the town desk moves a household contacted this month to agent-b: it is done on her list, its resident follows', async () => {
    const res = await put(townDesk, 'h-a-1', { ...input('户主h-a-1', { regionCode: VILLAGE, tags: ['elderly'] }), cadreUsername: 'agent-b', version: 2 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ cadreUsername: 'agent-b', light: 'done', version: 3 });
    const b = await call('GET', '/admin/households', { token: cadreB, query: { limit: '100' } });
    expect(b.body.households.map((h: { id: string }) => h.id)).toContain('h-a-1');
    expect(b.body.counts).toEqual({ done: 1, due: 0, overdue: 2 });
    // Its contact this month went with it: agent-a's 4 are all overdue, agent-b has it as contacted.
    expect(await figures('cadre', 'agent-a')).toEqual({ households: 3, contacted: 0, overdue: 3, mustVisit: 1 });
    expect(await figures('cadre', 'agent-b')).toEqual({ households: 3, contacted: 1, overdue: 2, mustVisit: 0 });
    expect(await figures('county', COUNTY)).toEqual({ households: 8, contacted: 1, overdue: 7, mustVisit: 1 });
    const { getResident } = await import('../../functions/store/people');
    expect((await getResident('r-wu'))?.pairedCadreUsername).toBe('agent-b');
  });
});

describe('迁出/注销', () => {
  test('only the town desk or the supervisor, with a reason; off the list, no more contacts, the resident unlinked; twice is a 409', async () => {
    expect((await deactivate(cadreB, ids.b!, { version: 1, reason: 'moved_out' })).status).toBe(403);
    expect((await deactivate(otherDesk, ids.b!, { version: 1, reason: 'moved_out' })).status).toBe(403);
    const noReason = await deactivate(townDesk, ids.b!, { version: 1 });
    expect([noReason.status, noReason.body.fields?.reason]).toEqual([400, '请选择注销原因']);
    expect((await deactivate(undefined, ids.b!, { version: 1, reason: 'moved_out' })).status).toBe(401);
    const res = await deactivate(townDesk, ids.b!, { version: 1, reason: 'moved_out', note: '全家迁往县城居住' });
    expect(res.status).toBe(200);
    expect(res.body.deactivated).toMatchObject({ reason: 'moved_out', note: '全家迁往县城居住' });
    expect((await deactivate(townDesk, ids.b!, { version: 2, reason: 'moved_out' })).status).toBe(409);
    const contact = await call('POST', `/admin/households/${ids.b}/contacts`, { token: cadreB, body: { idempotencyKey: 'reg-contact-002', kind: 'visit', occasion: 'routine' } });
    expect(contact.status).toBe(409);
    const b = await call('GET', '/admin/households', { token: cadreB, query: { limit: '100' } });
    expect(b.body.households.map((h: { id: string }) => h.id)).toEqual(['h-a-1', 'h-b-1']);
    expect((await call('GET', `/admin/households/${ids.b}`, { token: supervisor })).body.allowed).toEqual([]);

    const withResident = await deactivate(supervisor, 'h-a-1', { version: 3, reason: 'moved_out' });
    expect(withResident.status).toBe(200);
    expect((await call('GET', '/me/household', { token: wu })).body.householdId).toBeNull();
  });
});

describe('coverage after the changes', () => {
  test('added 3, moved 1 (contacted this month), took off 2: each scope’s figures are exact', async () => {
    // agent-a: 3 seeded + 1 added − 1 moved = 3, none contacted. agent-b: 1 + 1 added + 1 moved − 2 taken off = 1.
    expect(await figures('cadre', 'agent-a')).toEqual({ households: 3, contacted: 0, overdue: 3, mustVisit: 1 });
    expect(await figures('cadre', 'agent-b')).toEqual({ households: 1, contacted: 0, overdue: 1, mustVisit: 0 });
    expect(await figures('cadre', 'agent-c')).toEqual({ households: 2, contacted: 0, overdue: 2, mustVisit: 0 });
    expect(await figures('village', VILLAGE)).toEqual({ households: 4, contacted: 0, overdue: 4, mustVisit: 1 });
    expect(await figures('town', TOWN)).toEqual({ households: 4, contacted: 0, overdue: 4, mustVisit: 1 });
    expect(await figures('town', OTHER_TOWN)).toEqual({ households: 2, contacted: 0, overdue: 2, mustVisit: 0 });
    expect(await figures('county', COUNTY)).toEqual({ households: 6, contacted: 0, overdue: 6, mustVisit: 1 });
    expect((await rowOf('cadre', 'agent-a')).contacts).toBeUndefined();
  });
});
