// 部门办件 while a window clerk is away: the cases the absent clerk handles are
// marked 代岗 in the queue of whoever serves their post today (B, else the head).
import { useTestTable } from '../support/table';
import { call } from '../support/api';
import { namedStaffToken, residentToken, seedReference, staffToken } from '../fixtures/world';
import { publishNextYear, today } from '../fixtures/days';
import { createApplication, type ApplicationRecord } from '../../functions/store/applications';

useTestTable();
// Six staff passwords hashed with scrypt, on a shared machine.
jest.setTimeout(30_000);

const base: ApplicationRecord = {
  id: '', caseNumber: '', residentId: 'r-1', applicantName: '张桂英', applicantPhone: null, serviceCode: 'QS-MZ-001', serviceName: '最低生活保障申请',
  departmentId: 'civil-affairs', departmentName: '县民政局', state: 'accepted', previousState: null, materials: [], missing: [], materialsRequests: 0,
  handler: null, proxy: null, submittedOn: today, firstSubmittedOn: today, acceptedOn: today, concludedOn: null,
  promisedDays: 10, statutoryDays: 20, extension: null, pauses: [], submittedAt: new Date().toISOString(), updatedAt: new Date().toISOString(), version: 1,
};
const handledBy = (username: string, name: string) => ({ handler: { username, name, phone: null } });
const add = (id: string, over: Partial<ApplicationRecord>) => createApplication({ ...base, id, caseNumber: id.toUpperCase(), ...over }, `idem-${id}`, []);

let headMz: string, clerkA: string, clerkB: string, clerkGa: string, supervisor: string, admin: string, zhang: string;

beforeAll(async () => {
  await seedReference();
  await publishNextYear();
  headMz = await namedStaffToken('head-mz', '陈秀兰', 'dept_head', 'civil-affairs');
  clerkA = await namedStaffToken('clerk-a', '赵丽', 'clerk', 'civil-affairs');
  clerkB = await namedStaffToken('clerk-b', '钱芳', 'clerk', 'civil-affairs');
  clerkGa = await namedStaffToken('clerk-ga', '孙海燕', 'clerk', 'public-security');
  supervisor = await staffToken('xiaoneng', 'supervisor', null);
  admin = await staffToken('admin1', 'admin', null);
  zhang = await residentToken('r-zhang');
  await add('case-by-zhao-01', handledBy('clerk-a', '赵丽'));
  await add('case-by-qian-01', handledBy('clerk-b', '钱芳'));
  await add('case-unsigned-1', { state: 'submitted', acceptedOn: null });
  for (const [a, b] of [['clerk-a', 'clerk-b'], ['clerk-b', 'clerk-a']] as const) {
    expect((await call('PUT', `/admin/staff/${a}/backup`, { token: headMz, body: { backupUsername: b } })).status).toBe(200);
  }
}, 120_000);

async function marks(token: string, departmentId?: string): Promise<Record<string, string | null>> {
  const res = await call('GET', '/admin/queue', { token, query: departmentId ? { departmentId } : {} });
  expect(res.status).toBe(200);
  return Object.fromEntries(res.body.applications.map((a) => [a.id, a.coveringFor ?? null]));
}
const absent = async (username: string) => expect((await call('POST', `/admin/staff/${username}/absences`, { token: headMz, body: { date: today } })).status).toBe(201);

test('nobody away: no case is marked', async () => {
  expect(await marks(clerkB)).toEqual({ 'case-by-zhao-01': null, 'case-by-qian-01': null, 'case-unsigned-1': null });
});

test('赵丽 away: 钱芳 (her B post) sees 赵丽\'s cases marked; 赵丽, the head and the supervisor see no mark', async () => {
  await absent('clerk-a');
  expect(await marks(clerkB)).toEqual({ 'case-by-zhao-01': '赵丽', 'case-by-qian-01': null, 'case-unsigned-1': null });
  expect(Object.values(await marks(clerkA)).every((m) => m === null)).toBe(true);
  expect(Object.values(await marks(headMz)).every((m) => m === null)).toBe(true);
  expect(Object.values(await marks(supervisor, 'civil-affairs')).every((m) => m === null)).toBe(true);
});

test('钱芳 away too: the head serves both posts and sees both marked', async () => {
  await absent('clerk-b');
  expect(await marks(headMz)).toEqual({ 'case-by-zhao-01': '赵丽', 'case-by-qian-01': '钱芳', 'case-unsigned-1': null });
});

test('the queue still answers 401, 403 (another department, a resident) and 400 (no department chosen) in Chinese', async () => {
  expect((await call('GET', '/admin/queue')).status).toBe(401);
  const other = await call('GET', '/admin/queue', { token: clerkGa, query: { departmentId: 'civil-affairs' } });
  expect(other.status).toBe(403);
  expect(other.body.message).toBe('只能查看本部门的办件');
  expect((await call('GET', '/admin/queue', { token: zhang })).status).toBe(403);
  const choose = await call('GET', '/admin/queue', { token: admin });
  expect(choose.status).toBe(400);
  expect(choose.body.message).toBe('请选择部门');
});
