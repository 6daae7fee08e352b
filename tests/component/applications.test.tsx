// Resident applications (办件): apply with declared materials, photos and the
// free proxy (one idempotency key per screen, reused on retry), my
// applications with deadline lights, the case (clock, deemed acceptance, the
// one-time notice, proxy steps, timeline) and supplementing materials.
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Apply from '../../miniprogram/src/packages/apply/index';
import MyApplications from '../../miniprogram/src/packages/apply/mine';
import ApplicationDetailPage from '../../miniprogram/src/packages/apply/detail';
import Supplement from '../../miniprogram/src/packages/apply/supplement';
import ServiceDetail from '../../miniprogram/src/packages/service/detail';
import Mine from '../../miniprogram/src/pages/mine/index';
import { setToken } from '../../miniprogram/src/api/session';
import type { ApplicationDetail } from '../../shared/schemas/applications';
import { mockApi, ok, type SeenRequest } from './support/api';
import { application, clock, proxyView, summary } from './support/applications';
import { dibaoItem, pensionSummary, regions, session } from './support/fixtures';
import * as taro from './support/taro';
import Taro from './support/taro';

const future = (ms = 3600_000) => new Date(Date.now() + ms).toISOString();
const signIn = () => setToken('resident', 'tok', future());
const route = (req: { method: string; path: string }) => `${req.method} ${req.path}`;
const onlineItem = { ...dibaoItem, online: true };
const posts = (seen: SeenRequest[], r: string) => seen.filter((x) => route(x) === r);

function row(label: string): HTMLElement {
  return screen.getByText(label).closest('.kv') as HTMLElement;
}

describe('apply', () => {
  it('lists the materials to declare and the free proxy; submits what was declared, retrying with the same key', async () => {
    signIn();
    taro.__setRouterParams({ code: 'MZ-002' });
    let tries = 0;
    const seen = mockApi({
      'GET /services/{code}': ok(onlineItem),
      'POST /applications': () => (++tries === 1 ? 'network-error' : { status: 201, body: application }),
    });
    const { container } = render(<Apply />);
    await screen.findByText('最低生活保障申请');

    const materials = Array.from(container.querySelectorAll('.apply-material')) as HTMLElement[];
    expect(materials.map((m) => m.querySelector('.apply-material__name')?.textContent)).toEqual(['居民身份证', '户口簿', '家庭收入情况声明', '残疾证']);
    expect(within(materials[0]!).getByText('必须')).toBeInTheDocument();
    expect(within(materials[0]!).getByText('原件及复印件 · 1份')).toBeInTheDocument();
    expect(within(materials[0]!).getByText('家庭成员每人一份')).toBeInTheDocument();
    expect(within(materials[3]!).getByText('非必须')).toBeInTheDocument();
    expect(screen.getByText('由您的包联干部或镇代办员全程代办，不收取任何费用')).toBeInTheDocument();

    fireEvent.click(screen.getByRole('switch', { name: '我已备齐：居民身份证' }));
    fireEvent.click(screen.getByRole('switch', { name: '我已备齐：户口簿' }));
    expect(screen.getByRole('switch', { name: '我已备齐：户口簿' })).toHaveAttribute('aria-checked', 'true');
    expect(screen.getByText('还有 1 项必须材料未备齐，窗口将一次性告知需补齐的材料。')).toBeInTheDocument();
    const proxy = screen.getByRole('switch', { name: '全程代办（免费）' });
    fireEvent.click(proxy);
    expect(proxy).toHaveAttribute('aria-checked', 'true');
    expect(screen.getByText('还有 1 项必须材料未备齐，代办员会上门帮您收集。')).toBeInTheDocument();
    fireEvent.input(screen.getByPlaceholderText('如有需要说明的情况，请填写'), { target: { value: '  老人行动不便  ' } });

    fireEvent.click(screen.getByRole('button', { name: '提交申请' }));
    expect(await screen.findByText('网络不给力，请检查网络后重试')).toBeInTheDocument();
    expect(taro.redirectTo).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: '提交申请' }));
    await waitFor(() => expect(taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/apply/detail?id=app-0001-abcd' }));

    const bodies = posts(seen, 'POST /applications').map((r) => r.body as Record<string, unknown>);
    expect(bodies).toHaveLength(2);
    expect(bodies[0]).toEqual({
      serviceCode: 'MZ-002',
      idempotencyKey: expect.stringMatching(/^[A-Za-z0-9]{16}$/),
      materials: [
        { name: '居民身份证', provided: true, uploadKeys: [] },
        { name: '户口簿', provided: true, uploadKeys: [] },
        { name: '家庭收入情况声明', provided: false, uploadKeys: [] },
        { name: '残疾证', provided: false, uploadKeys: [] },
      ],
      proxy: true,
      note: '老人行动不便',
    });
    expect(bodies[1]).toEqual(bodies[0]);
    expect(posts(seen, 'POST /applications').every((r) => r.auth === 'Bearer tok')).toBe(true);
  });

  it('a new apply screen uses a new key; no proxy switch when the item has none', async () => {
    signIn();
    taro.__setRouterParams({ code: 'MZ-002' });
    const seen = mockApi({
      'GET /services/{code}': ok({ ...onlineItem, proxy: false }),
      'POST /applications': { status: 201, body: application },
    });
    const a = render(<Apply />);
    await screen.findByText('最低生活保障申请');
    expect(screen.queryByRole('switch', { name: '全程代办（免费）' })).not.toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '提交申请' }));
    await waitFor(() => expect(taro.redirectTo).toHaveBeenCalledTimes(1));
    a.unmount();
    render(<Apply />);
    fireEvent.click(await screen.findByRole('button', { name: '提交申请' }));
    await waitFor(() => expect(taro.redirectTo).toHaveBeenCalledTimes(2));
    const bodies = posts(seen, 'POST /applications').map((r) => r.body as { idempotencyKey: string; proxy: boolean; note?: string });
    expect(bodies[0]?.idempotencyKey).not.toBe(bodies[1]?.idempotencyKey);
    expect(bodies[0]?.proxy).toBe(false);
    expect(bodies[0]).not.toHaveProperty('note');
  });

  it('signs the resident in first (WeChat) when there is no session', async () => {
    taro.__setRouterParams({ code: 'MZ-002' });
    const seen = mockApi({
      'GET /services/{code}': ok(onlineItem),
      'POST /auth/wechat': ok(session()),
      'POST /applications': { status: 201, body: application },
    });
    render(<Apply />);
    fireEvent.click(await screen.findByRole('button', { name: '提交申请' }));
    await waitFor(() => expect(taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/apply/detail?id=app-0001-abcd' }));
    expect(seen.map(route)).toEqual(['GET /services/MZ-002', 'POST /auth/wechat', 'POST /applications']);
    expect(seen[2]?.auth).toBe('Bearer tok-new');
  });

  it('uploads photos of a material, shows thumbnails, marks it provided and sends the keys', async () => {
    signIn();
    taro.__setRouterParams({ code: 'MZ-002' });
    const KEYS = ['tmp/r-1/0b7d3c1e-8d5a-4f7e-9a57-2b1f0c3d4e5f.jpg', 'tmp/r-1/1c8e4d2f-9e6b-4a8f-8b68-3c2a1d4e5f60.jpg'];
    let n = 0;
    const T = Taro as unknown as Record<string, unknown>;
    T.chooseImage = jest.fn(async () => ({ tempFilePaths: ['wxfile://tmp/a.jpg', 'wxfile://tmp/b.jpg'], tempFiles: [] }));
    T.getFileSystemManager = () => ({
      readFile: ({ success }: { success: (r: { data: ArrayBuffer }) => void }) => {
        const b = new Uint8Array(1024);
        b.set([0xff, 0xd8, 0xff, 0xe0]);
        success({ data: b.buffer });
      },
    });
    const seen = mockApi({
      'GET /services/{code}': ok(onlineItem),
      'POST /uploads': () => {
        const key = KEYS[n++]!;
        return {
          status: 201,
          body: { key, url: `http://127.0.0.1:4569/uploads/${key}?sig=1`, method: 'PUT', headers: { 'Content-Type': 'image/jpeg' }, expiresAt: future() },
        };
      },
      'PUT http://127.0.0.1:4569/uploads/tmp/r-1/{file}': ok(''),
      'POST /applications': { status: 201, body: application },
    });
    try {
      render(<Apply />);
      fireEvent.click(await screen.findByRole('button', { name: '添加照片：居民身份证' }));
      expect(await screen.findByAltText('居民身份证 照片2')).toBeInTheDocument();
      expect(screen.getByAltText('居民身份证 照片1')).toHaveAttribute('src', 'wxfile://tmp/a.jpg');
      expect(T.chooseImage).toHaveBeenCalledWith(expect.objectContaining({ count: 5 }));
      expect(screen.getByRole('switch', { name: '我已备齐：居民身份证' })).toHaveAttribute('aria-checked', 'true');
      expect(posts(seen, 'POST /uploads').map((r) => r.body)).toEqual([
        { contentType: 'image/jpeg', bytes: 1024, purpose: 'application_material' },
        { contentType: 'image/jpeg', bytes: 1024, purpose: 'application_material' },
      ]);

      fireEvent.click(screen.getByRole('button', { name: '删除照片2：居民身份证' }));
      expect(screen.queryByAltText('居民身份证 照片2')).not.toBeInTheDocument();
      fireEvent.click(screen.getByRole('button', { name: '提交申请' }));
      await waitFor(() => expect(taro.redirectTo).toHaveBeenCalled());
      const body = posts(seen, 'POST /applications')[0]?.body as { materials: unknown[] };
      expect(body.materials[0]).toEqual({ name: '居民身份证', provided: true, uploadKeys: [KEYS[0]] });
    } finally {
      delete T.chooseImage;
      delete T.getFileSystemManager;
    }
  });

  it("shows an upload's failure and keeps the material as it was", async () => {
    signIn();
    taro.__setRouterParams({ code: 'MZ-002' });
    const T = Taro as unknown as Record<string, unknown>;
    T.chooseImage = jest.fn(async () => ({ tempFilePaths: ['wxfile://tmp/a.gif'], tempFiles: [] }));
    T.getFileSystemManager = () => ({
      readFile: ({ success }: { success: (r: { data: ArrayBuffer }) => void }) => success({ data: new Uint8Array([0x47, 0x49, 0x46, 0x38, 1, 2, 3, 4]).buffer }),
    });
    const seen = mockApi({ 'GET /services/{code}': ok(onlineItem) });
    try {
      render(<Apply />);
      fireEvent.click(await screen.findByRole('button', { name: '添加照片：户口簿' }));
      expect(await screen.findByRole('alert')).toHaveTextContent('仅支持 JPG 或 PNG 图片');
      expect(screen.getByRole('switch', { name: '我已备齐：户口簿' })).toHaveAttribute('aria-checked', 'false');
      expect(seen.some((r) => r.method === 'POST')).toBe(false);
    } finally {
      delete T.chooseImage;
      delete T.getFileSystemManager;
    }
  });

  it('says so when the item cannot be applied for online', async () => {
    taro.__setRouterParams({ code: 'MZ-002' });
    mockApi({ 'GET /services/{code}': ok(dibaoItem) });
    render(<Apply />);
    expect(await screen.findByText('该事项暂不支持网上申请，请到窗口办理，或请包联干部免费代办。')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '提交申请' })).not.toBeInTheDocument();
  });

  it('the item page offers 在线申请 only for online items; 我的 links to 我的办件', async () => {
    taro.__setRouterParams({ code: 'MZ-002' });
    mockApi({ 'GET /services/{code}': ok(onlineItem) });
    const first = render(<ServiceDetail />);
    fireEvent.click(await screen.findByRole('button', { name: '在线申请' }));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/apply/index?code=MZ-002' });
    first.unmount();

    mockApi({ 'GET /services/{code}': ok(dibaoItem) });
    const second = render(<ServiceDetail />);
    await screen.findByText('最低生活保障申请');
    // The same code answered differently: the copy kept on the device shows until the answer arrives.
    await waitFor(() => expect(screen.queryByRole('button', { name: '在线申请' })).not.toBeInTheDocument());
    second.unmount();

    process.env.TARO_ENV = 'h5';
    mockApi({ 'GET /regions': ok({ regions }) });
    render(<Mine />);
    fireEvent.click(screen.getByRole('link', { name: /我的办件/ }));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/apply/mine' });
    await act(async () => undefined);
  });
});

describe('my applications', () => {
  it('lists case number, item, state, the deadline light and the promised date, newest first', async () => {
    signIn();
    const red = summary(application, {
      id: 'app-0002-late',
      caseNumber: 'QS-MZ-20260210-0007',
      submittedAt: '2026-02-10T01:00:00.000Z',
      state: 'reviewing',
      clock: clock({ promisedDueOn: '2026-03-02', remainingDays: -3, light: 'red' }),
    });
    const yellow = summary(application, { id: 'app-0003-soon', caseNumber: 'QS-GA-20260301-0002', serviceName: '居民身份证换领', submittedAt: '2026-03-01T01:00:00.000Z', clock: clock({ remainingDays: 1, light: 'yellow', promisedDueOn: '2026-03-05' }) });
    const paused = summary(application, { id: 'app-0004-wait', caseNumber: 'QS-MZ-20260303-0003', submittedAt: '2026-03-03T01:00:00.000Z', state: 'awaiting_materials', clock: clock({ startOn: null, promisedDueOn: null, statutoryDueOn: null, remainingDays: null, light: 'paused' }) });
    const done = summary(application, { id: 'app-0005-done', caseNumber: 'QS-RS-20260105-0001', submittedAt: '2026-01-05T01:00:00.000Z', state: 'delivered', clock: clock({ remainingDays: null, light: 'done', onTime: true, promisedDueOn: '2026-01-20' }) });
    const green = summary(application);
    const seen = mockApi({ 'GET /applications': ok({ applications: [red, done, green, paused, yellow], nextCursor: null }) });
    const { container } = render(<MyApplications />);
    await screen.findByText('办件编号 QS-MZ-20260302-0001');
    expect(seen[0]?.auth).toBe('Bearer tok');

    const cards = Array.from(container.querySelectorAll('.case-card')) as HTMLElement[];
    expect(cards.map((c) => c.querySelector('.case-card__no')?.textContent)).toEqual([
      '办件编号 QS-MZ-20260303-0003',
      '办件编号 QS-MZ-20260302-0001',
      '办件编号 QS-GA-20260301-0002',
      '办件编号 QS-MZ-20260210-0007',
      '办件编号 QS-RS-20260105-0001',
    ]);
    const lights = cards.map((c) => c.querySelector('.light') as HTMLElement);
    expect(lights.map((l) => l.textContent)).toEqual(['计时暂停', '正常', '临期', '超期', '已办结']);
    expect(lights[1]).toHaveClass('light--green');
    expect(lights[2]).toHaveClass('light--yellow');
    expect(lights[3]).toHaveClass('light--red');
    expect(within(cards[0]!).getByText('补齐补正')).toBeInTheDocument();
    expect(within(cards[0]!).getByText('请补齐材料')).toBeInTheDocument();
    expect(within(cards[0]!).getByText('承诺办结日 受理后计算')).toBeInTheDocument();
    expect(within(cards[1]!).getByText('最低生活保障申请')).toBeInTheDocument();
    expect(within(cards[1]!).getByText('受理')).toBeInTheDocument();
    expect(within(cards[1]!).getByText('承诺办结日 2026年3月31日 星期二')).toBeInTheDocument();
    expect(within(cards[1]!).getByText('剩余12个工作日')).toBeInTheDocument();
    expect(within(cards[3]!).getByText('已超期3个工作日')).toBeInTheDocument();
    expect(within(cards[4]!).getByText('已送达')).toBeInTheDocument();

    fireEvent.click(cards[3]!);
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/apply/detail?id=app-0002-late' });
  });

  it('says when there are none, and shows errors with a retry', async () => {
    signIn();
    mockApi({ 'GET /applications': ok({ applications: [], nextCursor: null }) });
    const first = render(<MyApplications />);
    expect(await screen.findByText('您还没有办件')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '去办事' }));
    expect(taro.switchTab).toHaveBeenCalledWith({ url: '/pages/services/index' });
    first.unmount();

    mockApi({ 'GET /applications': { status: 500, body: { code: 'INTERNAL', message: '服务暂时不可用，请稍后重试' } } });
    render(<MyApplications />);
    expect(await screen.findByText('服务暂时不可用，请稍后重试')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '重新加载' })).toBeInTheDocument();
  });
});

describe('application detail', () => {
  it('shows the clock: acceptance, promised and statutory dates, days left, extension, the handler', async () => {
    signIn();
    taro.__setRouterParams({ id: application.id });
    mockApi({ 'GET /applications/{id}': ok({ ...application, extension: { days: 5, reason: '需实地核查家庭收入' } }) });
    render(<ApplicationDetailPage />);
    await screen.findByText('QS-MZ-20260302-0001');
    expect(within(row('办理部门')).getByText('县民政局')).toBeInTheDocument();
    expect(within(row('申请日')).getByText('2026年3月2日 星期一')).toBeInTheDocument();
    expect(within(row('受理日')).getByText('2026年3月3日 星期二')).toBeInTheDocument();
    expect(within(row('承诺办结日')).getByText('2026年3月31日 星期二')).toBeInTheDocument();
    expect(within(row('法定时限')).getByText('2026年4月14日前')).toBeInTheDocument();
    expect(within(row('延期')).getByText('5个工作日（需实地核查家庭收入）')).toBeInTheDocument();
    expect(screen.getByText('剩余12个工作日')).toBeInTheDocument();
    expect(screen.getByLabelText('时限：正常')).toHaveClass('light--green');
    expect(screen.queryByText('视为受理')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '补齐材料' })).not.toBeInTheDocument();
    fireEvent.click(screen.getByRole('link', { name: '拨打经办人电话 0817-7221301' }));
    expect(taro.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '0817-7221301' });
  });

  it('explains a deadline in a year whose holidays are not published: 待定, with the reason', async () => {
    signIn();
    taro.__setRouterParams({ id: application.id });
    mockApi({
      'GET /applications/{id}': ok({
        ...application,
        // Accepted late in the year: the promised date is known, the statutory one falls next year.
        clock: clock({ statutoryDueOn: null, deadlinePending: true }),
      }),
    });
    render(<ApplicationDetailPage />);
    await screen.findByText('QS-MZ-20260302-0001');
    expect(within(row('承诺办结日')).getByText('2026年3月31日 星期二')).toBeInTheDocument();
    expect(within(row('法定时限')).getByText('待定（节假日安排未公布）')).toBeInTheDocument();
    expect(screen.getByText('期限待定：节假日安排未公布，公布后自动计算')).toBeInTheDocument();
  });

  it('says nothing is pending when every deadline is known', async () => {
    signIn();
    taro.__setRouterParams({ id: application.id });
    mockApi({ 'GET /applications/{id}': ok(application) });
    render(<ApplicationDetailPage />);
    await screen.findByText('QS-MZ-20260302-0001');
    expect(screen.queryByText(/期限待定：/)).toBeNull();
  });

  it('flags deemed acceptance and an overdue case', async () => {
    signIn();
    taro.__setRouterParams({ id: application.id });
    mockApi({
      'GET /applications/{id}': ok({
        ...application,
        state: 'submitted',
        clock: clock({ deemedAccepted: true, startOn: '2026-03-02', remainingDays: -2, light: 'red' }),
      }),
    });
    render(<ApplicationDetailPage />);
    expect(await screen.findByText('超过5个工作日未作受理决定，依法视为受理')).toBeInTheDocument();
    expect(screen.getByText('视为受理')).toBeInTheDocument();
    expect(within(row('受理日')).getByText('2026年3月2日 星期一（视为受理）')).toBeInTheDocument();
    expect(screen.getByText('已超期2个工作日')).toBeInTheDocument();
    expect(screen.getByLabelText('时限：超期')).toHaveClass('light--red');
  });

  it('shows the one-time notice of everything missing, with 补齐材料', async () => {
    signIn();
    taro.__setRouterParams({ id: application.id });
    mockApi({
      'GET /applications/{id}': ok({
        ...application,
        state: 'awaiting_materials',
        materialsRequests: 1,
        missing: [{ name: '家庭收入情况声明', note: '须全体家庭成员签字' }, { name: '银行流水' }],
        clock: clock({ startOn: null, promisedDueOn: null, statutoryDueOn: null, remainingDays: null, light: 'paused' }),
      }),
    });
    render(<ApplicationDetailPage />);
    const notice = await screen.findByRole('alert');
    expect(within(notice).getByText('一次性告知：请补齐以下材料')).toBeInTheDocument();
    expect(within(notice).getByText('1. 家庭收入情况声明')).toBeInTheDocument();
    expect(within(notice).getByText('须全体家庭成员签字')).toBeInTheDocument();
    expect(within(notice).getByText('2. 银行流水')).toBeInTheDocument();
    expect(screen.getByLabelText('时限：计时暂停')).toBeInTheDocument();
    expect(within(row('受理日')).getByText('尚未受理')).toBeInTheDocument();
    expect(within(row('受理期限')).getByText('2026年3月9日 星期一前作出受理决定')).toBeInTheDocument();
    fireEvent.click(within(notice).getByRole('button', { name: '补齐材料' }));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/apply/supplement?id=app-0001-abcd' });
  });

  it('shows the proxy steps with the agent to call, free of charge, and the timeline newest last in Shanghai time', async () => {
    signIn();
    taro.__setRouterParams({ id: application.id });
    const withProxy: ApplicationDetail = {
      ...application,
      proxy: proxyView(),
      events: [
        // Out of order on purpose: the page sorts by time, newest last.
        { at: '2026-03-03T02:00:00.000Z', actor: '陈静（县民政局）', action: 'accept', from: 'submitted', to: 'accepted', note: '材料齐全' },
        { at: '2026-03-02T01:30:00.000Z', actor: '申请人', action: 'submit', from: null, to: 'submitted', note: null },
        { at: '2026-03-02T01:30:00.000Z', actor: '申请人', action: 'proxy_mandated', from: null, to: null, note: '委托代办员 李建国' },
        { at: '2026-03-02T07:15:00.000Z', actor: '李建国', action: 'proxy_collected', from: null, to: null, note: '上门收取身份证、户口簿' },
      ],
    };
    mockApi({ 'GET /applications/{id}': ok(withProxy) });
    const { container } = render(<ApplicationDetailPage />);
    await screen.findByText('代办员：李建国');
    expect(screen.getByText('代办全程免费')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('link', { name: '拨打代办员电话 13900002222' }));
    expect(taro.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '13900002222' });

    const steps = Array.from(container.querySelectorAll('.stepper__item')) as HTMLElement[];
    expect(steps.map((s) => s.querySelector('.stepper__label')?.textContent)).toEqual(['委托', '代收', '代交', '代领', '回交']);
    expect(steps.map((s) => s.className.includes('stepper__item--done'))).toEqual([true, true, false, false, false]);
    expect(steps[2]).toHaveAttribute('aria-current', 'step');
    expect(within(steps[0]!).getByText('3月2日 09:30')).toBeInTheDocument();
    expect(within(steps[1]!).getByText('3月2日 15:15')).toBeInTheDocument();
    expect(within(steps[2]!).getByText('进行中')).toBeInTheDocument();

    const items = within(screen.getByRole('list')).getAllByRole('listitem');
    expect(items.map((i) => i.querySelector('.timeline__action')?.textContent)).toEqual(['提交申请', '代办：委托', '代办：代收', '受理']);
    expect(items.map((i) => i.querySelector('.timeline__time')?.textContent)).toEqual(['3月2日 09:30', '3月2日 09:30', '3月2日 15:15', '3月3日 10:00']);
    expect(within(items[3]!).getByText('收件 → 受理')).toBeInTheDocument();
    expect(within(items[3]!).getByText('陈静（县民政局）')).toBeInTheDocument();
    expect(within(items[3]!).getByText('材料齐全')).toBeInTheDocument();
  });
});

describe('supplement', () => {
  const awaiting: ApplicationDetail = {
    ...application,
    state: 'awaiting_materials',
    materialsRequests: 1,
    version: 4,
    missing: [{ name: '家庭收入情况声明', note: '须全体家庭成员签字' }, { name: '银行流水' }],
    clock: clock({ startOn: null, promisedDueOn: null, statutoryDueOn: null, remainingDays: null, light: 'paused' }),
  };

  it('asks for every missing material, then posts the checklist with the version and opens the case', async () => {
    signIn();
    taro.__setRouterParams({ id: awaiting.id });
    const seen = mockApi({
      'GET /applications/{id}': ok(awaiting),
      'POST /applications/{id}/supplement': ok({ ...awaiting, state: 'submitted', missing: [], version: 5 }),
    });
    const { container } = render(<Supplement />);
    await screen.findByText('一次性告知：请补齐以下材料');
    const listed = Array.from(container.querySelectorAll('.apply-material__name')).map((n) => n.textContent);
    expect(listed).toEqual(['家庭收入情况声明', '银行流水']);
    expect(screen.getByText('须全体家庭成员签字')).toBeInTheDocument();
    // Photos attach to materials of the item's list only.
    expect(screen.getByRole('button', { name: '添加照片：家庭收入情况声明' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '添加照片：银行流水' })).not.toBeInTheDocument();

    fireEvent.click(screen.getByRole('switch', { name: '我已备齐：家庭收入情况声明' }));
    fireEvent.click(screen.getByRole('button', { name: '提交补正' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('请逐项确认已补齐：银行流水');
    expect(seen.some((r) => r.method === 'POST')).toBe(false);

    fireEvent.click(screen.getByRole('switch', { name: '我已备齐：银行流水' }));
    fireEvent.input(screen.getByPlaceholderText('如有需要说明的情况，请填写'), { target: { value: '流水已打印' } });
    fireEvent.click(screen.getByRole('button', { name: '提交补正' }));
    await waitFor(() => expect(taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/apply/detail?id=app-0001-abcd' }));
    const post = seen.find((r) => r.method === 'POST');
    expect(post?.path).toBe('/applications/app-0001-abcd/supplement');
    // The whole checklist again (the server replaces it): the missing one as
    // declared, the rest as they were; 银行流水 is not on the item's list, so
    // it is confirmed in the note.
    expect(post?.body).toEqual({
      version: 4,
      materials: [
        { name: '居民身份证', provided: true, uploadKeys: [] },
        { name: '户口簿', provided: true, uploadKeys: [] },
        { name: '家庭收入情况声明', provided: true, uploadKeys: [] },
        { name: '残疾证', provided: false, uploadKeys: [] },
      ],
      note: '已补齐：银行流水；流水已打印',
    });
  });

  it("shows the server's 409 message and the case as it is now", async () => {
    signIn();
    taro.__setRouterParams({ id: awaiting.id });
    let gets = 0;
    mockApi({
      'GET /applications/{id}': () => ok(++gets === 1 ? awaiting : { ...awaiting, state: 'rejected', version: 5 }),
      'POST /applications/{id}/supplement': { status: 409, body: { code: 'ILLEGAL_TRANSITION', message: '当前状态（不予受理）不能执行此操作' } },
    });
    render(<Supplement />);
    fireEvent.click(await screen.findByRole('switch', { name: '我已备齐：家庭收入情况声明' }));
    fireEvent.click(screen.getByRole('switch', { name: '我已备齐：银行流水' }));
    fireEvent.click(screen.getByRole('button', { name: '提交补正' }));
    expect(await screen.findByText('当前状态（不予受理）不能执行此操作')).toBeInTheDocument();
    expect(await screen.findByText('该办件当前无需补正材料。')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '提交补正' })).not.toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '查看办件' }));
    expect(taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/apply/detail?id=app-0001-abcd' });
  });
});
