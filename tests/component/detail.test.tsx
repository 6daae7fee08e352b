// 事项详情: every field, the one-time notice of materials, limits, fee, proxy.
import { render, screen, within } from '@testing-library/react';
import ServiceDetail from '../../miniprogram/src/packages/service/detail';
import type { ServiceItem } from '../../shared/schemas/catalog';
import { setToken } from '../../miniprogram/src/api/session';
import { mockApi, ok } from './support/api';
import { dibaoItem, me, pensionSummary } from './support/fixtures';
import * as taro from './support/taro';

/** The label–value row labelled `label` (a button may carry the same words, e.g. 预约办理). */
function row(label: string): HTMLElement {
  return screen.getAllByText(label).map((e) => e.closest('.kv')).find(Boolean) as HTMLElement;
}

describe('service detail page', () => {
  it('shows every field of the item', async () => {
    taro.__setRouterParams({ code: 'MZ-002' });
    const seen = mockApi({ 'GET /services/{code}': ok(dibaoItem) });
    render(<ServiceDetail />);
    expect(await screen.findByText('最低生活保障申请')).toBeInTheDocument();
    expect(seen[0]?.path).toBe('/services/MZ-002');

    expect(within(row('事项编码')).getByText('MZ-002')).toBeInTheDocument();
    expect(within(row('实施部门')).getByText('县民政局')).toBeInTheDocument();
    expect(within(row('办理层级')).getByText('镇级（便民服务中心）即可办理')).toBeInTheDocument();
    expect(within(row('服务对象')).getByText(dibaoItem.serves)).toBeInTheDocument();
    expect(screen.getByText('民政救助')).toBeInTheDocument();
    expect(screen.getByText('对符合条件的困难家庭按月发放最低生活保障金。')).toBeInTheDocument();
    expect(screen.getByText('《社会救助暂行办法》第九条')).toBeInTheDocument();

    // Time limits and the type of item.
    expect(within(row('办件类型')).getByText(/承诺件/)).toBeInTheDocument();
    expect(within(row('法定时限')).getByText('30个工作日')).toBeInTheDocument();
    expect(within(row('承诺时限')).getByText('20个工作日')).toBeInTheDocument();
    expect(within(row('跑动次数')).getByText('最多跑1次')).toBeInTheDocument();
    expect(within(row('收费标准')).getByText('免费')).toBeInTheDocument();

    // Channels, with the free proxy offer.
    expect(within(row('预约办理')).getByText('✓ 支持预约')).toBeInTheDocument();
    expect(within(row('网上申请')).getByText('暂不支持网上申请')).toBeInTheDocument();
    expect(within(row('全程代办')).getByText('✓ 支持全程代办，免费')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '请人代办' })).toBeInTheDocument();

    // Real performance.
    expect(within(row('按时办结率')).getByText('95.8%')).toBeInTheDocument();
    expect(within(row('用时中位数')).getByText('12个工作日')).toBeInTheDocument();
    expect(screen.getByText('根据已办结的 48 件统计')).toBeInTheDocument();

    // Updated date in Asia/Shanghai: 2026-03-01T18:30Z is 2 March 02:30 there.
    expect(screen.getByText('信息更新：2026-03-02')).toBeInTheDocument();
  });

  it('lists all materials as the one-time notice with required marks, copies, format, notes and samples', async () => {
    taro.__setRouterParams({ code: 'MZ-002' });
    mockApi({ 'GET /services/{code}': ok(dibaoItem) });
    const { container } = render(<ServiceDetail />);
    await screen.findByText('一次性告知 · 所需材料');
    expect(screen.getByText('共 4 项，其中必须提交 3 项。请一次备齐，窗口不会再要求清单以外的材料。')).toBeInTheDocument();

    const materials = Array.from(container.querySelectorAll('.material')) as HTMLElement[];
    expect(materials.map((m) => m.querySelector('.material__name')?.textContent)).toEqual([
      '居民身份证',
      '户口簿',
      '家庭收入情况声明',
      '残疾证',
    ]);
    expect(within(materials[0]!).getByText('必须')).toBeInTheDocument();
    expect(within(materials[0]!).getByText('原件及复印件 · 1份')).toBeInTheDocument();
    expect(within(materials[0]!).getByText('说明：家庭成员每人一份')).toBeInTheDocument();
    expect(within(materials[1]!).getByText('复印件 · 1份')).toBeInTheDocument();
    expect(within(materials[2]!).getByText('填写表格 · 1份')).toBeInTheDocument();
    expect(within(materials[2]!).getByText('样例：见窗口样表')).toBeInTheDocument();
    expect(within(materials[3]!).getByText('非必须')).toBeInTheDocument();
    expect(within(materials[3]!).queryByText('必须')).not.toBeInTheDocument();
  });

  it('handles an instant item with a fee, zero visits, no proxy and no concluded cases yet', async () => {
    const item: ServiceItem = {
      ...dibaoItem,
      ...pensionSummary,
      code: 'RS-009',
      name: '社会保障卡补换',
      serves: '本县参保人员',
      description: '社保卡遗失或损坏的补换。',
      basis: undefined,
      statutoryDays: 0,
      promisedDays: 0,
      type: 'instant',
      visits: 0,
      proxy: false,
      feeYuan: 20,
      feeNote: '工本费，低保户免收',
      materials: [],
      stats: { concluded: 0, onTimeRate: null, medianDays: null },
    };
    taro.__setRouterParams({ code: 'RS-009' });
    mockApi({ 'GET /services/{code}': ok(item) });
    render(<ServiceDetail />);
    await screen.findByText('社会保障卡补换');
    expect(within(row('办件类型')).getByText(/即办件/)).toBeInTheDocument();
    expect(within(row('承诺时限')).getByText('当场办结')).toBeInTheDocument();
    expect(within(row('跑动次数')).getByText('零跑腿')).toBeInTheDocument();
    expect(within(row('收费标准')).getByText('20 元')).toBeInTheDocument();
    expect(within(row('收费标准')).getByText('工本费，低保户免收')).toBeInTheDocument();
    expect(within(row('全程代办')).getByText('暂不支持代办')).toBeInTheDocument();
    expect(screen.getByText('本事项无需提交材料。')).toBeInTheDocument();
    expect(screen.getByText('暂无办结数据')).toBeInTheDocument();
    expect(screen.queryByText('设定依据')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '请人代办' })).not.toBeInTheDocument();
  });

  it("shows the server's zh-CN message for an unknown item", async () => {
    taro.__setRouterParams({ code: 'NOPE-1' });
    mockApi({ 'GET /services/{code}': { status: 404, body: { code: 'NOT_FOUND', message: '事项不存在或已下架' } } });
    render(<ServiceDetail />);
    expect(await screen.findByText('事项不存在或已下架')).toBeInTheDocument();
  });

  describe('age condition', () => {
    const elderItem: ServiceItem = { ...dibaoItem, code: 'QS-MZ-004', name: '高龄津贴申领', minAge: 80, maxAge: null };
    // 1 January, 72 years ago: 72 whatever today's date.
    const born72 = `${new Date().getUTCFullYear() - 72}-01-01`;
    const signIn = () => setToken('resident', 'tok', new Date(Date.now() + 3600_000).toISOString());

    it('warns a signed-in 72-year-old about an 80+ item, and still offers booking', async () => {
      signIn();
      taro.__setRouterParams({ code: 'QS-MZ-004' });
      const seen = mockApi({ 'GET /services/{code}': ok(elderItem), 'GET /me': ok({ ...me, birthDate: born72 }) });
      render(<ServiceDetail />);
      expect(await screen.findByText(/本事项面向80周岁及以上人员，您目前72周岁，可能不符合条件/)).toBeInTheDocument();
      expect(screen.getByRole('status')).toHaveTextContent('仍可预约或申请');
      expect(screen.getByRole('button', { name: '预约办理' })).toBeInTheDocument();
      expect(seen.some((c) => c.path === '/me')).toBe(true);
    });

    it('says nothing to someone old enough', async () => {
      signIn();
      taro.__setRouterParams({ code: 'QS-MZ-004' });
      mockApi({ 'GET /services/{code}': ok(elderItem), 'GET /me': ok({ ...me, birthDate: `${new Date().getUTCFullYear() - 85}-01-01` }) });
      const { unmount } = render(<ServiceDetail />);
      await screen.findByText('高龄津贴申领');
      await new Promise((r) => setTimeout(r, 0));
      expect(screen.queryByText(/可能不符合条件/)).not.toBeInTheDocument();
      unmount();
    });

    it('does not call /me for a guest', async () => {
      taro.__setRouterParams({ code: 'QS-MZ-004' });
      const seen = mockApi({ 'GET /services/{code}': ok(elderItem) });
      render(<ServiceDetail />);
      await screen.findByText('高龄津贴申领');
      expect(seen.some((c) => c.path === '/me')).toBe(false);
      expect(screen.queryByText(/可能不符合条件/)).not.toBeInTheDocument();
    });
  });
});
