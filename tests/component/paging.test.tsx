// Lists load more as the reader scrolls (or taps 加载更多); the workbench shows
// an agent what an agent can do; the day list reopens what was closed.
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import MyAppointments from '../../miniprogram/src/packages/booking/mine';
import DeskDay from '../../miniprogram/src/workbench/day/index';
import Workbench from '../../miniprogram/src/workbench/index/index';
import { setToken } from '../../miniprogram/src/api/session';
import { todayShanghai } from '../../miniprogram/src/utils/dates';
import type { DayResponse } from '../../shared/schemas/appointments';
import { mockApi, ok } from './support/api';
import { appointment, countyPlace, slot, staffProfile } from './support/fixtures';
import * as taro from './support/taro';

const future = () => new Date(Date.now() + 3600_000).toISOString();
const appt = (n: number) => ({ ...appointment, id: `appt-page-${n}`, serviceName: `事项${n}`, status: 'cancelled' as const, date: `2026-02-${String(28 - n).padStart(2, '0')}` });

describe('load more', () => {
  it('scrolling to the bottom appends the next page, sending its cursor; the last page ends it', async () => {
    setToken('resident', 'tok', future());
    const seen = mockApi({
      'GET /appointments': (req) =>
        req.query.cursor === 'page-2'
          ? ok({ appointments: [appt(3)], nextCursor: null })
          : ok({ appointments: [appt(1), appt(2)], nextCursor: 'page-2' }),
    });
    render(<MyAppointments />);
    expect(await screen.findByText('事项1')).toBeInTheDocument();
    expect(screen.queryByText('事项3')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: '加载更多' })).toBeInTheDocument();

    await act(async () => taro.__reachBottom());
    expect(await screen.findByText('事项3')).toBeInTheDocument();
    // Appended, not replaced; each once.
    expect(screen.getAllByText(/^事项\d$/).map((e) => e.textContent)).toEqual(['事项1', '事项2', '事项3']);
    expect(seen.filter((r) => r.path === '/appointments').map((r) => r.query.cursor)).toEqual([undefined, 'page-2']);
    expect(screen.queryByRole('button', { name: '加载更多' })).not.toBeInTheDocument();
    // Nothing more to ask for at the end.
    await act(async () => taro.__reachBottom());
    expect(seen.filter((r) => r.path === '/appointments')).toHaveLength(2);
  });

  it('加载更多 loads the next page too; a failed page says why and 重试 tries again', async () => {
    setToken('resident', 'tok', future());
    let failOnce = true;
    mockApi({
      'GET /appointments': (req) => {
        if (!req.query.cursor) return ok({ appointments: [appt(1)], nextCursor: 'page-2' });
        if (failOnce) {
          failOnce = false;
          return 'network-error';
        }
        return ok({ appointments: [appt(2)], nextCursor: null });
      },
    });
    render(<MyAppointments />);
    fireEvent.click(await screen.findByRole('button', { name: '加载更多' }));
    fireEvent.click(await screen.findByRole('button', { name: '重试' }));
    expect(await screen.findByText('事项2')).toBeInTheDocument();
    expect(screen.getByText('事项1')).toBeInTheDocument();
  });
});

describe('workbench for a proxy agent', () => {
  const agent = { ...staffProfile, username: 'agent-wang', name: '王代办', role: 'agent' as const, departmentId: null, departmentName: null };

  it('the home offers 代办任务, not 今日预约; a clerk gets 今日预约', async () => {
    setToken('staff', 'staff-tok', future());
    mockApi({ 'GET /admin/me': ok(agent) });
    const { unmount } = render(<Workbench />);
    fireEvent.click(await screen.findByRole('link', { name: /代办任务/ }));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/workbench/proxy/index' });
    expect(screen.queryByRole('link', { name: /今日预约/ })).not.toBeInTheDocument();
    unmount();

    mockApi({ 'GET /admin/me': ok({ ...staffProfile, role: 'clerk' }) });
    render(<Workbench />);
    expect(await screen.findByRole('link', { name: /今日预约/ })).toBeInTheDocument();
  });

  it('opening 今日预约 anyway explains, in Chinese, and leads to the proxy tasks; no day list is asked for', async () => {
    setToken('staff', 'staff-tok', future());
    const seen = mockApi({ 'GET /admin/me': ok(agent) });
    render(<DeskDay />);
    expect(await screen.findByText('今日预约由办理地点的窗口人员使用')).toBeInTheDocument();
    expect(screen.queryByText('您不是该办理地点的工作人员')).not.toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '查看我的代办任务' }));
    expect(taro.redirectTo).toHaveBeenCalledWith({ url: '/workbench/proxy/index' });
    expect(seen.some((r) => r.path.includes('/day'))).toBe(false);
  });
});

describe('reopening on the day list', () => {
  const today = todayShanghai();
  const P = 'qs-county-center';
  const day = (closed: boolean): DayResponse => ({
    place: countyPlace,
    date: today,
    slots: [
      { slot: slot(P, today, '09:00', '10:00', closed ? { status: 'closed', booked: 0, remaining: 0, closeReason: '停电检修' } : { booked: 0, remaining: 5 }), bookings: [] },
      { slot: slot(P, today, '10:00', '11:00', { booked: 0, remaining: 5 }), bookings: [] },
    ],
    log: closed
      ? [{ at: '2026-03-02T01:00:00.000Z', actor: '李窗口', action: 'close', start: '09:00', reason: '停电检修' }]
      : [
          { at: '2026-03-02T01:00:00.000Z', actor: '李窗口', action: 'close', start: '09:00', reason: '停电检修' },
          { at: '2026-03-02T03:00:00.000Z', actor: '李窗口', action: 'reopen', start: '09:00', reason: '已恢复供电' },
        ],
  });

  it('a closed slot offers 重新开放: it asks for a reason, posts it, says cancelled bookings stay cancelled, and the log shows it', async () => {
    setToken('staff', 'staff-tok', future());
    let closed = true;
    const seen = mockApi({
      'GET /admin/me': ok(staffProfile),
      'GET /admin/places/{placeId}/day': () => ok(day(closed)),
      'POST /admin/slots/{slotId}/reopen': () => {
        closed = false;
        return ok({ reopened: 1 });
      },
    });
    render(<DeskDay />);
    const card = (await screen.findByText('09:00—10:00')).closest('.desk-slot') as HTMLElement;
    expect(within(screen.getByText('10:00—11:00').closest('.desk-slot') as HTMLElement).queryByRole('button', { name: '重新开放' })).not.toBeInTheDocument();
    fireEvent.click(within(card).getByRole('button', { name: '重新开放' }));
    fireEvent.click(within(card).getByRole('button', { name: '确认开放' }));
    expect(await within(card).findByText('请填写重新开放的原因')).toBeInTheDocument();
    expect(seen.some((r) => r.method === 'POST')).toBe(false);

    fireEvent.input(within(card).getByPlaceholderText('请填写重新开放的原因'), { target: { value: '已恢复供电' } });
    fireEvent.click(within(card).getByRole('button', { name: '确认开放' }));
    expect(await screen.findByText('已重新开放，名额可重新预约；已取消的预约不会自动恢复')).toBeInTheDocument();
    const post = seen.find((r) => r.method === 'POST')!;
    expect(post.path).toBe(`/admin/slots/${P}~${today}~0900/reopen`);
    expect(post.body).toEqual({ reason: '已恢复供电' });
    await waitFor(() => expect(screen.getByText(/重新开放 09:00 时段：已恢复供电/)).toBeInTheDocument());
  });
});
