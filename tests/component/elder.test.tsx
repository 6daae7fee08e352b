// Large-font (elder) mode: a global switch every page's root view follows.
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Mine from '../../miniprogram/src/pages/mine/index';
import Services from '../../miniprogram/src/pages/services/index';
import { setToken } from '../../miniprogram/src/api/session';
import { ELDER_MODE_KEY, resetState, setMe } from '../../miniprogram/src/store/app';
import { mockApi, ok } from './support/api';
import { me, regions } from './support/fixtures';
import * as taro from './support/taro';

const root = (container: HTMLElement) => container.querySelector('.page') as HTMLElement;

describe('elder mode', () => {
  it('switching it on enlarges every page and is saved on the server when signed in', async () => {
    setToken('resident', 'tok', new Date(Date.now() + 3600_000).toISOString());
    const seen = mockApi({
      'GET /me': ok(me),
      'GET /regions': ok({ regions }),
      'GET /services': ok({ items: [], total: 0 }),
      'PUT /me': (req) => ok({ ...me, ...(req.body as object) }),
    });
    const mine = render(<Mine />);
    const other = render(<Services />);
    await screen.findByText('王秀英');
    expect(root(mine.container)).not.toHaveClass('elder');
    expect(root(other.container)).not.toHaveClass('elder');

    const toggle = screen.getByRole('switch', { name: '大字模式' });
    expect(toggle).toHaveAttribute('aria-checked', 'false');
    fireEvent.click(toggle);

    expect(root(mine.container)).toHaveClass('page', 'elder');
    expect(root(other.container)).toHaveClass('elder');
    expect(toggle).toHaveAttribute('aria-checked', 'true');
    expect(taro.getStorageSync(ELDER_MODE_KEY)).toBe(true);
    await waitFor(() => expect(seen.find((r) => r.method === 'PUT')?.body).toEqual({ elderMode: true }));
  });

  it('works signed out too: kept on the device only', async () => {
    process.env.TARO_ENV = 'h5'; // no silent sign-in in the browser
    const seen = mockApi({ 'GET /regions': ok({ regions }) });
    const { container } = render(<Mine />);
    expect(screen.getByText('尚未登录')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('switch', { name: '大字模式' }));
    expect(root(container)).toHaveClass('elder');
    expect(taro.getStorageSync(ELDER_MODE_KEY)).toBe(true);
    await act(async () => undefined);
    expect(seen.filter((r) => r.method !== 'GET')).toHaveLength(0);
  });

  it("starts from the device setting and follows the resident's saved preference", async () => {
    taro.setStorageSync(ELDER_MODE_KEY, true);
    resetState();
    mockApi({ 'GET /services': ok({ items: [], total: 0 }) });
    const { container } = render(<Services />);
    expect(root(container)).toHaveClass('elder');
    await screen.findByText('没有找到相关事项，换个关键词试试');
    act(() => setMe({ ...me, elderMode: false }));
    expect(root(container)).not.toHaveClass('elder');
    expect(taro.getStorageSync(ELDER_MODE_KEY)).toBe(false);
  });
});
