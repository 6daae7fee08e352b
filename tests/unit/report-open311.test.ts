// The CSV's fields and the Open311 rules: what is public, the default and
// the longest window, and a request with nothing of the reporter.
import { csvField, reportCsv, BOM } from '../../functions/domain/report-csv';
import { buildMonthlyReport } from '../../functions/domain/report-build';
import { isPublicDemand, open311Services, open311Status, open311Window, toOpen311Request } from '../../functions/domain/open311';

describe('the CSV', () => {
  it('quotes commas, quotes and line breaks, and defuses formulas', () => {
    expect(csvField('县民政局')).toBe('县民政局');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('他说"好"')).toBe('"他说""好"""');
    expect(csvField('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvField(-1.2)).toBe('-1.2');
    expect(csvField(null)).toBe('');
  });

  it('starts with a BOM, has every table, and compares with last month', () => {
    const stats = ['2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10'].map((month) => ({ month, scopes: {} as Record<string, Record<string, number>> }));
    stats[5]!.scopes = {
      COUNTY: { received: 3, recv_hotline_roads_A_complaint: 2, recv_miniprogram_civil_affairs_B_help: 1, signed: 2, signedInTime: 2, evaluated: 2, solved: 1, unsolved: 1, sat_satisfied: 1, sat_dissatisfied: 1 },
      'DEPT#housing': { received: 2, evaluated: 2, solved: 1, unsolved: 1, sat_satisfied: 1, sat_dissatisfied: 1, validComplaints: 1 },
      'TOWN#511999102': { received: 3 },
      SPOTS: { 'roads#511999102202': 2, 'civil_affairs#511999103202': 1 },
    };
    stats[4]!.scopes = { COUNTY: { received: 1, recv_hotline_roads_A_complaint: 1 }, SPOTS: { 'roads#511999102202': 1 } };
    const r = buildMonthlyReport({
      month: '2026-10', now: new Date('2026-11-02T00:00:00Z'), stats,
      satisfaction: { current: { 'DEPT#housing': { l1: 1, l4: 2 } }, previous: {} },
      departments: [{ id: 'housing', name: '县住房和城乡建设局' }], regionNames: new Map([['511999102', '向阳镇'], ['511999102202', '柏林村']]),
      items: [{ departmentId: 'housing', concluded: 4, onTime: 3 }], openTickets: [{ departmentId: 'housing', overdue: true }], onlyDepartment: null,
    });
    expect(r.closed).toBe(true);
    expect(r.county.current).toMatchObject({ received: 3, resolved: 1, unresolved: 1, score: 0.7, responseRate: 1, label: 'dissatisfied' });
    expect(r.county.previous.received).toBe(1);
    expect(r.byDomain).toEqual([{ domain: 'civil_affairs', count: 1, previous: 0 }, { domain: 'roads', count: 2, previous: 1 }]);
    expect(r.units.map((u) => [u.kind, u.name])).toEqual([['department', '县住房和城乡建设局'], ['town', '向阳镇']]);
    expect(r.units[0]!.current.validComplaints).toBe(1);
    expect(r.hotSpots[0]).toEqual({ domain: 'roads', villageCode: '511999102202', villageName: '柏林村', count: 2, previous: 1, change: 1 });
    expect(r.reviews).toEqual([{ departmentId: 'housing', name: '县住房和城乡建设局', badReviews: 1, previous: 0, openTickets: 1, overdueTickets: 1 }]);
    expect(r.applications[0]!.onTimeRate).toBe(0.75);
    expect(r.trend.map((t) => t.received)).toEqual([0, 0, 0, 0, 1, 3]);
    const csv = reportCsv(r);
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv).toContain('全县汇总（2026-10，对比2026-09）');
    expect(csv).toContain('道路交通,2,1');
    expect(csv).toContain('柏林村,2,1,1');
    expect(csv.split('\r\n').length).toBeGreaterThan(30);
    const head = buildMonthlyReport({ ...{ month: '2026-10', now: new Date(), stats, satisfaction: { current: {}, previous: {} }, departments: [], regionNames: new Map(), items: [], openTickets: [] }, onlyDepartment: 'other' });
    expect(head.units).toEqual([]);
  });
});

describe('Open311', () => {
  it('publishes neither anonymous demands nor 举报', () => {
    expect(isPublicDemand({ anonymous: false, type: 'help' })).toBe(true);
    expect(isPublicDemand({ anonymous: true, type: 'help' })).toBe(false);
    expect(isPublicDemand({ anonymous: false, type: 'report' })).toBe(false);
    expect(open311Services()).toHaveLength(56);
    expect(open311Services().some((s) => s.service_code.startsWith('report-'))).toBe(false);
    expect(['received', 'replied', 'closed', 'merged'].map((s) => open311Status(s as never))).toEqual(['open', 'open', 'closed', 'closed']);
  });

  it('lists the last 90 days by default and never a longer or backward window', () => {
    const now = new Date('2026-12-01T00:00:00Z');
    expect(open311Window(now)).toEqual({ from: '2026-09-02T00:00:00.000Z', to: '2026-12-01T00:00:00.000Z' });
    expect(open311Window(now, '2026-11-01T00:00:00+08:00')).toEqual({ from: '2026-10-31T16:00:00.000Z', to: '2026-12-01T00:00:00.000Z' });
    expect(open311Window(now, '2026-01-01T00:00:00Z', '2026-06-01T00:00:00Z')).toBeNull();
    expect(open311Window(now, '2026-06-01T00:00:00Z', '2026-05-01T00:00:00Z')).toBeNull();
  });

  it('reads a request at village level with the deadline in Shanghai time', () => {
    const r = toOpen311Request({
      id: 'd-12345678', type: 'complaint', domain: 'roads', state: 'closed', departmentName: '县住房和城乡建设局', replyResult: '已修复',
      filedAt: '2026-11-01T01:00:00.000Z', updatedAt: '2026-11-05T01:00:00.000Z', replyDueOn: '2026-11-14', villageCode: '511999102202', villageName: '柏林村',
    });
    expect(r).toMatchObject({ status: 'closed', status_notes: '已办结：已修复', service_code: 'complaint-roads', address: '柏林村', lat: null, long: null, description: null });
    expect(r.expected_datetime).toBe('2026-11-14T23:59:59+08:00');
  });
});
