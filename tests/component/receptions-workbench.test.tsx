// Workbench 领导接待日: a head sets their reception days (dates from the days the
// server offers, windows with seats, place, directory entry, cut-off), checked
// before sending; dropping a saved day asks first; a 409 shows and reloads; an
// admin chooses the head; each saved day opens its booking list.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Workbench from '../../miniprogram/src/workbench/index/index';
import Receptions from '../../miniprogram/src/workbench/receptions/index';
import { setToken } from '../../miniprogram/src/api/session';
import { ELDER_MODE_KEY, resetState } from '../../miniprogram/src/store/app';
import { formatDayShort } from '../../miniprogram/src/workbench/day-chips';
import type { ReceptionHost, ReceptionHostsResponse } from '../../shared/schemas/posts';
import type { StaffProfile } from '../../shared/schemas/auth';
import { mockApi, ok, type SeenRequest } from './support/api';
import { staffProfile } from './support/fixtures';
import * as taro from './support/taro';

const staffIn = () => setToken('staff', 'staff-tok', new Date(Date.now() + 3600_000).toISOString());
const as = (role: StaffProfile['role']): StaffProfile => ({ ...staffProfile, role });
const DAYS = ['2099-03-02', '2099-03-03', '2099-03-04', '2099-03-05'];
const chen: ReceptionHost = { username: 'mz-chen', name: '陈秀兰', departmentName: '县民政局', placeId: 'reception-mz-chen', setting: null };
const set: ReceptionHost['setting'] = {
  dates: ['2099-03-03', '2099-03-05'], windows: [{ start: '09:00', end: '10:00', capacity: 3 }], address: '县政务服务中心三楼接待室', leaderId: 'mz-head', cutoffMinutes: 120,
};
const reply = (hosts: ReceptionHost[]): ReceptionHostsResponse => ({ hosts, leaders: [{ id: 'mz-head', name: '陈秀兰', title: '县民政局副局长' }], days: DAYS });
const reception = { id: 'mz-chen', placeId: 'reception-mz-chen', name: '陈秀兰', title: '县民政局副局长', departmentName: '县民政局', leaderId: 'mz-head', address: '县政务服务中心三楼接待室', hours: '09:00—11:30', dates: ['2099-03-02'], nextDate: '2099-03-02' };
const puts = (seen: SeenRequest[]) => seen.filter((r) => r.method === 'PUT');
const gets = (seen: SeenRequest[]) => seen.filter((r) => r.method === 'GET' && r.path === '/admin/receptions');
const chip = (date: string) => within(screen.getByLabelText('接待日期')).getByText(formatDayShort(date));

beforeEach(staffIn);

describe('workbench: 领导接待日', () => {
  it.each([['dept_head', true], ['admin', true], ['clerk', false]] as const)('the home offers it to %s: %s', async (role, offered) => {
    mockApi({ 'GET /admin/me': ok(as(role)) });
    render(<Workbench />);
    await screen.findByText('陈静');
    if (!offered) return expect(screen.queryByText('领导接待日')).not.toBeInTheDocument();
    fireEvent.click(screen.getByRole('link', { name: /领导接待日/ }));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/workbench/receptions/index' });
  });

  it('a head announces days for the first time: chosen days, the window, the place and the directory entry go out', async () => {
    let current = chen;
    const seen = mockApi({
      'GET /admin/receptions': () => ok(reply([current])),
      'PUT /admin/receptions/{id}': () => {
        current = { ...chen, setting: { ...set, dates: ['2099-03-02', '2099-03-04'] } };
        return ok(reception);
      },
    });
    render(<Receptions />);
    fireEvent.click(await screen.findByText(formatDayShort('2099-03-04')));
    fireEvent.click(chip('2099-03-02'));
    expect(screen.getByText('已选2天（最多16天），点日期添加或去掉')).toBeInTheDocument();
    fireEvent.input(screen.getByLabelText('第1个时段名额'), { target: { value: '4' } });
    fireEvent.input(screen.getByLabelText('接待地点'), { target: { value: '县政务服务中心三楼接待室' } });
    fireEvent.click(screen.getByText('县民政局副局长陈秀兰'));
    fireEvent.click(screen.getByText('开始前24小时'));
    fireEvent.click(screen.getByRole('button', { name: '保存接待安排' }));
    await screen.findByText(`已保存，下一次接待：${formatDayShort('2099-03-02')}`);
    expect(puts(seen)[0]).toMatchObject({
      path: '/admin/receptions/mz-chen',
      body: { dates: ['2099-03-02', '2099-03-04'], windows: [{ start: '09:00', end: '11:30', capacity: 4 }], address: '县政务服务中心三楼接待室', leaderId: 'mz-head', cutoffMinutes: 1440 },
    });
    await waitFor(() => expect(gets(seen)).toHaveLength(2));
    expect(await screen.findByRole('button', { name: '去掉' + formatDayShort('2099-03-04') })).toBeInTheDocument();
  });

  it('checks before sending with the server’s own rules: the place, and windows that overlap', async () => {
    const seen = mockApi({ 'GET /admin/receptions': ok(reply([chen])) });
    render(<Receptions />);
    fireEvent.click(await screen.findByText(formatDayShort('2099-03-02')));
    fireEvent.click(screen.getByRole('button', { name: '保存接待安排' }));
    expect(await screen.findByText('请填写接待地点')).toBeInTheDocument();
    fireEvent.input(screen.getByLabelText('接待地点'), { target: { value: '三楼接待室' } });
    fireEvent.click(screen.getByRole('button', { name: '添加时段' }));
    fireEvent.input(screen.getByLabelText('第2个时段开始'), { target: { value: '11:00' } });
    fireEvent.input(screen.getByLabelText('第2个时段结束'), { target: { value: '12:00' } });
    fireEvent.click(screen.getByRole('button', { name: '保存接待安排' }));
    expect(await screen.findByText('第2个时段与第1个时段重叠')).toBeInTheDocument();
    expect(puts(seen)).toHaveLength(0);
  });

  it('a saved day opens its booking list; dropping one asks first, and the server’s 409 shows and reloads', async () => {
    const seen = mockApi({
      'GET /admin/receptions': ok(reply([{ ...chen, setting: set }])),
      'PUT /admin/receptions/{id}': { status: 409, body: { code: 'SLOTS_BOOKED', message: '2099-03-05 09:00 已有2人预约，不能取消；请先在预约名单中关闭该时段（系统会通知已预约的群众）' } },
    });
    render(<Receptions />);
    const day = (await screen.findAllByText(formatDayShort('2099-03-05'))).find((e) => e.closest('.reception-date'))!.closest('.reception-date') as HTMLElement;
    fireEvent.click(within(day).getByRole('button', { name: '预约名单' }));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/workbench/day/index?placeId=reception-mz-chen&date=2099-03-05' });
    fireEvent.click(within(day).getByRole('button', { name: `去掉${formatDayShort('2099-03-05')}` }));
    fireEvent.click(screen.getByRole('button', { name: '保存接待安排' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(/3月5日 周四将不再接待/)).toBeInTheDocument();
    fireEvent.click(within(dialog).getByRole('button', { name: '返回' }));
    expect(puts(seen)).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: '保存接待安排' }));
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: '保存' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('已有2人预约，不能取消');
    expect(puts(seen)[0]?.body).toMatchObject({ dates: ['2099-03-03'] });
    await waitFor(() => expect(gets(seen)).toHaveLength(2));
  });

  it('an admin chooses the head; large-font mode reaches the page and its dialog', async () => {
    taro.setStorageSync(ELDER_MODE_KEY, true);
    resetState();
    const liu: ReceptionHost = { username: 'rs-liu', name: '刘志强', departmentName: '县人社局', placeId: 'reception-rs-liu', setting: { ...set, address: '人社局一楼' } };
    const seen = mockApi({ 'GET /admin/receptions': ok(reply([{ ...chen, setting: set }, liu])), 'PUT /admin/receptions/{id}': ok(reception) });
    const { container } = render(<Receptions />);
    fireEvent.click(await screen.findByText('刘志强（县人社局）'));
    expect(screen.getByLabelText('接待地点')).toHaveValue('人社局一楼');
    expect(container.querySelector('.page')).toHaveClass('elder');
    // Every target is a .btn or a .chip: at least 88 design px (≥ 44 px) high in either mode (app.scss).
    expect(screen.getAllByRole('button').every((b) => b.classList.contains('btn') || b.classList.contains('chip'))).toBe(true);
    fireEvent.click(screen.getAllByRole('button', { name: /^去掉/ })[0]!);
    fireEvent.click(screen.getByRole('button', { name: '保存接待安排' }));
    expect((await screen.findByRole('dialog')).closest('.confirm')).toHaveClass('elder');
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(puts(seen)[0]?.path).toBe('/admin/receptions/rs-liu'));
  });
});
