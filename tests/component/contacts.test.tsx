// 包联干部 and the leaders' directory, and the H5 demo sign-in page.
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Contacts from '../../miniprogram/src/packages/profile/contacts';
import DemoLogin from '../../miniprogram/src/packages/login/index';
import Mine from '../../miniprogram/src/pages/mine/index';
import { getToken } from '../../miniprogram/src/api/session';
import { getState } from '../../miniprogram/src/store/app';
import { mockApi, ok } from './support/api';
import { contacts, me, regions, session } from './support/fixtures';
import * as taro from './support/taro';

const FAKE_WECHAT = 'http://127.0.0.1:3100';

describe('contacts page', () => {
  it('shows the paired cadre and the leaders, with tap-to-call', async () => {
    mockApi({ 'POST /auth/wechat': ok(session()), 'GET /contacts': ok(contacts) });
    render(<Contacts />);
    expect(await screen.findByText('李建国')).toBeInTheDocument();
    expect(screen.getByText('联系石桥村1-4组，负责政策宣传和全程代办')).toBeInTheDocument();
    expect(screen.getByText('城关镇党委书记')).toBeInTheDocument();
    expect(screen.getByText('分管：主持县政府全面工作')).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: '拨打电话' }));
    expect(taro.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '13900002222' });
    fireEvent.click(screen.getAllByRole('button', { name: '拨打' })[1]!);
    expect(taro.makePhoneCall).toHaveBeenLastCalledWith({ phoneNumber: '0839-7654321' });
  });

  it('says so when no cadre is paired yet', async () => {
    mockApi({ 'POST /auth/wechat': ok(session()), 'GET /contacts': ok({ ...contacts, pairedCadre: null }) });
    render(<Contacts />);
    expect(await screen.findByText(/暂未为您分配包联干部/)).toBeInTheDocument();
  });
});

describe('H5 demo sign-in', () => {
  it('lists the demo residents from the fake WeChat server and signs in with the same code flow', async () => {
    process.env.TARO_ENV = 'h5';
    const seen = mockApi({
      [`GET ${FAKE_WECHAT}/dev/users`]: ok([
        { openid: 'o-elder', label: '王秀英（老年人，石桥村）' },
        { openid: 'o-migrant', label: '张强（外出务工，柏林村）' },
      ]),
      [`POST ${FAKE_WECHAT}/dev/code`]: (req) => ok({ code: `code-of-${(req.body as { openid: string }).openid}` }),
      'POST /auth/wechat': (req) => ok(session({ name: '张强' }, `tok-${(req.body as { code: string }).code}`)),
    });
    render(<DemoLogin />);
    expect(screen.getByText('选择演示居民')).toBeInTheDocument();
    fireEvent.click(await screen.findByRole('button', { name: '张强（外出务工，柏林村）' }));

    await waitFor(() => expect(taro.switchTab).toHaveBeenCalledWith({ url: '/pages/mine/index' }));
    expect(seen.map((r) => `${r.method} ${r.path}`)).toEqual([
      `GET ${FAKE_WECHAT}/dev/users`,
      `POST ${FAKE_WECHAT}/dev/code`,
      'POST /auth/wechat',
    ]);
    expect(seen[1]?.body).toEqual({ openid: 'o-migrant' });
    expect(seen[2]?.body).toEqual({ code: 'code-of-o-migrant' });
    expect(getToken('resident')).toBe('tok-code-of-o-migrant');
    expect(getState().me?.name).toBe('张强');
  });

  it('the 我的 tab waits for a tap in the browser, then opens the picker', async () => {
    process.env.TARO_ENV = 'h5';
    mockApi({ 'GET /regions': ok({ regions }), 'GET /me': ok(me) });
    render(<Mine />);
    expect(screen.getByText('尚未登录')).toBeInTheDocument();
    expect(taro.navigateTo).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: '登录（选择演示居民）' }));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/login/index' });
    expect(await screen.findByText('正在登录…')).toBeInTheDocument();
  });

  it('in WeChat the 我的 tab signs in silently and shows the resident', async () => {
    mockApi({ 'POST /auth/wechat': ok(session()), 'GET /me': ok(me), 'GET /regions': ok({ regions }) });
    render(<Mine />);
    expect(await screen.findByText('王秀英')).toBeInTheDocument();
    expect(await screen.findByText('现居住地：城关镇 / 石桥村')).toBeInTheDocument();
    expect(screen.getByText('老年人')).toBeInTheDocument();
    expect(screen.getByText('已登录 · 138****1111')).toBeInTheDocument();
    expect(taro.login).toHaveBeenCalledTimes(1);
  });
});
