// Personal data through the in-process HTTP API on DynamoDB Local: the
// privacy notice and consent, export, account deletion (what is erased,
// what is kept and why, audited), and the log of staff full views.
import { useTestTable } from '../support/table';
import { certificatesOf, holdingItem } from '../../functions/store/certificates';
import { transact } from '../../functions/store/transact';
import { call } from '../support/api';
import { residentToken, seedReference, staffToken, VILLAGE } from '../fixtures/world';
import { PRIVACY_NOTICE } from '../../functions/domain/privacy';
import { getApplication } from '../../functions/store/applications';
import { getDemand } from '../../functions/store/demands';
import { getResidentIdByOpenid } from '../../functions/store/people';
import { listPrivacyAudit } from '../../functions/store/privacy';
import { putServicePoint } from '../../functions/store/points';
import { getAppointment } from '../../functions/store/appointments';
import { createCalendar, shanghaiDate } from '../../functions/domain/calendar';
import { TOWN } from '../fixtures/world';

useTestTable();
let zhang: string, li: string, clerk: string, supervisor: string;

beforeAll(async () => {
  await seedReference();
  clerk = await staffToken('clerk-mz', 'clerk', 'civil-affairs');
  supervisor = await staffToken('xiaoneng', 'supervisor', null);
  zhang = await residentToken('r-zhang', { name: '张桂英', phone: '13800000000', birthDate: '1950-03-02' });
  li = await residentToken('r-li', { name: '李明', phone: '13912345678' });
});

const materials = [
  { name: '居民身份证', provided: false, uploadKeys: [] },
  { name: '户口簿', provided: false, uploadKeys: [] },
];
const apply = (token: string, key: string) =>
  call('POST', '/applications', { token, body: { serviceCode: 'QS-MZ-001', idempotencyKey: key, materials, proxy: false } });
const file = (token: string, key: string) =>
  call('POST', '/demands', {
    token,
    body: { idempotencyKey: key, type: 'help', domain: 'civil_affairs', text: '家门口的路灯坏了一个月，晚上出门不方便', place: { regionCode: VILLAGE }, anonymous: false },
  });

describe('privacy notice and consent', () => {
  test('the notice is public; GET /me says whether the current version is agreed; consent records version and time', async () => {
    const notice = await call('GET', '/privacy');
    expect(notice.status).toBe(200);
    expect(notice.body.version).toBe(PRIVACY_NOTICE.version);
    expect(notice.body.sections.length).toBeGreaterThan(2);
    expect((await call('GET', '/me', { token: li })).body.privacyConsented).toBe(false);
    const res = await call('POST', '/me/privacy-consent', { token: li, body: { version: PRIVACY_NOTICE.version } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ version: PRIVACY_NOTICE.version, current: true });
    expect((await call('GET', '/me', { token: li })).body.privacyConsented).toBe(true);
  });

  test('400 without a version, 401 without a token, 403 for staff, 409 for an old version', async () => {
    expect((await call('POST', '/me/privacy-consent', { token: li, body: {} })).status).toBe(400);
    expect((await call('POST', '/me/privacy-consent', { body: { version: PRIVACY_NOTICE.version } })).status).toBe(401);
    expect((await call('POST', '/me/privacy-consent', { token: clerk, body: { version: PRIVACY_NOTICE.version } })).status).toBe(403);
    const old = await call('POST', '/me/privacy-consent', { token: li, body: { version: '2020-01-01' } });
    expect(old.status).toBe(409);
    expect(old.body.message).toMatch(/已更新/);
  });
});

/** The first working day after today (the package knows this year and next). */
function nextWorkingDay(): string {
  const cal = createCalendar();
  const d = new Date(`${shanghaiDate()}T00:00:00Z`);
  do d.setUTCDate(d.getUTCDate() + 1);
  while (!cal.isWorkingDay(d.toISOString().slice(0, 10)));
  return d.toISOString().slice(0, 10);
}

describe('export and delete', () => {
  let caseId: string, demandId: string, apptId: string;
  beforeAll(async () => {
    await putServicePoint({
      id: 'chengguan-center', name: '城关镇便民服务中心', level: 'town', regionCode: TOWN, address: '人民路102号', phone: '',
      openingHours: '工作日', serviceCodes: ['QS-MZ-001'], windows: [{ start: '09:00', end: '10:00', capacity: 1 }],
    });
    const booked = await call('POST', '/appointments', {
      token: zhang, body: { slotId: `chengguan-center~${nextWorkingDay()}~0900`, serviceCode: 'QS-MZ-001', idempotencyKey: 'privacy-book-1' },
    });
    expect(booked.status).toBe(201);
    apptId = booked.body.id;
    const a = await apply(zhang, 'privacy-apply-1');
    expect(a.status).toBe(201);
    caseId = a.body.id;
    const d = await file(zhang, 'privacy-demand-1');
    expect(d.status).toBe(201);
    demandId = d.body.id;
    await transact(() => [holdingItem('r-zhang', { certificate: 'elder_card', grantedOn: '2024-05-06', endsOn: '2029-05-05', caseId: 'case-elder-card' })]);
  });

  test('export: everything held about me as JSON with a readable summary, audited', async () => {
    const res = await call('GET', '/me/export', { token: zhang });
    expect(res.status).toBe(200);
    expect(res.body.data.profile).toMatchObject({ id: 'r-zhang', name: '张桂英', phone: '13800000000' });
    expect(res.body.data.applications).toHaveLength(1);
    expect(res.body.data.applications[0]).toMatchObject({ timeline: expect.arrayContaining([expect.anything()]) });
    expect(res.body.data.demands).toHaveLength(1);
    expect(res.body.data.demands[0]).toMatchObject({ timeline: expect.arrayContaining([expect.anything()]) });
    expect(res.body.summary).toMatch(/办件 1 件/);
    expect(res.body.summary).toMatch(/诉求 1 件/);
    expect(res.body.data.certificates).toEqual([{ certificate: 'elder_card', grantedOn: '2024-05-06', endsOn: '2029-05-05', caseId: 'case-elder-card' }]);
    expect(res.body.summary).toMatch(/证照和待遇 1 项/);
    expect(JSON.stringify(res.body.data)).not.toMatch(/gsi1pk|"pk"/);
    expect((await listPrivacyAudit()).filter((a) => a.kind === 'export' && a.residentId === 'r-zhang')).toHaveLength(1);
  });

  test('export: 401 without a token, 403 for staff, 404 for a resident who is gone', async () => {
    expect((await call('GET', '/me/export')).status).toBe(401);
    expect((await call('GET', '/me/export', { token: clerk })).status).toBe(403);
    const { signResidentToken } = await import('../../functions/auth/tokens');
    expect((await call('GET', '/me/export', { token: (await signResidentToken('r-ghost')).token })).status).toBe(404);
  });

  test('delete needs the word typed back (400), a token (401), a resident (403)', async () => {
    expect((await call('POST', '/me/delete', { token: zhang, body: {} })).status).toBe(400);
    expect((await call('POST', '/me/delete', { token: zhang, body: { confirm: '删除' } })).status).toBe(400);
    expect((await call('POST', '/me/delete', { body: { confirm: '注销' } })).status).toBe(401);
    expect((await call('POST', '/me/delete', { token: clerk, body: { confirm: '注销' } })).status).toBe(403);
    expect((await call('GET', '/me', { token: zhang })).status).toBe(200);
  });

  test('delete: the profile and the WeChat link are erased, the case file and the demand kept without the identity; said why; audited; twice is a 409', async () => {
    const res = await call('POST', '/me/delete', { token: zhang, body: { confirm: '注销' } });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('done');
    expect(Date.parse(res.body.dueBy) - Date.parse(res.body.requestedAt)).toBe(15 * 86_400_000);
    expect(res.body.kept.map((k: { what: string }) => k.what)).toEqual(expect.arrayContaining(['办件档案', '诉求工单']));
    expect(res.body.kept.every((k) => k.reason!.length > 0)).toBe(true);

    expect((await call('GET', '/me', { token: zhang })).status).toBe(404);
    expect(await getResidentIdByOpenid('openid-r-zhang')).toBeUndefined();
    expect(await certificatesOf('r-zhang')).toEqual([]);
    expect(res.body.erased).toContainEqual({ what: '证照和待遇的到期记录', count: 1 });
    const kept = await getApplication(caseId);
    expect(kept).toMatchObject({ applicantPhone: null, residentId: 'erased' });
    expect((await call('GET', `/applications/${caseId}`, { token: zhang })).status).toBe(404);
    // The booking still to come is cancelled and its seat free for someone else.
    expect(await getAppointment(apptId)).toMatchObject({ status: 'cancelled', residentId: 'erased' });
    const seat = await call('POST', '/appointments', {
      token: li, body: { slotId: `chengguan-center~${nextWorkingDay()}~0900`, serviceCode: 'QS-MZ-001', idempotencyKey: 'privacy-book-2' },
    });
    expect(seat.status).toBe(201);
    const demand = await getDemand(demandId);
    expect(demand).toMatchObject({ residentId: null, reporter: { name: '已注销用户', phone: null } });
    // Still there for staff, the case file intact.
    expect((await call('GET', `/admin/applications/${caseId}`, { token: clerk })).status).toBe(200);

    const again = await call('POST', '/me/delete', { token: zhang, body: { confirm: '注销' } });
    expect(again.status).toBe(409);
    expect((await call('GET', '/me/export', { token: zhang })).status).toBe(404);
    const audit = (await listPrivacyAudit()).filter((a) => a.residentId === 'r-zhang').map((a) => a.kind);
    expect(audit).toEqual(expect.arrayContaining(['delete_requested', 'delete_done']));
    // Signing in again with the same WeChat account starts a new, empty account.
    const other = await call('GET', '/applications', { token: li });
    expect(other.body.applications).toHaveLength(0);
  });
});

describe('full views of personal data', () => {
  test('lists mask the phone; a detail shows it in full and the supervisor sees who looked, when, at which record', async () => {
    const a = await apply(li, 'privacy-apply-li');
    expect(a.status).toBe(201);
    const queue = await call('GET', '/admin/queue', { token: clerk, query: { departmentId: 'civil-affairs' } });
    const row = queue.body.applications.find((x: { id: string }) => x.id === a.body.id);
    expect(row!.applicant.phone).toBe('139****5678');
    const detail = await call('GET', `/admin/applications/${a.body.id}`, { token: clerk });
    expect(detail.body.applicant.phone).toBe('13912345678');
    await call('GET', `/admin/applications/${a.body.id}`, { token: supervisor });

    const log = await call('GET', '/admin/audit/full-views', { token: supervisor, query: { limit: '1' } });
    expect(log.status).toBe(200);
    expect(log.body.views[0]).toMatchObject({ username: 'xiaoneng', role: 'supervisor', recordType: 'application', recordId: a.body.id, fields: ['phone'] });
    expect(log.body.nextCursor).not.toBeNull();
    const next = await call('GET', '/admin/audit/full-views', { token: supervisor, query: { limit: '1', cursor: log.body.nextCursor! } });
    expect(next.status).toBe(200);
    expect(next.body.views[0]).toMatchObject({ username: 'clerk-mz', role: 'clerk', recordId: a.body.id });
  });

  test('400 for a bad cursor, 401 without a token, 403 for a clerk or a resident', async () => {
    expect((await call('GET', '/admin/audit/full-views', { token: supervisor, query: { cursor: 'bm9wZQ' } })).status).toBe(400);
    expect((await call('GET', '/admin/audit/full-views')).status).toBe(401);
    expect((await call('GET', '/admin/audit/full-views', { token: clerk })).status).toBe(403);
    expect((await call('GET', '/admin/audit/full-views', { token: li })).status).toBe(403);
  });
});

describe('the deletion sweep', () => {
  test('a deletion left scheduled (its request was cut short) is carried out by the morning sweep, once', async () => {
    const { countHoldings, getDeletion, listScheduledDeletions, scheduleDeletion } = await import('../../functions/store/privacy');
    const { sweepDeletions } = await import('../../functions/jobs/deletion-sweep');
    const { deletionDueBy } = await import('../../functions/domain/privacy');
    await residentToken('r-wu', { name: '吴芳', phone: '13700000000' });
    const requestedAt = new Date().toISOString();
    await scheduleDeletion({ residentId: 'r-wu', status: 'scheduled', requestedAt, dueBy: deletionDueBy(requestedAt), completedAt: null, holdings: await countHoldings('r-wu') });
    expect((await listScheduledDeletions()).map((d) => d.residentId)).toEqual(['r-wu']);

    expect(await sweepDeletions()).toEqual({ done: 1 });
    expect(await getDeletion('r-wu')).toMatchObject({ status: 'done' });
    expect(await getResidentIdByOpenid('openid-r-wu')).toBeUndefined();
    expect(await listScheduledDeletions()).toEqual([]);
    expect(await sweepDeletions()).toEqual({ done: 0 });
  });
});
