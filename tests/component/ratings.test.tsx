// Ratings (好差评), the resident side: rate a case or a visit (five large
// levels, dimensions pre-filled, reasons for a bad review, the agent, one
// idempotency key per screen), 我的评价 (invitations, given ratings with the
// rectification ticket and its outcome, 修改评价), 满意度公示 (public), and
// the entries from 我的, 首页, the case and the booking.
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import RatePage from '../../miniprogram/src/packages/rating/rate';
import MyRatings from '../../miniprogram/src/packages/rating/mine';
import PublicSatisfaction from '../../miniprogram/src/packages/rating/public';
import ApplicationDetailPage from '../../miniprogram/src/packages/apply/detail';
import AppointmentDetail from '../../miniprogram/src/packages/booking/detail';
import Mine from '../../miniprogram/src/pages/mine/index';
import Home from '../../miniprogram/src/pages/index/index';
import { setToken } from '../../miniprogram/src/api/session';
import { ELDER_MODE_KEY, resetState } from '../../miniprogram/src/store/app';
import type { MyRatingsResponse, PublicSatisfactionResponse, Rating, RatingInvite, Satisfaction } from '../../shared/schemas/ratings';
import { mockApi, ok, type SeenRequest } from './support/api';
import { application, proxyView } from './support/applications';
import { appointment, regions } from './support/fixtures';
import * as taro from './support/taro';

const future = (ms = 3600_000) => new Date(Date.now() + ms).toISOString();
const past = (ms = 3600_000) => new Date(Date.now() - ms).toISOString();
const signIn = () => setToken('resident', 'tok', future());
const route = (req: { method: string; path: string }) => `${req.method} ${req.path}`;
const posts = (seen: SeenRequest[]) => seen.filter((x) => route(x) === 'POST /ratings');
const PLACEHOLDER = '请写下您的意见和建议，300字以内';

const invite = (over: Partial<RatingInvite> = {}): RatingInvite => ({
  targetType: 'application',
  targetId: 'app-0001-abcd',
  reference: 'QS-MZ-20260302-0001',
  serviceName: '最低生活保障申请',
  departmentName: '县民政局',
  agentName: null,
  dueOn: '2026-03-12',
  ...over,
});

const rating = (over: Partial<Rating> = {}): Rating => ({
  id: 'rat-0001-abcd',
  targetType: 'application',
  targetId: 'app-0001-abcd',
  reference: 'QS-MZ-20260302-0001',
  serviceName: '最低生活保障申请',
  departmentName: '县民政局',
  level: 5,
  dimensions: { efficiency: 5, attitude: 5, service: 5, convenience: 5 },
  reasons: [],
  comment: null,
  agentLevel: null,
  agentName: null,
  isDefault: false,
  ratedAt: '2026-03-05T02:30:00.000Z',
  changeableUntil: '2026-03-06T02:30:00.000Z',
  ticket: null,
  version: 1,
  ...over,
});

const sat = (over: Partial<Satisfaction> = {}): Satisfaction => ({
  total: 0,
  levels: [0, 0, 0, 0, 0],
  defaults: 0,
  satisfactionRate: null,
  goodRate: null,
  ...over,
});

const noRatings: MyRatingsResponse = { pending: [], ratings: [], nextCursor: null };

const rateParams = (over: Record<string, string> = {}) =>
  taro.__setRouterParams({
    targetType: 'application',
    targetId: 'app-0001-abcd',
    title: '最低生活保障申请',
    ref: 'QS-MZ-20260302-0001',
    ...over,
  });

const level = (name: string) => screen.getByRole('button', { name: `总体评价：${name}` });
const dim = (dimension: string, name: string) => screen.getByRole('button', { name: `${dimension}：${name}` });
const submitBtn = () => screen.getByRole('button', { name: '提交评价' });

describe('rate', () => {
  it('a bad review needs a reason (and a comment for 其他) before anything is sent; then posts it, retrying with the same key', async () => {
    signIn();
    rateParams({ agent: '李建国' });
    let tries = 0;
    const saved = rating({
      level: 1,
      dimensions: { efficiency: 1, attitude: 2, service: 1, convenience: 1 },
      reasons: ['repeat_visits', 'other'],
      comment: '跑了三趟才办好',
      agentLevel: 4,
      ticket: { status: 'open', dueOn: '2026-03-12', dueOnPending: false, outcome: null, outcomeAt: null },
    });
    const seen = mockApi({
      'GET /ratings': ok(noRatings),
      'POST /ratings': () => (++tries === 1 ? 'network-error' : { status: 201, body: saved }),
    });
    render(<RatePage />);
    expect(await screen.findByText('最低生活保障申请')).toBeInTheDocument();
    expect(screen.getByText('办件编号 QS-MZ-20260302-0001')).toBeInTheDocument();
    expect(screen.getByText('评价代办员 李建国')).toBeInTheDocument();
    // Five large levels, best first.
    expect(screen.getAllByRole('button', { name: /^总体评价：/ }).map((b) => b.getAttribute('aria-label'))).toEqual([
      '总体评价：非常满意',
      '总体评价：满意',
      '总体评价：基本满意',
      '总体评价：不满意',
      '总体评价：非常不满意',
    ]);
    expect(screen.queryByText('差评原因（可多选）')).not.toBeInTheDocument();

    fireEvent.click(level('非常不满意'));
    expect(level('非常不满意')).toHaveAttribute('aria-pressed', 'true');
    expect(level('满意')).toHaveAttribute('aria-pressed', 'false');
    // Every dimension follows the overall level; one is changed by hand.
    for (const d of ['办事效率', '服务态度', '服务水平（指南准确）', '便利程度']) expect(dim(d, '非常不满意')).toHaveAttribute('aria-pressed', 'true');
    fireEvent.click(dim('服务态度', '不满意'));
    expect(dim('服务态度', '不满意')).toHaveAttribute('aria-pressed', 'true');

    fireEvent.click(submitBtn());
    expect(await screen.findByText('差评请选择原因')).toBeInTheDocument();
    expect(screen.getByText('请评价代办员')).toBeInTheDocument();
    expect(posts(seen)).toHaveLength(0);

    fireEvent.click(screen.getByRole('button', { name: '多次跑腿' }));
    fireEvent.click(screen.getByRole('button', { name: '其他' }));
    expect(screen.queryByText('差评请选择原因')).not.toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '代办员评价：满意' }));
    fireEvent.click(submitBtn());
    expect(await screen.findByText('选择“其他”时请填写具体情况')).toBeInTheDocument();
    expect(posts(seen)).toHaveLength(0);

    fireEvent.change(screen.getByPlaceholderText(PLACEHOLDER), { target: { value: '  跑了三趟才办好  ' } });
    expect(screen.queryByText('选择“其他”时请填写具体情况')).not.toBeInTheDocument();
    fireEvent.click(submitBtn());
    expect(await screen.findByText('网络不给力，请检查网络后重试')).toBeInTheDocument();
    fireEvent.click(submitBtn());
    expect(await screen.findByText('评价已提交')).toBeInTheDocument();
    expect(screen.getByText('可在 3月6日 10:30 前修改')).toBeInTheDocument();
    expect(screen.getByText('差评已转交责任单位整改，请留意回访')).toBeInTheDocument();
    expect(screen.getByText('待核实')).toBeInTheDocument();

    const bodies = posts(seen).map((r) => r.body);
    expect(bodies).toHaveLength(2);
    expect(bodies[0]).toEqual({
      targetType: 'application',
      targetId: 'app-0001-abcd',
      idempotencyKey: expect.stringMatching(/^[A-Za-z0-9]{16}$/),
      level: 1,
      dimensions: { efficiency: 1, attitude: 2, service: 1, convenience: 1 },
      reasons: ['repeat_visits', 'other'],
      comment: '跑了三趟才办好',
      agentLevel: 4,
    });
    expect(bodies[1]).toEqual(bodies[0]);
    expect(posts(seen).every((r) => r.auth === 'Bearer tok')).toBe(true);

    fireEvent.click(screen.getByRole('button', { name: '查看我的评价' }));
    expect(taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/rating/mine' });
  });

  it('a good review sends no reasons and no empty comment; dimensions set by hand stay as set', async () => {
    signIn();
    rateParams({ targetType: 'appointment', targetId: 'appt-0001-abcd', ref: 'K7P2XQ9M' });
    const seen = mockApi({
      'GET /ratings': ok(noRatings),
      'POST /ratings': (req) => ({ status: 201, body: rating({ ...(req.body as object), targetType: 'appointment', changeableUntil: null } as Partial<Rating>) }),
    });
    render(<RatePage />);
    expect(await screen.findByText('预约码 K7P2XQ9M')).toBeInTheDocument();
    expect(screen.queryByText(/评价代办员/)).not.toBeInTheDocument();
    fireEvent.click(level('不满意'));
    fireEvent.click(screen.getByRole('button', { name: '服务态度差' }));
    fireEvent.click(dim('便利程度', '基本满意'));
    fireEvent.click(level('满意'));
    expect(screen.queryByRole('button', { name: '服务态度差' })).not.toBeInTheDocument();
    expect(dim('办事效率', '满意')).toHaveAttribute('aria-pressed', 'true');
    expect(dim('便利程度', '基本满意')).toHaveAttribute('aria-pressed', 'true');
    fireEvent.click(submitBtn());
    expect(await screen.findByText('评价已提交')).toBeInTheDocument();
    expect(screen.queryByText('差评已转交责任单位整改，请留意回访')).not.toBeInTheDocument();
    expect(screen.queryByText(/前修改/)).not.toBeInTheDocument();
    expect(posts(seen)[0]?.body).toEqual({
      targetType: 'appointment',
      targetId: 'appt-0001-abcd',
      idempotencyKey: expect.stringMatching(/^[A-Za-z0-9]{16}$/),
      level: 4,
      dimensions: { efficiency: 4, attitude: 4, service: 4, convenience: 3 },
    });
  });

  it("shows the server's message on a 409, and field messages next to the fields on a 400", async () => {
    signIn();
    rateParams();
    let n = 0;
    const seen = mockApi({
      'GET /ratings': ok(noRatings),
      'POST /ratings': () =>
        ++n === 1
          ? { status: 400, body: { code: 'VALIDATION', message: '请检查填写的内容', fields: { comment: '评价内容不能超过300字', targetId: '评价对象编号格式不正确' } } }
          : n === 2
            ? { status: 400, body: { code: 'VALIDATION', message: '请评价代办员', fields: { agentLevel: '请评价代办员' } } }
            : { status: 409, body: { code: 'ALREADY_RATED', message: '评价已超过24小时，不能修改' } },
    });
    render(<RatePage />);
    fireEvent.click(await screen.findByRole('button', { name: '总体评价：基本满意' }));
    fireEvent.click(submitBtn());
    const field = await screen.findByText('评价内容不能超过300字');
    expect(field.closest('.card')).toContainElement(screen.getByPlaceholderText(PLACEHOLDER));
    expect(screen.getByText('请检查填写的内容；评价对象编号格式不正确')).toBeInTheDocument();

    // The server's message is its first field's: said once, next to the field.
    fireEvent.click(submitBtn());
    expect(await screen.findByText('请按提示修改后再提交')).toBeInTheDocument();
    expect(screen.getAllByText('请评价代办员')).toHaveLength(1);
    expect(screen.getByText('请评价代办员').closest('.card')).toHaveTextContent('评价代办员');
    fireEvent.click(screen.getByRole('button', { name: '代办员评价：满意' }));

    fireEvent.click(submitBtn());
    expect(await screen.findByText('评价已超过24小时，不能修改')).toBeInTheDocument();
    expect(screen.queryByText('评价内容不能超过300字')).not.toBeInTheDocument();
    expect(screen.queryByText('评价已提交')).not.toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '查看我的评价' }));
    expect(taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/rating/mine' });
    expect(posts(seen)).toHaveLength(3);
  });

  it('loads a rating that can still change into the form (修改评价), and shows one that cannot', async () => {
    signIn();
    rateParams({ title: '', ref: '' });
    const given = rating({
      level: 2,
      dimensions: { efficiency: 2, attitude: 1, service: 2, convenience: 3 },
      reasons: ['overdue'],
      comment: '超期了',
      agentLevel: 3,
      changeableUntil: future(),
    });
    const seen = mockApi({
      'GET /ratings': ok({ pending: [], ratings: [given], nextCursor: null }),
      'POST /ratings': { status: 201, body: given },
    });
    const first = render(<RatePage />);
    expect(await screen.findByText('最低生活保障申请')).toBeInTheDocument();
    expect(screen.getByText(/^您已评价过，可在 .+ 前修改，提交后以新评价为准。$/)).toBeInTheDocument();
    expect(level('不满意')).toHaveAttribute('aria-pressed', 'true');
    expect(dim('服务态度', '非常不满意')).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('button', { name: '超时未办结' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByPlaceholderText(PLACEHOLDER)).toHaveValue('超期了');
    expect(screen.getByText('评价代办员')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '代办员评价：基本满意' })).toHaveAttribute('aria-pressed', 'true');
    fireEvent.click(submitBtn());
    await screen.findByText('评价已提交');
    expect(posts(seen)[0]?.body).toMatchObject({ level: 2, reasons: ['overdue'], comment: '超期了', agentLevel: 3 });
    first.unmount();

    mockApi({ 'GET /ratings': ok({ pending: [], ratings: [{ ...given, changeableUntil: null }], nextCursor: null }) });
    const second = render(<RatePage />);
    expect(await screen.findByText('您已评价过，评价超过24小时后不能修改。')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '提交评价' })).not.toBeInTheDocument();
    expect(screen.getByText('超时未办结')).toBeInTheDocument();
    second.unmount();

    const handled = { ...given, ratedAt: past(), changeableUntil: null, ticket: { status: 'verified' as const, dueOn: '2026-03-12', dueOnPending: false, outcome: null, outcomeAt: null } };
    mockApi({ 'GET /ratings': ok({ pending: [], ratings: [handled], nextCursor: null }) });
    render(<RatePage />);
    expect(await screen.findByText('差评整改已开始处理，不能修改评价。')).toBeInTheDocument();
    expect(screen.getByText('已核实，整改中')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '提交评价' })).not.toBeInTheDocument();
  });

  it('keeps the form as a draft on the device: restored after a remount with the same key, cleared after a successful submit', async () => {
    signIn();
    rateParams();
    let tries = 0;
    const seen = mockApi({
      'GET /ratings': ok(noRatings),
      'POST /ratings': (req) => (++tries === 1 ? 'network-error' : { status: 201, body: rating({ ...(req.body as object), changeableUntil: null } as Partial<Rating>) }),
    });
    const first = render(<RatePage />);
    fireEvent.click(await screen.findByRole('button', { name: '总体评价：不满意' }));
    fireEvent.click(screen.getByRole('button', { name: '服务态度差' }));
    fireEvent.change(screen.getByPlaceholderText(PLACEHOLDER), { target: { value: '窗口没人' } });
    expect(screen.queryByText('已恢复您上次未提交的内容')).not.toBeInTheDocument();
    fireEvent.click(submitBtn());
    expect(await screen.findByText('网络不给力，请检查网络后重试')).toBeInTheDocument();
    first.unmount();

    // The signal came back and the page was opened again: the form is as it was.
    const second = render(<RatePage />);
    expect(await screen.findByText('已恢复您上次未提交的内容')).toBeInTheDocument();
    expect(level('不满意')).toHaveAttribute('aria-pressed', 'true');
    expect(dim('便利程度', '不满意')).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('button', { name: '服务态度差' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByPlaceholderText(PLACEHOLDER)).toHaveValue('窗口没人');
    fireEvent.click(submitBtn());
    expect(await screen.findByText('评价已提交')).toBeInTheDocument();
    const bodies = posts(seen).map((r) => r.body as { idempotencyKey: string });
    expect(bodies).toHaveLength(2);
    // A retry after the reload rates at most once.
    expect(bodies[1]).toEqual(bodies[0]);
    expect(taro.getStorageSync('banshi.draft.rate:application:app-0001-abcd')).toBe('');
    second.unmount();

    render(<RatePage />);
    await screen.findByRole('button', { name: '总体评价：不满意' });
    expect(screen.queryByText('已恢复您上次未提交的内容')).not.toBeInTheDocument();
    expect(level('不满意')).toHaveAttribute('aria-pressed', 'false');
    expect(screen.getByPlaceholderText(PLACEHOLDER)).toHaveValue('');
  }, 15_000);

  it('清空重填 throws the draft away and starts a new one', async () => {
    signIn();
    rateParams();
    mockApi({ 'GET /ratings': ok(noRatings) });
    const first = render(<RatePage />);
    fireEvent.click(await screen.findByRole('button', { name: '总体评价：满意' }));
    first.unmount();
    render(<RatePage />);
    fireEvent.click(await screen.findByRole('button', { name: '清空重填' }));
    expect(level('满意')).toHaveAttribute('aria-pressed', 'false');
    expect(screen.queryByText('已恢复您上次未提交的内容')).not.toBeInTheDocument();
    expect(taro.getStorageSync('banshi.draft.rate:application:app-0001-abcd')).toBe('');
  });

  it('renders in elder mode', async () => {
    taro.setStorageSync(ELDER_MODE_KEY, true);
    resetState();
    signIn();
    rateParams();
    mockApi({ 'GET /ratings': ok(noRatings) });
    const { container } = render(<RatePage />);
    await screen.findByRole('button', { name: '总体评价：非常满意' });
    expect(container.querySelector('.page')).toHaveClass('page', 'elder', 'rating');
    expect(container.querySelectorAll('.level--big')).toHaveLength(5);
    expect(submitBtn()).toBeInTheDocument();
  });

  it('says so when opened without a target', async () => {
    taro.__setRouterParams({});
    const seen = mockApi({});
    render(<RatePage />);
    expect(screen.getByText('评价对象有误，请从办件或预约详情进入')).toBeInTheDocument();
    await act(async () => undefined);
    expect(seen).toHaveLength(0);
  });
});

describe('my ratings', () => {
  it('lists invitations to rate and given ratings newest first, with the ticket and its outcome', async () => {
    signIn();
    mockApi({
      'GET /ratings': ok({
        pending: [
          invite({ targetType: 'appointment', targetId: 'appt-0001-abcd', reference: 'K7P2XQ9M', serviceName: '居民身份证换领', departmentName: '县公安局', dueOn: '2026-03-14' }),
          invite({ agentName: '李建国' }),
        ],
        ratings: [
          rating({ id: 'rat-old-00001', serviceName: '城乡居民基本养老保险参保登记', reference: 'QS-RS-0001', ratedAt: '2026-02-01T02:00:00.000Z', level: 3, isDefault: true, changeableUntil: null }),
          rating({
            id: 'rat-new-00002',
            targetId: 'app-0009-bad1',
            serviceName: '临时救助申请',
            reference: 'QS-MZ-0009',
            level: 1,
            reasons: ['overdue', 'attitude'],
            comment: '等了很久',
            ratedAt: '2026-03-04T02:00:00.000Z',
            changeableUntil: future(),
            ticket: { status: 'closed', dueOn: '2026-03-11', dueOnPending: false, outcome: '已约谈经办人，压缩审批时限至3个工作日', outcomeAt: '2026-03-10T08:00:00.000Z' },
          }),
        ],
        nextCursor: null,
      }),
    });
    const { container } = render(<MyRatings />);
    expect(await screen.findByText('待评价（2）')).toBeInTheDocument();

    const invites = Array.from(container.querySelectorAll('.invite')) as HTMLElement[];
    expect(invites.map((c) => c.querySelector('.invite__name')?.textContent)).toEqual(['最低生活保障申请', '居民身份证换领']);
    expect(within(invites[0]!).getByText('办件编号 QS-MZ-20260302-0001')).toBeInTheDocument();
    expect(within(invites[0]!).getByText('县民政局')).toBeInTheDocument();
    expect(within(invites[0]!).getByText('请在 2026年3月12日 前评价，逾期默认“基本满意”')).toBeInTheDocument();
    expect(within(invites[1]!).getByText('预约码 K7P2XQ9M')).toBeInTheDocument();
    fireEvent.click(within(invites[0]!).getByRole('button', { name: '去评价' }));
    expect(taro.navigateTo).toHaveBeenCalledWith({
      url: '/packages/rating/rate?targetType=application&targetId=app-0001-abcd&title=%E6%9C%80%E4%BD%8E%E7%94%9F%E6%B4%BB%E4%BF%9D%E9%9A%9C%E7%94%B3%E8%AF%B7&ref=QS-MZ-20260302-0001&agent=%E6%9D%8E%E5%BB%BA%E5%9B%BD',
    });

    const given = Array.from(container.querySelectorAll('.given')) as HTMLElement[];
    expect(given.map((c) => c.querySelector('.given__name')?.textContent)).toEqual(['临时救助申请', '城乡居民基本养老保险参保登记']);
    const bad = given[0]!;
    expect(within(bad).getByText('非常不满意')).toBeInTheDocument();
    expect(within(bad).getByText('差评原因：超时未办结、服务态度差')).toBeInTheDocument();
    expect(within(bad).getByText('“等了很久”')).toBeInTheDocument();
    expect(within(bad).getByText('已办结（结果已公开）')).toBeInTheDocument();
    expect(within(bad).getByText('整改期限 2026年3月11日')).toBeInTheDocument();
    expect(within(bad).getByText('整改结果：已约谈经办人，压缩审批时限至3个工作日')).toBeInTheDocument();
    fireEvent.click(within(bad).getByRole('button', { name: '修改评价' }));
    expect(taro.navigateTo).toHaveBeenLastCalledWith({
      url: '/packages/rating/rate?targetType=application&targetId=app-0009-bad1&title=%E4%B8%B4%E6%97%B6%E6%95%91%E5%8A%A9%E7%94%B3%E8%AF%B7&ref=QS-MZ-0009',
    });

    const old = given[1]!;
    expect(within(old).getByText('基本满意')).toBeInTheDocument();
    expect(within(old).getByText('默认评价')).toBeInTheDocument();
    expect(within(old).queryByRole('button', { name: '修改评价' })).not.toBeInTheDocument();
  });

  it('says 暂无评价 when there is nothing', async () => {
    signIn();
    mockApi({ 'GET /ratings': ok(noRatings) });
    render(<MyRatings />);
    expect(await screen.findByText('暂无评价')).toBeInTheDocument();
  });
});

describe('public satisfaction', () => {
  it("shows the county's and each department's rates and warnings, and recent bad reviews, without signing in", async () => {
    const body: PublicSatisfactionResponse = {
      year: 2026,
      county: sat({ total: 200, levels: [4, 6, 20, 50, 120], defaults: 17, satisfactionRate: 0.95, goodRate: 0.85 }),
      departments: [
        { id: 'civil-affairs', name: '县民政局', year: sat({ total: 120, levels: [1, 2, 7, 30, 80], defaults: 3, satisfactionRate: 0.975, goodRate: 0.9167 }), flags: [] },
        { id: 'housing', name: '县住建局', year: sat({ total: 10, levels: [2, 1, 3, 2, 2], satisfactionRate: 0.7, goodRate: 0.4 }), flags: ['summon', 'bottom3'] },
        { id: 'tax', name: '县税务局', year: sat(), flags: [] },
      ],
      recentBadReviews: [
        {
          month: '2026-03',
          serviceName: '临时救助申请',
          departmentName: '县民政局',
          level: 1,
          reasons: ['extra_materials'],
          status: 'closed',
          outcome: '已取消指南外材料要求，并向申请人致歉',
        },
        // Too few of this item for its department to name it: the department alone.
        { month: '2026-02', serviceName: null, departmentName: '县住建局', level: 2, reasons: ['overdue'], status: 'verified', outcome: null },
      ],
    };
    const seen = mockApi({ 'GET /satisfaction': ok(body) });
    const { container } = render(<PublicSatisfaction />);
    expect(await screen.findByText('2026年 全县政务服务满意度')).toBeInTheDocument();
    const county = container.querySelector('.county') as HTMLElement;
    expect(within(county).getByLabelText('满意率 95.0%')).toBeInTheDocument();
    expect(within(county).getByLabelText('好评率 85.0%')).toBeInTheDocument();
    expect(within(county).getByLabelText('评价数 200条')).toBeInTheDocument();
    expect(within(county).getByText(/另有默认评价17条/)).toBeInTheDocument();

    const civil = screen.getByLabelText('县民政局');
    expect(within(civil).getByText('97.5%')).toBeInTheDocument();
    expect(within(civil).getByText('91.7%')).toBeInTheDocument();
    expect(within(civil).getByText('120条（另有默认评价3条）')).toBeInTheDocument();
    const housing = screen.getByLabelText('县住建局');
    expect(within(housing).getByText('70.0%')).toBeInTheDocument();
    expect(within(housing).getByText('满意率低于75%，约谈')).toBeInTheDocument();
    expect(within(housing).getByText('满意率倒数前三')).toBeInTheDocument();
    expect(within(screen.getByLabelText('县税务局')).getAllByText('暂无评价')).toHaveLength(2);

    const reviews = Array.from(container.querySelectorAll('.bad-review')) as HTMLElement[];
    expect(reviews).toHaveLength(2);
    expect(within(reviews[0]!).getByText('2026年3月')).toBeInTheDocument(); // the month, never the day
    expect(within(reviews[0]!).getByText('临时救助申请')).toBeInTheDocument();
    expect(within(reviews[0]!).getByText('非常不满意')).toBeInTheDocument();
    expect(within(reviews[0]!).getByText('差评原因：要求指南外材料')).toBeInTheDocument();
    expect(within(reviews[0]!).getByText('已办结（结果已公开）')).toBeInTheDocument();
    expect(within(reviews[0]!).getByText('整改结果：已取消指南外材料要求，并向申请人致歉')).toBeInTheDocument();
    expect(within(reviews[1]!).getByText('已核实，整改中')).toBeInTheDocument();
    expect(within(reviews[1]!).getByText('2026年2月')).toBeInTheDocument();
    expect(within(reviews[1]!).getByText('县住建局')).toBeInTheDocument();
    expect(reviews[1]!.querySelector('.bad-review__name')).toBeNull();
    expect(within(reviews[1]!).getByText('不满意')).toBeInTheDocument();

    expect(seen.map(route)).toEqual(['GET /satisfaction']);
    expect(seen[0]?.auth).toBeUndefined();
  });
});

describe('entries', () => {
  it('我的 links to 我的评价; 首页 links to 满意度公示', async () => {
    process.env.TARO_ENV = 'h5'; // no silent sign-in
    mockApi({ 'GET /regions': ok({ regions }) });
    const a = render(<Mine />);
    fireEvent.click(screen.getByText('我的评价'));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/rating/mine' });
    await act(async () => undefined);
    a.unmount();
    render(<Home />);
    fireEvent.click(screen.getByText('满意度公示'));
    expect(taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/rating/public' });
  });

  it('a concluded case offers 评价本次办件 (with the agent), a case in progress does not', async () => {
    signIn();
    taro.__setRouterParams({ id: 'app-0001-abcd' });
    mockApi({ 'GET /applications/{id}': ok(application) });
    const a = render(<ApplicationDetailPage />);
    await screen.findByText('最低生活保障申请');
    expect(screen.queryByRole('button', { name: '评价本次办件' })).not.toBeInTheDocument();
    a.unmount();

    mockApi({ 'GET /applications/{id}': ok({ ...application, state: 'delivered', proxy: proxyView() }) });
    render(<ApplicationDetailPage />);
    fireEvent.click(await screen.findByRole('button', { name: '评价本次办件' }));
    expect(taro.navigateTo).toHaveBeenCalledWith({
      url: '/packages/rating/rate?targetType=application&targetId=app-0001-abcd&title=%E6%9C%80%E4%BD%8E%E7%94%9F%E6%B4%BB%E4%BF%9D%E9%9A%9C%E7%94%B3%E8%AF%B7&ref=QS-MZ-20260302-0001&agent=%E6%9D%8E%E5%BB%BA%E5%9B%BD',
    });
  });

  it('an attended visit offers 评价本次办事', async () => {
    signIn();
    taro.__setRouterParams({ id: 'appt-0001-abcd' });
    mockApi({ 'GET /appointments/{id}': ok({ ...appointment, status: 'checked_in' }) });
    render(<AppointmentDetail />);
    fireEvent.click(await screen.findByRole('button', { name: '评价本次办事' }));
    expect(taro.navigateTo).toHaveBeenCalledWith({
      url: '/packages/rating/rate?targetType=appointment&targetId=appt-0001-abcd&title=%E6%9C%80%E4%BD%8E%E7%94%9F%E6%B4%BB%E4%BF%9D%E9%9A%9C%E7%94%B3%E8%AF%B7&ref=K7P2XQ9M',
    });
  });
});
