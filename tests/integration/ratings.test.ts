// Ratings through the in-process HTTP API on DynamoDB Local: invitations on
// conclusion and check-in, one rating per case or visit, bad reviews and their
// rectification tickets, appeals, the public page, the supervisor's dashboard
// and the default-rating sweep.
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { useTestTable } from '../support/table';
import { call } from '../support/api';
import type { DashboardResponse } from '../../shared/schemas/ratings';
import { residentToken, seedReference, staffToken, TOWN } from '../fixtures/world';
import { createCalendar, shanghaiDate } from '../../functions/domain/calendar';
import { putCalendarOverride } from '../../functions/store/calendar';
import { putServicePoint } from '../../functions/store/points';
import { bookAppointment } from '../../functions/store/appointments';
import { db, tableName } from '../../functions/store/client';
import { key } from '../../functions/store/keys';
import { sweepDefaultRatings } from '../../functions/jobs/rating-sweep';

useTestTable();
let zhang: string, li: string, wang: string, clerk: string, head: string, otherHead: string, supervisor: string, townClerk: string;
const today = shanghaiDate();
const month = today.slice(0, 7);

beforeAll(async () => {
  await seedReference();
  const next = Number(today.slice(0, 4)) + 1;
  if (!createCalendar().knows(next)) {
    await putCalendarOverride({ year: next, holidays: [`${next}-01-01`], workdays: [], updatedAt: new Date().toISOString(), updatedBy: 'test' });
  }
  clerk = await staffToken('clerk-mz', 'clerk', 'civil-affairs');
  head = await staffToken('head-mz', 'dept_head', 'civil-affairs');
  otherHead = await staffToken('head-ga', 'dept_head', 'public-security');
  supervisor = await staffToken('xiaoneng', 'supervisor', null);
  townClerk = await staffToken('clerk-town', 'clerk', 'civil-affairs', TOWN);
  await staffToken('agent-wang', 'agent', null, TOWN);
  zhang = await residentToken('r-zhang', { pairedCadreUsername: 'agent-wang' });
  li = await residentToken('r-li', { name: '李明', phone: '13912345678' });
  wang = await residentToken('r-wang', { name: '王小军', phone: '13711112222' });
});

const act = (token: string, id: string, body: Record<string, unknown>) => call('POST', `/admin/applications/${id}/actions`, { token, body });

/** A case applied for by `token` and taken through to 办结（准予） by the clerk. */
async function concludedCase(token: string, idem: string, proxy = false): Promise<{ id: string; caseNumber: string }> {
  const created = await call('POST', '/applications', { token, body: { serviceCode: 'QS-MZ-001', idempotencyKey: idem, materials: [], proxy } });
  expect(created.status).toBe(201);
  let a = created.body;
  for (const action of ['accept', 'review', 'approve']) {
    const res = await act(clerk, a.id, { action, version: a.version });
    expect(res.status).toBe(200);
    a = res.body;
  }
  return { id: a.id, caseNumber: a.caseNumber };
}

const dims = (n: number) => ({ efficiency: n, attitude: n, service: n, convenience: n });
const rate = (token: string | undefined, targetId: string, idem: string, body: Record<string, unknown> = {}, targetType = 'application') =>
  call('POST', '/ratings', { token, body: { targetType, targetId, idempotencyKey: idem, level: 5, dimensions: dims(5), ...body } });
const dashboard = async (m = month) => (await call('GET', '/admin/satisfaction', { token: supervisor, query: { month: m } })).body;
const deptRow = (d: DashboardResponse, id = 'civil-affairs') => d.departments.find((x) => x.id === id);
const ticketAct = (token: string, id: string, body: Record<string, unknown>) => call('POST', `/admin/tickets/${id}/actions`, { token, body });

describe('rating a case', () => {
  let caseId: string;

  test('a case can be rated only once concluded; concluding it invites the applicant', async () => {
    const created = await call('POST', '/applications', { token: li, body: { serviceCode: 'QS-MZ-001', idempotencyKey: 'li-open-case', materials: [], proxy: false } });
    const early = await rate(li, created.body.id, 'rate-too-early');
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: 'NOT_RATEABLE', message: '办件办结后才能评价' });
    expect((await call('GET', '/ratings', { token: li })).body.pending).toEqual([]);

    ({ id: caseId } = await concludedCase(li, 'li-case-1'));
    const mine = (await call('GET', '/ratings', { token: li })).body;
    expect(mine.pending).toEqual([
      expect.objectContaining({ targetType: 'application', targetId: caseId, serviceName: '最低生活保障申请', departmentName: '县民政局', agentName: null }),
    ]);
    const due = new Date(`${today}T00:00:00Z`);
    due.setUTCDate(due.getUTCDate() + 7);
    expect(mine.pending[0]!.dueOn).toBe(due.toISOString().slice(0, 10));
  });

  test('401 without login, 403 for staff, 404 for someone else’s case, 400 for bad input', async () => {
    expect((await rate(undefined, caseId, 'rate-nobody')).status).toBe(401);
    expect((await rate(clerk, caseId, 'rate-by-staff')).status).toBe(403);
    const other = await rate(wang, caseId, 'rate-by-wang');
    expect(other.status).toBe(404);
    expect(other.body.message).toBe('办件不存在');
    const six = await rate(li, caseId, 'rate-bad-level', { level: 6 });
    expect(six.status).toBe(400);
    expect(six.body.message).toMatch('评价等级为1-5');
    expect((await rate(li, caseId, 'rate-bad-type', {}, 'visit')).status).toBe(400);
    const noReason = await rate(li, caseId, 'rate-no-reason', { level: 2, dimensions: dims(2) });
    expect(noReason.status).toBe(400);
    expect(noReason.body.fields).toEqual({ reasons: '差评请选择原因' });
    const other2 = await rate(li, caseId, 'rate-other-empty', { level: 1, dimensions: dims(1), reasons: ['other'] });
    expect(other2.body.fields).toEqual({ comment: '选择“其他”时请填写具体情况' });
    const agent = await rate(li, caseId, 'rate-agent-no-proxy', { agentLevel: 5 });
    expect(agent.body.fields).toEqual({ agentLevel: '该办件没有代办员' });
  });

  test('a good rating counts for the county, the department, the clerk and the applicant’s town; a retry is idempotent', async () => {
    const before = await dashboard();
    const res = await rate(li, caseId, 'rate-li-1', { level: 4, dimensions: { efficiency: 4, attitude: 5, service: 4, convenience: 3 }, comment: '办得挺快' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ level: 4, reasons: [], comment: '办得挺快', isDefault: false, ticket: null, agentLevel: null, version: 1 });
    expect(new Date(res.body.changeableUntil!).getTime() - new Date(res.body.ratedAt).getTime()).toBe(24 * 3600_000);
    const again = await rate(li, caseId, 'rate-li-1', { level: 4, dimensions: dims(4) });
    expect(again.status).toBe(201);
    expect(again.body).toEqual(res.body);

    const mine = (await call('GET', '/ratings', { token: li })).body;
    expect(mine.pending).toEqual([]);
    expect(mine.ratings.map((r) => r.targetId)).toEqual([caseId]);

    const after = await dashboard();
    expect(after.county.month.total).toBe(before.county.month.total + 1);
    expect(deptRow(after)!.month.levels[3]).toBe(deptRow(before)!.month.levels[3]! + 1);
    expect(after.staff.find((s) => s.id === 'clerk-mz')).toMatchObject({ name: '测试clerk', departmentName: '县民政局' });
    expect(after.towns.find((t) => t.id === TOWN)).toBeDefined();
  });
});

describe('a bad review and its rectification ticket', () => {
  let caseId: string;
  let ticketId: string;
  let version: number;

  test('a bad review with a reason opens a ticket for the department and the clerk, due in 5 working days', async () => {
    ({ id: caseId } = await concludedCase(wang, 'wang-case-1'));
    const res = await rate(wang, caseId, 'rate-wang-1', { level: 1, dimensions: dims(1), reasons: ['extra_materials', 'attitude'], comment: '要我多交了村里的证明' });
    expect(res.status).toBe(201);
    expect(res.body.ticket).toMatchObject({ status: 'open', outcome: null });
    expect(res.body.ticket!.dueOn).toBe(createCalendar().knows(Number(today.slice(0, 4)) + 1) ? createCalendar().addWorkingDays(today, 5) : res.body.ticket!.dueOn);

    const list = await call('GET', '/admin/tickets', { token: head });
    expect(list.status).toBe(200);
    const t = list.body.tickets.find((x) => x.reference && x.level === 1 && x.comment === '要我多交了村里的证明');
    expect(t).toMatchObject({ status: 'open', departmentId: 'civil-affairs', responsible: { username: 'clerk-mz', name: '测试clerk' }, reasons: ['extra_materials', 'attitude'], overdue: false });
    ticketId = t!.id;
    version = t!.version;
    // The clerk sees their department's tickets too; other departments do not.
    expect((await call('GET', '/admin/tickets', { token: clerk })).body.tickets.map((x) => x.id)).toContain(ticketId);
    expect((await call('GET', '/admin/tickets', { token: otherHead })).body.tickets.map((x) => x.id)).not.toContain(ticketId);
    expect((await call('GET', '/admin/tickets', { token: otherHead, query: { departmentId: 'civil-affairs' } })).status).toBe(403);
    expect((await call('GET', '/admin/tickets', { token: wang })).status).toBe(403);
    expect((await call('GET', '/admin/tickets')).status).toBe(401);
  });

  test('the department head sees the resident’s phone for the call back; the clerk and other departments do not', async () => {
    const mine = await call('GET', `/admin/tickets/${ticketId}`, { token: head });
    expect(mine.body.resident).toEqual({ name: '王小军', phone: '13711112222' });
    expect(mine.body.events.map((e) => e.action)).toEqual(['open']);
    expect((await call('GET', `/admin/tickets/${ticketId}`, { token: clerk })).body.resident).toBeNull();
    expect((await call('GET', `/admin/tickets/${ticketId}`, { token: otherHead })).status).toBe(403);
    expect((await call('GET', '/admin/tickets/20990101T000000-ffffff', { token: head })).status).toBe(404);
    expect((await call('GET', '/admin/tickets/x', { token: head })).status).toBe(400);
  });

  test('only the head handles it, step by step; stale versions and skipped steps are refused', async () => {
    expect((await ticketAct(clerk, ticketId, { action: 'verify', version, note: '已核实' })).status).toBe(403);
    expect((await ticketAct(otherHead, ticketId, { action: 'verify', version, note: '已核实' })).status).toBe(403);
    expect((await ticketAct(supervisor, ticketId, { action: 'verify', version, note: '已核实' })).status).toBe(403);
    const skip = await ticketAct(head, ticketId, { action: 'publish', version, note: '已整改' });
    expect(skip.status).toBe(409);
    expect(skip.body).toMatchObject({ code: 'ILLEGAL_TRANSITION', message: '整改单“待核实”，不能公开整改结果' });
    expect((await ticketAct(head, ticketId, { action: 'verify', version, note: '' })).status).toBe(400);
    const verified = await ticketAct(head, ticketId, { action: 'verify', version, note: '经核实，窗口要求了指南外的村委会证明' });
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ status: 'verified', verification: '经核实，窗口要求了指南外的村委会证明' });
    const stale = await ticketAct(head, ticketId, { action: 'rectify', version, note: '重复提交' });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('VERSION_CONFLICT');
    version = verified.body.version;

    // Changing the review is over once the unit has started on it.
    const change = await rate(wang, caseId, 'rate-wang-2', { level: 5, dimensions: dims(5) });
    expect(change.status).toBe(409);
    expect(change.body.code).toBe('TICKET_IN_PROGRESS');

    const rectified = await ticketAct(head, ticketId, { action: 'rectify', version, note: '取消该证明要求，对窗口人员批评教育' });
    version = rectified.body.version;
    const noCall = await ticketAct(head, ticketId, { action: 'follow_up', version, note: '已回访' });
    expect(noCall.status).toBe(400);
    expect(noCall.body.fields).toEqual({ followUp: '请记录回访情况' });
    const noView = await ticketAct(head, ticketId, { action: 'follow_up', version, note: '已回访', followUp: { reached: true } });
    expect(noView.body.fields).toEqual({ 'followUp.residentView': '请记录居民意见' });
    const called = await ticketAct(head, ticketId, { action: 'follow_up', version, note: '电话回访，居民表示认可', followUp: { reached: true, residentView: 'satisfied' } });
    expect(called.body.followUp).toMatchObject({ reached: true, residentView: 'satisfied', note: '电话回访，居民表示认可' });
    version = called.body.version;
    const published = await ticketAct(head, ticketId, { action: 'publish', version, note: '已取消指南外材料要求，窗口人员已作检讨' });
    expect(published.body).toMatchObject({ status: 'closed', outcome: '已取消指南外材料要求，窗口人员已作检讨' });
    expect(published.body.events.map((e) => e.action)).toEqual(['open', 'verify', 'rectify', 'follow_up', 'publish']);
  });

  test('the resident sees the outcome; the public page shows it without the reviewer or their words', async () => {
    const mine = (await call('GET', '/ratings', { token: wang })).body.ratings[0];
    expect(mine!.ticket).toMatchObject({ status: 'closed', outcome: '已取消指南外材料要求，窗口人员已作检讨' });
    expect(mine!.changeableUntil).toBeNull();
    // Told in the publishing transaction: the inbox has the outcome (and an invitation to rate before it).
    const kinds = (await call('GET', '/inbox', { token: wang })).body.items.map((m) => m.kind);
    expect(kinds).toContain('ticket');
    expect(kinds).toContain('rating');

    const pub = await call('GET', '/satisfaction');
    expect(pub.status).toBe(200);
    // The month only; one bad review of this item in its department: the item is not named.
    expect(pub.body.recentBadReviews[0]).toEqual({
      month: shanghaiDate().slice(0, 7), serviceName: null, departmentName: '县民政局', level: 1, reasons: ['extra_materials', 'attitude'], status: 'closed',
      outcome: '已取消指南外材料要求，窗口人员已作检讨',
    });
    expect(JSON.stringify(pub.body.recentBadReviews)).not.toMatch(/T\d\d:\d\d/);
    const text = JSON.stringify(pub.body);
    for (const secret of ['王小军', '13711112222', '要我多交了村里的证明', 'r-wang', '测试clerk']) expect(text).not.toContain(secret);
    const dept = pub.body.departments.find((d) => d.id === 'civil-affairs');
    expect(dept!.year.total).toBeGreaterThanOrEqual(2);
  });
});

describe('changing a rating within 24 hours', () => {
  test('a bad review changed to good withdraws its untouched ticket and moves the counts', async () => {
    const { id } = await concludedCase(zhang, 'zhang-case-1', true);
    // A proxy case rates the agent too.
    expect((await rate(zhang, id, 'rate-zhang-0', { level: 2, dimensions: dims(2), reasons: ['overdue'] })).body.fields).toEqual({ agentLevel: '请评价代办员' });
    const before = await dashboard();
    const bad = await rate(zhang, id, 'rate-zhang-1', { level: 2, dimensions: dims(2), reasons: ['overdue'], agentLevel: 5 });
    expect(bad.status).toBe(201);
    const mid = await dashboard();
    expect(deptRow(mid)!.month.levels[1]).toBe(deptRow(before)!.month.levels[1]! + 1);
    expect(mid.staff.find((s) => s.id === 'agent-wang')!.month.levels[4]).toBe(1);

    const good = await rate(zhang, id, 'rate-zhang-2', { level: 4, dimensions: dims(4), agentLevel: 5 });
    expect(good.status).toBe(201);
    expect(good.body).toMatchObject({ level: 4, reasons: [], version: 2, ticket: { status: 'withdrawn' } });
    expect(good.body.ratedAt).toBe(bad.body.ratedAt);
    const after = await dashboard();
    expect(deptRow(after)!.month.levels[1]).toBe(deptRow(before)!.month.levels[1]);
    expect(deptRow(after)!.month.levels[3]).toBe(deptRow(before)!.month.levels[3]! + 1);
    expect(after.staff.find((s) => s.id === 'agent-wang')!.month.levels[4]).toBe(1);
    const open = (await call('GET', '/admin/tickets', { token: head })).body.tickets;
    expect(open.some((t) => t.status === 'withdrawn')).toBe(false);
    // The public page does not list a withdrawn review.
    expect((await call('GET', '/satisfaction')).body.recentBadReviews.every((r) => r.status !== 'withdrawn')).toBe(true);

    // After 24 hours the rating stands.
    await db().send(new UpdateCommand({
      TableName: tableName(), Key: key.rating('application', id), UpdateExpression: 'SET ratedAt = :t',
      ExpressionAttributeValues: { ':t': new Date(Date.now() - 25 * 3600_000).toISOString() },
    }));
    const late = await rate(zhang, id, 'rate-zhang-3', { level: 1, dimensions: dims(1), reasons: ['attitude'], agentLevel: 1 });
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ code: 'ALREADY_RATED', message: '评价已超过24小时，不能修改' });
    const key3 = await rate(zhang, id, 'rate-zhang-2', { level: 1 });
    expect(key3.status).toBe(201);
    expect(key3.body.level).toBe(4);
  });
});

describe('appeals', () => {
  async function badTicket(token: string, idem: string) {
    const { id } = await concludedCase(token, idem);
    const r = await rate(token, id, `rate-${idem}`, { level: 1, dimensions: dims(1), reasons: ['other'], comment: '就是不满意' });
    expect(r.status).toBe(201);
    const t = (await call('GET', '/admin/tickets', { token: head })).body.tickets.find((x) => x.reference === r.body.reference);
    return t;
  }

  test('the responsible clerk appeals once; the supervisor dismisses it and the ticket carries on', async () => {
    const t = await badTicket(li, 'appeal-1');
    const appeal = await ticketAct(clerk, t!.id, { action: 'appeal', version: t!.version, note: '居民所述与事实不符，有窗口录像为证' });
    expect(appeal.status).toBe(200);
    expect(appeal.body).toMatchObject({ status: 'appealed', appeal: { reason: '居民所述与事实不符，有窗口录像为证', decision: null } });
    const twice = await ticketAct(head, t!.id, { action: 'appeal', version: appeal.body.version, note: '再申诉' });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('ALREADY_APPEALED');
    const byHead = await call('POST', `/admin/tickets/${t!.id}/appeal-decision`, { token: head, body: { decision: 'upheld', version: appeal.body.version, note: '同意' } });
    expect(byHead.status).toBe(403);
    const appealed = await call('GET', '/admin/tickets', { token: supervisor, query: { view: 'appealed' } });
    expect(appealed.body.tickets.map((x) => x.id)).toContain(t!.id);
    const dismissed = await call('POST', `/admin/tickets/${t!.id}/appeal-decision`, { token: supervisor, body: { decision: 'dismissed', version: appeal.body.version, note: '录像显示确有推诿' } });
    expect(dismissed.status).toBe(200);
    expect(dismissed.body).toMatchObject({ status: 'open', appeal: { decision: 'dismissed', decisionNote: '录像显示确有推诿' } });
    expect(dismissed.body.resident).not.toBeNull();
    const again = await call('POST', `/admin/tickets/${t!.id}/appeal-decision`, { token: supervisor, body: { decision: 'upheld', version: dismissed.body.version, note: '改判' } });
    expect(again.status).toBe(409);
  });

  test('an upheld appeal voids the review: it leaves the rates and the resident sees why', async () => {
    const other = await staffToken('clerk-other', 'clerk', 'civil-affairs');
    const t = await badTicket(wang, 'appeal-2');
    expect((await ticketAct(other, t!.id, { action: 'appeal', version: t!.version, note: '不是我经办的' })).status).toBe(403);
    const before = await dashboard();
    const appeal = await ticketAct(head, t!.id, { action: 'appeal', version: t!.version, note: '该居民未到窗口办理过此事' });
    const upheld = await call('POST', `/admin/tickets/${t!.id}/appeal-decision`, { token: supervisor, body: { decision: 'upheld', version: appeal.body.version, note: '系误评' } });
    expect(upheld.body).toMatchObject({ status: 'voided', outcome: '经督查核实，申诉成立，该评价不计入满意度：系误评' });
    const after = await dashboard();
    expect(deptRow(after)!.month.levels[0]).toBe(deptRow(before)!.month.levels[0]! - 1);
    expect(after.county.month.total).toBe(before.county.month.total - 1);
    const mine = (await call('GET', '/ratings', { token: wang })).body.ratings.find((r) => r.reference === t!.reference);
    expect(mine!.ticket).toMatchObject({ status: 'voided', outcome: '经督查核实，申诉成立，该评价不计入满意度：系误评' });
  });
});

/** A booking for today's 10:00 window at the town centre, made as the booking transaction makes it. */
async function bookToday(id: string, code: string, residentId: string): Promise<string> {
  const now = new Date().toISOString();
  await bookAppointment(
    {
      id, code, residentId, serviceCode: 'QS-MZ-001', serviceName: '最低生活保障申请',
      placeId: 'chengguan-center', placeName: '城关镇便民服务中心', placeAddress: '人民路102号', slotId: `chengguan-center~${today}~1000`,
      date: today, start: '10:00', end: '11:00', status: 'booked', cutoffAt: now, cancelledBy: null, cancelReason: null,
      createdAt: now, updatedAt: now, version: 1,
    },
    { placeId: 'chengguan-center', date: today, start: '10:00', capacity: 10 },
    `idem-${id}`,
  );
  return id;
}

describe('rating a visit', () => {
  test('checking in invites the visitor; the clerk who checked them in and the point’s town are rated', async () => {
    await putServicePoint({
      id: 'chengguan-center', name: '城关镇便民服务中心', level: 'town', regionCode: TOWN, address: '人民路102号', phone: '0817-7231001',
      openingHours: '工作日 9:00—17:00', serviceCodes: ['QS-MZ-001'], cutoffMinutes: 120,
      windows: [{ start: '10:00', end: '11:00', capacity: 10 }],
    });
    const id = await bookToday('visit-appointment-1', 'VSIT2345', 'r-li');
    const early = await rate(li, id, 'rate-visit-early', {}, 'appointment');
    expect(early.status).toBe(409);
    expect(early.body.message).toBe('到场签到办事后才能评价');
    expect((await rate(wang, id, 'rate-visit-wang', {}, 'appointment')).status).toBe(404);
    expect((await call('POST', '/admin/appointments/check-in', { token: townClerk, body: { code: 'VSIT2345', placeId: 'chengguan-center' } })).status).toBe(200);
    const invite = (await call('GET', '/ratings', { token: li })).body.pending.find((p) => p.targetId === id);
    expect(invite).toMatchObject({ targetType: 'appointment', reference: 'VSIT2345', departmentName: '县民政局' });
    const res = await rate(li, id, 'rate-visit-1', { level: 3, dimensions: dims(3) }, 'appointment');
    expect(res.status).toBe(201);
    const d = await dashboard();
    expect(d.staff.find((s) => s.id === 'clerk-town')!.month).toMatchObject({ total: 1, satisfactionRate: 1, goodRate: 0 });
  });
});

describe('a bad review of a visit', () => {
  test('the clerk who checked the visitor in, from another office, sees the ticket naming them and may appeal it, not handle it', async () => {
    const frontDesk = await staffToken('clerk-town-desk', 'clerk', 'town-office', TOWN);
    const id = await bookToday('visit-appointment-2', 'VSIT6789', 'r-wang');
    expect((await call('POST', '/admin/appointments/check-in', { token: frontDesk, body: { code: 'VSIT6789', placeId: 'chengguan-center' } })).status).toBe(200);
    const r = await rate(wang, id, 'rate-visit-2', { level: 2, dimensions: dims(2), reasons: ['attitude'] }, 'appointment');
    expect(r.status).toBe(201);
    const mine = (await call('GET', '/admin/tickets', { token: frontDesk })).body.tickets;
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ reference: 'VSIT6789', departmentId: 'civil-affairs', responsible: { username: 'clerk-town-desk' } });
    expect((await call('GET', `/admin/tickets/${mine[0]!.id}`, { token: frontDesk })).status).toBe(200);
    expect((await ticketAct(frontDesk, mine[0]!.id, { action: 'verify', version: mine[0]!.version, note: '核实' })).status).toBe(403);
    expect((await ticketAct(otherHead, mine[0]!.id, { action: 'verify', version: mine[0]!.version, note: '核实' })).status).toBe(403);
    const appeal = await ticketAct(frontDesk, mine[0]!.id, { action: 'appeal', version: mine[0]!.version, note: '当日该居民未到窗口' });
    expect(appeal.status).toBe(200);
    expect(appeal.body.status).toBe('appealed');
    // Settle it, so later counts of open tickets are as before.
    const upheld = await call('POST', `/admin/tickets/${mine[0]!.id}/appeal-decision`, { token: supervisor, body: { decision: 'upheld', version: appeal.body.version, note: '签到记录显示未到场' } });
    expect(upheld.body.status).toBe('voided');
  });
});

describe('default ratings', () => {
  test('seven days without a rating: recorded as 基本满意, flagged, and counted apart from real ratings', async () => {
    const { id } = await concludedCase(li, 'li-default-1');
    const later = new Date(Date.now() + 8 * 86400_000);
    const laterMonth = shanghaiDate(later).slice(0, 7);
    const before = await dashboard(laterMonth);
    expect((await sweepDefaultRatings(new Date(Date.now() + 6 * 86400_000))).recorded).toBe(0);
    const swept = await sweepDefaultRatings(later);
    expect(swept.recorded).toBeGreaterThanOrEqual(1);
    const mine = (await call('GET', '/ratings', { token: li })).body;
    expect(mine.pending.some((p) => p.targetId === id)).toBe(false);
    expect(mine.ratings.find((r) => r.targetId === id)).toMatchObject({ level: 3, isDefault: true, changeableUntil: null });
    const after = await dashboard(laterMonth);
    expect(deptRow(after)!.month.defaults).toBe(deptRow(before)!.month.defaults + 1);
    expect(deptRow(after)!.month.total).toBe(deptRow(before)!.month.total);
    const late = await rate(li, id, 'rate-after-default');
    expect(late.status).toBe(409);
    expect(late.body.message).toBe('评价期已过，已记为默认“基本满意”');
    expect((await sweepDefaultRatings(later)).recorded).toBe(0);
  });
});

describe('the supervisor’s dashboard', () => {
  test('flags, trends, ticket counts and overdue tickets', async () => {
    // Make one open ticket overdue, as if its deadline had passed.
    const { id } = await concludedCase(wang, 'wang-overdue-1');
    const r = await rate(wang, id, 'rate-wang-overdue', { level: 2, dimensions: dims(2), reasons: ['overdue'] });
    const t = (await call('GET', '/admin/tickets', { token: head })).body.tickets.find((x) => x.reference === r.body.reference);
    await db().send(new UpdateCommand({
      TableName: tableName(), Key: key.ticket(t!.id), UpdateExpression: 'SET dueOn = :d, gsi2sk = :s',
      ExpressionAttributeValues: { ':d': '2026-01-05', ':s': `2026-01-05#${t!.id}` },
    }));
    const overdue = await call('GET', '/admin/tickets', { token: supervisor, query: { view: 'overdue' } });
    expect(overdue.body.tickets.find((x) => x.id === t!.id)).toMatchObject({ overdue: true, status: 'open' });
    const headView = await call('GET', '/admin/tickets', { token: head, query: { view: 'overdue' } });
    expect(headView.body.tickets.map((x) => x.id)).toEqual([t!.id]);

    const d = await dashboard();
    expect(d.months).toHaveLength(6);
    expect(d.months[5]).toBe(month);
    expect(d.tickets.overdue).toBe(1);
    expect(d.tickets.open).toBeGreaterThanOrEqual(2);
    const civil = deptRow(d);
    expect(civil!.trend).toHaveLength(6);
    expect(civil!.trend[5]).toBe(civil!.month.satisfactionRate);
    // This month civil affairs had 4, 1, 4 (changed from 2), 1 (appeal dismissed), 3 (the visit) and 2; the upheld appeal's 1 is out.
    expect(civil!.month).toMatchObject({ total: 6, levels: [2, 1, 1, 2, 0], satisfactionRate: 0.5, goodRate: 0.333 });
    // One rated department: summoned, but no ranking to be at the bottom of.
    expect(civil!.flags).toEqual(['summon']);
    expect(deptRow(d, 'public-security')!.flags).toEqual([]);
    // The clerk who handled five of them: 2 of 5 satisfied, summoned and barred from promotion.
    expect(d.staff.find((x) => x.id === 'clerk-mz')).toMatchObject({ month: { total: 5, satisfactionRate: 0.4 }, flags: ['summon', 'promotion_veto'] });
    expect(d.staff.find((x) => x.id === 'agent-wang')).toMatchObject({ month: { total: 1, satisfactionRate: 1 }, flags: [] });
  });

  test('a department head sees the county, their own department and its cadres only', async () => {
    const all = await dashboard();
    const mine = await call('GET', '/admin/satisfaction', { token: head, query: { month } });
    expect(mine.status).toBe(200);
    expect(mine.body.county).toEqual(all.county);
    expect(mine.body.departments).toEqual([deptRow(all)]);
    expect(mine.body.staff.map((s) => s.id).sort()).toEqual(['clerk-mz', 'clerk-town', 'clerk-town-desk']);
    expect(mine.body.towns).toEqual([]);
    expect(mine.body.tickets.overdue).toBe(1);
    const other = (await call('GET', '/admin/satisfaction', { token: otherHead, query: { month } })).body;
    expect(other.departments.map((d) => d.id)).toEqual(['public-security']);
    expect(other.staff).toEqual([]);
    expect(other.tickets).toEqual({ open: 0, overdue: 0, appealed: 0 });
  });

  test('not for clerks or residents; a bad month is 400', async () => {
    expect((await call('GET', '/admin/satisfaction', { token: clerk })).status).toBe(403);
    expect((await call('GET', '/admin/satisfaction', { token: li })).status).toBe(403);
    expect((await call('GET', '/admin/satisfaction')).status).toBe(401);
    const bad = await call('GET', '/admin/satisfaction', { token: supervisor, query: { month: '2026-13' } });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch('月份不存在');
    const garbled = await call('GET', '/admin/satisfaction', { token: supervisor, query: { month: '2026/03' } });
    expect(garbled.status).toBe(400);
    expect(garbled.body.message).toMatch('月份格式应为 YYYY-MM');
  });
});

describe('contention', () => {
  test('eight residents rating at once: every rating lands and the counters add up exactly', async () => {
    const residents = await Promise.all(Array.from({ length: 8 }, (_, i) => residentToken(`r-crowd-${i}`)));
    const cases = [];
    for (const [i, token] of residents.entries()) cases.push(await concludedCase(token, `crowd-case-${i}`));
    const otherMonth = (await dashboard()).departments.find((x) => x.id === 'public-security');
    const before = deptRow(await dashboard())!.month.levels[4];
    const results = await Promise.all(cases.map((c, i) => rate(residents[i], c.id, `crowd-rate-${i}`)));
    expect(results.map((r) => r.status)).toEqual(Array(8).fill(201));
    const after = await dashboard();
    expect(deptRow(after)!.month.levels[4]).toBe(before! + 8);
    expect(after.departments.find((x) => x.id === 'public-security')).toEqual(otherMonth);
  });
});
