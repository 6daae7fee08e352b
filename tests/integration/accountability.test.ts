// Valid complaints and the accountability ladder through the in-process HTTP
// API: opening an investigation, the one statement, the decision on the
// timeline (the outcome, not the sanction), the ladder, the apologies, the
// counters; roles, ownership, bad input and conflicts.
import { useTestTable } from '../support/table';
import { call } from '../support/api';
import { residentToken, seedReference, staffToken, VILLAGE } from '../fixtures/world';
import { shanghaiDate } from '../../functions/domain/calendar';

useTestTable();
let zhang: string, clerkMz: string, clerkGa: string, headMz: string, headGa: string, supervisor: string, admin: string;
const month = shanghaiDate().slice(0, 7);

beforeAll(async () => {
  await seedReference();
  clerkMz = await staffToken('clerk-mz', 'clerk', 'civil-affairs');
  clerkGa = await staffToken('clerk-ga', 'clerk', 'public-security');
  headMz = await staffToken('head-mz', 'dept_head', 'civil-affairs');
  headGa = await staffToken('head-ga', 'dept_head', 'public-security');
  supervisor = await staffToken('xiaoneng', 'supervisor', null);
  admin = await staffToken('admin', 'admin', null);
  zhang = await residentToken('r-zhang', { name: '张桂英', phone: '13800000000' });
});

let seq = 0;
async function fileDemand(type = 'complaint'): Promise<string> {
  const res = await call('POST', '/demands', {
    token: zhang,
    body: { idempotencyKey: `acc-${type}-${seq++}-key`, type, domain: 'staff_conduct', text: '窗口工作人员态度恶劣，推诿不办', place: { regionCode: VILLAGE }, anonymous: false },
  });
  expect(res.status).toBe(201);
  return res.body.id;
}
const open = (token: string, id: string, staffUsername = 'clerk-mz') => call('POST', `/admin/demands/${id}/complaint`, { token, body: { staffUsername } });
const decide = (token: string, id: string, version: number, valid = true) =>
  call('POST', `/admin/complaints/${id}/decision`, { token, body: { valid, finding: '经调取窗口录像，情况属实', evidence: ['窗口录像', '当事人陈述'], version } });

describe('a complaint investigated', () => {
  let id: string;

  test('only the supervisor or an admin opens one, on a 投诉, against a staff member who exists', async () => {
    id = await fileDemand();
    expect((await open(clerkMz, id)).status).toBe(403);
    expect((await open(headMz, id)).status).toBe(403);
    expect((await open(supervisor, id, 'nobody')).status).toBe(400);
    expect((await open(supervisor, id, 'Bad Name!')).status).toBe(400);
    expect((await open(supervisor, 'no-such-demand')).status).toBe(404);
    const help = await fileDemand('help');
    expect((await open(supervisor, help)).status).toBe(409);
    const res = await open(supervisor, id);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'investigating', staff: { username: 'clerk-mz' }, department: { id: 'civil-affairs' }, allowedActions: ['decide'], version: 1 });
    expect((await open(supervisor, id)).status).toBe(409);
    const unauth = await call('GET', '/admin/complaints');
    expect(unauth.status).toBe(401);
  });

  test('the named person sees it and states their case once; nobody else may', async () => {
    const mine = await call('GET', '/admin/complaints', { token: clerkMz });
    expect(mine.body.complaints.map((c) => c.id)).toEqual([id]);
    expect(mine.body.complaints[0]!.allowedActions).toEqual(['state_case']);
    expect((await call('GET', '/admin/complaints', { token: clerkGa })).body.complaints).toEqual([]);
    // Paged like every list: the last page says so; someone else's list will not take a forged cursor.
    expect(mine.body.nextCursor).toBeNull();
    const forged = Buffer.from(JSON.stringify({ l: 'table|COMPLAINTS|', k: { pk: 'COMPLAINTS', sk: 'x' } })).toString('base64url');
    expect((await call('GET', '/admin/complaints', { token: clerkMz, query: { cursor: forged } })).status).toBe(400);
    expect((await call('GET', `/admin/complaints/${id}`, { token: clerkGa })).status).toBe(403);
    const body = { text: '当天系统故障，已向群众解释', version: 1 };
    expect((await call('POST', `/admin/complaints/${id}/statement`, { token: clerkGa, body })).status).toBe(403);
    expect((await call('POST', `/admin/complaints/${id}/statement`, { token: clerkMz, body: { text: '短', version: 1 } })).status).toBe(400);
    expect((await call('POST', `/admin/complaints/${id}/statement`, { token: clerkMz, body: { ...body, version: 9 } })).status).toBe(409);
    const res = await call('POST', `/admin/complaints/${id}/statement`, { token: clerkMz, body });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ statement: { text: body.text }, allowedActions: [], version: 2 });
    expect((await call('POST', `/admin/complaints/${id}/statement`, { token: clerkMz, body: { ...body, version: 2 } })).status).toBe(409);
  });

  test('the supervisor decides it valid: the resident sees the outcome, not the sanction', async () => {
    expect((await decide(clerkMz, id, 2)).status).toBe(403);
    expect((await call('POST', `/admin/complaints/${id}/decision`, { token: supervisor, body: { valid: true, finding: '', evidence: [], version: 2 } })).status).toBe(400);
    expect((await decide(supervisor, id, 1)).status).toBe(409);
    const res = await decide(supervisor, id, 2);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'valid', ladderStep: 1, finding: '经调取窗口录像，情况属实', evidence: ['窗口录像', '当事人陈述'] });
    expect((await decide(supervisor, id, 3)).status).toBe(409);
    const detail = await call('GET', `/demands/${id}`, { token: zhang });
    const notes = detail.body.events.map((e) => e.note).join('\n');
    expect(notes).toContain('督查部门已对投诉立案核查');
    expect(notes).toContain('经核查，投诉反映的问题属实');
    expect(notes).not.toMatch(/约谈|培训|调岗|警告|辞退|clerk-mz/);
  });

  test('the ladder shows step 1 with 约谈 owed; the supervisor records it', async () => {
    const res = await call('GET', '/admin/accountability', { token: supervisor });
    expect(res.status).toBe(200);
    const person = res.body.people.find((p) => p.username === 'clerk-mz');
    expect(person).toMatchObject({ count: 1, step: 1, stepLabel: '约谈', owed: [{ complaintId: id, step: 1, action: 'admonish' }] });
    expect((await call('GET', '/admin/accountability', { token: clerkMz })).status).toBe(403);
    expect((await call('GET', '/admin/accountability', { token: headGa })).body.people).toEqual([]);
    expect((await call('POST', '/admin/accountability/clerk-mz/actions', { token: headMz, body: { complaintId: id, action: 'admonish' } })).status).toBe(403);
    expect((await call('POST', '/admin/accountability/clerk-mz/actions', { token: supervisor, body: { complaintId: id, action: 'training' } })).status).toBe(400);
    expect((await call('POST', '/admin/accountability/clerk-ga/actions', { token: supervisor, body: { complaintId: id, action: 'admonish' } })).status).toBe(404);
    const done = await call('POST', '/admin/accountability/clerk-mz/actions', { token: supervisor, body: { complaintId: id, action: 'admonish', note: '已由分管领导约谈' } });
    expect(done.status).toBe(200);
    expect(done.body.owed).toEqual([]);
    expect(done.body.entries[0]!.actions[0]!.doneAt).toEqual(expect.any(String));
    expect((await call('POST', '/admin/accountability/clerk-mz/actions', { token: supervisor, body: { complaintId: id, action: 'admonish' } })).status).toBe(409);
  });

  test('the department owes a private apology for its first valid complaint of the year; its head records it', async () => {
    const res = await call('GET', '/admin/accountability', { token: headMz });
    expect(res.body.apologies).toHaveLength(1);
    const a = res.body.apologies[0];
    expect(a).toMatchObject({ kind: 'private', department: { id: 'civil-affairs' }, complaintId: id, overdue: false, doneAt: null });
    expect(a!.dueOn! > shanghaiDate()).toBe(true);
    expect((await call('POST', `/admin/apologies/${a!.id}/done`, { token: headGa, body: { note: '已上门致歉' } })).status).toBe(403);
    expect((await call('POST', `/admin/apologies/${a!.id}/done`, { token: headMz, body: { note: '' } })).status).toBe(400);
    expect((await call('POST', '/admin/apologies/2026-civil-affairs-9/done', { token: headMz, body: { note: '已上门致歉' } })).status).toBe(400);
    expect((await call('POST', `/admin/apologies/${a!.id.slice(0, -1)}2/done`, { token: headMz, body: { note: '已上门致歉' } })).status).toBe(404);
    const done = await call('POST', `/admin/apologies/${a!.id}/done`, { token: headMz, body: { note: '已上门致歉' } });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ doneAt: expect.any(String), note: '已上门致歉', overdue: false });
    expect((await call('POST', `/admin/apologies/${a!.id}/done`, { token: admin, body: { note: '再记一次' } })).status).toBe(409);
  });

  test('a second valid complaint climbs to step 2 and owes a public apology; one found not valid changes nothing', async () => {
    const second = await fileDemand();
    expect((await open(admin, second)).status).toBe(201);
    expect((await decide(admin, second, 1)).body.ladderStep).toBe(2);
    const third = await fileDemand();
    await open(supervisor, third);
    const notValid = await decide(supervisor, third, 1, false);
    expect(notValid.body).toMatchObject({ status: 'not_valid', ladderStep: null });
    const detail = await call('GET', `/demands/${third}`, { token: zhang });
    expect(detail.body.events.map((e) => e.note)).toContain('经核查，投诉反映的问题未能查实');
    const res = await call('GET', '/admin/accountability', { token: supervisor });
    expect(res.body.people.find((p) => p.username === 'clerk-mz')).toMatchObject({
      count: 2, step: 2, owed: [{ step: 2, action: 'find_incompetent' }, { step: 2, action: 'training' }],
    });
    expect(res.body.apologies.map((a) => a.kind).sort()).toEqual(['private', 'public']);
  });

  test('valid complaints count in the month (demand counters) and on the satisfaction dashboard', async () => {
    const { getDemandStats } = await import('../../functions/store/demand-stats');
    const stats = await getDemandStats(month);
    expect(stats.COUNTY?.validComplaints).toBe(2);
    expect(stats['DEPT#civil-affairs']?.validComplaints).toBe(2);
    const { getMonthSatisfaction } = await import('../../functions/store/satisfaction');
    const sat = await getMonthSatisfaction(month);
    expect(sat.find((s) => s.scope === 'STAFF#clerk-mz')).toMatchObject({ validComplaints: 2, staffName: '测试clerk', departmentId: 'civil-affairs' });
    const dash = await call('GET', '/admin/satisfaction', { token: supervisor, query: { month } });
    expect(dash.status).toBe(200);
    expect(dash.body.departments.find((d) => d.id === 'civil-affairs')!.flags).toContain('valid_complaint');
    expect(dash.body.staff.find((s) => s.id === 'clerk-mz')!.flags).toContain('valid_complaint');
  });
});

describe('concurrent decisions keep the counts exact', () => {
  test('five valid complaints against one person decided at once: the ladder, the year count and the counters agree', async () => {
    await staffToken('clerk-x', 'clerk', 'public-security');
    const ids = await Promise.all([0, 1, 2, 3, 4].map(() => fileDemand()));
    for (const id of ids) expect((await open(supervisor, id, 'clerk-x')).status).toBe(201);
    // Decide in parallel; the losers of a race get 409 and retry with the version they read.
    const decideUntilDone = async (id: string) => {
      for (let i = 0; i < 20; i++) {
        const c = await call('GET', `/admin/complaints/${id}`, { token: supervisor });
        if (c.body.status !== 'investigating') return;
        const r = await decide(supervisor, id, c.body.version);
        if (r.status === 200) return;
        expect(r.status).toBe(409);
      }
      throw new Error('never decided');
    };
    await Promise.all(ids.map(decideUntilDone));
    const res = await call('GET', '/admin/accountability', { token: supervisor });
    const person = res.body.people.find((p) => p.username === 'clerk-x');
    expect(person).toMatchObject({ count: 5, step: 5, stepLabel: '建议辞退' });
    expect(person!.entries.map((e) => e.step).sort()).toEqual([1, 2, 3, 4, 5]);
    const apologies = res.body.apologies.filter((a) => a.department.id === 'public-security');
    expect(apologies.map((a) => a.kind).sort()).toEqual(['private', 'public']);
    const { getDemandStats } = await import('../../functions/store/demand-stats');
    expect((await getDemandStats(month))['DEPT#public-security']?.validComplaints).toBe(5);
  });
});
