// The shared controls are real controls for assistive technology (role, tab
// order, Enter/Space), headings are marked, and forms keep a draft on the device.
import { act, fireEvent, render, renderHook, screen } from '@testing-library/react';
import { Btn } from '../../miniprogram/src/components/Btn';
import { Cell } from '../../miniprogram/src/components/Cell';
import { Chip } from '../../miniprogram/src/components/Chip';
import { Toggle } from '../../miniprogram/src/components/Toggle';
import { installKeyboardActivation, keyActivates, markStructure } from '../../miniprogram/src/utils/a11y';
import { DRAFT_MAX_AGE_MS, useDraft } from '../../miniprogram/src/utils/useDraft';
import Mine from '../../miniprogram/src/pages/mine/index';
import { getToken, setToken } from '../../miniprogram/src/api/session';
import { logoutResident } from '../../miniprogram/src/api/client';
import { mockApi, ok } from './support/api';
import { me, regions } from './support/fixtures';
import * as taro from './support/taro';

let uninstall: () => void;
beforeEach(() => {
  uninstall = installKeyboardActivation(document);
});
afterEach(() => uninstall());

describe('shared controls', () => {
  it('Btn is a focusable button that Enter and Space press; disabled leaves the tab order', () => {
    const onClick = jest.fn();
    const { rerender } = render(<Btn onClick={onClick}>提交申请</Btn>);
    const btn = screen.getByRole('button', { name: '提交申请' });
    expect(btn).toHaveAttribute('tabindex', '0');
    fireEvent.keyDown(btn, { key: 'Enter' });
    fireEvent.keyDown(btn, { key: ' ' });
    expect(onClick).toHaveBeenCalledTimes(2);

    rerender(
      <Btn onClick={onClick} disabled>
        提交申请
      </Btn>,
    );
    const off = screen.getByRole('button', { name: '提交申请' });
    expect(off).toHaveAttribute('tabindex', '-1');
    expect(off).toHaveAttribute('aria-disabled', 'true');
    fireEvent.keyDown(off, { key: 'Enter' });
    expect(onClick).toHaveBeenCalledTimes(2);
  });

  it('Cell is a link named by its text (the chevron is hidden); Enter follows it, Space does not', () => {
    const onClick = jest.fn();
    render(<Cell label='我的预约' onClick={onClick} />);
    const link = screen.getByRole('link', { name: '我的预约' });
    expect(link).toHaveAttribute('tabindex', '0');
    fireEvent.keyDown(link, { key: ' ' });
    expect(onClick).not.toHaveBeenCalled();
    fireEvent.keyDown(link, { key: 'Enter' });
    expect(onClick).toHaveBeenCalledTimes(1);
  });

  it('Chip is a pressed/unpressed button; Toggle a switch with its state', () => {
    const onChip = jest.fn();
    const onToggle = jest.fn();
    render(
      <>
        <Chip on onClick={onChip}>
          社会保障
        </Chip>
        <Toggle label='大字模式' hint='放大字号和按钮' on={false} onChange={onToggle} />
      </>,
    );
    const chip = screen.getByRole('button', { name: '社会保障' });
    expect(chip).toHaveAttribute('aria-pressed', 'true');
    fireEvent.keyDown(chip, { key: 'Enter' });
    expect(onChip).toHaveBeenCalled();
    const toggle = screen.getByRole('switch', { name: '大字模式' });
    expect(toggle).toHaveAttribute('aria-checked', 'false');
    expect(toggle).toHaveAttribute('tabindex', '0');
    fireEvent.keyDown(toggle, { key: ' ' });
    expect(onToggle).toHaveBeenCalledWith(true);
  });

  it('keys on native controls and non-controls are left alone', () => {
    const input = document.createElement('input');
    input.setAttribute('role', 'button');
    expect(keyActivates(input, 'Enter')).toBe(false);
    const note = document.createElement('div');
    note.setAttribute('role', 'note');
    expect(keyActivates(note, 'Enter')).toBe(false);
  });

  it('card titles become level-2 headings and the H5 title bar a level-1 heading with named buttons', () => {
    document.body.innerHTML = `
      <div id="taro-navigation-bar"><div class="taro-navigation-bar-home"><svg></svg></div><div class="taro-navigation-bar-back"><svg></svg></div>
      <div class="taro-navigation-bar-title-wrap"><div class="taro-navigation-bar-title">事项详情</div></div></div>
      <div class="taro_page"><div class="card"><span class="card__title">所需材料</span></div></div>`;
    markStructure(document);
    // A scrolling page is reachable by keyboard even with no control in it.
    expect(document.querySelector('.taro_page')).toHaveAttribute('tabindex', '0');
    expect(screen.getByRole('heading', { level: 1, name: '事项详情' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: '所需材料' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '返回' })).toHaveAttribute('tabindex', '0');
    expect(screen.getByRole('button', { name: '回到首页' })).toBeInTheDocument();
    document.body.innerHTML = '';
  });
});

describe('useDraft', () => {
  const init = () => ({ note: '', proxy: false });

  it('saves as the resident types and restores after a reload until cleared', () => {
    const first = renderHook(() => useDraft('apply:QS-MZ-001', init));
    expect(first.result.current.restored).toBe(false);
    expect(taro.getStorageSync('banshi.draft.apply:QS-MZ-001')).toBe('');
    act(() => first.result.current.set((d) => ({ ...d, note: '腿脚不便' })));
    first.unmount();

    const again = renderHook(() => useDraft('apply:QS-MZ-001', init));
    expect(again.result.current.restored).toBe(true);
    expect(again.result.current.value).toEqual({ note: '腿脚不便', proxy: false });
    // Another item's form has its own draft.
    expect(renderHook(() => useDraft('apply:QS-MZ-002', init)).result.current.value).toEqual(init());

    act(() => again.result.current.clear());
    again.unmount();
    expect(renderHook(() => useDraft('apply:QS-MZ-001', init)).result.current.restored).toBe(false);
  });

  it('discard empties the form; an old draft or an empty key keeps nothing', () => {
    const h = renderHook(() => useDraft('demand:new', init));
    act(() => h.result.current.set({ note: '路灯坏了', proxy: true }));
    act(() => h.result.current.discard());
    expect(h.result.current.value).toEqual(init());
    expect(taro.getStorageSync('banshi.draft.demand:new')).toBe('');

    taro.setStorageSync('banshi.draft.rate:x', { value: { note: '旧的', proxy: false }, savedAt: Date.now() - DRAFT_MAX_AGE_MS - 1 });
    expect(renderHook(() => useDraft('rate:x', init)).result.current.restored).toBe(false);

    const none = renderHook(() => useDraft('', init));
    act(() => none.result.current.set({ note: 'x', proxy: false }));
    expect(taro.getStorageSync('banshi.draft.')).toBe('');
  });

  it('signing out wipes every draft (they hold what the resident typed); the cadre’s unsent visits stay', () => {
    const h = renderHook(() => useDraft('profile:r-1', init));
    act(() => h.result.current.set({ note: '13900000000', proxy: false }));
    taro.setStorageSync('banshi.outbox.contacts', [{ idempotencyKey: 'k1' }]);
    act(() => logoutResident());
    expect(taro.getStorageSync('banshi.draft.profile:r-1')).toBe('');
    expect(taro.getStorageSync('banshi.outbox.contacts')).toEqual([{ idempotencyKey: 'k1' }]);
  });
});

describe('我的', () => {
  it('退出登录 signs the resident out on this device', async () => {
    setToken('resident', 'tok', new Date(Date.now() + 3600_000).toISOString());
    mockApi({ 'GET /me': ok(me), 'GET /regions': ok({ regions }) });
    render(<Mine />);
    fireEvent.click(await screen.findByRole('button', { name: '退出登录' }));
    expect(await screen.findByText('尚未登录')).toBeInTheDocument();
    expect(getToken('resident')).toBeNull();
    expect(screen.queryByRole('button', { name: '退出登录' })).not.toBeInTheDocument();
  });
});

describe('useLoad keep (stale-while-revalidate)', () => {
  it('shows the kept copy at once, marks 更新中, and keeps it when the network fails', async () => {
    const { useLoad } = await import('../../miniprogram/src/utils/useLoad');
    const { getState } = await import('../../miniprogram/src/store/app');
    let answer: (v: string) => void = () => undefined;
    const first = renderHook(() => useLoad(() => new Promise<string>((res) => (answer = res)), [], { keep: 'item:A' }));
    expect(first.result.current.data).toBeNull();
    await act(async () => answer('第一次'));
    expect(first.result.current.data).toBe('第一次');
    first.unmount();

    let fail: (e: Error) => void = () => undefined;
    const again = renderHook(() => useLoad(() => new Promise<string>((_res, rej) => (fail = rej)), [], { keep: 'item:A' }));
    expect(again.result.current.data).toBe('第一次');
    expect(again.result.current.stale).toBe(true);
    expect(getState().refreshing).toBe(1);
    await act(async () => fail(new Error('network')));
    expect(again.result.current.data).toBe('第一次');
    expect(again.result.current.error).toBeNull();
    expect(getState().refreshing).toBe(0);
  });
});
