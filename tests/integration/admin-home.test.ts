// The workbench home's counts through the in-process HTTP API on DynamoDB
// Local: each role gets the numbers of its entries (null for the others).
import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { useTestTable } from '../support/table';
import { call } from '../support/api';
import { COUNTY, residentToken, seedReference, staffToken, TOWN, VILLAGE } from '../fixtures/world';
import { db, tableName } from '../../functions/store/client';
import { key } from '../../functions/store/keys';
import { putServicePoint } from '../../functions/store/points';
import { shanghaiDate } from '../../functions/domain/calendar';

useTestTable();
let zhang: string, clerk: string, supervisor: string, agent: string;
const today = shanghaiDate();

const put = (item: Record<string, unknown>) => db().send(new PutCommand({ TableName: tableName(), Item: item }));
const booking = (id: string, status: string) =>
  put({ ...key.appointment(id), ...key.appointmentByPlaceDay('chengguan-center', today, '09:00', id), id, status, placeId: 'chengguan-center', date: today });

beforeAll(async () => {
  await seedReference();
  clerk = await staffToken('clerk-mz', 'clerk', 'civil-affairs', TOWN);
  supervisor = await staffToken('xiaoneng', 'supervisor', null, COUNTY);
  agent = await staffToken('agent-wang', 'agent', null, VILLAGE);
  zhang = await residentToken('r-zhang');
  await putServicePoint({
    id: 'chengguan-center', name: '城关镇便民服务中心', level: 'town', regionCode: TOWN, address: '人民路102号', phone: '',
    openingHours: '工作日', serviceCodes: ['QS-MZ-001'],
  });
  await booking('appt-1', 'booked');
  await booking('appt-2', 'checked_in');
  await booking('appt-3', 'cancelled');
  const materials = [{ name: '居民身份证', provided: false, uploadKeys: [] }];
  const cases = [];
  for (const k of ['home-apply-1', 'home-apply-2']) {
    cases.push((await call('POST', '/applications', { token: zhang, body: { serviceCode: 'QS-MZ-001', idempotencyKey: k, materials, proxy: false } })).body.id);
  }
  // One case waited far past the 5 working days for an intake decision: deemed accepted, on the supervisor's list.
  await db().send(new UpdateCommand({
    TableName: tableName(), Key: key.application(cases[0]!),
    UpdateExpression: 'SET submittedOn = :d, firstSubmittedOn = :d', ExpressionAttributeValues: { ':d': `${today.slice(0, 4)}-01-05` },
  }));
  const file = (k: string) => call('POST', '/demands', {
    token: zhang,
    body: { idempotencyKey: k, type: 'help', domain: 'civil_affairs', text: '家门口的路灯坏了一个月，晚上出门不方便', place: { regionCode: VILLAGE }, anonymous: false },
  });
  const d1 = (await file('home-demand-1')).body;
  await file('home-demand-2');
  expect((await call('POST', `/admin/demands/${d1.id}/actions`, { token: clerk, body: { action: 'dispatch', version: d1.version, departmentId: 'civil-affairs' } })).status).toBe(200);
  await put({ ...key.ticket('t-1'), ...key.openTicket(today, 't-1'), id: 't-1', departmentId: 'civil-affairs', status: 'open' });
  await put({ ...key.ticket('t-2'), ...key.openTicket(today, 't-2'), id: 't-2', departmentId: 'public-security', status: 'open' });
});

describe('GET /admin/home', () => {
  test('a clerk: today at their point, their queue, their department’s tickets and demands', async () => {
    const res = await call('GET', '/admin/home', { token: clerk });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ date: today, counts: { appointmentsToday: 2, queue: 2, overdue: null, tickets: 1, demands: 1, commitmentsOverdue: null } });
  });

  test('the supervisor: the county’s overdue, every open ticket and demand, the commitments past their deadline', async () => {
    // Open commitments by deadline: one past (counted), one due today and one pending (not).
    await put({ ...key.openCommitment(`${today.slice(0, 4)}-01-05`, '20260101T000000-aaaaaa', 1) });
    await put({ ...key.openCommitment(today, '20260101T000000-aaaaaa', 2) });
    await put({ ...key.openCommitment(null, '20260101T000000-aaaaaa', 3) });
    const res = await call('GET', '/admin/home', { token: supervisor });
    expect(res.body.counts).toEqual({ appointmentsToday: 0, queue: null, overdue: 1, tickets: 2, demands: 2, commitmentsOverdue: 1 });
  });

  test('an agent: only the demands waiting for a first taker', async () => {
    const res = await call('GET', '/admin/home', { token: agent });
    expect(res.body.counts).toEqual({ appointmentsToday: null, queue: null, overdue: null, tickets: null, demands: 1, commitmentsOverdue: null });
  });

  test('401 without a token, 403 for a resident', async () => {
    expect((await call('GET', '/admin/home')).status).toBe(401);
    expect((await call('GET', '/admin/home', { token: zhang })).status).toBe(403);
  });
});
