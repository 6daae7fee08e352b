// 消息: the home entry with its unread count, the feed (notices and personal
// messages, unread marked, read receipts on opening), and a notice's page.
import { act, fireEvent, render, screen } from '@testing-library/react';
import Home from '../../miniprogram/src/pages/index/index';
import Inbox from '../../miniprogram/src/packages/notice/index';
import NoticeDetail from '../../miniprogram/src/packages/notice/detail';
import { setToken } from '../../miniprogram/src/api/session';
import { ELDER_MODE_KEY, resetState } from '../../miniprogram/src/store/app';
import type { InboxMessage } from '../../shared/schemas/inbox';
import { mockApi, ok } from './support/api';
import * as taro from './support/taro';

const future = () => new Date(Date.now() + 3600_000).toISOString();
const signIn = () => setToken('resident', 'tok', future());

const msg = (over: Partial<InboxMessage> = {}): InboxMessage => ({
  id: '20261201T045000000Z-notice-n1-r1',
  kind: 'notice',
  title: '高滩镇返乡创业扶持政策',
  body: '返乡创业人员可申请一次性创业补贴。',
  page: 'packages/notice/detail?id=n1',
  at: '2026-12-01T04:50:00.000Z',
  read: false,
  noticeId: 'n1',
  ...over,
});

const flush = () => act(async () => {
  await new Promise((r) => setTimeout(r, 0));
});

describe('首页 消息', () => {
  test('shows the unread count once signed in; opens the feed', async () => {
    signIn();
    mockApi({ 'GET /inbox/unread': ok({ unread: 3 }) });
    render(<Home />);
    await flush();
    expect(await screen.findByLabelText('未读 3 条')).toHaveTextContent('3');
    fireEvent.click(screen.getByText('消息'));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/notice/index' });
  });

  test('asks nothing before signing in, and is large in elder mode', async () => {
    taro.setStorageSync(ELDER_MODE_KEY, true);
    resetState();
    const seen = mockApi({});
    const { container } = render(<Home />);
    await flush();
    expect(seen).toHaveLength(0);
    expect(screen.getByText('消息')).toBeInTheDocument();
    expect(container.querySelector('.page.elder')).not.toBeNull();
  });
});

describe('the feed', () => {
  test('newest first with unread marks; opening a notice records the read and shows it', async () => {
    signIn();
    const seen = mockApi({
      'GET /inbox': ok({ items: [msg(), msg({ id: '20261130T010000000Z-appt-cancel-a1', kind: 'booking', title: '预约已取消', body: '因停电检修已取消', page: 'packages/booking/detail?id=a1', noticeId: null, read: true })], nextCursor: null, unread: 1 }),
      'POST /inbox/{id}/read': ok({ unread: 0 }),
    });
    render(<Inbox />);
    expect(await screen.findByText('未读 1 条')).toBeInTheDocument();
    expect(screen.getAllByLabelText('未读')).toHaveLength(1);
    expect(screen.getByText('预约已取消')).toBeInTheDocument();
    fireEvent.click(screen.getByText('高滩镇返乡创业扶持政策'));
    await flush();
    expect(seen.some((r) => r.method === 'POST' && r.path === `/inbox/${msg().id}/read`)).toBe(true);
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: `/packages/notice/detail?id=n1&msg=${msg().id}` });
    expect(screen.queryAllByLabelText('未读')).toHaveLength(0);
    // A personal message opens its own page.
    fireEvent.click(screen.getByText('预约已取消'));
    expect(taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/booking/detail?id=a1' });
  });

  test('empty, and an error with 重新加载', async () => {
    signIn();
    mockApi({ 'GET /inbox': { status: 500, body: { code: 'INTERNAL', message: '服务器开小差了' } } });
    render(<Inbox />);
    expect(await screen.findByText('重新加载')).toBeInTheDocument();
  });
});

describe('a notice', () => {
  test('shows the full text and marks its message read', async () => {
    signIn();
    taro.__setRouterParams({ id: 'n1', msg: msg().id });
    const seen = mockApi({
      'GET /notices/{id}': ok({ id: 'n1', kind: 'hometown', title: '高滩镇返乡创业扶持政策', body: '第一段\n第二段', attachmentUrl: null, publishedAt: '2026-12-01T04:50:00.000Z', expiresOn: '2026-12-31' }),
      'POST /inbox/{id}/read': ok({ unread: 0 }),
    });
    render(<NoticeDetail />);
    expect(await screen.findByText('家乡动态')).toBeInTheDocument();
    expect(screen.getByText(/有效期至 2026-12-31/)).toBeInTheDocument();
    expect(seen.some((r) => r.method === 'POST' && r.path === `/inbox/${msg().id}/read`)).toBe(true);
  });
});
