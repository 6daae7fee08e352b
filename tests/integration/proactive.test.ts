// 主动服务 on DynamoDB Local: turning 70 this month brings the 老年人优待证
// reminder, turning 80 the 高龄津贴 one with the item to apply for; one per
// rule per person per year however often the job runs; found by the birth index.
import { useTestTable } from '../support/table';
import { call } from '../support/api';
import { residentToken, seedReference, VILLAGE } from '../fixtures/world';
import { addCalendarDays, shanghaiDate } from '../../functions/domain/calendar';
import { holdingItem } from '../../functions/store/certificates';
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
