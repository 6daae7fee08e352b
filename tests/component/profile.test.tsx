// 个人资料: cascading region picker built from GET /regions, tags, save.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import ProfileEdit from '../../miniprogram/src/packages/profile/edit';
import { setToken } from '../../miniprogram/src/api/session';
import { getState } from '../../miniprogram/src/store/app';
import { mockApi, ok } from './support/api';
import { me, regions } from './support/fixtures';
import * as taro from './support/taro';

function picker(label: string): HTMLElement {
  return screen.getByText(label).closest('.region-picker') as HTMLElement;
}

beforeEach(() => {
  setToken('resident', 'tok', new Date(Date.now() + 3600_000).toISOString());
});

describe('profile edit page', () => {
  it('shows the current profile with region names', async () => {
    mockApi({ 'GET /me': ok(me), 'GET /regions': ok({ regions }) });
    render(<ProfileEdit />);
    expect(await screen.findByDisplayValue('王秀英')).toBeInTheDocument();
    expect(screen.getByDisplayValue('13800001111')).toBeInTheDocument();
    expect(within(picker('现居住地')).getByText('城关镇 / 石桥村')).toBeInTheDocument();
    expect(within(picker('户籍所在地（家乡）')).getByText('与现居住地相同可不填')).toBeInTheDocument();
    expect(screen.getByText('✓ 老年人')).toBeInTheDocument();
  });

  it('picks the hometown county → town → village → group and saves everything with PUT /me', async () => {
    const seen = mockApi({
      'GET /me': ok(me),
      'GET /regions': ok({ regions }),
      'PUT /me': (req) => ok({ ...me, ...(req.body as object) }),
    });
    render(<ProfileEdit />);
    await screen.findByDisplayValue('王秀英');

    const home = picker('户籍所在地（家乡）');
    fireEvent.click(within(home).getByRole('button', { name: '修改' }));
    // One county: its towns are offered at once; villages appear once a town is chosen.
    expect(within(home).getByText('青山县')).toBeInTheDocument();
    expect(within(home).getByText('城关镇')).toBeInTheDocument();
    expect(within(home).queryByText('柏林村')).not.toBeInTheDocument();
    fireEvent.click(within(home).getByText('向阳镇'));
    expect(within(home).getByText('向阳村')).toBeInTheDocument();
    expect(within(home).queryByText('石桥村')).not.toBeInTheDocument();
    fireEvent.click(within(home).getByText('柏林村'));
    fireEvent.click(within(home).getByText('二组'));
    fireEvent.click(within(home).getByRole('button', { name: '完成' }));
    expect(within(home).getByText('向阳镇 / 柏林村 / 二组')).toBeInTheDocument();

    fireEvent.input(screen.getByDisplayValue('王秀英'), { target: { value: '王秀英 ' } });
    fireEvent.click(screen.getByText('外出务工'));
    fireEvent.click(screen.getByRole('switch', { name: '大字模式' }));
    fireEvent.click(screen.getByRole('button', { name: '保存' }));

    await waitFor(() => expect(seen.some((r) => r.method === 'PUT')).toBe(true));
    const put = seen.find((r) => r.method === 'PUT');
    expect(put?.path).toBe('/me');
    expect(put?.auth).toBe('Bearer tok');
    expect(put?.body).toEqual({
      name: '王秀英',
      phone: '13800001111',
      currentRegionCode: '511999101201',
      hometownRegionCode: '511999102202002',
      tags: ['migrant_worker', 'elderly'],
      elderMode: true,
    });
    await waitFor(() => expect(taro.showToast).toHaveBeenCalledWith({ title: '保存成功', icon: 'success' }));
    // The saved profile becomes the app's state, elder mode included.
    expect(getState().me?.hometownRegionCode).toBe('511999102202002');
    expect(getState().elderMode).toBe(true);
  });

  it('a migrant worker picks a city outside the county from the list; the hometown stays in the county', async () => {
    const seen = mockApi({ 'GET /me': ok(me), 'GET /regions': ok({ regions }), 'PUT /me': (req) => ok({ ...me, ...(req.body as object) }) });
    render(<ProfileEdit />);
    await screen.findByDisplayValue('王秀英');
    fireEvent.click(screen.getByRole('switch', { name: '在县外居住（外出务工）' }));
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByText('请选择所在城市')).toBeInTheDocument();
    fireEvent.click(screen.getByText('广东省'));
    fireEvent.click(screen.getByText('东莞市'));
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(seen.some((r) => r.method === 'PUT')).toBe(true));
    expect(seen.find((r) => r.method === 'PUT')?.body).toMatchObject({ currentRegionCode: null, currentPlaceCode: '441900' });
  });

  it('checks the phone number before sending anything', async () => {
    const seen = mockApi({ 'GET /me': ok(me), 'GET /regions': ok({ regions }) });
    render(<ProfileEdit />);
    await screen.findByDisplayValue('13800001111');
    fireEvent.input(screen.getByDisplayValue('13800001111'), { target: { value: '1380000' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByText('请输入11位手机号码')).toBeInTheDocument();
    expect(screen.getByText('请检查标红的内容')).toBeInTheDocument();
    expect(seen.some((r) => r.method === 'PUT')).toBe(false);
  });

  it("shows the server's field errors next to the fields", async () => {
    mockApi({
      'GET /me': ok(me),
      'GET /regions': ok({ regions }),
      'PUT /me': { status: 400, body: { code: 'VALIDATION', message: '资料有误', fields: { currentRegionCode: '请选择到村（社区）' } } },
    });
    render(<ProfileEdit />);
    await screen.findByDisplayValue('王秀英');
    const current = picker('现居住地');
    fireEvent.click(within(current).getByRole('button', { name: '修改' }));
    fireEvent.click(within(current).getByText('向阳镇'));
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByText('请选择到村（社区）')).toBeInTheDocument();
    expect(screen.getByText('资料有误')).toBeInTheDocument();
    expect(taro.navigateBack).not.toHaveBeenCalled();
  });

  it('keeps what the resident changed as a draft (per account): restored after a remount, cleared once saved', async () => {
    const seen = mockApi({ 'GET /me': ok(me), 'GET /regions': ok({ regions }), 'PUT /me': (req) => ok({ ...me, ...(req.body as object) }) });
    const first = render(<ProfileEdit />);
    fireEvent.input(await screen.findByDisplayValue('13800001111'), { target: { value: '13900002222' } });
    fireEvent.click(screen.getByText('外出务工'));
    first.unmount();

    const second = render(<ProfileEdit />);
    expect(await screen.findByDisplayValue('13900002222')).toBeInTheDocument();
    expect(screen.getByText('已恢复您上次未提交的内容')).toBeInTheDocument();
    expect(screen.getByText('✓ 外出务工')).toBeInTheDocument();
    // Another resident signing in on this phone does not see it.
    expect(taro.getStorageSync('banshi.draft.profile:r-1')).toMatchObject({ value: { phone: '13900002222' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(seen.some((r) => r.method === 'PUT')).toBe(true));
    expect(seen.find((r) => r.method === 'PUT')?.body).toMatchObject({ phone: '13900002222', tags: ['migrant_worker', 'elderly'] });
    await waitFor(() => expect(taro.getStorageSync('banshi.draft.profile:r-1')).toBe(''));
    second.unmount();

    render(<ProfileEdit />);
    expect(await screen.findByDisplayValue('13800001111')).toBeInTheDocument();
    expect(screen.queryByText('已恢复您上次未提交的内容')).not.toBeInTheDocument();
  });

  it('清空重填 goes back to the profile as saved', async () => {
    mockApi({ 'GET /me': ok(me), 'GET /regions': ok({ regions }) });
    const first = render(<ProfileEdit />);
    fireEvent.input(await screen.findByDisplayValue('王秀英'), { target: { value: '王秀' } });
    first.unmount();
    render(<ProfileEdit />);
    fireEvent.click(await screen.findByRole('button', { name: '清空重填' }));
    expect(screen.getByDisplayValue('王秀英')).toBeInTheDocument();
    expect(taro.getStorageSync('banshi.draft.profile:r-1')).toBe('');
  });
});
