// Workbench 今日预约: a place's day with its bookings, check-in by code,
// 未到场, closing a slot or the day with a reason, choosing the place.
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import DeskDay from '../../miniprogram/src/workbench/day/index';
import Workbench from '../../miniprogram/src/workbench/index/index';
import { setToken } from '../../miniprogram/src/api/session';
import { todayShanghai } from '../../miniprogram/src/utils/dates';
import { DESK_PLACES, defaultPlaceId, placesFor } from '../../miniprogram/src/workbench/places';
import type { DayResponse } from '../../shared/schemas/appointments';
import { departments, regions as regionsSeed, rovingDays, servicePoints } from '../../scripts/seed/data';
import { mockApi, ok, type SeenRequest } from './support/api';
import { appointment, countyPlace, slot, staffProfile } from './support/fixtures';
import * as taro from './support/taro';

const future = () => new Date(Date.now() + 3600_000).toISOString();
const staffIn = () => setToken('staff', 'staff-tok', future());

const today = todayShanghai();
const P = 'qs-county-center';

function dayReply(date: string, over: Partial<DayResponse> = {}): DayResponse {
  return {
    place: countyPlace,
    date,
    slots: [
      {
        slot: slot(P, date, '09:00', '10:00', { booked: 2, remaining: 3 }),
        bookings: [
          { id: 'appt-0001-abcd', code: 'K7P2XQ9M', residentName: '王*英', residentPhone: '138****1111', serviceCode: 'MZ-002', serviceName: '最低生活保障申请', status: 'booked', version: 1 },
          { id: 'appt-0002-efgh', code: 'AB12CD34', residentName: '张*', residentPhone: '139****7201', serviceCode: 'GA-003', serviceName: '居民身份证换领', status: 'checked_in', version: 2 },
        ],
      },
      {
        slot: slot(P, date, '10:00', '11:00', { status: 'closed', booked: 0, remaining: 0, closeReason: '系统升级' }),
        bookings: [],
      },
      { slot: slot(P, date, '14:00', '15:00', { booked: 0, remaining: 5 }), bookings: [] },
    ],
    log: [],
    ...over,
  };
}

const slotCard = (time: string) => screen.getByText(time).closest('.desk-slot') as HTMLElement;
const posts = (seen: SeenRequest[]) => seen.filter((r) => r.method === 'POST');

describe('workbench: day list', () => {
  it('the workbench home links to 今日预约', async () => {
    staffIn();
    mockApi({ 'GET /admin/me': ok(staffProfile) });
    render(<Workbench />);
    fireEvent.click(await screen.findByRole('link', { name: /今日预约/ }));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/workbench/day/index' });
  });

  it("opens today's list of the staff member's place (county staff → the county centre) with masked residents", async () => {
    staffIn();
    const seen = mockApi({
      'GET /admin/me': ok(staffProfile),
      'GET /admin/places/{placeId}/day': (req) => ok(dayReply(req.query.date!)),
    });
    render(<DeskDay />);
    await screen.findByText('王*英');
    const get = seen.find((r) => r.path.startsWith('/admin/places/'));
    expect(get?.path).toBe('/admin/places/qs-county-center/day');
    expect(get?.query).toEqual({ date: today });
    expect(get?.auth).toBe('Bearer staff-tok');
    expect(screen.getByText('青山县政务服务中心')).toBeInTheDocument();
    expect(screen.getByText(/（今天）/)).toBeInTheDocument();

    const first = slotCard('09:00—10:00');
    expect(within(first).getByText('已约 2/5')).toBeInTheDocument();
    expect(within(first).getByText('剩余3个名额')).toBeInTheDocument();
    expect(within(first).getByText('138****1111')).toBeInTheDocument();
    expect(within(first).getByText('最低生活保障申请')).toBeInTheDocument();
    expect(within(first).getByText('预约码 K7P2XQ9M')).toBeInTheDocument();
    expect(within(first).getByText('已预约')).toBeInTheDocument();
    expect(within(first).getByText('张*')).toBeInTheDocument();
    expect(within(first).getByText('已签到')).toBeInTheDocument();
    expect(within(slotCard('10:00—11:00')).getByText('已关闭（系统升级）')).toBeInTheDocument();
    expect(within(slotCard('10:00—11:00')).queryByRole('button', { name: '关闭时段' })).not.toBeInTheDocument();
    expect(within(slotCard('14:00—15:00')).getByText('暂无预约')).toBeInTheDocument();
  });

  it('check-in posts the code in upper case with the place, then reloads the day', async () => {
    staffIn();
    let gets = 0;
    const seen = mockApi({
      'GET /admin/me': ok(staffProfile),
      'GET /admin/places/{placeId}/day': (req) => {
        gets++;
        return ok(dayReply(req.query.date!));
      },
      'POST /admin/appointments/check-in': ok({ ...appointment, status: 'checked_in' }),
    });
    render(<DeskDay />);
    await screen.findByText('王*英');
    const input = screen.getByPlaceholderText('请输入预约码');
    fireEvent.input(input, { target: { value: 'k7p2-xq9m' } });
    expect(input).toHaveValue('K7P2XQ9M');
    fireEvent.click(screen.getByRole('button', { name: '签到' }));
    expect(await screen.findByText('签到成功：K7P2XQ9M · 最低生活保障申请 · 09:00—10:00')).toBeInTheDocument();
    expect(posts(seen)).toHaveLength(1);
    expect(posts(seen)[0]?.path).toBe('/admin/appointments/check-in');
    expect(posts(seen)[0]?.body).toEqual({ code: 'K7P2XQ9M', placeId: 'qs-county-center' });
    await waitFor(() => expect(gets).toBe(2));
    expect(input).toHaveValue('');
  });

  it("check-in checks the code first and shows the server's message", async () => {
    staffIn();
    const seen = mockApi({
      'GET /admin/me': ok(staffProfile),
      'GET /admin/places/{placeId}/day': (req) => ok(dayReply(req.query.date!)),
      'POST /admin/appointments/check-in': { status: 404, body: { code: 'NOT_FOUND', message: '未找到该预约码，或不是本地点的预约' } },
    });
    render(<DeskDay />);
    await screen.findByText('王*英');
    fireEvent.input(screen.getByPlaceholderText('请输入预约码'), { target: { value: 'ab1' } });
    fireEvent.click(screen.getByRole('button', { name: '签到' }));
    expect(await screen.findByText('预约码应为8位大写字母或数字')).toBeInTheDocument();
    expect(posts(seen)).toHaveLength(0);

    fireEvent.input(screen.getByPlaceholderText('请输入预约码'), { target: { value: 'ZZZZ9999' } });
    fireEvent.click(screen.getByRole('button', { name: '签到' }));
    expect(await screen.findByText('未找到该预约码，或不是本地点的预约')).toBeInTheDocument();
  });

  it('marks a booking 未到场 with its version once the slot is over', async () => {
    staffIn();
    const yesterday = new Date(Date.now() - 86_400_000 + 8 * 3600_000).toISOString().slice(0, 10);
    taro.__setRouterParams({ placeId: P, date: yesterday });
    const seen = mockApi({
      'GET /admin/me': ok(staffProfile),
      'GET /admin/places/{placeId}/day': (req) => ok(dayReply(req.query.date!)),
      'POST /admin/appointments/{id}/no-show': ok({ ...appointment, status: 'no_show', version: 2 }),
    });
    render(<DeskDay />);
    await screen.findByText('王*英');
    expect(seen.find((r) => r.path.startsWith('/admin/places/'))?.query).toEqual({ date: yesterday });
    // Only the booking still 已预约 can be marked.
    expect(screen.getAllByRole('button', { name: '未到场' })).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: '未到场' }));
    // Confirmed in the page's own dialog (it scales in elder mode), not WeChat's.
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('王*英（K7P2XQ9M）未在预约时段到场？');
    expect(posts(seen)).toHaveLength(0);
    fireEvent.click(within(dialog).getByRole('button', { name: '未到场' }));
    expect(await screen.findByText('已标记未到场：王*英（K7P2XQ9M）')).toBeInTheDocument();
    expect(taro.showModal).not.toHaveBeenCalled();
    expect(posts(seen)[0]?.path).toBe('/admin/appointments/appt-0001-abcd/no-show');
    expect(posts(seen)[0]?.body).toEqual({ version: 1 });
  });

  it('offers no 未到场 before the slot ends', async () => {
    staffIn();
    const tomorrow = new Date(Date.now() + 86_400_000 + 8 * 3600_000).toISOString().slice(0, 10);
    taro.__setRouterParams({ placeId: P, date: tomorrow });
    mockApi({ 'GET /admin/me': ok(staffProfile), 'GET /admin/places/{placeId}/day': (req) => ok(dayReply(req.query.date!)) });
    render(<DeskDay />);
    await screen.findByText('王*英');
    expect(screen.queryByRole('button', { name: '未到场' })).not.toBeInTheDocument();
  });

  it('closes a slot with a reason (required) and reports how many bookings were cancelled', async () => {
    staffIn();
    const seen = mockApi({
      'GET /admin/me': ok(staffProfile),
      'GET /admin/places/{placeId}/day': (req) => ok(dayReply(req.query.date!)),
      'POST /admin/slots/{slotId}/close': ok({ cancelled: 1 }),
    });
    render(<DeskDay />);
    await screen.findByText('王*英');
    fireEvent.click(within(slotCard('09:00—10:00')).getByRole('button', { name: '关闭时段' }));
    fireEvent.click(screen.getByRole('button', { name: '确认关闭' }));
    expect(await screen.findByText('请填写关闭原因')).toBeInTheDocument();
    expect(posts(seen)).toHaveLength(0);

    fireEvent.input(screen.getByPlaceholderText('请填写关闭原因（将通知已预约的居民）'), { target: { value: '  窗口设备故障 ' } });
    fireEvent.click(screen.getByRole('button', { name: '确认关闭' }));
    expect(await screen.findByText('已关闭，1个预约已取消并通知居民')).toBeInTheDocument();
    expect(posts(seen)[0]?.path).toBe(`/admin/slots/${encodeURIComponent(`${P}~${today}~0900`)}/close`);
    expect(posts(seen)[0]?.body).toEqual({ reason: '窗口设备故障' });
    expect(screen.queryByRole('button', { name: '确认关闭' })).not.toBeInTheDocument();
  });

  it('closes the whole day', async () => {
    staffIn();
    const seen = mockApi({
      'GET /admin/me': ok(staffProfile),
      'GET /admin/places/{placeId}/day': (req) => ok(dayReply(req.query.date!)),
      'POST /admin/places/{placeId}/days/{date}/close': ok({ cancelled: 1 }),
    });
    render(<DeskDay />);
    await screen.findByText('王*英');
    fireEvent.click(screen.getByRole('button', { name: '关闭当日全部时段' }));
    fireEvent.input(screen.getByPlaceholderText('请填写关闭原因（将通知已预约的居民）'), { target: { value: '坐班临时取消' } });
    fireEvent.click(screen.getByRole('button', { name: '确认关闭' }));
    await screen.findByText('已关闭，1个预约已取消并通知居民');
    expect(posts(seen)[0]?.path).toBe(`/admin/places/${P}/days/${today}/close`);
    expect(posts(seen)[0]?.body).toEqual({ reason: '坐班临时取消' });
  });

  it('a town clerk starts at their town centre', async () => {
    staffIn();
    const seen = mockApi({
      'GET /admin/me': ok({ ...staffProfile, regionCode: '511999103', regionName: '高滩镇', departmentId: null, departmentName: null }),
      'GET /admin/places/{placeId}/day': (req) => ok(dayReply(req.query.date!, { slots: [] })),
    });
    render(<DeskDay />);
    expect(await screen.findByText('当天没有预约时段（非工作日或未安排坐班）')).toBeInTheDocument();
    expect(seen.find((r) => r.path.startsWith('/admin/places/'))?.path).toBe('/admin/places/gaotan-center/day');
  });

  it("the place picker offers the staff member's places; it and the date buttons change the list", async () => {
    staffIn();
    const seen = mockApi({
      'GET /admin/me': ok({ ...staffProfile, role: 'dept_head', departmentId: 'human-resources', departmentName: '县人力资源和社会保障局' }),
      'GET /admin/places/{placeId}/day': (req) => ok(dayReply(req.query.date!, { slots: [] })),
    });
    render(<DeskDay />);
    await screen.findByText('当天没有预约时段（非工作日或未安排坐班）');
    const days = () => seen.filter((r) => r.path.startsWith('/admin/places/')).map((r) => `${r.path.split('/')[3]} ${r.query.date}`);
    expect(days()).toEqual([`qs-county-center ${today}`]);

    fireEvent.click(screen.getByRole('button', { name: '切换地点' }));
    const options = Array.from(document.querySelectorAll('.desk-option__name')).map((e) => e.textContent);
    expect(options).toEqual(['青山县政务服务中心', '县人力资源和社会保障局（高滩镇坐班）', '县人力资源和社会保障局（石门镇坐班）']);
    fireEvent.click(screen.getByRole('button', { name: /县人力资源和社会保障局（高滩镇坐班）/ }));
    await waitFor(() => expect(days()).toHaveLength(2));
    expect(days()[1]).toBe(`roving-rs-gaotan ${today}`);

    fireEvent.click(screen.getByRole('button', { name: '后一天' }));
    await waitFor(() => expect(days()).toHaveLength(3));
    const next = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    expect(days()[2]).toBe(`roving-rs-gaotan ${next}`);
    fireEvent.click(screen.getByRole('button', { name: '回到今天' }));
    await waitFor(() => expect(days()).toHaveLength(4));
    expect(days()[3]).toBe(`roving-rs-gaotan ${today}`);
    await act(async () => undefined);
  });

  it("shows the server's message for a place the staff member does not work at", async () => {
    staffIn();
    taro.__setRouterParams({ placeId: 'yuntai-station' });
    mockApi({
      'GET /admin/me': ok(staffProfile),
      'GET /admin/places/{placeId}/day': { status: 403, body: { code: 'FORBIDDEN', message: '您不是该办理地点的工作人员' } },
    });
    render(<DeskDay />);
    expect(await screen.findByText('您不是该办理地点的工作人员')).toBeInTheDocument();
  });

  it('without a staff session goes to the workbench login', async () => {
    const seen = mockApi({});
    render(<DeskDay />);
    await waitFor(() => expect(taro.redirectTo).toHaveBeenCalledWith({ url: '/workbench/login/index' }));
    expect(seen).toHaveLength(0);
  });
});

describe('workbench: place list', () => {
  it('matches the seed: every service point and every roving day', () => {
    const ids = DESK_PLACES.map((p) => p.id).sort();
    const seed = [...servicePoints.map((p) => p.id), ...rovingDays.map((r) => `roving-${r.id}`)].sort();
    expect(ids).toEqual(seed);
    for (const p of servicePoints) expect(DESK_PLACES.find((d) => d.id === p.id)).toMatchObject({ name: p.name, regionCode: p.regionCode });
    for (const r of rovingDays) expect(DESK_PLACES.find((d) => d.id === `roving-${r.id}`)).toMatchObject({ regionCode: r.townCode });
    for (const r of rovingDays) {
      const dept = departments.find((d) => d.id === r.departmentId)!;
      const town = regionsSeed.find((x) => x.code === r.townCode)!;
      // Named as the server names a roving place.
      expect(DESK_PLACES.find((d) => d.id === `roving-${r.id}`)).toMatchObject({ departmentId: r.departmentId, name: `${dept.name}（${town.name}坐班）` });
    }
  });

  it('defaults to the point of the staff member’s region, else the county centre, else their first place', () => {
    const who = (role: string, regionCode: string, departmentId: string | null) => ({ role, regionCode, departmentId });
    expect(defaultPlaceId(who('clerk', '511999', 'civil-affairs'))).toBe('qs-county-center');
    expect(defaultPlaceId(who('clerk', '511999102', null))).toBe('xiangyang-center');
    expect(defaultPlaceId(who('agent', '511999103202', null))).toBe('baiyan-station');
    expect(defaultPlaceId(who('agent', '511999103203001', null))).toBe('qs-county-center');
    expect(defaultPlaceId(null)).toBe('qs-county-center');
    expect(placesFor(who('clerk', '511999', 'civil-affairs')).map((p) => p.id)).toEqual(['qs-county-center', 'roving-mz-xiangyang']);
    expect(placesFor(who('admin', '511999', 'government-services'))).toHaveLength(DESK_PLACES.length);
  });
});
