// The daily deadline sweep over real cases in DynamoDB Local.
import { useTestTable } from '../support/table';
import { call } from '../support/api';
import { seedReference, staffToken } from '../fixtures/world';
import { sweepDeadlines } from '../../functions/jobs/deadline-sweep';
import { useFakeWechat } from '../support/wechat';
import { getOutbox } from '../../functions/store/outbox';
import { createApplication, type ApplicationRecord } from '../../functions/store/applications';
import { createRating, type RatingRecord } from '../../functions/store/ratings';
import type { TicketRecord } from '../../functions/store/tickets';

useTestTable();
const wx = useFakeWechat();

const base: ApplicationRecord = {
  id: '', caseNumber: '', residentId: 'r-1', applicantName: '张桂英', applicantPhone: null, serviceCode: 'QS-MZ-001', serviceName: '最低生活保障申请',
  departmentId: 'civil-affairs', departmentName: '县民政局', state: 'accepted', previousState: null, materials: [], missing: [], materialsRequests: 0,
  handler: null, proxy: null, submittedOn: '2026-03-02', firstSubmittedOn: '2026-03-02', acceptedOn: '2026-03-02', concludedOn: null,
  promisedDays: 10, statutoryDays: 20, extension: null, pauses: [], submittedAt: '2026-03-02T01:00:00Z', updatedAt: '2026-03-02T01:00:00Z', version: 1,
};
const add = (id: string, caseNumber: string, over: Partial<ApplicationRecord>) =>
  createApplication({ ...base, id, caseNumber, ...over }, `idem-${id}`, []);

async function badReview(departmentId: string, reference: string, dueOn: string) {
  const at = '2026-03-03T02:00:00.000Z';
  const rating: RatingRecord = {
    targetType: 'application', targetId: `case-${reference.toLowerCase()}`, residentId: 'r-1', reference, serviceCode: 'QS-MZ-001', serviceName: '最低生活保障申请',
    departmentId, departmentName: '某部门', responsible: null, agent: null, townCode: null, concludedOn: '2026-03-02',
    level: 1, dimensions: { efficiency: 1, attitude: 1, service: 1, convenience: 1 }, reasons: ['attitude'], comment: null, agentLevel: null,
    isDefault: false, ratedAt: at, month: '2026-03', ticketId: `20260303T020000-${reference.toLowerCase()}`, ticket: null, voided: false, version: 1,
  };
  const ticket: TicketRecord = {
    id: rating.ticketId!, targetType: 'application', targetId: rating.targetId, residentId: 'r-1', reference, serviceName: rating.serviceName,
    departmentId, departmentName: '某部门', responsible: null, level: 1, reasons: ['attitude'], comment: null, status: 'verified', statusBeforeAppeal: null,
    createdOn: '2026-03-03', dueOn, verification: '属实', rectification: null, followUp: null, outcome: null, outcomeAt: null, appeal: null,
    events: [], createdAt: at, updatedAt: at, version: 2,
  };
  expect(await createRating(rating, `idem-${reference}`, ticket)).toBe('created');
}

let head: string, otherHead: string;
beforeAll(async () => {
  await seedReference();
  head = await staffToken('head-mz', 'dept_head', 'civil-affairs');
  otherHead = await staffToken('head-ga', 'dept_head', 'public-security');
  // On 2026-03-13: accepted 2 Mar + 10 working days = due 16 Mar (yellow at ≤ 1 day left).
  await add('case-green-0001', 'C-GREEN', { acceptedOn: '2026-03-12', submittedOn: '2026-03-12', firstSubmittedOn: '2026-03-12' });
  await add('case-yellow-001', 'C-YELLOW', { acceptedOn: '2026-03-02' });
  await add('case-red-000001', 'C-RED', { acceptedOn: '2026-02-24', submittedOn: '2026-02-24', firstSubmittedOn: '2026-02-24' });
  // Submitted 2 Mar, no intake decision: due 9 Mar, so counted as accepted on 13 Mar.
  await add('case-deemed-001', 'C-DEEMED', { state: 'submitted', acceptedOn: null, promisedDays: 20 });
  // Bad reviews whose rectification tickets fell due on 10 Mar (overdue on 13 Mar) and on 13 Mar (not yet).
  await badReview('agriculture', 'T-LATE', '2026-03-10');
  await badReview('civil-affairs', 'T-DUE-TODAY', '2026-03-13');
  await add('case-ga-000001', 'C-GA-RED', { departmentId: 'public-security', departmentName: '县公安局', acceptedOn: '2026-02-24', submittedOn: '2026-02-24', firstSubmittedOn: '2026-02-24' });
});

test('the sweep leaves each department a digest of yellow, red and deemed-accepted cases', async () => {
  const digests = await sweepDeadlines(new Date('2026-03-13T00:00:00Z'));
  const mz = digests.find((d) => d.departmentId === 'civil-affairs')!;
  expect(mz).toMatchObject({ date: '2026-03-13', red: ['C-RED'], yellow: ['C-YELLOW'], deemedAccepted: ['C-DEEMED'] });
  expect(digests.find((d) => d.departmentId === 'public-security')!.red).toEqual(['C-GA-RED']);
});

test('a department head who bound WeChat gets the digest as a push, once a day however often the sweep runs', async () => {
  const bound = await call('POST', '/admin/me/wechat', { token: head, body: { code: wx.code('openid-head-mz'), results: { 'TPL-STAFF-DIGEST': 'accept' } } });
  expect(bound.status).toBe(200);
  expect((await call('POST', '/admin/me/wechat', { token: head, body: { code: 'never-minted' } })).status).toBe(401);
  expect((await call('POST', '/admin/me/wechat', { token: head, body: { code: '' } })).status).toBe(400);
  expect((await call('POST', '/admin/me/wechat', { body: { code: 'x' } })).status).toBe(401);
  await sweepDeadlines(new Date('2026-03-13T00:00:00Z'));
  await sweepDeadlines(new Date('2026-03-13T01:00:00Z'));
  const row = await getOutbox('digest-civil-affairs-2026-03-13-head-mz');
  expect(row).toMatchObject({ state: 'pending', template: 'staff_digest', recipient: { kind: 'staff', username: 'head-mz' }, data: { number2: '3' } }); // C-RED, C-YELLOW, C-DEEMED
  // The other head did not bind WeChat: nothing for them.
  expect(await getOutbox('digest-public-security-2026-03-13-head-ga')).toBeUndefined();
});

test('rectification tickets past their deadline are in their department’s digest', async () => {
  const digests = await sweepDeadlines(new Date('2026-03-13T00:00:00Z'));
  expect(digests.find((d) => d.departmentId === 'agriculture')).toMatchObject({ red: [], overdueTickets: ['T-LATE'] });
  expect(digests.find((d) => d.departmentId === 'civil-affairs')!.overdueTickets).toEqual([]);
});

test('a department head reads their digest; not another department’s', async () => {
  const res = await call('GET', '/admin/alerts', { token: head, query: { date: '2026-03-13' } });
  expect(res.status).toBe(200);
  expect(res.body).toMatchObject({ red: ['C-RED'], yellow: ['C-YELLOW'], deemedAccepted: ['C-DEEMED'] });
  expect((await call('GET', '/admin/alerts', { token: otherHead, query: { departmentId: 'civil-affairs', date: '2026-03-13' } })).status).toBe(403);
  const none = await call('GET', '/admin/alerts', { token: head, query: { date: '2026-03-14' } });
  expect(none.body).toMatchObject({ sweptAt: null, red: [] });
  expect((await call('GET', '/admin/alerts', { token: head, query: { date: '13/03/2026' } })).status).toBe(400);
  expect((await call('GET', '/admin/alerts')).status).toBe(401);
});

test('the supervisor names a department: one that does not exist is 404, a malformed id 400, never echoed', async () => {
  const sup = await staffToken('sup-1', 'supervisor', null);
  const missing = await call('GET', '/admin/alerts', { token: sup, query: { departmentId: 'no-such-dept', date: '2026-03-14' } });
  expect(missing.status).toBe(404);
  const spoofed = await call('GET', '/admin/alerts', { token: sup, query: { departmentId: '\u2066civil\u2069', date: '2026-03-14' } });
  expect(spoofed.status).toBe(400);
  expect(JSON.stringify(spoofed.body)).not.toContain('\u2066');
});
