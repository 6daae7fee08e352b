// 隐私政策 and 个人信息: agreeing records the shown version; export shows the
// summary; deleting needs 注销 typed back, says what was kept and why, and signs out.
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Privacy from '../../miniprogram/src/packages/profile/privacy';
import PersonalData from '../../miniprogram/src/packages/profile/data';
import { getToken, setToken } from '../../miniprogram/src/api/session';
import { mockApi, ok } from './support/api';
import { me } from './support/fixtures';
import * as taro from './support/taro';

const notice = {
  version: '2026-12-01', title: '办事小程序个人信息保护告知', effectiveOn: '2026-12-01',
  sections: [{ heading: '我们收集什么', body: '姓名、手机号' }, { heading: '您的权利', body: '导出或注销' }],
};

beforeEach(() => {
  setToken('resident', 'tok', new Date(Date.now() + 3600_000).toISOString());
});

describe('privacy notice', () => {
  it('shows the notice and agrees to the version shown, then goes back', async () => {
    const seen = mockApi({
      'GET /privacy': ok(notice),
      'POST /me/privacy-consent': ok({ version: notice.version, consentedAt: '2026-12-01T01:00:00.000Z', current: true }),
      'GET /me': ok({ ...me, privacyConsented: true }),
    });
    render(<Privacy />);
    expect(await screen.findByText('办事小程序个人信息保护告知')).toBeInTheDocument();
    expect(screen.getByText('我们收集什么')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '同意并继续' }));
    await waitFor(() => expect(taro.navigateBack).toHaveBeenCalled());
    expect(seen.find((r) => r.method === 'POST')?.body).toEqual({ version: '2026-12-01' });
  });

  it('declining signs out', async () => {
    mockApi({ 'GET /privacy': ok(notice) });
    render(<Privacy />);
    fireEvent.click(await screen.findByRole('button', { name: '不同意（退出登录）' }));
    expect(getToken('resident')).toBeNull();
  });
});

describe('personal data', () => {
  it('exports with a readable summary', async () => {
    mockApi({
      'GET /me/export': ok({
        exportedAt: '2026-12-01T01:00:00.000Z', summary: '个人信息导出（2026-12-01）\n办件 1 件',
        data: { profile: {}, privacyConsent: null, appointments: [], applications: [], ratings: [], demands: [], inbox: [], certificates: [] },
      }),
    });
    render(<PersonalData />);
    fireEvent.click(screen.getByRole('button', { name: '导出' }));
    expect(await screen.findByText(/办件 1 件/)).toBeInTheDocument();
  });

  it('deletes only after 注销 is typed, shows what was kept and why, signs out', async () => {
    const seen = mockApi({
      'POST /me/delete': ok({
        status: 'done', requestedAt: '2026-12-01T01:00:00.000Z', dueBy: '2026-12-16T01:00:00.000Z', completedAt: '2026-12-01T01:00:01.000Z',
        erased: [{ what: '个人资料', count: 1 }], kept: [{ what: '办件档案', count: 1, reason: '须按档案管理规定保存' }],
        message: '账号已注销，个人资料已删除。',
      }),
    });
    render(<PersonalData />);
    fireEvent.input(screen.getByLabelText('请输入注销确认'), { target: { value: '注销' } });
    fireEvent.click(screen.getByRole('button', { name: '注销账号' }));
    expect(await screen.findByText('须按档案管理规定保存')).toBeInTheDocument();
    expect(seen.find((r) => r.method === 'POST')?.body).toEqual({ confirm: '注销' });
    expect(getToken('resident')).toBeNull();
  });
});
