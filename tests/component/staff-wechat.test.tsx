// Workbench: a staff member binds WeChat from the home (wx.login → POST
// /admin/me/wechat; a department head is asked for the digest's consent in the
// same tap); in H5 the card says it only works inside WeChat. The admin's
// dead-push list (GET /admin/push-failures).
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { setToken } from '../../miniprogram/src/api/session';
import Workbench from '../../miniprogram/src/workbench/index/index';
import PushFailures from '../../miniprogram/src/workbench/push-failures/index';
import { PUSH_TEMPLATES } from '../../shared/push-templates';
import { mockApi, ok } from './support/api';
import { staffProfile } from './support/fixtures';
import * as taro from './support/taro';

const wx = Taro as unknown as { requestSubscribeMessage?: jest.Mock };
const home = { date: '2026-12-01', counts: { appointmentsToday: null, queue: null, overdue: null, tickets: null, demands: null } };
const head = { ...staffProfile, username: 'head-mz', role: 'dept_head' as const };

beforeEach(() => {
  setToken('staff', 'staff-tok', new Date(Date.now() + 3600_000).toISOString());
});
afterEach(() => {
  delete wx.requestSubscribeMessage;
});

describe('binding WeChat from the workbench home', () => {
  it('a department head: the digest consent, then wx.login, then the route with both', async () => {
    const digest = PUSH_TEMPLATES.staff_digest.id;
    wx.requestSubscribeMessage = jest.fn(async () => ({ [digest]: 'accept', errMsg: 'requestSubscribeMessage:ok' }));
    taro.login.mockImplementation(async () => ({ code: 'wx-code-head', errMsg: 'login:ok' }));
    const seen = mockApi({ 'GET /admin/me': ok(head), 'GET /admin/home': ok(home), 'POST /admin/me/wechat': ok(head) });
    render(<Workbench />);
    expect(await screen.findByText('绑定后，每天早上在微信收到本部门的督办提醒')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '绑定微信' }));
    expect(await screen.findByText('已绑定本微信。')).toBeInTheDocument();
    expect(wx.requestSubscribeMessage).toHaveBeenCalledWith({ tmplIds: [digest] });
    const bind = seen.find((r) => r.method === 'POST' && r.path === '/admin/me/wechat');
    expect(bind?.body).toEqual({ code: 'wx-code-head', results: { [digest]: 'accept' } });
  });

  it('shows the server’s message when the binding fails', async () => {
    mockApi({
      'GET /admin/me': ok(staffProfile),
      'GET /admin/home': ok(home),
      'POST /admin/me/wechat': { status: 409, body: { code: 'CONFLICT', message: '该微信已绑定其他工作人员' } },
    });
    render(<Workbench />);
    fireEvent.click(await screen.findByRole('button', { name: '绑定微信' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('该微信已绑定其他工作人员');
    expect(screen.getByRole('button', { name: '绑定微信' })).toBeInTheDocument();
  });

  it('in H5 says it only works inside WeChat, with no button', async () => {
    process.env.TARO_ENV = 'h5';
    mockApi({ 'GET /admin/me': ok(head), 'GET /admin/home': ok(home) });
    render(<Workbench />);
    expect(await screen.findByText(/绑定微信仅在微信小程序内可用/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '绑定微信' })).not.toBeInTheDocument();
  });
});

describe('the admin’s dead pushes', () => {
  it('the home offers the entry to the admin only', async () => {
    mockApi({ 'GET /admin/me': ok({ ...staffProfile, role: 'admin' }), 'GET /admin/home': ok(home) });
    const { unmount } = render(<Workbench />);
    fireEvent.click((await screen.findByText('推送失败')).closest('.cell') as HTMLElement);
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/workbench/push-failures/index' });
    unmount();
    mockApi({ 'GET /admin/me': ok(staffProfile), 'GET /admin/home': ok(home) });
    render(<Workbench />);
    await screen.findByText('诉求');
    expect(screen.queryByText('推送失败')).not.toBeInTheDocument();
  });

  it('lists each dead push with its template, recipient, attempts and reason; or says there are none', async () => {
    mockApi({
      'GET /admin/push-failures': ok({
        pushes: [{ id: 'notice-n1-r-1', template: 'notice', templateTitle: '政策通知', recipient: 'resident', attempts: 6, lastError: '40003 invalid openid', at: '2026-12-01T01:30:00.000Z' }],
      }),
    });
    const { unmount } = render(<PushFailures />);
    expect(await screen.findByText('政策通知')).toBeInTheDocument();
    expect(screen.getByText('居民')).toBeInTheDocument();
    expect(screen.getByText('6次')).toBeInTheDocument();
    expect(screen.getByText('40003 invalid openid')).toBeInTheDocument();
    unmount();
    mockApi({ 'GET /admin/push-failures': ok({ pushes: [] }) });
    render(<PushFailures />);
    expect(await screen.findByText('暂无推送失败')).toBeInTheDocument();
  });
});
