// Workbench casework: links by role, the department queue (server order,
// lights), supervision of overdue cases, the case page (only the actions the
// state allows, the one-time notice with everything missing at once, 409s),
// and the agent's proxy tasks.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Workbench from '../../miniprogram/src/workbench/index/index';
import Queue from '../../miniprogram/src/workbench/queue/index';
import Overdue from '../../miniprogram/src/workbench/overdue/index';
import CasePage from '../../miniprogram/src/workbench/case/index';
import ProxyTasks from '../../miniprogram/src/workbench/proxy/index';
import { setToken } from '../../miniprogram/src/api/session';
import type { ApplicationDetail } from '../../shared/schemas/applications';
import type { StaffProfile } from '../../shared/schemas/auth';
import { mockApi, ok, type SeenRequest } from './support/api';
import { application, clock, proxyView, summary } from './support/applications';
import { staffProfile } from './support/fixtures';
import * as taro from './support/taro';
import Taro from './support/taro';

const future = () => new Date(Date.now() + 3600_000).toISOString();
const staffIn = () => setToken('staff', 'staff-tok', future());
const posts = (seen: SeenRequest[]) => seen.filter((r) => r.method === 'POST');
const as = (role: StaffProfile['role'], over: Partial<StaffProfile> = {}): StaffProfile => ({ ...staffProfile, role, ...over });

const masked = { applicant: { name: '王*英', phone: '138****1111' } };
const submitted: ApplicationDetail = {
  ...application,
  ...masked,
  state: 'submitted',
  handler: null,
  version: 1,
  clock: clock({ startOn: null, promisedDueOn: null, statutoryDueOn: null, remainingDays: null, light: 'green' }),
  events: [application.events[0]!],
};

/** The action buttons on the case page, in order. */
function actionButtons(): string[] {
  const title = screen.queryByText('办理操作');
  if (!title) return [];
  const card = title.closest('.card') as HTMLElement;
  return within(card)
    .getAllByRole('button')
    .map((b) => b.textContent ?? '');
}

describe('workbench home: casework links by role', () => {
  it.each([
    // 诉求 first for every role (any staff member may take a demand in, 首问).
    ['clerk', ['诉求', '部门办件', '差评整改', '投诉核查与问责', '今日预约', 'AB岗'], '/workbench/queue/index'],
    ['dept_head', ['诉求', '部门办件', '差评整改', '满意度看板', '民情月报', '投诉核查与问责', '承诺卡', '政策通知', '今日预约', 'AB岗', '领导接待日'], '/workbench/queue/index'],
    ['agent', ['诉求', '代办任务', '承诺卡', '我的包联户'], '/workbench/proxy/index'],
    ['supervisor', ['诉求', '超期督办', '差评整改', '满意度看板', '民情月报', '投诉核查与问责', '承诺卡', '政策通知', '今日预约', '包联覆盖', 'AB岗'], '/workbench/overdue/index'],
  ] as const)('%s sees %j', async (role, labels, url) => {
    staffIn();
    mockApi({ 'GET /admin/me': ok(as(role)) });
    const { container } = render(<Workbench />);
    await screen.findByText('陈静');
    const cells = Array.from(container.querySelectorAll('.cell__label')).map((c) => c.textContent);
    expect(cells).toEqual(labels);
    fireEvent.click(screen.getByRole('link', { name: new RegExp(labels[1]) }));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url });
  });
});

describe('workbench: department queue', () => {
  it("keeps the server's deadline order, with a light on every case; a tap opens the case", async () => {
    staffIn();
    const list = [
      summary(submitted, { id: 'app-0010-red', caseNumber: 'QS-MZ-0010', state: 'reviewing', clock: clock({ remainingDays: -2, light: 'red', promisedDueOn: '2026-03-02' }) }),
      summary(submitted, { id: 'app-0011-yel', caseNumber: 'QS-MZ-0011', state: 'accepted', clock: clock({ remainingDays: 1, light: 'yellow', promisedDueOn: '2026-03-06' }) }),
      summary(submitted, { id: 'app-0012-grn', caseNumber: 'QS-MZ-0012', proxy: proxyView() }),
      summary(submitted, { id: 'app-0013-dee', caseNumber: 'QS-MZ-0013', clock: clock({ deemedAccepted: true, startOn: '2026-02-20', remainingDays: 4, light: 'green' }) }),
    ];
    const seen = mockApi({ 'GET /admin/queue': ok({ applications: list, nextCursor: null }) });
    const { container } = render(<Queue />);
    await screen.findByText('办件编号 QS-MZ-0010');
    expect(seen[0]?.query).toEqual({});
    expect(seen[0]?.auth).toBe('Bearer staff-tok');

    const cards = Array.from(container.querySelectorAll('.case-card')) as HTMLElement[];
    expect(cards.map((c) => c.querySelector('.case-card__no')?.textContent)).toEqual([
      '办件编号 QS-MZ-0010',
      '办件编号 QS-MZ-0011',
      '办件编号 QS-MZ-0012',
      '办件编号 QS-MZ-0013',
    ]);
    const lights = cards.map((c) => c.querySelector('.light') as HTMLElement);
    expect(lights.map((l) => l.textContent)).toEqual(['超期', '临期', '正常', '正常']);
    expect(lights.map((l) => l.getAttribute('data-light'))).toEqual(['red', 'yellow', 'green', 'green']);
    expect(cards[0]).toHaveClass('case-card--red');
    expect(within(cards[0]!).getByText('已超期2个工作日')).toBeInTheDocument();
    expect(within(cards[0]!).getByText('申请人：王*英')).toBeInTheDocument();
    expect(within(cards[1]!).getByText('剩余1个工作日')).toBeInTheDocument();
    expect(within(cards[2]!).getByText('受理期限 2026年3月9日 星期一')).toBeInTheDocument();
    expect(within(cards[2]!).getByText('申请人：王*英 · 全程代办')).toBeInTheDocument();
    expect(within(cards[3]!).getByText('已视为受理')).toBeInTheDocument();
    expect(screen.getByText('县民政局 · 共4件：超期1件 · 临期1件 · 正常2件（按办理期限排序）')).toBeInTheDocument();

    fireEvent.click(within(cards[1]!).getByRole('link'));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/workbench/case/index?id=app-0011-yel' });
  });

  it("shows a department head today's electronic-supervision digest; none when the sweep has not run", async () => {
    staffIn();
    const list = [summary(submitted, { id: 'app-0020-red', caseNumber: 'QS-MZ-0020' })];
    mockApi({
      'GET /admin/queue': ok({ applications: list, nextCursor: null }),
      'GET /admin/alerts': ok({ departmentId: 'civil-affairs', date: '2026-03-13', sweptAt: '2026-03-13T00:00:05Z', red: ['C-1', 'C-2'], yellow: ['C-3'], deemedAccepted: [], overdueTickets: ['T-1'] }),
    });
    render(<Queue />);
    expect(await screen.findByText('今日电子监察：超期 2 件 · 临期 1 件 · 视为受理 0 件 · 差评整改超期 1 件')).toBeInTheDocument();
  });

  it('passes a chosen department on; says when the queue is empty', async () => {
    staffIn();
    taro.__setRouterParams({ departmentId: 'public-security' });
    const seen = mockApi({ 'GET /admin/queue': ok({ applications: [], nextCursor: null }) });
    render(<Queue />);
    expect(await screen.findByText('本部门暂无待办件')).toBeInTheDocument();
    expect(seen[0]?.query).toEqual({ departmentId: 'public-security' });
  });
});

describe('workbench: supervision of overdue work', () => {
  it('lists yellow and red cases across departments in the server order', async () => {
    staffIn();
    const seen = mockApi({
      'GET /admin/overdue': ok({
        applications: [
          summary(submitted, { id: 'app-0020-red', caseNumber: 'QS-GA-0020', departmentId: 'public-security', departmentName: '县公安局', serviceName: '居民身份证换领', state: 'reviewing', clock: clock({ remainingDays: -5, light: 'red' }) }),
          summary(submitted, { id: 'app-0021-yel', caseNumber: 'QS-MZ-0021', state: 'accepted', clock: clock({ remainingDays: 0, light: 'yellow' }) }),
        ],
        nextCursor: null,
      }),
    });
    const { container } = render(<Overdue />);
    await screen.findByText('办件编号 QS-GA-0020');
    expect(seen[0]?.path).toBe('/admin/overdue');
    expect(screen.getByText('超期1件 · 临期1件，涉及2个部门')).toBeInTheDocument();
    const cards = Array.from(container.querySelectorAll('.case-card')) as HTMLElement[];
    expect(cards.map((c) => c.querySelector('.light')?.textContent)).toEqual(['超期', '临期']);
    expect(within(cards[0]!).getByText('办理部门：县公安局')).toBeInTheDocument();
    expect(within(cards[0]!).getByText('已超期5个工作日')).toBeInTheDocument();
    expect(within(cards[1]!).getByText('办理部门：县民政局')).toBeInTheDocument();
    expect(within(cards[1]!).getByText('剩余0个工作日')).toBeInTheDocument();
    fireEvent.click(within(cards[0]!).getByRole('link'));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/workbench/case/index?id=app-0020-red' });
  });

  it('says when nothing is late', async () => {
    staffIn();
    mockApi({ 'GET /admin/overdue': ok({ applications: [], nextCursor: null }) });
    render(<Overdue />);
    expect(await screen.findByText('没有临期或超期的办件')).toBeInTheDocument();
  });
});

describe('workbench: case', () => {
  const open = (app: ApplicationDetail, staff: StaffProfile, extra: Record<string, Parameters<typeof mockApi>[0][string]> = {}) => {
    staffIn();
    taro.__setRouterParams({ id: app.id });
    const seen = mockApi({ 'GET /admin/me': ok(staff), 'GET /admin/applications/{id}': ok(app), ...extra });
    render(<CasePage />);
    return seen;
  };

  it.each([
    ['submitted', {}, ['受理', '一次性告知补正', '不予受理', '挂起']],
    ['accepted', {}, ['开始审核', '挂起', '延期']],
    ['reviewing', { extension: { days: 5, reason: '需实地核查' } }, ['准予办结', '不予许可', '挂起']],
    ['approved', {}, ['送达']],
    ['denied', {}, ['送达']],
    ['suspended', {}, ['恢复办理']],
  ] as const)('in state %s a clerk sees only %j', async (state, over, buttons) => {
    open({ ...submitted, state, ...over }, as('clerk'));
    await screen.findByText('办理操作');
    await waitFor(() => expect(actionButtons()).toEqual(buttons));
  });

  it('offers no actions while waiting for materials, when concluded, or to an agent', async () => {
    open({ ...submitted, state: 'awaiting_materials', missing: [{ name: '银行流水' }], materialsRequests: 1 }, as('clerk'));
    expect(await screen.findByText('已一次性告知，等待申请人补齐')).toBeInTheDocument();
    expect(screen.queryByText('办理操作')).not.toBeInTheDocument();
  });

  it('an agent sees the case but no staff actions', async () => {
    open({ ...submitted, proxy: proxyView() }, as('agent', { username: 'agent01', name: '李建国' }));
    expect(await screen.findByRole('button', { name: '记录代交' })).toBeInTheDocument();
    expect(screen.queryByText('办理操作')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '受理' })).not.toBeInTheDocument();
  });

  it('受理 posts the action with the version and shows the new state', async () => {
    const seen = open(submitted, as('clerk'), {
      'POST /admin/applications/{id}/actions': ok({ ...submitted, state: 'accepted', version: 2, clock: clock() }),
    });
    fireEvent.click(await screen.findByRole('button', { name: '受理' }));
    expect(await screen.findByText('已受理')).toBeInTheDocument();
    const post = posts(seen)[0];
    expect(post?.path).toBe('/admin/applications/app-0001-abcd/actions');
    expect(post?.body).toEqual({ action: 'accept', version: 1 });
    expect(post?.auth).toBe('Bearer staff-tok');
    await waitFor(() => expect(actionButtons()).toEqual(['开始审核', '挂起', '延期']));
  });

  it('一次性告知补正 lists the materials to tick plus free text, and sends everything missing at once', async () => {
    const seen = open(submitted, as('clerk'), {
      'POST /admin/applications/{id}/actions': (req) =>
        ok({ ...submitted, state: 'awaiting_materials', materialsRequests: 1, version: 2, missing: (req.body as { missing: unknown[] }).missing }),
    });
    fireEvent.click(await screen.findByRole('button', { name: '一次性告知补正' }));
    // The item's materials, the ones the applicant has not provided (and must) ticked already.
    const boxes = screen.getAllByRole('checkbox');
    expect(boxes.map((b) => b.getAttribute('aria-label'))).toEqual(['居民身份证', '户口簿', '家庭收入情况声明', '残疾证']);
    expect(boxes.map((b) => b.getAttribute('aria-checked'))).toEqual(['false', 'false', 'true', 'false']);
    expect(screen.getAllByText('必须 · 申请人称已备齐')).toHaveLength(2);
    expect(screen.getByText('非必须 · 未提供')).toBeInTheDocument();

    fireEvent.click(screen.getByRole('checkbox', { name: '残疾证' }));
    fireEvent.input(screen.getByPlaceholderText('其他缺少的材料（多项用顿号分隔）'), { target: { value: '银行流水、 村委会证明' } });
    fireEvent.input(screen.getByPlaceholderText('补正说明（选填）'), { target: { value: '请一次带齐' } });
    fireEvent.click(screen.getByRole('button', { name: '确认告知' }));
    expect(await screen.findByText('已一次性告知补正')).toBeInTheDocument();

    expect(posts(seen)).toHaveLength(1);
    expect(posts(seen)[0]?.body).toEqual({
      action: 'request_materials',
      version: 1,
      missing: [{ name: '家庭收入情况声明' }, { name: '残疾证' }, { name: '银行流水' }, { name: '村委会证明' }],
      note: '请一次带齐',
    });
    expect(screen.getByText('已一次性告知，等待申请人补齐')).toBeInTheDocument();
    expect(screen.getByText('4. 村委会证明')).toBeInTheDocument();
  });

  it('does not send an empty notice', async () => {
    const seen = open({ ...submitted, materials: submitted.materials.map((m) => ({ ...m, provided: true })) }, as('clerk'));
    fireEvent.click(await screen.findByRole('button', { name: '一次性告知补正' }));
    fireEvent.click(screen.getByRole('button', { name: '确认告知' }));
    expect(await screen.findByText('请勾选或填写缺少的材料（一次性全部列出）')).toBeInTheDocument();
    expect(posts(seen)).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: '取消' }));
    expect(actionButtons()).toEqual(['受理', '一次性告知补正', '不予受理', '挂起']);
  });

  it("a second notice is not offered to a clerk; a supervisor must give a reason; the server's 409 shows", async () => {
    const again = { ...submitted, materialsRequests: 1, version: 3 };
    const first = open(again, as('clerk'));
    await screen.findByText('办理操作');
    await waitFor(() => expect(actionButtons()).toEqual(['受理', '不予受理', '挂起']));
    expect(screen.getByText('已一次性告知过补正，不能再次要求补正（如确有必要，须由督查说明理由）。')).toBeInTheDocument();
    expect(posts(first)).toHaveLength(0);
  });

  it('a supervisor may request materials again with a recorded reason', async () => {
    const again = { ...submitted, materialsRequests: 1, version: 3 };
    const seen = open(again, as('supervisor', { departmentId: null, departmentName: null }), {
      'POST /admin/applications/{id}/actions': ok({ ...again, state: 'awaiting_materials', materialsRequests: 2, version: 4, missing: [{ name: '银行流水' }] }),
    });
    await screen.findByText('办理操作');
    await waitFor(() => expect(actionButtons()).toContain('一次性告知补正'));
    fireEvent.click(screen.getByRole('button', { name: '一次性告知补正' }));
    fireEvent.click(screen.getByRole('checkbox', { name: '家庭收入情况声明' })); // untick the suggestion
    fireEvent.input(screen.getByPlaceholderText('其他缺少的材料（多项用顿号分隔）'), { target: { value: '银行流水' } });
    fireEvent.click(screen.getByRole('button', { name: '确认告知' }));
    expect(await screen.findByText('已告知过一次，再次补正须由督查填写理由')).toBeInTheDocument();
    fireEvent.input(screen.getByPlaceholderText('再次补正的理由'), { target: { value: '政策调整新增材料' } });
    fireEvent.click(screen.getByRole('button', { name: '确认告知' }));
    await waitFor(() => expect(posts(seen)).toHaveLength(1));
    expect(posts(seen)[0]?.body).toEqual({
      action: 'request_materials',
      version: 3,
      missing: [{ name: '银行流水' }],
      overrideReason: '政策调整新增材料',
    });
  });

  it("shows the server's 409 message and reloads the case when someone else acted first", async () => {
    let gets = 0;
    const seen = open(submitted, as('clerk'), {
      'GET /admin/applications/{id}': () => ok(++gets === 1 ? submitted : { ...submitted, state: 'accepted', version: 2, clock: clock() }),
      'POST /admin/applications/{id}/actions': { status: 409, body: { code: 'VERSION_CONFLICT', message: '办件已被他人处理，请刷新后重试' } },
    });
    fireEvent.click(await screen.findByRole('button', { name: '一次性告知补正' }));
    fireEvent.click(screen.getByRole('button', { name: '确认告知' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('办件已被他人处理，请刷新后重试');
    await waitFor(() => expect(actionButtons()).toEqual(['开始审核', '挂起', '延期']));
    expect(seen.filter((r) => r.method === 'GET' && r.path.startsWith('/admin/applications/'))).toHaveLength(2);
  });

  it('延期 needs days and a reason, once', async () => {
    const accepted = { ...submitted, state: 'accepted' as const, version: 5, clock: clock() };
    const seen = open(accepted, as('dept_head'), {
      'POST /admin/applications/{id}/actions': ok({ ...accepted, version: 6, extension: { days: 5, reason: '需实地核查家庭收入' }, clock: clock({ promisedDueOn: '2026-04-08' }) }),
    });
    fireEvent.click(await screen.findByRole('button', { name: '延期' }));
    fireEvent.click(screen.getByRole('button', { name: '确认延期' }));
    expect(await screen.findByText('请填写延期理由')).toBeInTheDocument();
    fireEvent.input(screen.getByPlaceholderText('请填写延期理由'), { target: { value: '需实地核查家庭收入' } });
    fireEvent.input(screen.getByPlaceholderText('延期工作日数（1-60）'), { target: { value: '90' } });
    fireEvent.click(screen.getByRole('button', { name: '确认延期' }));
    expect(await screen.findByText('延期天数应为1-60个工作日')).toBeInTheDocument();
    fireEvent.input(screen.getByPlaceholderText('延期工作日数（1-60）'), { target: { value: '5' } });
    fireEvent.click(screen.getByRole('button', { name: '确认延期' }));
    expect(await screen.findByText('已延期')).toBeInTheDocument();
    expect(posts(seen)[0]?.body).toEqual({ action: 'extend', version: 5, extensionDays: 5, note: '需实地核查家庭收入' });
    await waitFor(() => expect(actionButtons()).toEqual(['开始审核', '挂起']));
    expect(screen.getByText('5个工作日（需实地核查家庭收入）')).toBeInTheDocument();
  });

  it('不予受理 sends the reason', async () => {
    const seen = open(submitted, as('clerk'), {
      'POST /admin/applications/{id}/actions': ok({ ...submitted, state: 'rejected', version: 2, clock: clock({ light: 'done', remainingDays: null, onTime: true }) }),
    });
    fireEvent.click(await screen.findByRole('button', { name: '不予受理' }));
    fireEvent.input(screen.getByPlaceholderText('请填写不予受理的理由（将告知申请人）'), { target: { value: '不属于本部门职权范围' } });
    fireEvent.click(screen.getByRole('button', { name: '确认不予受理' }));
    expect(await screen.findByText('已不予受理')).toBeInTheDocument();
    expect(posts(seen)[0]?.body).toEqual({ action: 'reject', version: 1, note: '不属于本部门职权范围' });
    expect(screen.queryByText('办理操作')).not.toBeInTheDocument();
  });

  it('shows the materials with their photo counts, the clock and the timeline', async () => {
    open({ ...application, ...masked }, as('clerk'));
    await screen.findByText('申请材料');
    const id = screen.getByText('居民身份证').closest('.case-material') as HTMLElement;
    expect(within(id).getByText('照片1张')).toBeInTheDocument();
    expect(within(id).getByText('已提供')).toBeInTheDocument();
    const form = screen.getByText('家庭收入情况声明').closest('.case-material') as HTMLElement;
    expect(within(form).getByText('未提供')).toBeInTheDocument();
    expect(within(form).queryByText(/照片/)).not.toBeInTheDocument();
    expect(screen.getByText('剩余12个工作日')).toBeInTheDocument();
    const items = within(screen.getByRole('list')).getAllByRole('listitem');
    expect(items.map((i) => i.querySelector('.timeline__action')?.textContent)).toEqual(['提交申请', '受理']);
  });

  it('查看照片 fetches signed links and shows the photos by material; a tap enlarges one', async () => {
    const T = Taro as unknown as Record<string, unknown>;
    T.previewImage = jest.fn(async () => ({ errMsg: 'previewImage:ok' }));
    const url = (n: number) => `http://127.0.0.1:4569/banshi-uploads/apps/app-0001-abcd/${n}.jpg?X-Amz-Signature=s${n}`;
    const withPhotos = {
      ...application,
      materials: application.materials.map((m, i) => (i === 1 ? { ...m, uploadKeys: ['apps/app-0001-abcd/2.jpg', 'apps/app-0001-abcd/3.jpg'] } : m)),
    };
    const seen = open(withPhotos, as('clerk'), {
      'GET /admin/applications/{id}/photos': ok({
        photos: [
          { material: '居民身份证', key: 'apps/app-0001-abcd/1.jpg', url: url(1), expiresAt: future() },
          { material: '户口簿', key: 'apps/app-0001-abcd/2.jpg', url: url(2), expiresAt: future() },
          { material: '户口簿', key: 'apps/app-0001-abcd/3.jpg', url: url(3), expiresAt: future() },
        ],
      }),
    });
    try {
      fireEvent.click(await screen.findByRole('button', { name: '查看照片' }));
      const second = await screen.findByRole('button', { name: '户口簿 照片2' });
      expect(seen.find((r) => r.path.endsWith('/photos'))?.auth).toBe('Bearer staff-tok');
      expect(screen.getByRole('button', { name: '居民身份证 照片1' }).querySelector('img')).toHaveAttribute('src', url(1));
      fireEvent.click(second);
      expect(T.previewImage).toHaveBeenCalledWith({ urls: [url(2), url(3)], current: url(3) });
      expect(screen.getByRole('button', { name: '刷新照片' })).toBeInTheDocument();
    } finally {
      delete T.previewImage;
    }
  });

  it('offers no photos button when there are none', async () => {
    open({ ...submitted, materials: submitted.materials.map((m) => ({ ...m, uploadKeys: [] })) }, as('clerk'));
    await screen.findByText('申请材料');
    expect(screen.queryByRole('button', { name: '查看照片' })).not.toBeInTheDocument();
  });

  it('the agent records the next proxy step with a note', async () => {
    const app = { ...submitted, proxy: proxyView(), version: 7 };
    const seen = open(app, as('agent', { username: 'agent01', name: '李建国' }), {
      'POST /admin/applications/{id}/proxy-steps': ok({
        ...app,
        version: 8,
        proxy: proxyView({ steps: [...proxyView().steps, { step: 'submitted', at: '2026-03-03T01:00:00.000Z', note: '已交窗口' }], nextStep: 'result_collected' }),
      }),
    });
    fireEvent.input(await screen.findByPlaceholderText('代办备注（选填）'), { target: { value: '已交窗口' } });
    fireEvent.click(screen.getByRole('button', { name: '记录代交' }));
    expect(await screen.findByRole('button', { name: '记录代领' })).toBeInTheDocument();
    expect(posts(seen)[0]?.path).toBe('/admin/applications/app-0001-abcd/proxy-steps');
    expect(posts(seen)[0]?.body).toEqual({ step: 'submitted', version: 7, note: '已交窗口' });
    expect(screen.getByText('已记录代交')).toBeInTheDocument();
  });

  it('the department head re-assigns the agent', async () => {
    const app = { ...submitted, proxy: proxyView(), version: 7 };
    const seen = open(app, as('dept_head'), {
      'POST /admin/applications/{id}/proxy-agent': ok({ ...app, version: 8, proxy: proxyView({ agent: { name: '赵敏', phone: '13900003333' } }) }),
    });
    fireEvent.click(await screen.findByRole('button', { name: '改派代办员' }));
    fireEvent.input(screen.getByPlaceholderText('代办员账号'), { target: { value: 'agent02' } });
    fireEvent.click(screen.getByRole('button', { name: '确认改派' }));
    expect(await screen.findByText('代办员：赵敏')).toBeInTheDocument();
    expect(posts(seen)[0]?.body).toEqual({ agentUsername: 'agent02', version: 7 });
  });
});

describe('workbench: proxy tasks', () => {
  const task = (over: Partial<ApplicationDetail>) => summary({ ...submitted, proxy: proxyView(), ...over });

  it('lists my tasks, open ones first, and records the next step with the version', async () => {
    staffIn();
    // The agent sees the applicant's full number; a masked one is shown, not dialled.
    const a = task({ id: 'app-0030-aaaa', caseNumber: 'QS-MZ-0030', version: 4, applicant: { name: '王秀英', phone: '13800001111' } });
    const finished = task({
      id: 'app-0031-bbbb',
      caseNumber: 'QS-MZ-0031',
      state: 'delivered',
      proxy: proxyView({
        steps: (['mandated', 'collected', 'submitted', 'result_collected', 'returned'] as const).map((step) => ({ step, at: '2026-03-01T01:00:00.000Z', note: null })),
        nextStep: null,
      }),
    });
    const fresh = task({ id: 'app-0032-cccc', caseNumber: 'QS-MZ-0032', proxy: proxyView({ steps: [], nextStep: 'mandated' }) });
    const seen = mockApi({
      'GET /admin/proxy-tasks': ok({ applications: [finished, a, fresh], nextCursor: null }),
      'POST /admin/applications/{id}/proxy-steps': (req) =>
        ok({
          ...a,
          version: 5,
          events: [],
          proxy: proxyView({ steps: [...proxyView().steps, { step: 'submitted', at: '2026-03-03T01:00:00.000Z', note: null }], nextStep: 'result_collected' }),
          ...(req.path.includes('0030') ? {} : { id: 'wrong' }),
        }),
    });
    const { container } = render(<ProxyTasks />);
    await screen.findByText('办件编号 QS-MZ-0030');
    expect(screen.getByText('共3件，待办2件 · 代办全程免费')).toBeInTheDocument();
    const cards = Array.from(container.querySelectorAll('.case-card')) as HTMLElement[];
    expect(cards.map((c) => c.getAttribute('data-case'))).toEqual(['QS-MZ-0030', 'QS-MZ-0032', 'QS-MZ-0031']);
    expect(within(cards[0]!).getByText('已完成：委托 → 代收（3月2日 15:15）')).toBeInTheDocument();
    expect(within(cards[1]!).getByText('尚未开始')).toBeInTheDocument();
    expect(within(cards[1]!).getByRole('button', { name: '记录委托' })).toBeInTheDocument();
    expect(within(cards[2]!).getByText('代办已完成')).toBeInTheDocument();
    expect(within(cards[2]!).queryByRole('button')).not.toBeInTheDocument();
    fireEvent.click(within(cards[0]!).getByRole('link', { name: '拨打申请人电话 13800001111' }));
    expect(taro.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '13800001111' });
    expect(within(cards[1]!).getByText('138****1111')).toBeInTheDocument();
    expect(within(cards[1]!).queryByRole('link', { name: /拨打/ })).not.toBeInTheDocument();

    fireEvent.click(within(cards[0]!).getByRole('button', { name: '记录代交' }));
    expect(await screen.findByText('已记录代交：QS-MZ-0030')).toBeInTheDocument();
    expect(posts(seen)[0]?.path).toBe('/admin/applications/app-0030-aaaa/proxy-steps');
    expect(posts(seen)[0]?.body).toEqual({ step: 'submitted', version: 4 });
    const updated = container.querySelector('[data-case="QS-MZ-0030"]') as HTMLElement;
    expect(within(updated).getByRole('button', { name: '记录代领' })).toBeInTheDocument();
  });

  it("shows the server's 409 and reloads the tasks", async () => {
    staffIn();
    let gets = 0;
    const a = task({ id: 'app-0030-aaaa', caseNumber: 'QS-MZ-0030', version: 4 });
    const moved = { ...a, version: 5, proxy: proxyView({ steps: [...proxyView().steps, { step: 'submitted', at: '2026-03-03T01:00:00.000Z', note: null }], nextStep: 'result_collected' }) };
    mockApi({
      'GET /admin/proxy-tasks': () => ok({ applications: [++gets === 1 ? a : moved], nextCursor: null }),
      'POST /admin/applications/{id}/proxy-steps': { status: 409, body: { code: 'VERSION_CONFLICT', message: '办件已被他人处理，请刷新后重试' } },
    });
    render(<ProxyTasks />);
    fireEvent.click(await screen.findByRole('button', { name: '记录代交' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('办件已被他人处理，请刷新后重试');
    expect(await screen.findByRole('button', { name: '记录代领' })).toBeInTheDocument();
  });

  it('says when there are none', async () => {
    staffIn();
    mockApi({ 'GET /admin/proxy-tasks': ok({ applications: [], nextCursor: null }) });
    render(<ProxyTasks />);
    expect(await screen.findByText('暂无代办任务')).toBeInTheDocument();
  });
});
