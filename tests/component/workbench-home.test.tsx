// The workbench home: a number beside each entry from GET /admin/home; an
// entry whose count is null shows none; without the counts the entries still work.
import { render, screen, within } from '@testing-library/react';
import Workbench from '../../miniprogram/src/workbench/index/index';
import { setToken } from '../../miniprogram/src/api/session';
import { mockApi, ok } from './support/api';
import { staffProfile } from './support/fixtures';

const entry = (label: string) => screen.getByText(label).closest('.cell') as HTMLElement;

beforeEach(() => {
  setToken('staff', 'staff-tok', new Date(Date.now() + 3600_000).toISOString());
});

describe('workbench home counts', () => {
  it('shows the clerk’s numbers beside the entries', async () => {
    mockApi({
      'GET /admin/me': ok(staffProfile),
      'GET /admin/home': ok({ date: '2026-12-01', counts: { appointmentsToday: 7, queue: 3, overdue: null, tickets: 0, demands: 12 } }),
    });
    render(<Workbench />);
    expect(await screen.findByText('12')).toBeInTheDocument();
    expect(within(entry('诉求')).getByText('12')).toBeInTheDocument();
    expect(within(entry('部门办件')).getByText('3')).toBeInTheDocument();
    expect(within(entry('今日预约')).getByText('7')).toBeInTheDocument();
    expect(within(entry('差评整改')).getByText('0')).toHaveClass('cell__count--zero');
    expect(screen.queryByText('超期督办')).not.toBeInTheDocument();
  });

  it('keeps the entries when the counts cannot be loaded', async () => {
    mockApi({ 'GET /admin/me': ok(staffProfile), 'GET /admin/home': { status: 500, body: { code: 'INTERNAL', message: '服务器错误' } } });
    render(<Workbench />);
    expect(await screen.findByText('诉求')).toBeInTheDocument();
    expect(entry('诉求').querySelector('.cell__count')).toBeNull();
  });
});
