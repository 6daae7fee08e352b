// utils/useLoad: the pages' shared "加载中… / error with 重新加载 / content" state.
import { Text } from '@tarojs/components';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { ApiError } from '../../miniprogram/src/api/errors';
import { ErrorState, Loading } from '../../miniprogram/src/components/States';
import { useLoad, type LoadOptions } from '../../miniprogram/src/utils/useLoad';

function Probe({ load, id = 'a', options }: { load: (id: string) => Promise<string>; id?: string; options?: LoadOptions }) {
  const { data, error, reload } = useLoad(() => load(id), [id], options);
  if (error) return <ErrorState message={error} onRetry={reload} />;
  if (!data) return <Loading />;
  return <Text>{data}</Text>;
}

describe('useLoad', () => {
  it('shows 加载中… until the data arrives, then the data', async () => {
    const load = jest.fn(async (id: string) => `办件 ${id}`);
    render(<Probe load={load} />);
    expect(screen.getByText('加载中…')).toBeInTheDocument();
    expect(await screen.findByText('办件 a')).toBeInTheDocument();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('shows the error with 重新加载, which loads again', async () => {
    const load = jest.fn<Promise<string>, [string]>().mockRejectedValueOnce(new ApiError(500, 'HTTP_500', '服务暂时不可用，请稍后重试')).mockResolvedValue('办件 a');
    render(<Probe load={load} />);
    expect(await screen.findByText('服务暂时不可用，请稍后重试')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '重新加载' }));
    expect(await screen.findByText('办件 a')).toBeInTheDocument();
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('says 出错了 for anything that is not an API error', async () => {
    render(<Probe load={() => Promise.reject(new Error('boom'))} />);
    expect(await screen.findByText('出错了，请稍后重试')).toBeInTheDocument();
  });

  it('shows the invalid message without loading', async () => {
    const load = jest.fn(async () => 'x');
    render(<Probe load={load} id='' options={{ invalid: '缺少办件编号' }} />);
    expect(await screen.findByText('缺少办件编号')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '重新加载' }));
    expect(await screen.findByText('缺少办件编号')).toBeInTheDocument();
    expect(load).not.toHaveBeenCalled();
  });

  it('on a staff page a 401 shows no error (the workbench login is opening); elsewhere it does', async () => {
    const unauthorized = () => Promise.reject(new ApiError(401, 'UNAUTHORIZED', '登录已过期，请重新登录'));
    const { unmount } = render(<Probe load={unauthorized} options={{ staff: true }} />);
    await act(async () => {
      await new Promise((r) => setTimeout(r, 0));
    });
    expect(screen.getByText('加载中…')).toBeInTheDocument();
    expect(screen.queryByText('登录已过期，请重新登录')).not.toBeInTheDocument();
    unmount();

    render(<Probe load={unauthorized} />);
    expect(await screen.findByText('登录已过期，请重新登录')).toBeInTheDocument();
  });

  it('loads again when its dependencies change, keeping what it shows until then', async () => {
    let resolve: (v: string) => void = () => undefined;
    const load = jest.fn((id: string) => (id === 'a' ? Promise.resolve('办件 a') : new Promise<string>((r) => (resolve = r))));
    const { rerender } = render(<Probe load={load} id='a' />);
    expect(await screen.findByText('办件 a')).toBeInTheDocument();
    rerender(<Probe load={load} id='b' />);
    expect(load).toHaveBeenLastCalledWith('b');
    expect(screen.getByText('办件 a')).toBeInTheDocument();
    await act(async () => resolve('办件 b'));
    expect(screen.getByText('办件 b')).toBeInTheDocument();
  });

  it('with onShow loads on the page being shown', async () => {
    const load = jest.fn(async () => '我的办件');
    render(<Probe load={load} options={{ onShow: true }} />);
    expect(await screen.findByText('我的办件')).toBeInTheDocument();
    expect(load).toHaveBeenCalledTimes(1);
  });
});
