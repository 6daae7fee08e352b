// Leader reception days: the directory shows each leader's next reception day
// with 预约接待; the booking page asks for the topic (the server's own rule)
// and sends it with the slot.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import ReceptionBooking from '../../miniprogram/src/packages/booking/reception';
import AppointmentDetail from '../../miniprogram/src/packages/booking/detail';
import Contacts from '../../miniprogram/src/packages/profile/contacts';
import { setToken } from '../../miniprogram/src/api/session';
import { setMe } from '../../miniprogram/src/store/app';
import type { Appointment, Place } from '../../shared/schemas/appointments';
import type { Reception } from '../../shared/schemas/posts';
import { mockApi, ok } from './support/api';
import { appointment, countyPlace, me, slot } from './support/fixtures';
import * as taro from './support/taro';

const future = (ms = 3600_000) => new Date(Date.now() + ms).toISOString();
const signIn = () => setToken('resident', 'tok', future());

const reception: Reception = {
  id: 'mz-chen', placeId: 'reception-mz-chen', name: '陈秀兰', title: '县民政局副局长', departmentName: '县民政局', leaderId: 'mz-chen-leader',
  address: '县政务服务中心三楼接待室', hours: '09:00—11:30', dates: ['2026-12-16', '2026-12-30'], nextDate: '2026-12-16',
};
const place: Place = { ...countyPlace, id: 'reception-mz-chen', kind: 'reception', name: '县民政局副局长陈秀兰接待日', address: '县政务服务中心三楼接待室', hours: '09:00—11:30', cutoffMinutes: 120 };
const open = slot('reception-mz-chen', '2026-12-16', '09:00', '10:00');
const full = slot('reception-mz-chen', '2026-12-16', '10:00', '11:00', { booked: 5, remaining: 0, status: 'full' });

describe('reception days in the directory', () => {
  it('shows a leader\'s next reception day and 预约接待 opens its booking', async () => {
    signIn();
    taro.__setRouterParams({ section: 'leaders' });
    mockApi({
      'GET /contacts': ok({
        leaders: [{ id: 'mz-chen-leader', name: '陈秀兰', title: '县民政局副局长', phone: '13908170011', duties: '社会救助、养老服务', regionCode: '511999' }],
        pairedCadre: null,
      }),
      'GET /receptions': ok({ receptions: [reception] }),
    });
    render(<Contacts />);
    const line = await screen.findByText(/接待日：.*2026.*12.*16/);
    const card = line.closest('.contact') as HTMLElement;
    expect(within(card).getByText('陈秀兰')).toBeInTheDocument();
    fireEvent.click(within(card).getByRole('button', { name: '预约接待' }));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/booking/reception?id=mz-chen' });
  });
});

describe('booking a reception', () => {
  it('shows the topic field, refuses an empty topic in Chinese, and books the chosen slot with the topic', async () => {
    signIn();
    taro.__setRouterParams({ id: 'mz-chen' });
    const seen = mockApi({
      'GET /receptions': ok({ receptions: [reception] }),
      'GET /places/{placeId}/slots': ok({ place, days: [{ date: '2026-12-16', slots: [open, full] }] }),
      'POST /receptions/{id}/appointments': { status: 201, body: { ...appointment, id: 'appt-rcp-0001', serviceCode: 'RECEPTION', topic: '村道塌方三个月无人修复' } },
    });
    render(<ReceptionBooking />);
    const topic = await screen.findByLabelText('想反映的事由');
    expect(screen.getByText('想反映的事由（必填）')).toBeInTheDocument();
    expect(screen.getByText('领导接待日')).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: '确认预约接待' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('请先选择接待时段');

    fireEvent.click(screen.getByRole('button', { name: /09:00/ }));
    fireEvent.click(screen.getByRole('button', { name: '确认预约接待' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('请写明想反映的事由（至少4个字）');
    expect(seen.some((r) => r.method === 'POST')).toBe(false);

    fireEvent.input(topic, { target: { value: '村道塌方三个月无人修复' } });
    fireEvent.click(screen.getByRole('button', { name: '确认预约接待' }));
    await waitFor(() => expect(taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/booking/detail?id=appt-rcp-0001' }));
    const post = seen.find((r) => r.method === 'POST')!;
    expect(post.path).toBe('/receptions/mz-chen/appointments');
    expect(post.body).toMatchObject({ slotId: 'reception-mz-chen~2026-12-16~0900', topic: '村道塌方三个月无人修复' });
  });
});

describe('rescheduling a reception booking', () => {
  const later = slot('reception-mz-chen', '2026-12-30', '09:00', '10:00');
  const booking: Appointment = {
    ...appointment, id: 'appt-rcp-0001', serviceCode: 'RECEPTION', serviceName: '领导接待（县民政局副局长陈秀兰）', placeId: 'reception-mz-chen',
    placeName: place.name, placeAddress: place.address, slotId: open.id, date: '2026-12-16', start: '09:00', end: '10:00',
    topic: '村道塌方三个月无人修复', cutoffAt: future(), version: 3,
  };
  const days = [{ date: '2026-12-16', slots: [open, full] }, { date: '2026-12-30', slots: [later] }];

  it('the detail shows the topic and 改约 opens the leader\'s reception page in reschedule mode', async () => {
    signIn();
    taro.__setRouterParams({ id: booking.id });
    mockApi({ 'GET /appointments/{id}': ok(booking) });
    render(<AppointmentDetail />);
    fireEvent.click(await screen.findByRole('button', { name: '改约' }));
    expect(screen.getByText('接待事由').closest('.kv')).toHaveTextContent('村道塌方三个月无人修复');
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/booking/reception?id=mz-chen&reschedule=appt-rcp-0001' });
  });

  it('keeps the topic, refuses the same slot, confirms, moves with the version and goes back to the detail (elder mode too)', async () => {
    signIn();
    setMe({ ...me, elderMode: true });
    taro.__setRouterParams({ id: 'mz-chen', reschedule: booking.id });
    const seen = mockApi({
      'GET /receptions': ok({ receptions: [reception] }),
      'GET /appointments/{id}': ok(booking),
      'GET /places/{placeId}/slots': ok({ place, days }),
      'POST /appointments/{id}/reschedule': ok({ ...booking, slotId: later.id, date: '2026-12-30', version: 4 }),
    });
    const { container } = render(<ReceptionBooking />);
    expect(await screen.findByLabelText('想反映的事由')).toHaveValue('村道塌方三个月无人修复');
    expect(container.querySelector('.page')).toHaveClass('elder');
    expect(screen.getByText(/改约：请选择新的时段.*原预约：/)).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: /09:00/ }));
    fireEvent.click(screen.getByRole('button', { name: '确认改约' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('这是您当前预约的时段，请选择其他时段');

    fireEvent.click(screen.getByText(/12.*30/));
    fireEvent.click(screen.getByRole('button', { name: /09:00/ }));
    fireEvent.click(screen.getByRole('button', { name: '确认改约' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('原时段的名额将同时释放');
    fireEvent.click(within(dialog).getByRole('button', { name: '确定改约' }));
    await waitFor(() => expect(taro.navigateBack).toHaveBeenCalled());
    const post = seen.find((r) => r.method === 'POST')!;
    expect(post.path).toBe('/appointments/appt-rcp-0001/reschedule');
    expect(post.body).toEqual({ slotId: later.id, version: 3 });
    expect(taro.showToast).toHaveBeenCalledWith({ title: '改约成功', icon: 'success' });
  });

  it('sends a restated topic; a full slot (409) says so and reloads the seats', async () => {
    signIn();
    taro.__setRouterParams({ id: 'mz-chen', reschedule: booking.id });
    const seen = mockApi({
      'GET /receptions': ok({ receptions: [reception] }),
      'GET /appointments/{id}': ok(booking),
      'GET /places/{placeId}/slots': ok({ place, days }),
      'POST /appointments/{id}/reschedule': { status: 409, body: { code: 'SLOT_FULL', message: '名额已满' } },
    });
    render(<ReceptionBooking />);
    fireEvent.input(await screen.findByLabelText('想反映的事由'), { target: { value: '反映低保评定不公' } });
    fireEvent.click(screen.getByText(/12.*30/));
    fireEvent.click(screen.getByRole('button', { name: /09:00/ }));
    fireEvent.click(screen.getByRole('button', { name: '确认改约' }));
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: '确定改约' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('名额已满');
    expect(seen.find((r) => r.method === 'POST')!.body).toEqual({ slotId: later.id, version: 3, topic: '反映低保评定不公' });
    await waitFor(() => expect(seen.filter((r) => r.path.endsWith('/slots'))).toHaveLength(2));
    expect(taro.navigateBack).not.toHaveBeenCalled();
  });

  it('past the cut-off offers no 改约 button', async () => {
    signIn();
    taro.__setRouterParams({ id: 'mz-chen', reschedule: booking.id });
    mockApi({
      'GET /receptions': ok({ receptions: [reception] }),
      'GET /appointments/{id}': ok({ ...booking, cutoffAt: new Date(Date.now() - 60_000).toISOString() }),
      'GET /places/{placeId}/slots': ok({ place, days }),
    });
    render(<ReceptionBooking />);
    expect(await screen.findByRole('alert')).toHaveTextContent('已超过改约截止时间');
    expect(screen.queryByRole('button', { name: '确认改约' })).not.toBeInTheDocument();
  });
});
