// Demands through the in-process HTTP API on DynamoDB Local: the whole
// journey of an anonymous complaint, who sees what, bad input, stale and
// illegal steps, the knowledge base and the limits.
import { useTestTable } from '../support/table';
import { call } from '../support/api';
import { residentToken, seedReference, staffToken, VILLAGE } from '../fixtures/world';

useTestTable();
let zhang: string, li: string, clerkMz: string, clerkGa: string, clerkZj: string, headMz: string, supervisor: string, admin: string;

beforeAll(async () => {
  await seedReference();
  const { putDepartment } = await import('../../functions/store/reference');
  await putDepartment({ id: 'housing', name: '县住房和城乡建设局', phone: '0817-7222109' });
  clerkMz = await staffToken('clerk-mz', 'clerk', 'civil-affairs');
  clerkGa = await staffToken('clerk-ga', 'clerk', 'public-security');
  clerkZj = await staffToken('clerk-zj', 'clerk', 'housing');
  headMz = await staffToken('head-mz', 'dept_head', 'civil-affairs');
  supervisor = await staffToken('xiaoneng', 'supervisor', null);
  admin = await staffToken('admin', 'admin', null);
  zhang = await residentToken('r-zhang', { name: '张桂英', phone: '13800000000' });
  li = await residentToken('r-li', { name: '李明', phone: '13912345678' });
});

async function uploadPhoto(token: string, path: '/uploads' | '/admin/uploads' = '/uploads'): Promise<string> {
  const bytes = Buffer.from('photo of a broken road');
  const ticket = await call('POST', path, { token, body: { contentType: 'image/jpeg', bytes: bytes.length, purpose: 'demand_photo' } });
  expect(ticket.status).toBe(201);
  const put = await fetch(ticket.body.url, { method: 'PUT', headers: ticket.body.headers, body: new Uint8Array(bytes) });
  expect(put.status).toBe(200);
  return ticket.body.key;
}

const file = (token: string, key: string, body: Record<string, unknown> = {}) =>
  call('POST', '/demands', {
    token,
    body: { idempotencyKey: key, type: 'complaint', domain: 'civil_affairs', text: '低保金连续两个月没有到账，村里说不清楚原因', place: { regionCode: VILLAGE }, anonymous: false, ...body },
  });
const act = (token: string, id: string, body: Record<string, unknown>) => call('POST', `/admin/demands/${id}/actions`, { token, body });
const staffView = (token: string, id: string) => call('GET', `/admin/demands/${id}`, { token });

describe('the journey of an anonymous complaint', () => {
  let id: string;
  const version = async (token = supervisor) => (await staffView(token, id)).body.version as number;

  test('a resident files with a photo, anonymously to the department; a retry files once', async () => {
    const photo = await uploadPhoto(zhang);
    const res = await file(zhang, 'journey-0001', { anonymous: true, photos: [photo] });
    expect(res.status).toBe(201);
    id = res.body.id;
    expect(res.body).toMatchObject({ state: 'received', type: 'complaint', channel: 'miniprogram', grade: 'B', anonymous: true, reporter: { name: '张桂英' } });
    expect(res.body.number).toMatch(/^\d{8}-[A-Z2-9]{5}$/);
    expect(res.body.photos[0]!.key).toBe(`demands/${id}/${photo.split('/').pop()}`);
    expect(res.body.place.regionName).toBe('青龙村');
    const again = await file(zhang, 'journey-0001', { anonymous: true, photos: [photo] });
    expect(again.body.id).toBe(id);
    expect((await call('GET', '/demands', { token: zhang })).body.demands).toHaveLength(1);
  });

  test('the first taker dispatches it (the suggestion is 民政) — to the wrong department', async () => {
    const d = await staffView(clerkGa, id);
    expect(d.status).toBe(200);
    expect(d.body.suggestedDepartment).toEqual({ id: 'civil-affairs', name: '县民政局' });
    // Anonymous: staff other than the supervisor never see who filed it.
    expect(d.body.reporter).toBeNull();
    expect(JSON.stringify(d.body)).not.toContain('张桂英');
    const res = await act(clerkGa, id, { action: 'dispatch', version: d.body.version, departmentId: 'public-security' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ state: 'dispatched', department: { id: 'public-security', name: '县公安局' }, clock: { limitDays: 10, light: 'green' } });
    expect(res.body.clock.startedAt).toBeTruthy();
  });

  test('the wrong department returns it with a reason (once); it lands on the supervisor’s returns list', async () => {
    const noReason = await act(clerkGa, id, { action: 'return', version: await version() });
    expect(noReason.status).toBe(400);
    expect(noReason.body.message).toBe('请说明退单理由');
    const res = await act(clerkGa, id, { action: 'return', version: await version(), text: '低保属民政部门职责' });
    expect(res.status).toBe(200);
    expect(res.body.state).toBe('returned');
    const returns = await call('GET', '/admin/demands', { token: supervisor, query: { view: 'returns' } });
    expect(returns.body.demands.map((d) => d.id)).toEqual([id]);
    expect(returns.body.demands[0]!.allowedActions).toEqual(['route']);
    expect((await call('GET', '/admin/demands', { token: clerkGa, query: { view: 'returns' } })).status).toBe(403);
  });

  test('the supervisor routes it (binding); the department cannot return it again', async () => {
    const startedAt = (await staffView(supervisor, id)).body.clock.startedAt;
    expect((await act(clerkMz, id, { action: 'route', version: await version(), departmentId: 'civil-affairs' })).status).toBe(403);
    const res = await act(supervisor, id, { action: 'route', version: await version(), departmentId: 'civil-affairs' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ state: 'dispatched', department: { id: 'civil-affairs' } });
    // The clock does not restart: it runs from the first dispatch.
    expect(res.body.clock.startedAt).toBe(startedAt);
    const back = await act(clerkMz, id, { action: 'return', version: res.body.version, text: '不归我们管' });
    expect(back.status).toBe(409);
    expect(back.body.message).toBe('督查已改派，该派单为终审，不能再退单');
  });

  test('the department queue shows it without the reporter; the supervisor sees who it is', async () => {
    const queue = await call('GET', '/admin/demands', { token: clerkMz });
    expect(queue.status).toBe(200);
    const row = queue.body.demands.find((d) => d.id === id);
    expect(row!.reporter).toBeNull();
    expect(row!.allowedActions).toEqual(['sign', 'merge']);
    expect((await staffView(supervisor, id)).body.reporter).toEqual({ name: '张桂英', phone: '13800000000' });
    // Another department's queue is not theirs; a department outside it cannot open it.
    expect((await call('GET', '/admin/demands', { token: clerkMz, query: { view: 'queue', departmentId: 'housing' } })).status).toBe(403);
    expect((await staffView(clerkZj, id)).status).toBe(403);
  });

  test('sign naming the first handler; ask the resident for information (the clock pauses); the resident answers', async () => {
    const signed = await act(clerkMz, id, { action: 'sign', version: await version(), handlerUsername: 'head-mz' });
    expect(signed.status).toBe(200);
    expect(signed.body).toMatchObject({ state: 'signed', handler: { name: '测试dept_head', phone: '13900000001' } });
    expect(signed.body.clock.signedInTime).toBe(true);
    const asked = await act(headMz, id, { action: 'request_info', version: signed.body.version, text: '请提供银行卡流水截图' });
    expect(asked.body).toMatchObject({ state: 'awaiting_resident', clock: { light: 'paused' } });
    const mine = await call('GET', `/demands/${id}`, { token: zhang });
    expect(mine.body.allowedActions).toEqual(['provide_info']);
    expect(mine.body.handler).toEqual({ name: '测试dept_head', phone: '13900000001' });
    const empty = await call('POST', `/demands/${id}/info`, { token: zhang, body: { version: mine.body.version, text: '' } });
    expect(empty.status).toBe(400);
    const answered = await call('POST', `/demands/${id}/info`, { token: zhang, body: { version: mine.body.version, text: '流水显示三月、四月未到账' } });
    expect(answered.status).toBe(200);
    expect(answered.body.state).toBe('signed');
  });

  test('reply needs a result; the resident says not solved → redo at half the limit; the redo is replied; satisfied → closed', async () => {
    const noResult = await act(headMz, id, { action: 'reply', version: await version(), text: '已核实' });
    expect(noResult.status).toBe(400);
    expect(noResult.body.fields!.result).toBe('办结须填写办理结果');
    const replied = await act(headMz, id, { action: 'reply', version: await version(), text: '已核实，系银行卡冻结', result: '已协调银行解冻' });
    expect(replied.body).toMatchObject({ state: 'replied', clock: { light: 'done', repliedInTime: true } });
    let mine = await call('GET', `/demands/${id}`, { token: zhang });
    expect(mine.body.allowedActions).toEqual(['evaluate']);
    expect(mine.body.reply).toMatchObject({ text: '已核实，系银行卡冻结', result: '已协调银行解冻' });
    const redo = await call('POST', `/demands/${id}/evaluation`, { token: zhang, body: { version: mine.body.version, solved: false, satisfaction: 'basic', comment: '钱还没到' } });
    expect(redo.status).toBe(200);
    expect(redo.body).toMatchObject({ state: 'signed', redone: true, clock: { limitDays: 5 } });
    const again = await act(headMz, id, { action: 'reply', version: redo.body.version, text: '两个月低保金已补发', result: '已补发到账' });
    expect(again.status).toBe(200);
    mine = await call('GET', `/demands/${id}`, { token: zhang });
    const done = await call('POST', `/demands/${id}/evaluation`, { token: zhang, body: { version: mine.body.version, solved: true, satisfaction: 'satisfied' } });
    expect(done.body).toMatchObject({ state: 'closed', allowedActions: ['reopen'] });
    expect(done.body.evaluations.map((e) => [e.solved, e.satisfaction, e.final])).toEqual([[false, 'basic', false], [true, 'satisfied', true]]);
  });

  test('the timeline shows every step, who and in which role', async () => {
    const mine = await call('GET', `/demands/${id}`, { token: zhang });
    expect(mine.body.events.map((e) => e.action)).toEqual([
      'file', 'dispatch', 'return', 'route', 'sign', 'request_info', 'provide_info', 'reply', 'evaluate', 'reply', 'evaluate',
    ]);
    expect(mine.body.events.map((e) => e.to)).toEqual([
      'received', 'dispatched', 'returned', 'dispatched', 'signed', 'awaiting_resident', 'signed', 'replied', 'signed', 'replied', 'closed',
    ]);
    expect(mine.body.events[2]).toMatchObject({ role: '窗口人员', note: '县公安局退单：低保属民政部门职责' });
    expect(mine.body.events[3]).toMatchObject({ role: '督查人员', note: '督查改派（终审）至县民政局' });
  });

  test('the reporter is told in the inbox when it is signed, asked for information and replied — once per step', async () => {
    const inbox = await call('GET', '/inbox', { token: zhang, query: { limit: '50' } });
    expect(inbox.status).toBe(200);
    const demandMessages = inbox.body.items.filter((m) => m.kind === 'demand' && m.page === `packages/demand/detail?id=${id}`);
    expect(demandMessages.map((m) => m.title).sort()).toEqual(['诉求已签收', '诉求已答复', '诉求已答复', '诉求请补充'].sort());
    expect(demandMessages.find((m) => m.title === '诉求请补充')!.body).toContain('银行卡流水');
    expect(demandMessages.every((m) => m.read === false)).toBe(true);
  });

  test('another resident’s demand is a 404; without login 401', async () => {
    expect((await call('GET', `/demands/${id}`, { token: li })).status).toBe(404);
    expect((await call('GET', `/demands/${id}`)).status).toBe(401);
    expect((await call('GET', '/admin/demands')).status).toBe(401);
    // A resident token on a staff route.
    expect((await call('GET', '/admin/demands', { token: zhang })).status).toBe(403);
  });

  test('reopen within 14 days', async () => {
    const mine = await call('GET', `/demands/${id}`, { token: zhang });
    const res = await call('POST', `/demands/${id}/reopen`, { token: zhang, body: { version: mine.body.version, reason: '又停发了' } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ state: 'signed', reopened: 1, clock: { limitDays: 10 } });
  });
});

describe('bad input, stale and illegal steps', () => {
  test('400 with the message in Chinese', async () => {
    const short = await file(zhang, 'bad-input-01', { text: '路坏' });
    expect(short.status).toBe(400);
    expect(short.body.message).toMatch('至少5个字');
    expect((await file(zhang, 'bad-input-02', { type: 'praise' })).body.message).toMatch('请选择诉求类型');
    const elsewhere = await file(zhang, 'bad-input-03', { place: { regionCode: '110101' } });
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body.message).toBe('所选地点不在本县');
    const foreign = await file(zhang, 'bad-input-04', { photos: [await uploadPhoto(li)] });
    expect(foreign.body.fields!.photos).toBe('只能提交本人上传的图片');
    const tooMany = await file(zhang, 'bad-input-05', { photos: Array(7).fill('tmp/r-zhang/0f8b1c2d-1111-4222-8333-944445555666.jpg') });
    expect(tooMany.body.message).toMatch('最多上传6张图片');
  });

  test('two staff sign one demand at once: exactly one wins, the other gets 409', async () => {
    const d = (await file(li, 'race-sign-01')).body;
    const dispatched = await act(supervisor, d.id, { action: 'dispatch', version: d.version, departmentId: 'civil-affairs' });
    const results = await Promise.all([clerkMz, headMz].map((t) => act(t, d.id, { action: 'sign', version: dispatched.body.version })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const stale = await act(clerkMz, d.id, { action: 'contact', version: dispatched.body.version, note: '已电话联系' });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('VERSION_CONFLICT');
    const signedTwice = await act(clerkMz, d.id, { action: 'sign', version: dispatched.body.version + 1 });
    expect(signedTwice.status).toBe(409);
    expect(signedTwice.body.message).toBe('当前状态（办理中）不能执行此操作');
    // One extension, asked before the deadline, decided by the supervisor.
    const v = dispatched.body.version + 1;
    const asked = await act(clerkMz, d.id, { action: 'request_extension', version: v, extensionDays: 5, text: '需要银行出具证明' });
    expect(asked.body.extension).toMatchObject({ days: 5, status: 'requested' });
    expect((await call('GET', '/admin/demands', { token: supervisor, query: { view: 'extensions' } })).body.demands.map((x) => x.id)).toContain(d.id);
    expect((await act(clerkMz, d.id, { action: 'decide_extension', version: v + 1, approve: true })).status).toBe(403);
    const approved = await act(supervisor, d.id, { action: 'decide_extension', version: v + 1, approve: true });
    expect(approved.body).toMatchObject({ extension: { status: 'approved' }, clock: { limitDays: 15 } });
    const second = await act(clerkMz, d.id, { action: 'request_extension', version: v + 2, extensionDays: 2, text: '还要再等' });
    expect(second.body.message).toBe('每件诉求只能申请一次延期');
  });

  test('only a 咨询 is answered on the spot, by any first taker', async () => {
    const c = (await file(li, 'consult-001', { type: 'consult', text: '新农合每年什么时候开始缴费？' })).body;
    const wrong = (await file(li, 'consult-002')).body;
    expect((await act(clerkZj, wrong.id, { action: 'answer', version: wrong.version, text: '不适用' })).body.message).toBe('只有咨询类诉求可以当场答复');
    const res = await act(clerkZj, c.id, { action: 'answer', version: c.version, text: '每年9月至12月集中缴费' });
    expect(res.body).toMatchObject({ state: 'closed', reply: { text: '每年9月至12月集中缴费' } });
  });
});

describe('merge, knowledge, limits', () => {
  test('a duplicate in the same village is a merge candidate; merged, its reporter follows the parent and evaluates its reply', async () => {
    const parent = (await file(zhang, 'merge-parent-1', { domain: 'roads', text: '青龙村村道塌方，车辆无法通行' })).body;
    const child = (await file(li, 'merge-child-01', { domain: 'roads', text: '村口道路塌了一大块，很危险' })).body;
    const view = await staffView(clerkZj, child.id);
    expect(view.body.mergeCandidates.map((c) => c.id)).toContain(parent.id);
    expect(view.body.suggestedDepartment!.id).toBe('housing');
    const merged = await act(clerkZj, child.id, { action: 'merge', version: child.version, parentId: parent.id });
    expect(merged.status).toBe(200);
    expect(merged.body).toMatchObject({ state: 'merged', parentId: parent.id });
    let p = (await act(clerkZj, parent.id, { action: 'dispatch', version: (await staffView(clerkZj, parent.id)).body.version, departmentId: 'housing' })).body;
    p = (await act(clerkZj, parent.id, { action: 'sign', version: p.version })).body;
    p = (await act(clerkZj, parent.id, { action: 'reply', version: p.version, text: '已抢修', result: '道路已恢复通行' })).body;
    const mine = await call('GET', `/demands/${child.id}`, { token: li });
    expect(mine.body.parent).toMatchObject({ id: parent.id, state: 'replied', reply: { result: '道路已恢复通行' } });
    expect(mine.body.allowedActions).toEqual(['evaluate']);
    const evaluated = await call('POST', `/demands/${child.id}/evaluation`, { token: li, body: { version: mine.body.version, solved: true, satisfaction: 'satisfied' } });
    expect(evaluated.body.state).toBe('closed');
    // The parent's timeline records the merge.
    expect((await staffView(clerkZj, parent.id)).body.events.map((e) => e.action)).toContain('merged_in');
  });

  test('a reply published to the knowledge base answers the next 咨询 on the spot', async () => {
    const c = (await file(li, 'kb-consult-1', { type: 'consult', text: '高龄补贴需要每年认证吗？' })).body;
    await act(clerkZj, c.id, { action: 'answer', version: c.version, text: '每年6月在村便民服务站认证一次' });
    expect((await call('POST', `/admin/demands/${c.id}/knowledge`, { token: clerkZj, body: { question: '高龄补贴要认证吗', answer: '每年6月认证' } })).status).toBe(403);
    const kb = await call('POST', `/admin/demands/${c.id}/knowledge`, { token: supervisor, body: { question: '高龄补贴需要每年认证吗？', answer: '每年6月在村便民服务站认证一次' } });
    expect(kb.status).toBe(201);
    const found = await call('GET', '/knowledge', { query: { q: '高龄补贴' } });
    expect(found.body.answers.map((a) => a.id)).toEqual([kb.body.id]);
    const closed = await call('POST', '/demands/consult-answered', {
      token: zhang, body: { idempotencyKey: 'kb-answered-1', domain: 'civil_affairs', question: '高龄补贴要认证吗', answeredBy: { kind: 'knowledge', id: kb.body.id } },
    });
    expect(closed.status).toBe(201);
    expect(closed.body).toMatchObject({ state: 'closed', type: 'consult', reply: { text: '每年6月在村便民服务站认证一次' } });
    const unknown = await call('POST', '/demands/consult-answered', {
      token: zhang, body: { idempotencyKey: 'kb-answered-2', domain: 'civil_affairs', question: '问题', answeredBy: { kind: 'knowledge', id: 'qa-none' } },
    });
    expect(unknown.status).toBe(404);
  });

  test('limits: defaults readable by staff; only an admin changes them, guarded by version', async () => {
    const limits = (await call('GET', '/admin/demand-limits', { token: clerkMz })).body;
    expect(limits).toMatchObject({ days: { consult: 3, help: 5, complaint: 10, report: 10, suggestion: 15 }, version: 0 });
    const body = { days: limits.days, overrides: [{ type: 'suggestion', domain: 'roads', days: 20 }], routes: limits.routes, version: 0 };
    expect((await call('PUT', '/admin/demand-limits', { token: supervisor, body })).status).toBe(403);
    const saved = await call('PUT', '/admin/demand-limits', { token: admin, body });
    expect(saved.body).toMatchObject({ version: 1, overrides: [{ type: 'suggestion', domain: 'roads', days: 20 }] });
    expect((await call('PUT', '/admin/demand-limits', { token: admin, body })).status).toBe(409);
    const s = (await file(li, 'limit-sugg-1', { type: 'suggestion', domain: 'roads', text: '建议在村口增设路灯两盏' })).body;
    const d = await act(supervisor, s.id, { action: 'dispatch', version: s.version, departmentId: 'housing' });
    expect(d.body.clock.limitDays).toBe(20);
  });
});

describe('staff intake from another channel', () => {
  test('a hotline call entered by a clerk: channel recorded, the resident follows it in the app', async () => {
    const res = await call('POST', '/admin/demands', {
      token: clerkMz,
      body: {
        idempotencyKey: 'hotline-0001', channel: 'hotline', type: 'help', domain: 'civil_affairs', grade: 'A', text: '独居老人家中断水断电，需要紧急帮助',
        place: { regionCode: VILLAGE }, anonymous: false, reporter: { name: '李明', phone: '13912345678', residentId: 'r-li' },
      },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ channel: 'hotline', grade: 'A', reporter: { name: '李明' } });
    const d = await act(clerkMz, res.body.id, { action: 'dispatch', version: res.body.version, departmentId: 'civil-affairs' });
    // Grade A: sign within 2 hours, handle within 1 working day.
    expect(d.body.clock.limitDays).toBe(1);
    expect(new Date(d.body.clock.signDueAt!).getTime() - new Date(d.body.clock.startedAt!).getTime()).toBe(2 * 3600_000);
    const queue = (await call('GET', '/admin/demands', { token: clerkMz })).body.demands;
    expect(queue[0]!.id).toBe(res.body.id);
    expect((await call('GET', '/demands', { token: li })).body.demands.map((x) => x.id)).toContain(res.body.id);
    const bad = await call('POST', '/admin/demands', { token: clerkMz, body: { idempotencyKey: 'hotline-0002', channel: 'miniprogram' } });
    expect(bad.status).toBe(400);
  });
});

describe('reply photos', () => {
  test('staff upload a photo of the work done; the resident sees it with the reply', async () => {
    const d = (await file(li, 'photo-reply-1', { domain: 'roads', text: '村口水沟堵塞，下雨就漫到路上' })).body;
    let v = (await act(clerkMz, d.id, { action: 'dispatch', version: d.version, departmentId: 'civil-affairs' })).body.version;
    v = (await act(clerkMz, d.id, { action: 'sign', version: v })).body.version;
    const residentsPhoto = await uploadPhoto(li);
    const refused = await act(clerkMz, d.id, { action: 'reply', version: v, text: '已疏通', result: '水沟已疏通', photos: [residentsPhoto] });
    expect(refused.status).toBe(400);
    expect(refused.body.fields!.photos).toBe('只能提交本人上传的图片');
    const photo = await uploadPhoto(clerkMz, '/admin/uploads');
    expect(photo).toMatch(/^tmp\/staff_clerk-mz\//);
    const replied = await act(clerkMz, d.id, { action: 'reply', version: v, text: '已组织村民疏通水沟', result: '水沟已疏通', photos: [photo] });
    expect(replied.status).toBe(200);
    const mine = (await call('GET', `/demands/${d.id}`, { token: li })).body;
    expect(mine.reply!.photos).toHaveLength(1);
    expect(mine.reply!.photos[0]!.key).toBe(`demands/${d.id}/${photo.split('/').pop()}`);
    expect((await fetch(mine.reply!.photos[0]!.url)).status).toBe(200);
    expect((await call('POST', '/admin/uploads', { token: li, body: { contentType: 'image/jpeg', bytes: 10, purpose: 'demand_photo' } })).status).toBe(403);
  });
});

describe('staff lists page with a cursor', () => {
  test('the intake list gives every demand once across pages; a cursor of another list is refused', async () => {
    const filed: string[] = [];
    for (let i = 0; i < 7; i++) filed.push((await file(li, `paging-${String(i).padStart(4, '0')}`, { type: 'suggestion', text: `村道路灯第${i + 1}处不亮，晚上出行不便` })).body.id);
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const res = await call('GET', '/admin/demands', { token: supervisor, query: { view: 'intake', limit: '3', ...(cursor ? { cursor } : {}) } });
      expect(res.status).toBe(200);
      expect(res.body.demands.length).toBeLessThanOrEqual(3);
      seen.push(...res.body.demands.map((d: { id: string }) => d.id));
      cursor = res.body.nextCursor ?? undefined;
      pages += 1;
    } while (cursor && pages < 20);
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expect.arrayContaining(filed));

    const first = await call('GET', '/admin/demands', { token: supervisor, query: { view: 'intake', limit: '3' } });
    const foreign = await call('GET', '/admin/demands', { token: supervisor, query: { view: 'returns', cursor: first.body.nextCursor! } });
    expect(foreign.status).toBe(400);
    expect(foreign.body.message).toMatch('翻页参数无效');
  });
});
