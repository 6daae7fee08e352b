// Staff workbench: sign-in form and the home page with the real profile.
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import StaffLogin from '../../miniprogram/src/workbench/login/index';
import Workbench from '../../miniprogram/src/workbench/index/index';
import { getToken, setToken } from '../../miniprogram/src/api/session';
import { mockApi, ok } from './support/api';
import { staffProfile } from './support/fixtures';
import * as taro from './support/taro';

const future = () => new Date(Date.now() + 3600_000).toISOString();

describe('staff workbench', () => {
  it('home shows who is signed in: name, role, department, region', async () => {
    setToken('staff', 'staff-tok', future());
    const seen = mockApi({ 'GET /admin/me': ok(staffProfile) });
    render(<Workbench />);
    expect(await screen.findByText('陈静')).toBeInTheDocument();
    expect(screen.getByText('窗口人员')).toBeInTheDocument();
    expect(screen.getByText('县民政局')).toBeInTheDocument();
    expect(screen.getByText('青山县')).toBeInTheDocument();
    expect(screen.getByText('clerk01')).toBeInTheDocument();
    expect(screen.getByText('137****3333')).toBeInTheDocument();
    expect(seen[0]?.auth).toBe('Bearer staff-tok');
  });

  it('home without a staff session goes to the login page', async () => {
    const seen = mockApi({});
    render(<Workbench />);
    await waitFor(() => expect(taro.redirectTo).toHaveBeenCalledWith({ url: '/workbench/login/index' }));
    expect(seen).toHaveLength(0);
  });

  it('signs out', async () => {
    setToken('staff', 'staff-tok', future());
    mockApi({ 'GET /admin/me': ok({ ...staffProfile, role: 'supervisor', departmentId: null, departmentName: null }) });
    render(<Workbench />);
    expect(await screen.findByText('督查人员')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '退出登录' }));
    expect(getToken('staff')).toBeNull();
    expect(taro.redirectTo).toHaveBeenCalledWith({ url: '/workbench/login/index' });
  });

  it('login form: checks input, signs in, keeps the token and opens the workbench', async () => {
    const seen = mockApi({
      'POST /admin/auth/login': ok({ token: 'staff-new', expiresAt: future(), staff: staffProfile }),
    });
    render(<StaffLogin />);
    fireEvent.click(screen.getByRole('button', { name: '登录' }));
    expect(await screen.findByText('请输入用户名')).toBeInTheDocument();
    expect(screen.getByText('请输入密码')).toBeInTheDocument();
    expect(seen).toHaveLength(0);

    fireEvent.input(screen.getByPlaceholderText('请输入用户名'), { target: { value: 'clerk01' } });
    fireEvent.input(screen.getByPlaceholderText('请输入密码'), { target: { value: 'secret-pass' } });
    fireEvent.click(screen.getByRole('button', { name: '登录' }));
    await waitFor(() => expect(taro.redirectTo).toHaveBeenCalledWith({ url: '/workbench/index/index' }));
    expect(seen[0]?.body).toEqual({ username: 'clerk01', password: 'secret-pass' });
    expect(getToken('staff')).toBe('staff-new');
  });

  it("login form shows the server's zh-CN message on a wrong password", async () => {
    mockApi({ 'POST /admin/auth/login': { status: 401, body: { code: 'BAD_CREDENTIALS', message: '用户名或密码错误' } } });
    render(<StaffLogin />);
    fireEvent.input(screen.getByPlaceholderText('请输入用户名'), { target: { value: 'clerk01' } });
    fireEvent.input(screen.getByPlaceholderText('请输入密码'), { target: { value: 'wrong' } });
    fireEvent.click(screen.getByRole('button', { name: '登录' }));
    expect(await screen.findByText('用户名或密码错误')).toBeInTheDocument();
    expect(taro.redirectTo).not.toHaveBeenCalled();
    expect(getToken('staff')).toBeNull();
  });
});
