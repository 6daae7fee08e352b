// Service-commitment cards through the in-process HTTP API on DynamoDB Local:
// a cadre and a department head post cards, write weekly progress and mark
// commitments done with photos; the village's public page (no login) shows
// them; residents of the village rate a finished commitment once; who may see
// and change what; bad input, stale versions and illegal steps.
import { useTestTable } from '../support/table';
import { call } from '../support/api';
import { OTHER_TOWN, residentToken, seedReference, staffToken, TOWN, VILLAGE } from '../fixtures/world';
import { putRegion } from '../../functions/store/reference';
import { createCard, type CardRecord } from '../../functions/store/commitments';

useTestTable();
// Six staff accounts hash a password each (scrypt): slow on a loaded machine.
jest.setTimeout(60_000);
const OTHER_VILLAGE = '511999101202';
let yang: string, xu: string, headMz: string, headRs: string, supervisor: string, clerk: string;
let zhang: string, fromHere: string, neighbour: string;

beforeAll(async () => {
  await seedReference();
  await putRegion({ code: OTHER_VILLAGE, name: '白马村', level: 'village', parentCode: TOWN });
  yang = await staffToken('agent-yang', 'agent', null, VILLAGE);
  xu = await staffToken('agent-xu', 'agent', null, OTHER_VILLAGE);
  headMz = await staffToken('head-mz', 'dept_head', 'civil-affairs');
  headRs = await staffToken('head-rs', 'dept_head', 'public-security');
  supervisor = await staffToken('xiaoneng', 'supervisor', null);
  clerk = await staffToken('clerk-mz', 'clerk', 'civil-affairs');
  zhang = await residentToken('r-zhang', { currentRegionCode: `${VILLAGE}001` });
  fromHere = await residentToken('r-wang', { currentRegionCode: null, hometownRegionCode: `${VILLAGE}002` });
  neighbour = await residentToken('r-bai', { currentRegionCode: `${OTHER_VILLAGE}001` });
});

const commitment = (problem: string, regionCode = VILLAGE, workingDays = 20) => ({ problem, owner: '杨德明', target: '年底前完成，群众满意', workingDays, regionCode });
const cardBody = (key: string, over: Record<string, unknown> = {}) => ({
  title: '青龙村冬季服务承诺',
  idempotencyKey: key,
  commitments: [commitment('三组入户路硬化'), commitment('五保户冬季取暖'), commitment('白马村灌溉渠清淤', OTHER_VILLAGE)],
  ...over,
});
const post = (token: string | undefined, body: unknown) => call('POST', '/admin/commitments', { token, body });
const progress = (token: string, id: string, body: Record<string, unknown>) => call('POST', `/admin/commitments/${id}/progress`, { token, body });
const done = (token: string, id: string, body: Record<string, unknown>) => call('POST', `/admin/commitments/${id}/done`, { token, body });
const rate = (token: string | undefined, id: string, n: number, body: Record<string, unknown>) => call('POST', `/commitments/${id}/items/${n}/ratings`, { token, body });

async function uploadPhoto(token: string, path: '/uploads' | '/admin/uploads'): Promise<string> {
  const bytes = Buffer.from('photo of a finished road');
  const ticket = await call('POST', path, { token, body: { contentType: 'image/jpeg', bytes: bytes.length, purpose: 'demand_photo' } });
  expect(ticket.status).toBe(201);
  expect((await fetch(ticket.body.url, { method: 'PUT', headers: ticket.body.headers, body: new Uint8Array(bytes) })).status).toBe(200);
  return ticket.body.key;
}

describe('a cadre’s card, from posting to rating', () => {
  let id: string;
  let version: number;

  test('posting: 3 commitments with deadlines on the calendar; the same key again is the same card', async () => {
    const res = await post(yang, cardBody('card-yang-0001'));
    expect(res.status).toBe(201);
    const card = res.body;
    ({ id, version } = card);
    expect(card).toMatchObject({ title: '青龙村冬季服务承诺', owner: { kind: 'cadre', name: '测试agent' }, author: { username: 'agent-yang' }, editable: true, version: 1 });
    expect(card.commitments.map((c) => [c.n, c.regionName, c.light])).toEqual([[1, '青龙村', 'on_track'], [2, '青龙村', 'on_track'], [3, '白马村', 'on_track']]);
    // A deadline is a working day, or pending when next year's calendar is not published yet.
    expect(card.commitments[0]!.dueOn === null ? card.commitments[0]!.dueOnPending : card.commitments[0]!.dueOn > card.postedOn).toBe(true);
    const again = await post(yang, cardBody('card-yang-0001', { title: '重复提交' }));
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(id);
    expect(again.body.title).toBe('青龙村冬季服务承诺');
  });

  test('bad input is a 400 in Chinese', async () => {
    const two = await post(yang, cardBody('card-yang-0002', { commitments: [commitment('a1'), commitment('b2')] }));
    expect(two.status).toBe(400);
    expect(two.body.message).toContain('每张承诺卡应有3至5项承诺');
    const county = await post(yang, cardBody('card-yang-0003', { commitments: [commitment('修路'), commitment('清淤'), commitment('路灯', '511999')] }));
    expect(county.status).toBe(400);
    expect(county.body.fields).toEqual({ 'commitments.2.regionCode': '第3项承诺应选择一个村（社区）或镇' });
    const missing = await post(yang, cardBody('card-yang-0004', { commitments: [commitment('修路'), commitment('清淤'), commitment('路灯', '511999101299')] }));
    expect(missing.body.message).toBe('第3项承诺的村（社区）或镇不存在');
    const days = await post(yang, cardBody('card-yang-0005', { commitments: [commitment('修路', VILLAGE, 0), commitment('清淤'), commitment('路灯')] }));
    expect(days.status).toBe(400);
    expect(days.body.message).toMatch(/[\u4e00-\u9fa5]/);
    expect((await progress(yang, id, { n: 1, text: ' ', version })).status).toBe(400);
    expect((await call('GET', '/admin/commitments/not-a-card', { token: yang })).status).toBe(400);
  });

  test('no login is a 401; a clerk or the supervisor may not post (403)', async () => {
    expect((await post(undefined, cardBody('card-none-0001'))).status).toBe(401);
    expect((await post(clerk, cardBody('card-clerk-001'))).status).toBe(403);
    expect((await post(supervisor, cardBody('card-super-001'))).status).toBe(403);
    expect((await call('GET', '/admin/commitments')).status).toBe(401);
  });

  test('weekly progress: the owner writes it, a stale version is a 409, someone else’s card is refused', async () => {
    const res = await progress(yang, id, { n: 1, text: '已完成路基平整，下周浇筑', version });
    expect(res.status).toBe(200);
    expect(res.body.version).toBe(version + 1);
    expect(res.body.commitments[0]!.progress).toEqual([expect.objectContaining({ text: '已完成路基平整，下周浇筑', by: '测试agent' })]);
    expect((await progress(yang, id, { n: 2, text: '已摸排五保户6户', version })).status).toBe(409);
    version = res.body.version;
    expect((await progress(xu, id, { n: 1, text: '不是我的卡', version })).status).toBe(403);
    expect((await progress(headMz, id, { n: 1, text: '不是本部门的卡', version })).status).toBe(403);
    expect((await progress(supervisor, id, { n: 1, text: '督查只看', version })).status).toBe(403);
    expect((await progress(yang, id, { n: 5, text: '没有第五项', version })).status).toBe(404);
  });

  test('done with a result and the cadre’s own photo; a resident’s photo is refused; then nothing more on it', async () => {
    const residentsPhoto = await uploadPhoto(zhang, '/uploads');
    expect((await done(yang, id, { n: 1, result: '入户路已硬化', photos: [residentsPhoto], version })).status).toBe(400);
    const photo = await uploadPhoto(yang, '/admin/uploads');
    const res = await done(yang, id, { n: 1, result: '入户路已硬化，全长320米', photos: [photo], version });
    expect(res.status).toBe(200);
    version = res.body.version;
    const c = res.body.commitments[0];
    expect(c).toMatchObject({ light: 'done', result: { text: '入户路已硬化，全长320米', late: false } });
    expect(c!.result!.photos).toHaveLength(1);
    expect(c!.result!.photos[0]!.key).toMatch(new RegExp(`^commitments/${id}/`));
    expect((await progress(yang, id, { n: 1, text: '再补一句', version })).status).toBe(409);
    expect((await done(yang, id, { n: 1, result: '再办结一次', version })).status).toBe(409);
  });

  test('the village’s public page (no login) shows the card, its progress and result; the other village sees only its own commitment', async () => {
    const page = await call('GET', '/commitments', { query: { regionCode: VILLAGE } });
    expect(page.status).toBe(200);
    expect(page.body.region).toEqual({ code: VILLAGE, name: '青龙村', level: 'village' });
    const card = page.body.cards.find((c) => c.id === id);
    expect(card!.author).toBeNull();
    expect(card!.editable).toBe(false);
    expect(card!.commitments.map((c) => c.n)).toEqual([1, 2]);
    expect(card!.commitments[0]!.light).toBe('done');
    expect(card!.commitments[0]!.progress[0]!.text).toBe('已完成路基平整，下周浇筑');
    const other = await call('GET', '/commitments', { query: { regionCode: OTHER_VILLAGE } });
    expect(other.body.cards.find((c) => c.id === id)!.commitments.map((c) => c.problem)).toEqual(['白马村灌溉渠清淤']);
    const town = await call('GET', '/commitments', { query: { regionCode: TOWN } });
    expect(town.body.cards.find((c) => c.id === id)!.commitments).toHaveLength(3);
    expect((await call('GET', '/commitments', { query: { regionCode: OTHER_TOWN } })).body.cards).toEqual([]);
    expect((await call('GET', '/commitments', { query: { regionCode: '511999' } })).status).toBe(400);
    expect((await call('GET', '/commitments', { query: { regionCode: 'abc' } })).status).toBe(400);
    expect((await call('GET', '/commitments', {})).status).toBe(400);
  });

  test('residents of the village rate a finished commitment once; a retry is the same rating; others are refused', async () => {
    expect((await rate(undefined, id, 1, { level: 5, idempotencyKey: 'rate-zhang-01' })).status).toBe(401);
    expect((await rate(zhang, id, 1, { level: 6, idempotencyKey: 'rate-zhang-01' })).status).toBe(400);
    expect((await rate(neighbour, id, 1, { level: 5, idempotencyKey: 'rate-bai-001' })).status).toBe(403);
    expect((await rate(zhang, id, 2, { level: 5, idempotencyKey: 'rate-zhang-02' })).status).toBe(409); // not done yet
    expect((await rate(zhang, '20260101T000000-abcdef', 1, { level: 5, idempotencyKey: 'rate-zhang-03' })).status).toBe(404);
    const first = await rate(zhang, id, 1, { level: 5, idempotencyKey: 'rate-zhang-01' });
    expect(first.status).toBe(201);
    const retry = await rate(zhang, id, 1, { level: 5, idempotencyKey: 'rate-zhang-01' });
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    const twice = await rate(zhang, id, 1, { level: 1, idempotencyKey: 'rate-zhang-04' });
    expect(twice.status).toBe(409);
    expect(twice.body.message).toBe('您已评价过这项承诺');
    expect((await rate(fromHere, id, 1, { level: 3, idempotencyKey: 'rate-wang-001' })).status).toBe(201);
    const page = await call('GET', '/commitments', { query: { regionCode: VILLAGE } });
    expect(page.body.cards.find((c) => c.id === id)!.commitments[0]!.ratings).toMatchObject({ total: 2, levels: [0, 0, 1, 0, 1], satisfactionRate: 1 });
  });
});

describe('a department’s card and the lists', () => {
  let deptId: string;

  test('a department head posts for the department; another department’s head may not change it', async () => {
    const res = await post(headMz, cardBody('card-dept-0001', { title: '县民政局承诺', commitments: [commitment('低保复核'), commitment('临时救助'), commitment('养老服务', TOWN)] }));
    expect(res.status).toBe(201);
    deptId = res.body.id;
    expect(res.body.owner).toEqual({ kind: 'department', name: '县民政局', departmentId: 'civil-affairs' });
    expect((await progress(headRs, deptId, { n: 1, text: '不是本部门', version: 1 })).status).toBe(403);
    expect((await progress(headMz, deptId, { n: 1, text: '已复核12户', version: 1 })).status).toBe(200);
  });

  test('my cards: a cadre their own, a head their department’s; the supervisor all; someone else’s card is a 404', async () => {
    const mine = async (token: string, query: Record<string, string> = {}) => (await call('GET', '/admin/commitments', { token, query })).body.items.map((c) => c.title);
    expect(await mine(yang)).toEqual(['青龙村冬季服务承诺']);
    expect(await mine(xu)).toEqual([]);
    expect(await mine(headMz)).toEqual(['县民政局承诺']);
    // Both cards may be posted within the same millisecond: which is newer is not what this checks.
    expect((await mine(supervisor)).sort()).toEqual(['县民政局承诺', '青龙村冬季服务承诺'].sort());
    expect((await call('GET', '/admin/commitments', { token: yang, query: { view: 'all' } })).status).toBe(403);
    expect((await call('GET', '/admin/commitments', { token: yang, query: { view: 'everything' } })).status).toBe(400);
    expect((await call('GET', `/admin/commitments/${deptId}`, { token: yang })).status).toBe(404);
    const seen = await call('GET', `/admin/commitments/${deptId}`, { token: supervisor });
    expect(seen.status).toBe(200);
    expect(seen.body.editable).toBe(false);
    const page = await call('GET', '/admin/commitments', { token: supervisor, query: { limit: '1' } });
    expect(page.body.items).toHaveLength(1);
    const next = await call('GET', '/admin/commitments', { token: supervisor, query: { limit: '1', cursor: page.body.nextCursor! } });
    // Two pages of one: each card once, whichever came first.
    expect([...page.body.items, ...next.body.items].map((c) => c.title).sort()).toEqual(['县民政局承诺', '青龙村冬季服务承诺'].sort());
    expect(next.body.nextCursor).toBeNull();
  });
});

describe('overdue and 待更新 on the page and the supervisor’s count', () => {
  test('a card posted in September with a 10-working-day commitment is overdue; another with no progress for a week shows 待更新', async () => {
    const old: CardRecord = {
      id: '20260925T020000-a1d0fd', title: '秋季承诺', owner: { kind: 'cadre', name: '杨德明', username: 'agent-yang', departmentId: null },
      author: { username: 'agent-yang', name: '杨德明' }, postedAt: '2026-09-25T02:00:00.000Z', postedOn: '2026-09-25', version: 1, updatedAt: '2026-09-25T02:00:00.000Z',
      commitments: [1, 2, 3].map((n) => ({
        n, problem: `问题${n}`, owner: '杨德明', target: '完成', workingDays: n === 1 ? 10 : 200, regionCode: VILLAGE, regionName: '青龙村',
        dueOn: n === 1 ? '2026-10-15' : '2027-07-30', status: 'open' as const, progress: [], result: null,
      })),
    };
    expect((await createCard(old, 'seed-old-card-1')).outcome).toBe('created');
    const page = await call('GET', '/commitments', { query: { regionCode: VILLAGE } });
    const card = page.body.cards.find((c) => c.id === old.id);
    expect(card!.commitments.map((c) => c.light)).toEqual(['overdue', 'stale', 'stale']);
    const home = await call('GET', '/admin/home', { token: supervisor });
    expect(home.body.counts.commitmentsOverdue).toBe(1);
  });
});
