// Stale-while-revalidate on the resident's lists and details: what the device
// kept shows at once with 更新中 while the network answers; personal copies
// belong to one account and go on sign-out; the public catalogue stays.
import { act, render, screen } from '@testing-library/react';
import MyAppointments from '../../miniprogram/src/packages/booking/mine';
import Services from '../../miniprogram/src/pages/services/index';
import { logoutResident } from '../../miniprogram/src/api/client';
import { setToken } from '../../miniprogram/src/api/session';
import { mockApi, ok, type Reply } from './support/api';
import { appointment, dibaoSummary, pensionSummary } from './support/fixtures';

const future = () => new Date(Date.now() + 3600_000).toISOString();
/** A session token shaped like the server's (the kept copies are filed under its `sub`). */
const tokenOf = (residentId: string) => `eyJhbGciOiJIUzI1NiJ9.${Buffer.from(JSON.stringify({ sub: residentId, aud: 'resident' })).toString('base64url')}.sig`;
const signIn = (residentId: string) => setToken('resident', tokenOf(residentId), future());

/** The network answers only when the test says so (a slow village signal). */
function slow() {
  let answer: (r: Reply) => void = () => undefined;
  const reply = () => new Promise<Reply>((r) => (answer = r));
  return { reply, answer: (r: Reply) => answer(r) };
}

const booked = (serviceName: string) => ({ appointments: [{ ...appointment, serviceName }], nextCursor: null });

describe('kept copies (stale-while-revalidate)', () => {
  it('my bookings: the kept list shows at once with 更新中 while the refresh is pending, then the fresh one', async () => {
    signIn('res-A');
    mockApi({ 'GET /appointments': ok(booked('最低生活保障申请')) });
    const first = render(<MyAppointments />);
    expect(await screen.findByText('最低生活保障申请')).toBeInTheDocument();
    expect(screen.queryByText('更新中…')).not.toBeInTheDocument();
    first.unmount();

    const network = slow();
    mockApi({ 'GET /appointments': network.reply });
    render(<MyAppointments />);
    expect(screen.getByText('最低生活保障申请')).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('更新中…');
    expect(screen.queryByText('加载中…')).not.toBeInTheDocument();

    await act(async () => network.answer(ok(booked('居民身份证换领'))));
    expect(await screen.findByText('居民身份证换领')).toBeInTheDocument();
    expect(screen.queryByText('最低生活保障申请')).not.toBeInTheDocument();
    expect(screen.queryByText('更新中…')).not.toBeInTheDocument();
  });

  it('a dropped signal keeps the kept list on screen, without an error', async () => {
    signIn('res-A');
    mockApi({ 'GET /appointments': ok(booked('最低生活保障申请')) });
    const first = render(<MyAppointments />);
    await screen.findByText('最低生活保障申请');
    first.unmount();

    mockApi({ 'GET /appointments': 'network-error' });
    render(<MyAppointments />);
    expect(screen.getByText('最低生活保障申请')).toBeInTheDocument();
    await act(async () => new Promise((r) => setTimeout(r, 0)));
    expect(screen.getByText('最低生活保障申请')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '重新加载' })).not.toBeInTheDocument();
  });

  it('sign-out wipes the personal copy: the next visit waits for the network', async () => {
    signIn('res-A');
    mockApi({ 'GET /appointments': ok(booked('最低生活保障申请')) });
    render(<MyAppointments />);
    await screen.findByText('最低生活保障申请');

    act(() => logoutResident());
    signIn('res-A');
    mockApi({ 'GET /appointments': slow().reply });
    const again = render(<MyAppointments />);
    expect(again.container).toHaveTextContent('加载中…');
    expect(again.container).not.toHaveTextContent('最低生活保障申请');
  });

  it("another account on the same phone never sees the first one's copy", async () => {
    signIn('res-A');
    mockApi({ 'GET /appointments': ok(booked('最低生活保障申请')) });
    const first = render(<MyAppointments />);
    await screen.findByText('最低生活保障申请');
    first.unmount();

    signIn('res-B');
    mockApi({ 'GET /appointments': slow().reply });
    const b = render(<MyAppointments />);
    expect(b.container).toHaveTextContent('加载中…');
    expect(b.container).not.toHaveTextContent('最低生活保障申请');
    b.unmount();

    // Back to A: A's copy is still there.
    signIn('res-A');
    render(<MyAppointments />);
    expect(screen.getByText('最低生活保障申请')).toBeInTheDocument();
  });

  it('the catalogue is public: kept across sign-out, shown with 更新中 while it refreshes', async () => {
    mockApi({ 'GET /services': ok({ items: [pensionSummary, dibaoSummary], total: 2 }) });
    const first = render(<Services />);
    await screen.findByText(pensionSummary.name);
    first.unmount();
    signIn('res-A');
    act(() => logoutResident());

    const network = slow();
    mockApi({ 'GET /services': network.reply });
    render(<Services />);
    expect(screen.getByText('最低生活保障申请')).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('更新中…');
    await act(async () => network.answer(ok({ items: [dibaoSummary], total: 1 })));
    expect(screen.queryByText(pensionSummary.name)).not.toBeInTheDocument();
    expect(screen.queryByText('更新中…')).not.toBeInTheDocument();
  });
});
