// 办事 tab: the catalogue list, keyword search and filters.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Services from '../../miniprogram/src/pages/services/index';
import Home from '../../miniprogram/src/pages/index/index';
import { setState } from '../../miniprogram/src/store/app';
import { mockApi, ok, type SeenRequest } from './support/api';
import { dibaoSummary, idCardSummary, pensionSummary } from './support/fixtures';
import * as taro from './support/taro';

const all = [pensionSummary, dibaoSummary, idCardSummary];

/** A fake catalogue that filters like the backend does. */
function catalogue(req: SeenRequest) {
  const rank = { group: 0, village: 1, town: 2, county: 3 } as const;
  const items = all.filter(
    (i) =>
      (!req.query.q || i.name.includes(req.query.q)) &&
      (!req.query.category || i.category === req.query.category) &&
      (!req.query.level || rank[i.handlingLevel] <= rank[req.query.level as keyof typeof rank]),
  );
  return ok({ items, total: items.length });
}

describe('catalogue page', () => {
  it('lists the items from the API with department, type, time limit, level and badges', async () => {
    mockApi({ 'GET /services': catalogue });
    render(<Services />);
    expect(await screen.findByText('城乡居民基本养老保险参保登记')).toBeInTheDocument();
    expect(screen.getByText('共 3 项')).toBeInTheDocument();

    const row = screen.getByText('最低生活保障申请').closest('.service-row') as HTMLElement;
    expect(within(row).getByText('县民政局')).toBeInTheDocument();
    expect(within(row).getByText('承诺件')).toBeInTheDocument();
    expect(within(row).getByText('承诺20个工作日')).toBeInTheDocument();
    expect(within(row).getByText('办理层级：镇级（便民服务中心）')).toBeInTheDocument();
    expect(within(row).getByText('可预约')).toBeInTheDocument();
    expect(within(row).getByText('可代办')).toBeInTheDocument();
    expect(within(row).queryByText('可网办')).not.toBeInTheDocument();

    const pension = screen.getByText('城乡居民基本养老保险参保登记').closest('.service-row') as HTMLElement;
    expect(within(pension).getByText('即办件')).toBeInTheDocument();
    expect(within(pension).getByText('当场办结')).toBeInTheDocument();
    expect(within(pension).getByText('可网办')).toBeInTheDocument();
  });

  it('searches by keyword', async () => {
    const seen = mockApi({ 'GET /services': catalogue });
    render(<Services />);
    await screen.findByText('居民身份证换领');

    fireEvent.input(screen.getByPlaceholderText('输入事项名称或关键词'), { target: { value: '低保' } });
    fireEvent.click(screen.getByRole('button', { name: '搜索' }));
    await waitFor(() => expect(screen.getByText('没有找到相关事项，换个关键词试试')).toBeInTheDocument());
    expect(seen.at(-1)?.query).toEqual({ q: '低保' });

    fireEvent.input(screen.getByPlaceholderText('输入事项名称或关键词'), { target: { value: '最低生活' } });
    fireEvent.click(screen.getByRole('button', { name: '搜索' }));
    expect(await screen.findByText('最低生活保障申请')).toBeInTheDocument();
    expect(screen.queryByText('居民身份证换领')).not.toBeInTheDocument();
    expect(screen.getByText('共 1 项')).toBeInTheDocument();
  });

  it('filters by category and by where it can be handled', async () => {
    const seen = mockApi({ 'GET /services': catalogue });
    render(<Services />);
    await screen.findByText('居民身份证换领');

    fireEvent.click(screen.getByText('村里能办'));
    expect(await screen.findByText('城乡居民基本养老保险参保登记')).toBeInTheDocument();
    expect(seen.at(-1)?.query).toEqual({ level: 'village' });
    expect(screen.queryByText('居民身份证换领')).not.toBeInTheDocument();
    expect(screen.queryByText('最低生活保障申请')).not.toBeInTheDocument();

    fireEvent.click(screen.getByText('不限地点'));
    fireEvent.click(screen.getByText('民政救助'));
    await waitFor(() => expect(seen.at(-1)?.query).toEqual({ category: 'civil_affairs' }));
    expect(await screen.findByText('最低生活保障申请')).toBeInTheDocument();
    expect(screen.queryByText('城乡居民基本养老保险参保登记')).not.toBeInTheDocument();
  });

  it('opens the detail page of a row', async () => {
    mockApi({ 'GET /services': catalogue });
    render(<Services />);
    fireEvent.click(await screen.findByText('最低生活保障申请'));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/service/detail?code=MZ-002' });
  });

  it('shows a zh-CN error with a retry when the network fails', async () => {
    let fail = true;
    mockApi({ 'GET /services': (req) => (fail ? 'network-error' : catalogue(req)) });
    render(<Services />);
    expect(await screen.findByText('网络不给力，请检查网络后重试')).toBeInTheDocument();
    fail = false;
    fireEvent.click(screen.getByRole('button', { name: '重新加载' }));
    expect(await screen.findByText('居民身份证换领')).toBeInTheDocument();
  });

  it('takes the search typed on the home tab', async () => {
    const seen = mockApi({ 'GET /services': catalogue });
    const home = render(<Home />);
    fireEvent.input(screen.getByPlaceholderText('搜索事项，如：养老保险、低保'), { target: { value: '身份证' } });
    fireEvent.click(screen.getByRole('button', { name: '搜索' }));
    expect(taro.switchTab).toHaveBeenCalledWith({ url: '/pages/services/index' });
    home.unmount();

    render(<Services />);
    expect(await screen.findByText('居民身份证换领')).toBeInTheDocument();
    expect(seen).toHaveLength(1);
    expect(seen[0]?.query).toEqual({ q: '身份证' });
    expect(screen.getByDisplayValue('身份证')).toBeInTheDocument();
  });

  it('takes a category picked on the home grid', async () => {
    setState({ pendingSearch: null });
    const seen = mockApi({ 'GET /services': catalogue });
    const home = render(<Home />);
    fireEvent.click(screen.getByText('户籍证照'));
    home.unmount();
    render(<Services />);
    expect(await screen.findByText('居民身份证换领')).toBeInTheDocument();
    expect(seen[0]?.query).toEqual({ category: 'household' });
  });
});
