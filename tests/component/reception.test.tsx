// Leader reception days: the directory shows each leader's next reception day
// with 预约接待; the booking page asks for the topic (the server's own rule)
// and sends it with the slot.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import ReceptionBooking from '../../miniprogram/src/packages/booking/reception';
import Contacts from '../../miniprogram/src/packages/profile/contacts';
import { setToken } from '../../miniprogram/src/api/session';
import type { Place } from '../../shared/schemas/appointments';
import type { Reception } from '../../shared/schemas/posts';
import { mockApi, ok } from './support/api';
import { appointment, countyPlace, slot } from './support/fixtures';
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
