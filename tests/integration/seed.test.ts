// The demo seed writes through the backend's store and can run again safely.
import { seedDemo } from '../../scripts/seed';
import * as data from '../../scripts/seed/data';
import { listDepartments, listLeaders, listRegions } from '../../functions/store/reference';
import { getService, listServiceRows } from '../../functions/store/services';
import { getResident, getResidentIdByOpenid, getStaff } from '../../functions/store/people';
import { verifyPassword } from '../../functions/auth/password';
import { useTestTable } from '../support/table';
import { call } from '../support/api';
import { signStaffToken } from '../../functions/auth/tokens';

const { endpoint, tableName } = useTestTable();

describe('seedDemo', () => {
  it('writes the demo county, catalogue, staff and residents, and is idempotent', async () => {
    const first = await seedDemo(endpoint, tableName);
    expect(first.services).toEqual({ created: data.services.length, existing: 0, refreshed: 0 });
    expect(first.staff.created).toBe(data.staff.length);

    expect(await listRegions()).toHaveLength(data.regions.length);
    expect(await listDepartments()).toHaveLength(data.departments.length);
    expect(await listLeaders()).toHaveLength(data.leaders.length);
    expect(await listServiceRows()).toHaveLength(data.services.length);

    const idCard = await getService('QS-GA-001');
    expect(idCard).toMatchObject({ name: '居民身份证换领', departmentName: '县公安局', feeYuan: 20, version: 1 });

    const admin = await getStaff('admin');
    expect(admin?.role).toBe('admin');
    expect(await verifyPassword(data.DEMO_PASSWORD, admin!.passwordHash)).toBe(true);

    const id = await getResidentIdByOpenid('demo-openid-wang');
    const wang = await getResident(id!);
    expect(wang).toMatchObject({ name: '王小军', tags: ['migrant_worker'], pairedCadreUsername: 'agent-yang' });
    // 赵德福's 高龄津贴 ends within 30 days: the morning's 主动服务 reminds him (and 张桂英 of her 优待证), once.
    const { certificatesOf } = await import('../../functions/store/certificates');
    const zhao = (await getResidentIdByOpenid('demo-openid-zhao'))!;
    expect((await certificatesOf(zhao)).map((c) => c.certificate).sort()).toEqual(['disability_card', 'high_age_allowance']);
    const { runProactive } = await import('../../functions/jobs/proactive');
    expect((await runProactive()).written).toBeGreaterThanOrEqual(2);
    expect((await runProactive()).written).toBe(0);

    // The past: concluded cases with their ratings, counted in the satisfaction counters.
    expect(first.history).toEqual({ created: data.history.length, existing: 0, skipped: 0 });
    const { getMonthSatisfaction } = await import('../../functions/store/satisfaction');
    const { listRecentTickets } = await import('../../functions/store/tickets');
    const { summarize } = await import('../../functions/domain/ratings');
    const { shanghaiDate } = await import('../../functions/domain/calendar');
    const [y, m] = shanghaiDate().split('-').map(Number) as [number, number];
    const lastMonth = new Date(Date.UTC(y, m - 2, 3)).toISOString().slice(0, 7);
    const recent = (await getMonthSatisfaction(lastMonth)).find((c) => c.scope === 'COUNTY');
    expect(summarize(recent ?? {})).toMatchObject({ total: 4, levels: [0, 0, 1, 1, 2], satisfactionRate: 1, goodRate: 0.75 });
    const tickets = await listRecentTickets(10);
    expect(tickets.map((t) => [t.status, t.outcome])).toEqual([
      ['closed', '已取消指南外的村委会证明要求，窗口人员已作检讨，并组织全员重学办事指南。'],
      ['closed', '因系统升级延误3个工作日，已改为人工受理、每日清零，并向居民致歉。'],
    ]);
    expect((await getService('QS-MZ-001'))?.stats.concluded).toBe(2);

    // A dozen demands across types, channels and states, with a merged pair.
    const { demandSeeds } = await import('../../scripts/seed/demands');
    expect(first.demands).toEqual({ created: demandSeeds.length, existing: 0 });
    const { listOpenDemands } = await import('../../functions/store/demands');
    const open = await listOpenDemands();
    expect(new Set(open.map((d) => d.state))).toEqual(new Set(['received', 'dispatched', 'signed', 'awaiting_resident', 'replied']));

    // Commitment cards in two villages: one done, one overdue, one waiting for its weekly update.
    const { cardSeeds } = await import('../../scripts/seed/commitments');
    expect(first.commitments).toEqual({ created: cardSeeds.length, existing: 0 });
    const page = await call('GET', '/commitments', { query: { regionCode: '511999103202' } });
    expect(page.body.cards[0]?.commitments.map((c) => c.light)).toEqual(['done', 'on_track', 'overdue', 'stale']);

    // 包联: the demo cadres' households (86 + 92 + 80 + 95) and their contacts; 王小军's family seen by agent-yang.
    expect(first.households).toMatchObject({ households: 353, existing: false });
    const cadre = await call('GET', '/admin/households', { token: (await signStaffToken('agent-yang', { role: 'agent', dept: '', region: '511999103202' })).token, query: { limit: '100' } });
    expect(cadre.body.households).toHaveLength(86);
    expect(cadre.body.households.find((h) => h.id === 'hh-agent-yang-wang')).toMatchObject({ headName: '王德贵', tags: ['left_behind', 'elderly', 'migrant_worker'] });

    const second = await seedDemo(endpoint, tableName);
    expect(second.households).toMatchObject({ existing: true });
    expect(second.commitments).toEqual({ created: 0, existing: cardSeeds.length });
    expect(second.demands).toEqual({ created: 0, existing: demandSeeds.length });
    expect(second.history).toEqual({ created: 0, existing: data.history.length, skipped: 0 });
    expect(second.services).toEqual({ created: 0, existing: data.services.length, refreshed: 0 });
    expect(second.staff).toEqual({ created: 0, existing: data.staff.length });
    expect(second.residents).toEqual({ created: 0, existing: data.residents.length });
    expect(await listServiceRows()).toHaveLength(data.services.length);
    // AB posts: each pair covers the other.
    expect((await getStaff('clerk-mz'))?.backupUsername).toBe('clerk-mz2');
    expect((await getStaff('clerk-mz2'))?.backupUsername).toBe('clerk-mz');
  }, 180_000);

  it('refreshes unedited items to the current seed text and leaves admin-edited ones alone', async () => {
    await seedDemo(endpoint, tableName);
    const { replaceService } = await import('../../functions/store/services');
    const pristine = (await getService('QS-MZ-004'))!;
    const edited = (await getService('QS-MZ-001'))!;
    // An older seed text on a never-edited item; an admin edit (version 2) on another.
    expect(await replaceService({ ...pristine, description: '旧版说明' }, 1)).toBe('updated');
    expect(await replaceService({ ...edited, description: '管理员改过的说明', version: 2 }, 1)).toBe('updated');

    const again = await seedDemo(endpoint, tableName);
    expect(again.services.refreshed).toBe(1);
    expect((await getService('QS-MZ-004'))?.description).toBe(pristine.description);
    expect((await getService('QS-MZ-001'))?.description).toBe('管理员改过的说明');
  }, 180_000);
});
