// The demo seed writes through the backend's store and can run again safely.
import { seedDemo } from '../../scripts/seed';
import * as data from '../../scripts/seed/data';
import { listDepartments, listLeaders, listRegions } from '../../functions/store/reference';
import { getService, listServiceRows } from '../../functions/store/services';
import { getResident, getResidentIdByOpenid, getStaff } from '../../functions/store/people';
import { verifyPassword } from '../../functions/auth/password';
import { useTestTable } from '../support/table';

const { endpoint, tableName } = useTestTable();

describe('seedDemo', () => {
  it('writes the demo county, catalogue, staff and residents, and is idempotent', async () => {
    const first = await seedDemo(endpoint, tableName);
    expect(first.services).toEqual({ created: data.services.length, existing: 0 });
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

    const second = await seedDemo(endpoint, tableName);
    expect(second.services).toEqual({ created: 0, existing: data.services.length });
    expect(second.staff).toEqual({ created: 0, existing: data.staff.length });
    expect(second.residents).toEqual({ created: 0, existing: data.residents.length });
    expect(await listServiceRows()).toHaveLength(data.services.length);
  }, 30_000);
});
