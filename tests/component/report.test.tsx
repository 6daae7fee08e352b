// 民情月报 and 投诉核查与问责 in the workbench: the report's figures against
// last month, the SVG charts with their numbers in words, the tables; the
// ladder step, the actions owed and the apology recorded.
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import ReportPage from '../../miniprogram/src/workbench/report/index';
import AccountabilityPage from '../../miniprogram/src/workbench/accountability/index';
import { setToken } from '../../miniprogram/src/api/session';
import { barChartSvg, lineChartSvg } from '../../miniprogram/src/utils/charts';
import type { MonthlyReport, UnitFigures } from '../../shared/schemas/reports';
import type { AccountabilityResponse } from '../../shared/schemas/accountability';
import { mockApi, ok } from './support/api';
import { staffProfile } from './support/fixtures';
import { demand, summary } from './support/demands';

const future = () => new Date(Date.now() + 3600_000).toISOString();
const figures = (over: Partial<UnitFigures> = {}): UnitFigures => ({
  received: 20, resolved: 15, unresolved: 3, score: 14.1, responseRate: 0.9, resolutionRate: 0.833, satisfactionRate: 0.889,
  overdue: 1, returned: 2, reopened: 0, validComplaints: 1, defaultClosed: 2, label: 'basic', ...over,
});
const report: MonthlyReport = {
  month: '2026-10', previousMonth: '2026-09', closed: true,
  county: { current: figures(), previous: figures({ received: 16, score: 11.4, responseRate: 0.8 }) },
  byChannel: [{ channel: 'hotline', count: 8, previous: 5 }], byDomain: [{ domain: 'roads', count: 7, previous: 3 }, { domain: 'health', count: 4, previous: 4 }],
  byGrade: [{ grade: 'A', count: 2, previous: 1 }], byType: [{ type: 'complaint', count: 9, previous: 6 }],
  cells: [{ channel: 'hotline', domain: 'roads', grade: 'B', count: 5, previous: 2 }],
  units: [{ kind: 'department', id: 'civil-affairs', name: '县民政局', current: figures(), previous: figures({ score: 9 }) }],
  applications: [{ departmentId: 'civil-affairs', name: '县民政局', concluded: 12, onTime: 11, onTimeRate: 0.917 }],
  reviews: [{ departmentId: 'civil-affairs', name: '县民政局', badReviews: 2, previous: 1, openTickets: 1, overdueTickets: 0 }],
  hotSpots: [{ domain: 'roads', villageCode: '511999102202', villageName: '柏林村', count: 5, previous: 2, change: 3 }],
  trend: ['2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10'].map((month, i) => ({ month, responseRate: i ? 0.8 + i * 0.02 : null, resolutionRate: 0.8, satisfactionRate: 0.85, received: 10 + i })),
};

describe('the monthly report page', () => {
  it('shows each figure against last month, the charts in words and every table', async () => {
    setToken('staff', 'tok', future());
    const seen = mockApi({ 'GET /admin/reports/monthly': ok(report) });
    const { container } = render(<ReportPage />);
    await screen.findByText(/民情月报 · /);
    expect(seen[0]!.query.month).toMatch(/^\d{4}-\d{2}$/);
    const score = container.querySelector('[data-figure="得分"]')!;
    expect(score.textContent).toContain('14.1');
    expect(score.textContent).toContain('上月 11.4');
    expect(score.textContent).toContain('↑2.7');
    expect(container.querySelector('[data-figure="响应率"]')!.textContent).toContain('↑10个百分点');
    console.log('DBG', container.querySelectorAll('.report-chart').length, Array.from(container.querySelectorAll('[aria-label]')).map((e) => e.tagName + ':' + e.getAttribute('aria-label')!.slice(0, 30)).join(' / '));
    // The chart's words: on the image (alt) or its label.
    const chart = (re: RegExp) => screen.queryByAltText(re) ?? screen.queryByLabelText(re);
    expect(chart(/按领域：道路交通7件，医疗卫生4件/)).toBeTruthy();
    expect(chart(/近六个月三率：2026-05 响应率/)).toBeTruthy();
    expect(container.querySelector('[data-table="hotspots"]')!.textContent).toContain('柏林村');
    expect(container.querySelector('[data-table="units"]')!.textContent).toContain('基本满意');
    expect(screen.getByText('下载CSV')).toBeTruthy();
  });
});

describe('the charts', () => {
  it('draw bars to scale and leave a gap in a line where a month has no figure', () => {
    const bars = barChartSvg([{ label: '道路<交通>', value: 10, previous: 5 }, { label: '医疗', value: 5 }], 640);
    expect(bars).toContain('&lt;交通&gt;');
    expect(bars).toContain('width="430"');
    expect(bars).toContain('width="215"');
    const line = lineChartSvg(['2026-01', '2026-02', '2026-03'], [{ label: '响应率', color: '#000', values: [0.5, null, 1] }]);
    expect(line.match(/<polyline/g)).toHaveLength(2);
  });
});

describe('the accountability page', () => {
  const ladder: AccountabilityResponse = {
    people: [{
      username: 'clerk-mz', name: '陈静', department: { id: 'civil-affairs', name: '县民政局' }, count: 2, step: 2, stepLabel: '认定不胜任并培训',
      owed: [{ complaintId: 'c0000002', step: 2, action: 'training' }],
      entries: [],
    }],
    apologies: [{
      id: '2026-civil-affairs-1', year: '2026', department: { id: 'civil-affairs', name: '县民政局' }, kind: 'private', complaintId: 'c0000001',
      demandNumber: '20261001-ABCDE', dueOn: '2026-10-09', overdue: true, doneAt: null, note: null,
    }],
  };

  it('shows the step and the actions owed, and records the apology', async () => {
    setToken('staff', 'tok', future());
    const seen = mockApi({
      'GET /admin/me': ok({ ...staffProfile, role: 'supervisor', username: 'dc01', name: '赵督查', departmentId: null, departmentName: null }),
      'GET /admin/complaints': ok({ complaints: [], nextCursor: null }),
      'GET /admin/demands': ok({ demands: [summary(demand, { id: 'd-0000-open', number: '20261001-WXYZ2', type: 'complaint' }), summary(demand, { id: 'd-help', type: 'help' })], nextCursor: null }),
      'POST /admin/demands/{id}/complaint': { status: 201, body: {} },
      'GET /admin/accountability': ok(ladder),
      'POST /admin/apologies/{id}/done': ok({ ...ladder.apologies[0], doneAt: new Date().toISOString(), note: '已上门致歉', overdue: false }),
    });
    const { container } = render(<AccountabilityPage />);
    await screen.findByText(/两年内查实有效投诉 2 件/);
    // 投诉 not yet investigated: name the staff member and open it (a 求助 is not offered).
    expect(container.querySelectorAll('[data-open]')).toHaveLength(1);
    fireEvent.input(screen.getByLabelText('诉求 20261001-WXYZ2 被投诉工作人员的账号'), { target: { value: 'clerk-mz' } });
    fireEvent.click(screen.getByText('立案核查'));
    await waitFor(() => expect(seen.some((r) => r.method === 'POST' && r.path === '/admin/demands/d-0000-open/complaint')).toBe(true));
    expect(seen.find((r) => r.path === '/admin/demands/d-0000-open/complaint')!.body).toEqual({ staffUsername: 'clerk-mz' });
    expect(container.querySelector('[data-step="2"]')!.textContent).toContain('认定不胜任并培训');
    expect(screen.getByText('待培训')).toBeTruthy();
    expect(screen.getByText(/已超期/)).toBeTruthy();
    fireEvent.input(screen.getByLabelText('致歉情况'), { target: { value: '已上门致歉' } });
    fireEvent.click(screen.getByText('记录已致歉'));
    await waitFor(() => expect(seen.some((r) => r.method === 'POST' && r.path === '/admin/apologies/2026-civil-affairs-1/done')).toBe(true));
    expect(seen.find((r) => r.method === 'POST' && r.path.startsWith('/admin/apologies/'))!.body).toEqual({ note: '已上门致歉' });
  });
});
