import { homePlan, needsSupervision } from '../../functions/domain/workbench';

const staff = (role: 'clerk' | 'dept_head' | 'supervisor' | 'admin' | 'agent', departmentId: string | null, regionCode = '511999') => ({ username: 'u', role, departmentId, regionCode });

describe('workbench home plan', () => {
  test('a department clerk counts their point, queue, tickets and demands; never the overdue list', () => {
    expect(homePlan(staff('clerk', 'civil-affairs', '511999101'))).toEqual({
      appointmentsRegion: '511999101', queue: { kind: 'department', departmentId: 'civil-affairs' }, overdue: false,
      tickets: { departmentId: 'civil-affairs' }, demands: { bucket: 'DEPT#civil-affairs' }, commitmentsOverdue: false,
    });
  });

  test('a town 便民服务中心 clerk without a department counts the town’s cases and the intake', () => {
    expect(homePlan(staff('clerk', null, '511999101'))).toMatchObject({ queue: { kind: 'town', townCode: '511999101' }, tickets: null, demands: { bucket: 'INTAKE' } });
  });

  test('supervisors and admins count everything but a queue', () => {
    for (const role of ['supervisor', 'admin'] as const) {
      expect(homePlan(staff(role, null))).toEqual({ appointmentsRegion: '511999', queue: null, overdue: true, tickets: 'all', demands: 'all', commitmentsOverdue: true });
    }
  });

  test('an agent counts only the demands waiting for a first taker', () => {
    expect(homePlan(staff('agent', null, '511999101201'))).toEqual({ appointmentsRegion: null, queue: null, overdue: false, tickets: null, demands: { bucket: 'INTAKE' }, commitmentsOverdue: false });
  });

  test('the supervisor’s list: red, yellow or deemed accepted', () => {
    expect(needsSupervision({ light: 'red', deemedAccepted: false })).toBe(true);
    expect(needsSupervision({ light: 'yellow', deemedAccepted: false })).toBe(true);
    expect(needsSupervision({ light: 'green', deemedAccepted: true })).toBe(true);
    expect(needsSupervision({ light: 'green', deemedAccepted: false })).toBe(false);
    expect(needsSupervision({ light: 'done', deemedAccepted: false })).toBe(false);
  });
});
