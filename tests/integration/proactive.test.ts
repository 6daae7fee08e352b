// 主动服务 on DynamoDB Local: turning 70 this month brings the 老年人优待证
// reminder, turning 80 the 高龄津贴 one with the item to apply for; one per
// rule per person per year however often the job runs; found by the birth index.
import { useTestTable } from '../support/table';
import { call } from '../support/api';
import { residentToken, seedReference, serviceInput, staffToken, VILLAGE } from '../fixtures/world';
import { addCalendarDays, shanghaiDate } from '../../functions/domain/calendar';
import { certificatesOf, holdingItem } from '../../functions/store/certificates';
import { createService } from '../../functions/store/services';
import { addMonths } from '../../functions/domain/certificates';
import { transact } from '../../functions/store/transact';
import { runProactive } from '../../functions/jobs/proactive';

useTestTable();
const today = shanghaiDate();
const [y, m] = [Number(today.slice(0, 4)), today.slice(5, 7)];
const born = (age: number) => `${y - age}-${m}-01`;
let seventy: string, eighty: string, older: string;

beforeAll(async () => {
  await seedReference();
  const resident = async (id: string, birthDate: string) => {
    const token = await residentToken(id);
    expect((await call('PUT', '/me', { token, body: { currentRegionCode: VILLAGE, birthDate } })).status).toBe(200);
    return token;
  };
  seventy = await resident('r-70', born(70));
  eighty = await resident('r-80', born(80));
  older = await resident('r-72', born(72));
});

test('one reminder per rule per person per year, whatever the reruns', async () => {
  expect(await runProactive()).toEqual({ written: 2, already: 0 });
  expect(await runProactive()).toEqual({ written: 0, already: 2 });
  const inbox80 = (await call('GET', '/inbox', { token: eighty })).body.items;
  expect(inbox80).toEqual([expect.objectContaining({ kind: 'proactive', title: '可申领高龄津贴', page: 'packages/service/detail?code=QS-MZ-004' })]);
  expect((await call('GET', '/inbox', { token: seventy })).body.items.map((i) => i.title)).toEqual(['可申领老年人优待证']);
  expect((await call('GET', '/inbox', { token: older })).body.items).toEqual([]);
});

test('a changed birth date moves the resident in the index', async () => {
  expect((await call('PUT', '/me', { token: older, body: { birthDate: born(70) } })).status).toBe(200);
  expect(await runProactive()).toEqual({ written: 1, already: 2 });
});

describe('a certificate or benefit about to end', () => {
  const inDays = (n: number) => addCalendarDays(today, n);
  const hold = (residentId: string, certificate: 'high_age_allowance' | 'elder_card', endsOn: string) =>
    transact(() => [holdingItem(residentId, { certificate, grantedOn: '2025-01-01', endsOn, caseId: `case-${residentId}` })]);

  test('ending within 30 days brings one renewal reminder a year; later than that, none yet', async () => {
    await runProactive(); // whatever the age rules owe
    await hold('r-80', 'high_age_allowance', inDays(20));
    await hold('r-72', 'elder_card', inDays(45));
    expect(await runProactive()).toMatchObject({ written: 1 });
    const titles = (await call('GET', '/inbox', { token: eighty })).body.items.map((i) => i.title);
    expect(titles).toContain('高龄津贴资格即将到期');
    expect((await call('GET', '/inbox', { token: older })).body.items.map((i) => i.title)).not.toContain('老年人优待证即将到期');
    expect(await runProactive()).toMatchObject({ written: 0 });
    // Fifteen days on, the elder card is within its 30 days.
    const later = new Date(Date.now() + 16 * 86_400_000);
    expect((await runProactive(later)).written).toBeGreaterThanOrEqual(1);
    expect((await call('GET', '/inbox', { token: older })).body.items.map((i) => i.title)).toContain('老年人优待证即将到期');
  });
});

test('a 高龄津贴 approved today is on record for a year, and its renewal reminder comes 30 days before it ends', async () => {
  const now = new Date().toISOString();
  await createService({
    ...serviceInput('QS-MZ-004', { name: '高龄津贴申领', minAge: 80, grants: { certificate: 'high_age_allowance', validMonths: 12 } }),
    departmentName: '县民政局', stats: { concluded: 0, onTimeRate: null, medianDays: null }, version: 1, updatedAt: now,
  });
  const clerk = await staffToken('clerk-mz', 'clerk', 'civil-affairs');
  const applicant = await residentToken('r-81');
  expect((await call('PUT', '/me', { token: applicant, body: { currentRegionCode: VILLAGE, birthDate: born(81) } })).status).toBe(200);
  const materials = ['居民身份证', '户口簿', '家庭收入情况声明'].map((name) => ({ name, provided: false, uploadKeys: [] }));
  const applied = await call('POST', '/applications', { token: applicant, body: { serviceCode: 'QS-MZ-004', idempotencyKey: 'allowance-81', materials, proxy: false } });
  expect(applied.status).toBe(201);
  let version = applied.body.version;
  for (const action of ['accept', 'review', 'approve']) {
    const res = await call('POST', `/admin/applications/${applied.body.id}/actions`, { token: clerk, body: { action, version } });
    expect(res.status).toBe(200);
    version = res.body.version;
  }
  const [held] = await certificatesOf('r-81');
  expect(held).toMatchObject({ certificate: 'high_age_allowance', grantedOn: today, caseId: applied.body.id });
  expect(held!.endsOn).toBe(addCalendarDays(addMonths(today, 12), -1));
  // Eleven months on, nothing yet; 25 days before the end, the reminder.
  const at = (date: string) => new Date(`${date}T08:00:00+08:00`);
  const before = (await call('GET', '/inbox', { token: applicant })).body.items.length;
  await runProactive(at(addCalendarDays(held!.endsOn, -40)));
  expect((await call('GET', '/inbox', { token: applicant })).body.items).toHaveLength(before);
  await runProactive(at(addCalendarDays(held!.endsOn, -25)));
  const titles = (await call('GET', '/inbox', { token: applicant })).body.items.map((i: any) => i.title);
  expect(titles.filter((t: string) => t === '高龄津贴资格即将到期')).toHaveLength(1);
});
