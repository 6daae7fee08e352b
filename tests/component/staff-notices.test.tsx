// The workbench's 政策通知: the list with reach, the editor (预览人数, 发布 after
// confirming the count, 撤回), and the entry on the staff home by role.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import NoticeEditor from '../../miniprogram/src/workbench/notice/index';
import Notices from '../../miniprogram/src/workbench/notices/index';
import Workbench from '../../miniprogram/src/workbench/index/index';
import { setToken } from '../../miniprogram/src/api/session';
import type { Notice } from '../../shared/schemas/notices';
import { mockApi, ok } from './support/api';
import { regions, staffProfile } from './support/fixtures';
import * as taro from './support/taro';

beforeEach(() => setToken('staff', 'stok', new Date(Date.now() + 3600_000).toISOString()));

const reach = { targeted: 0, inboxWritten: 0, pushed: 0, delivered: 0, skipped: 0, failed: 0, read: 0 };
const notice = (over: Partial<Notice> = {}): Notice => ({
  id: 'n1', kind: 'hometown', title: '返乡创业扶持政策', body: '可申请一次性创业补贴。', attachmentUrl: null,
  target: { regionCodes: ['511999101'], tags: [], minAge: null, maxAge: null }, expiresOn: null, status: 'draft',
  departmentId: null, authorName: '系统管理员', createdAt: '2026-12-01T04:00:00.000Z', publishedAt: null, withdrawnAt: null,
  version: 1, reach, delivered: false, ...over,
});

test('a draft: preview the count, publish after confirming it, then its reach', async () => {
  taro.__setRouterParams({ id: 'n1' });
  const seen = mockApi({
    'GET /regions': ok({ regions }),
    'GET /admin/notices/{id}': ok(notice()),
    'POST /admin/notices/preview': ok({ targeted: 3 }),
    'PUT /admin/notices/{id}': ok(notice({ version: 2 })),
    'POST /admin/notices/{id}/publish': ok(notice({ status: 'published', version: 3, publishedAt: '2026-12-01T05:00:00.000Z', reach: { ...reach, targeted: 3, inboxWritten: 3, pushed: 3, read: 1 } })),
  });
  render(<NoticeEditor />);
  expect(await screen.findByDisplayValue('返乡创业扶持政策')).toBeInTheDocument();
  expect(screen.getByText('城关镇')).toBeInTheDocument();
  fireEvent.click(screen.getByRole('button', { name: '预览人数' }));
  expect(await screen.findByText('将发送给 3 位居民')).toBeInTheDocument();
  fireEvent.click(screen.getByRole('button', { name: '发布' }));
  // The count is confirmed in the page's own dialog (it scales in elder mode), not WeChat's.
  const dialog = await screen.findByRole('dialog');
  expect(dialog).toHaveTextContent('将发送给 3 位居民，发布后不能修改，可以撤回。');
  expect(seen.some((r) => r.path === '/admin/notices/n1/publish')).toBe(false);
  fireEvent.click(within(dialog).getByRole('button', { name: '发布' }));
  await waitFor(() => expect(seen.some((r) => r.path === '/admin/notices/n1/publish')).toBe(true));
  expect(taro.showModal).not.toHaveBeenCalled();
  expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  expect(seen.find((r) => r.path === '/admin/notices/n1/publish')?.body).toEqual({ version: 2 });
  expect(await screen.findByText('已发布')).toBeInTheDocument();
  expect(screen.getByText(/目标 3 人 · 已写入 3 · 推送 3 · 送达 0 · 未授权 0 · 失败 0 · 已读 1/)).toBeInTheDocument();
  expect(screen.getByRole('button', { name: '撤回' })).toBeInTheDocument();
  expect(screen.queryByRole('button', { name: '保存草稿' })).not.toBeInTheDocument();
});

test('publishing is not sent when the count is not confirmed', async () => {
  taro.__setRouterParams({ id: 'n1' });
  const seen = mockApi({ 'GET /regions': ok({ regions }), 'GET /admin/notices/{id}': ok(notice()), 'POST /admin/notices/preview': ok({ targeted: 3 }) });
  render(<NoticeEditor />);
  fireEvent.click(await screen.findByRole('button', { name: '发布' }));
  fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: '取消' }));
  await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  expect(seen.filter((r) => r.method !== 'GET' && r.path !== '/admin/notices/preview')).toHaveLength(0);
  expect(screen.getByRole('button', { name: '发布' })).not.toBeDisabled();
});

test('a title left empty is refused before sending', async () => {
  taro.__setRouterParams({});
  const seen = mockApi({ 'GET /regions': ok({ regions }) });
  render(<NoticeEditor />);
  fireEvent.click(await screen.findByRole('button', { name: '保存草稿' }));
  expect(await screen.findByText('请填写标题')).toBeInTheDocument();
  expect(seen.filter((r) => r.method !== 'GET')).toHaveLength(0);
});

test('withdrawing a published notice', async () => {
  taro.__setRouterParams({ id: 'n1' });
  const seen = mockApi({
    'GET /regions': ok({ regions }),
    'GET /admin/notices/{id}': ok(notice({ status: 'published', version: 3 })),
    'POST /admin/notices/{id}/withdraw': ok(notice({ status: 'withdrawn', version: 4 })),
  });
  render(<NoticeEditor />);
  fireEvent.click(await screen.findByRole('button', { name: '撤回' }));
  fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: '撤回' }));
  expect(await screen.findByText('已撤回')).toBeInTheDocument();
  expect(seen.find((r) => r.path === '/admin/notices/n1/withdraw')?.body).toEqual({ version: 3 });
});

test('the list shows each notice with its status and reach; the supervisor reads, never drafts', async () => {
  mockApi({ 'GET /admin/me': ok({ ...staffProfile, role: 'supervisor' }), 'GET /admin/notices': ok({ notices: [notice({ status: 'published', reach: { ...reach, targeted: 12, delivered: 9 }, delivered: true })], nextCursor: null }) });
  render(<Notices />);
  expect(await screen.findByText('【家乡动态】返乡创业扶持政策')).toBeInTheDocument();
  expect(screen.getByText(/目标 12 人/)).toBeInTheDocument();
  expect(screen.queryByRole('button', { name: '起草通知' })).not.toBeInTheDocument();
});

test('the staff home offers 政策通知 to department heads and admins, not to clerks', async () => {
  mockApi({ 'GET /admin/me': ok({ ...staffProfile, role: 'dept_head' }) });
  const { unmount } = render(<Workbench />);
  expect(await screen.findByText('政策通知')).toBeInTheDocument();
  unmount();
  mockApi({ 'GET /admin/me': ok({ ...staffProfile, role: 'clerk' }) });
  render(<Workbench />);
  await screen.findByText('退出登录');
  expect(screen.queryByText('政策通知')).not.toBeInTheDocument();
});
