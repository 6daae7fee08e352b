// Resident appointments: places nearest first, slots, confirm (idempotent
// retry, 名额已满), my bookings, booking detail (code, cancel, cut-off, staff
// cancellation), entry points from the item page and 我的.
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Places from '../../miniprogram/src/packages/booking/places';
import Slots from '../../miniprogram/src/packages/booking/slots';
import Confirm from '../../miniprogram/src/packages/booking/confirm';
import MyAppointments from '../../miniprogram/src/packages/booking/mine';
import AppointmentDetail from '../../miniprogram/src/packages/booking/detail';
import ServiceDetail from '../../miniprogram/src/packages/service/detail';
import Mine from '../../miniprogram/src/pages/mine/index';
import { setToken } from '../../miniprogram/src/api/session';
import { setMe } from '../../miniprogram/src/store/app';
import { todayShanghai } from '../../miniprogram/src/utils/dates';
import type { Appointment } from '../../shared/schemas/appointments';
import { mockApi, ok } from './support/api';
import {
  appointment,
  countyPlace,
  dibaoItem,
  me,
  pensionSummary,
  regions,
  rovingPlace,
  slot,
  townPlace,
  villagePlace,
} from './support/fixtures';
import * as taro from './support/taro';

const future = (ms = 3600_000) => new Date(Date.now() + ms).toISOString();
const past = (ms = 3600_000) => new Date(Date.now() - ms).toISOString();
const signIn = () => setToken('resident', 'tok', future());
const route = (req: { method: string; path: string }) => `${req.method} ${req.path}`;

function row(label: string): HTMLElement {
  return screen.getByText(label).closest('.kv') as HTMLElement;
}

describe('booking: places', () => {
  it('lists the places nearest to the resident first, with nearness badges, hours and the roving department', async () => {
    signIn();
    taro.__setRouterParams({ code: 'MZ-002' });
    const seen = mockApi({
      'GET /me': ok(me),
      'GET /services/{code}': ok(dibaoItem),
      // Deliberately out of order: the page keeps nearest first whatever arrives.
      'GET /services/{code}/places': ok({ places: [countyPlace, townPlace, villagePlace, rovingPlace] }),
    });
    const { container } = render(<Places />);
    await screen.findByText('石桥村便民服务站');

    const cards = Array.from(container.querySelectorAll('.place')) as HTMLElement[];
    expect(cards.map((c) => c.querySelector('.place__name')?.textContent)).toEqual([
      '石桥村便民服务站',
      '城关镇便民服务中心',
      '县民政局城关镇坐班',
      '青山县政务服务中心',
    ]);
    expect(cards.map((c) => c.querySelector('.badge')?.textContent)).toEqual(['本村', '本镇', '县直部门本镇坐班', '县城']);
    expect(within(cards[0]!).getByText('地址：青山县城关镇石桥村村委会一楼')).toBeInTheDocument();
    expect(within(cards[0]!).getByText('办公时间：周一至周五 9:00—12:00，14:00—17:00')).toBeInTheDocument();
    expect(within(cards[2]!).getByText('坐班部门：县民政局')).toBeInTheDocument();
    expect(within(cards[2]!).getByText('坐班时间：每月第二个星期二 09:00—12:00')).toBeInTheDocument();
    expect(within(cards[2]!).getByText('下乡坐班')).toBeInTheDocument();
    expect(screen.getByText('按离您现居住地由近及远排列')).toBeInTheDocument();
    expect(await screen.findByText('预约办理：最低生活保障申请')).toBeInTheDocument();

    // Ordered for where the resident lives.
    const places = seen.find((r) => r.path === '/services/MZ-002/places');
    expect(places?.query).toEqual({ regionCode: '511999101201' });

    fireEvent.click(screen.getByRole('link', { name: /县民政局城关镇坐班/ }));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/booking/slots?code=MZ-002&placeId=roving-mz-chengguan' });
  });

  it('uses the signed-in resident from the store, and works signed out in the browser (county-wide order)', async () => {
    setMe({ ...me, currentRegionCode: '511999102202' });
    taro.__setRouterParams({ code: 'MZ-002' });
    let seen = mockApi({ 'GET /services/{code}': ok(dibaoItem), 'GET /services/{code}/places': ok({ places: [townPlace] }) });
    const first = render(<Places />);
    await screen.findByText('城关镇便民服务中心');
    expect(seen.find((r) => r.path.endsWith('/places'))?.query).toEqual({ regionCode: '511999102202' });
    expect(seen.some((r) => r.path === '/me')).toBe(false);
    first.unmount();

    setMe(null);
    process.env.TARO_ENV = 'h5';
    seen = mockApi({ 'GET /services/{code}': ok(dibaoItem), 'GET /services/{code}/places': ok({ places: [countyPlace] }) });
    render(<Places />);
    await screen.findByText('青山县政务服务中心');
    expect(seen.find((r) => r.path.endsWith('/places'))?.query).toEqual({});
    expect(screen.getByText('登录并填写现居住地后，将按离您最近的地点排列')).toBeInTheDocument();
    expect(taro.navigateTo).not.toHaveBeenCalledWith({ url: '/packages/login/index' });
  });

  it('shows empty and error states', async () => {
    process.env.TARO_ENV = 'h5';
    taro.__setRouterParams({ code: 'MZ-002' });
    mockApi({ 'GET /services/{code}': ok(dibaoItem), 'GET /services/{code}/places': ok({ places: [] }) });
    const first = render(<Places />);
    expect(await screen.findByText('该事项暂无可预约的办理地点')).toBeInTheDocument();
    first.unmount();

    mockApi({ 'GET /services/{code}/places': { status: 404, body: { code: 'NOT_FOUND', message: '事项不存在或已下架' } } });
    render(<Places />);
    expect(await screen.findByText('事项不存在或已下架')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '重新加载' })).toBeInTheDocument();
  });
});

describe('booking: slots', () => {
  const days = [
    {
      date: '2026-03-05',
      slots: [
        slot('shiqiao-station', '2026-03-05', '09:00', '10:00', { status: 'full', booked: 5, remaining: 0 }),
        slot('shiqiao-station', '2026-03-05', '10:00', '11:00', { status: 'closed', remaining: 0, closeReason: '村干部外出开会' }),
        slot('shiqiao-station', '2026-03-05', '14:00', '15:00', { status: 'past', remaining: 0 }),
      ],
    },
    {
      // Friday, then straight to Monday: the API leaves out the weekend.
      date: '2026-03-06',
      slots: [
        slot('shiqiao-station', '2026-03-06', '09:00', '10:00', { remaining: 3 }),
        slot('shiqiao-station', '2026-03-06', '10:00', '11:00', { remaining: 1, booked: 4 }),
      ],
    },
    { date: '2026-03-09', slots: [slot('shiqiao-station', '2026-03-09', '09:00', '10:00')] },
  ];

  it('shows only the dates the API returns, seats left, full and closed slots; an open slot opens the confirm screen', async () => {
    taro.__setRouterParams({ code: 'MZ-002', placeId: 'shiqiao-station' });
    const seen = mockApi({ 'GET /places/{placeId}/slots': ok({ place: villagePlace, days }) });
    const { container } = render(<Slots />);
    await screen.findByText('石桥村便民服务站');
    expect(seen[0]?.path).toBe('/places/shiqiao-station/slots');
    expect(seen[0]?.query).toEqual({ from: todayShanghai(), days: '14' });

    const chips = Array.from(container.querySelectorAll('.dates .chip')).map((c) => c.textContent);
    expect(chips).toEqual(['周四 3月5日 无号', '周五 3月6日', '周一 3月9日']);
    expect(screen.queryByText(/3月7日|3月8日/)).not.toBeInTheDocument();

    // The first day with a free seat is chosen.
    expect(screen.getByText('2026年3月6日 星期五')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '周五 3月6日' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByText('剩余3个名额')).toBeInTheDocument();
    expect(screen.getByText('剩余1个名额')).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: '周四 3月5日 无号' }));
    expect(screen.getByText('2026年3月5日 星期四')).toBeInTheDocument();
    const slots = Array.from(container.querySelectorAll('.slot')) as HTMLElement[];
    expect(slots.map((s) => s.textContent)).toEqual([
      '09:00—10:00已满',
      '10:00—11:00已关闭（村干部外出开会）',
      '14:00—15:00已结束',
    ]);
    for (const s of slots) expect(s).toHaveAttribute('aria-disabled', 'true');
    fireEvent.click(slots[0]!);
    expect(taro.navigateTo).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('button', { name: '周五 3月6日' }));
    fireEvent.click(screen.getByRole('button', { name: /10:00—11:00 剩余1个名额/ }));
    expect(taro.navigateTo).toHaveBeenCalledWith({
      url: '/packages/booking/confirm?code=MZ-002&slotId=shiqiao-station~2026-03-06~1000',
    });
  });

  it('looks six weeks ahead for a roving day, says so when none is scheduled, and carries the reschedule mode', async () => {
    taro.__setRouterParams({ code: 'MZ-002', placeId: 'roving-mz-chengguan', reschedule: 'appt-0001-abcd' });
    const seen = mockApi({ 'GET /places/{placeId}/slots': ok({ place: rovingPlace, days: [] }) });
    const first = render(<Slots />);
    expect(await screen.findByText('近期没有坐班安排，请选择其他地点')).toBeInTheDocument();
    expect(seen[0]?.query.days).toBe('42');
    expect(screen.getByText('改约：请选择新的时段，原预约的名额将同时释放')).toBeInTheDocument();
    first.unmount();

    mockApi({ 'GET /places/{placeId}/slots': ok({ place: villagePlace, days }) });
    render(<Slots />);
    fireEvent.click(await screen.findByRole('button', { name: /09:00—10:00 剩余3个名额/ }));
    expect(taro.navigateTo).toHaveBeenCalledWith({
      url: '/packages/booking/confirm?code=MZ-002&slotId=shiqiao-station~2026-03-06~0900&reschedule=appt-0001-abcd',
    });
  });
});

describe('booking: confirm', () => {
  const open = slot('shiqiao-station', '2026-03-05', '09:00', '10:00');
  const slotsReply = ok({ place: villagePlace, days: [{ date: '2026-03-05', slots: [open] }] });

  it('summarises the booking with the weekday and the cancellation rule', async () => {
    signIn();
    taro.__setRouterParams({ code: 'MZ-002', slotId: open.id });
    const seen = mockApi({ 'GET /services/{code}': ok(dibaoItem), 'GET /places/{placeId}/slots': slotsReply });
    render(<Confirm />);
    await screen.findByText('预约信息');
    expect(within(row('办理事项')).getByText('最低生活保障申请')).toBeInTheDocument();
    expect(within(row('办理地点')).getByText('石桥村便民服务站')).toBeInTheDocument();
    expect(within(row('地址')).getByText('青山县城关镇石桥村村委会一楼')).toBeInTheDocument();
    expect(within(row('日期')).getByText('2026年3月5日 星期四')).toBeInTheDocument();
    expect(within(row('时间')).getByText('09:00—10:00')).toBeInTheDocument();
    expect(screen.getByText('免费预约，请凭预约码到窗口办理；开始前2小时可取消')).toBeInTheDocument();
    expect(seen.find((r) => r.path.endsWith('/slots'))?.query).toEqual({ from: '2026-03-05', days: '1' });
    expect(screen.getByRole('button', { name: '确认预约' })).toBeInTheDocument();
  });

  it('retries after a network error with the same idempotency key, then opens the booking', async () => {
    signIn();
    taro.__setRouterParams({ code: 'MZ-002', slotId: open.id });
    let posts = 0;
    const seen = mockApi({
      'GET /services/{code}': ok(dibaoItem),
      'GET /places/{placeId}/slots': slotsReply,
      'POST /appointments': () => (++posts === 1 ? 'network-error' : { status: 201, body: appointment }),
    });
    render(<Confirm />);
    fireEvent.click(await screen.findByRole('button', { name: '确认预约' }));
    expect(await screen.findByText('网络不给力，请检查网络后重试')).toBeInTheDocument();
    expect(taro.redirectTo).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('button', { name: '确认预约' }));
    await waitFor(() => expect(taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/booking/detail?id=appt-0001-abcd' }));

    const bodies = seen.filter((r) => route(r) === 'POST /appointments').map((r) => r.body as Record<string, string>);
    expect(bodies).toHaveLength(2);
    expect(bodies[0]).toEqual({ slotId: open.id, serviceCode: 'MZ-002', idempotencyKey: expect.stringMatching(/^[A-Za-z0-9]{16}$/) });
    expect(bodies[1]?.idempotencyKey).toBe(bodies[0]?.idempotencyKey);
    expect(seen.filter((r) => route(r) === 'POST /appointments').every((r) => r.auth === 'Bearer tok')).toBe(true);
  });

  it('lets the resident retry with the same key when the server is busy', async () => {
    signIn();
    taro.__setRouterParams({ code: 'MZ-002', slotId: open.id });
    let posts = 0;
    const seen = mockApi({
      'GET /services/{code}': ok(dibaoItem),
      'GET /places/{placeId}/slots': slotsReply,
      'POST /appointments': () =>
        ++posts === 1 ? { status: 409, body: { code: 'BUSY', message: '预约繁忙，请稍后重试' } } : { status: 201, body: appointment },
    });
    render(<Confirm />);
    fireEvent.click(await screen.findByRole('button', { name: '确认预约' }));
    expect(await screen.findByText('预约繁忙，请稍后重试')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '确认预约' }));
    await waitFor(() => expect(taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/booking/detail?id=appt-0001-abcd' }));
    const keys = seen.filter((r) => route(r) === 'POST /appointments').map((r) => (r.body as { idempotencyKey: string }).idempotencyKey);
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
  });

  it('a new confirm screen uses a new key', async () => {
    signIn();
    taro.__setRouterParams({ code: 'MZ-002', slotId: open.id });
    const seen = mockApi({
      'GET /services/{code}': ok(dibaoItem),
      'GET /places/{placeId}/slots': slotsReply,
      'POST /appointments': { status: 201, body: appointment },
    });
    const a = render(<Confirm />);
    fireEvent.click(await screen.findByRole('button', { name: '确认预约' }));
    await waitFor(() => expect(taro.redirectTo).toHaveBeenCalledTimes(1));
    a.unmount();
    render(<Confirm />);
    fireEvent.click(await screen.findByRole('button', { name: '确认预约' }));
    await waitFor(() => expect(taro.redirectTo).toHaveBeenCalledTimes(2));
    const keys = seen.filter((r) => route(r) === 'POST /appointments').map((r) => (r.body as { idempotencyKey: string }).idempotencyKey);
    expect(keys[0]).not.toBe(keys[1]);
  });

  it('shows 名额已满 on 409 and offers to pick another slot instead of retrying', async () => {
    signIn();
    taro.__setRouterParams({ code: 'MZ-002', slotId: open.id });
    mockApi({
      'GET /services/{code}': ok(dibaoItem),
      'GET /places/{placeId}/slots': slotsReply,
      'POST /appointments': { status: 409, body: { code: 'SLOT_FULL', message: '名额已满' } },
    });
    render(<Confirm />);
    fireEvent.click(await screen.findByRole('button', { name: '确认预约' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('名额已满');
    expect(screen.queryByRole('button', { name: '确认预约' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: '查看我的预约' })).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '重新选择时段' }));
    expect(taro.navigateBack).toHaveBeenCalled();
  });

  it('says so up front when the slot is already full', async () => {
    taro.__setRouterParams({ code: 'MZ-002', slotId: open.id });
    mockApi({
      'GET /services/{code}': ok(dibaoItem),
      'GET /places/{placeId}/slots': ok({ place: villagePlace, days: [{ date: '2026-03-05', slots: [{ ...open, status: 'full', remaining: 0 }] }] }),
    });
    render(<Confirm />);
    expect(await screen.findByText('该时段已满，请选择其他时段')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '确认预约' })).not.toBeInTheDocument();
  });

  it('in reschedule mode moves the booking with its version', async () => {
    signIn();
    const target = slot('shiqiao-station', '2026-03-06', '10:00', '11:00');
    taro.__setRouterParams({ code: 'MZ-002', slotId: target.id, reschedule: appointment.id });
    const seen = mockApi({
      'GET /services/{code}': ok(dibaoItem),
      'GET /places/{placeId}/slots': ok({ place: villagePlace, days: [{ date: '2026-03-06', slots: [target] }] }),
      'GET /appointments/{id}': ok({ ...appointment, version: 4 }),
      'POST /appointments/{id}/reschedule': ok({ ...appointment, slotId: target.id, date: '2026-03-06', start: '10:00', end: '11:00', version: 5 }),
    });
    render(<Confirm />);
    expect(await screen.findByText('改约到以下时段')).toBeInTheDocument();
    expect(within(row('原预约')).getByText('2026年3月5日 星期四 09:00—10:00')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '确认改约' }));
    await waitFor(() => expect(taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/booking/detail?id=appt-0001-abcd' }));
    const post = seen.find((r) => r.method === 'POST');
    expect(post?.path).toBe('/appointments/appt-0001-abcd/reschedule');
    expect(post?.body).toEqual({ slotId: target.id, version: 4 });
    expect(seen.some((r) => route(r) === 'POST /appointments')).toBe(false);
  });
});

describe('booking: my appointments', () => {
  it('lists bookings with status, date and time, place; upcoming first; a tap opens one', async () => {
    signIn();
    const later: Appointment = { ...appointment, id: 'appt-0002-later', code: 'ZZ22YY33', date: '2026-03-10', serviceName: '居民身份证换领', placeName: '青山县政务服务中心' };
    const cancelled: Appointment = { ...appointment, id: 'appt-0003-gone', code: 'AA11BB22', status: 'cancelled', cancelledBy: 'resident', date: '2026-02-20' };
    const done: Appointment = { ...appointment, id: 'appt-0004-done', code: 'CC33DD44', status: 'checked_in', date: '2026-02-25' };
    const seen = mockApi({ 'GET /appointments': ok({ appointments: [cancelled, later, done, appointment], nextCursor: null }) });
    const { container } = render(<MyAppointments />);
    await screen.findByText('居民身份证换领');
    expect(seen[0]?.auth).toBe('Bearer tok');

    const cards = Array.from(container.querySelectorAll('.appt')) as HTMLElement[];
    expect(cards.map((c) => c.querySelector('.appt__when')?.textContent)).toEqual([
      '2026年3月5日 星期四 09:00—10:00',
      '2026年3月10日 星期二 09:00—10:00',
      '2026年2月25日 星期三 09:00—10:00',
      '2026年2月20日 星期五 09:00—10:00',
    ]);
    expect(cards.map((c) => c.querySelector('.badge')?.textContent)).toEqual(['已预约', '已预约', '已签到', '已取消']);
    expect(within(cards[0]!).getByText('石桥村便民服务站')).toBeInTheDocument();
    expect(within(cards[0]!).getByText('预约码 K7P2XQ9M')).toBeInTheDocument();
    expect(within(cards[3]!).queryByText(/预约码/)).not.toBeInTheDocument();

    fireEvent.click(cards[1]!);
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/booking/detail?id=appt-0002-later' });
  });

  it('says when there are none', async () => {
    signIn();
    mockApi({ 'GET /appointments': ok({ appointments: [], nextCursor: null }) });
    render(<MyAppointments />);
    expect(await screen.findByText('您还没有预约')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '去办事' }));
    expect(taro.switchTab).toHaveBeenCalledWith({ url: '/pages/services/index' });
  });
});

describe('booking: detail', () => {
  it('shows the booking code big, as a QR code, and the booking; cancels with the version after a confirm', async () => {
    signIn();
    taro.__setRouterParams({ id: appointment.id });
    const booked = { ...appointment, cutoffAt: future(), version: 3 };
    const seen = mockApi({
      'GET /appointments/{id}': ok(booked),
      'POST /appointments/{id}/cancel': ok({ ...booked, status: 'cancelled', cancelledBy: 'resident', version: 4 }),
    });
    const { container } = render(<AppointmentDetail />);
    const code = await screen.findByText('K7P2XQ9M');
    expect(code).toHaveClass('ticket__code');
    expect(screen.getByLabelText('预约码 K7P2XQ9M 的二维码').querySelectorAll('.qr__row')).toHaveLength(21);
    expect(within(container.querySelector('.ticket') as HTMLElement).getByText('已预约')).toBeInTheDocument();
    expect(within(row('办理事项')).getByText('最低生活保障申请')).toBeInTheDocument();
    expect(within(row('日期')).getByText('2026年3月5日 星期四')).toBeInTheDocument();
    expect(within(row('时间')).getByText('09:00—10:00')).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: '取消预约' }));
    // The page's own dialog (it follows elder mode), not WeChat's.
    const dialog = await screen.findByRole('dialog', { name: '取消预约' });
    expect(within(dialog).getByRole('button', { name: '再想想' })).toHaveFocus();
    fireEvent.click(within(dialog).getByRole('button', { name: '确定取消' }));
    await waitFor(() => expect(seen.some((r) => r.method === 'POST')).toBe(true));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    const post = seen.find((r) => r.method === 'POST');
    expect(post?.path).toBe('/appointments/appt-0001-abcd/cancel');
    expect(post?.body).toEqual({ version: 3 });
    expect(await screen.findByText('您已取消')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '取消预约' })).not.toBeInTheDocument();
    expect(screen.queryByLabelText('预约码 K7P2XQ9M 的二维码')).not.toBeInTheDocument();
  });

  it('does nothing when the resident thinks again', async () => {
    signIn();
    taro.__setRouterParams({ id: appointment.id });
    const seen = mockApi({ 'GET /appointments/{id}': ok({ ...appointment, cutoffAt: future() }) });
    render(<AppointmentDetail />);
    fireEvent.click(await screen.findByRole('button', { name: '取消预约' }));
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: '再想想' }));
    await act(async () => undefined);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(seen.filter((r) => r.method === 'POST')).toHaveLength(0);
  });

  it('改约 opens the slots of the same place in reschedule mode', async () => {
    signIn();
    taro.__setRouterParams({ id: appointment.id });
    mockApi({ 'GET /appointments/{id}': ok({ ...appointment, cutoffAt: future() }) });
    render(<AppointmentDetail />);
    fireEvent.click(await screen.findByRole('button', { name: '改约' }));
    expect(taro.navigateTo).toHaveBeenCalledWith({
      url: '/packages/booking/slots?code=MZ-002&placeId=shiqiao-station&reschedule=appt-0001-abcd',
    });
  });

  it('hides cancel and reschedule after the cut-off', async () => {
    signIn();
    taro.__setRouterParams({ id: appointment.id });
    mockApi({ 'GET /appointments/{id}': ok({ ...appointment, cutoffAt: past() }) });
    render(<AppointmentDetail />);
    expect(await screen.findByText('K7P2XQ9M')).toBeInTheDocument();
    expect(screen.getByText('已过取消截止时间，如需变更请联系办理地点')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '取消预约' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '改约' })).not.toBeInTheDocument();
  });

  it("shows the server's message when the cut-off passed meanwhile", async () => {
    signIn();
    taro.__setRouterParams({ id: appointment.id });
    let gets = 0;
    mockApi({
      'GET /appointments/{id}': () => ok({ ...appointment, cutoffAt: ++gets === 1 ? future() : past() }),
      'POST /appointments/{id}/cancel': { status: 409, body: { code: 'PAST_CUTOFF', message: '已过取消截止时间，不能取消' } },
    });
    render(<AppointmentDetail />);
    fireEvent.click(await screen.findByRole('button', { name: '取消预约' }));
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: '确定取消' }));
    expect(await screen.findByText('已过取消截止时间，不能取消')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('button', { name: '取消预约' })).not.toBeInTheDocument());
  });

  it('shows who cancelled and why when staff closed the slot', async () => {
    signIn();
    taro.__setRouterParams({ id: appointment.id });
    mockApi({
      'GET /appointments/{id}': ok({ ...appointment, status: 'cancelled', cancelledBy: 'staff', cancelReason: '坐班临时取消', cutoffAt: future() }),
    });
    const { container } = render(<AppointmentDetail />);
    expect(await screen.findByRole('alert')).toHaveTextContent('工作人员取消：坐班临时取消');
    expect(within(container.querySelector('.ticket') as HTMLElement).getByText('已取消')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '取消预约' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '改约' })).not.toBeInTheDocument();
  });
});

describe('booking: entry points', () => {
  it('the item page offers 预约办理 only for items that take appointments', async () => {
    taro.__setRouterParams({ code: 'MZ-002' });
    mockApi({ 'GET /services/{code}': ok(dibaoItem) });
    const first = render(<ServiceDetail />);
    fireEvent.click(await screen.findByRole('button', { name: '预约办理' }));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/booking/places?code=MZ-002' });
    first.unmount();

    mockApi({ 'GET /services/{code}': ok({ ...dibaoItem, ...pensionSummary }) });
    render(<ServiceDetail />);
    await screen.findByText('城乡居民基本养老保险参保登记');
    expect(screen.queryByRole('button', { name: '预约办理' })).not.toBeInTheDocument();
  });

  it('我的 links to 我的预约', async () => {
    process.env.TARO_ENV = 'h5';
    mockApi({ 'GET /regions': ok({ regions }) });
    render(<Mine />);
    fireEvent.click(screen.getByRole('link', { name: /我的预约/ }));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/booking/mine' });
    await act(async () => undefined);
  });
});
