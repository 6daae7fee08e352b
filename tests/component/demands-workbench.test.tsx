// Workbench demands (诉求办理): the entry on the staff home for every role the
// route table allows, the lists (the server's order: grade A first, lights),
// the demand page offering exactly the server's allowedActions with the
// fields each step takes (派单 with the suggested department, 退单 with a
// reason, 签收 naming the first handler, 答复 with the result, 并案 with a
// candidate, 发布到知识库), the reporter hidden when anonymous, a 409, and
// 代群众登记 from another channel.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Workbench from '../../miniprogram/src/workbench/index/index';
import Demands from '../../miniprogram/src/workbench/demands/index';
import DemandPage from '../../miniprogram/src/workbench/demand/index';
import Intake from '../../miniprogram/src/workbench/intake/index';
import { setToken } from '../../miniprogram/src/api/session';
import type { StaffProfile } from '../../shared/schemas/auth';
import type { StaffDemandDetail } from '../../shared/schemas/demands';
import { mockApi, ok, type Reply, type SeenRequest } from './support/api';
import { demandClock, replied, staffDetail, summary } from './support/demands';
import { regions, staffProfile } from './support/fixtures';
import * as taro from './support/taro';
import Taro from './support/taro';

const staffIn = () => setToken('staff', 'staff-tok', new Date(Date.now() + 3600_000).toISOString());
const as = (role: StaffProfile['role'], over: Partial<StaffProfile> = {}): StaffProfile => ({ ...staffProfile, role, ...over });
const head = as('dept_head', { username: 'zj-zhou', name: '周建国', departmentId: 'housing', departmentName: '县住房和城乡建设局' });
const supervisor = as('supervisor', { username: 'xiaoneng', name: '王建华', departmentId: 'efficiency-office', departmentName: '县效能办' });
const posts = (seen: SeenRequest[]) => seen.filter((r) => r.method === 'POST');
const click = (name: string) => fireEvent.click(screen.getByRole('button', { name }));
const type = (label: string, value: string) => fireEvent.input(screen.getByLabelText(label).querySelector('textarea, input') ?? screen.getByLabelText(label), { target: { value } });
const departments = [
  { id: 'housing', name: '县住房和城乡建设局' },
  { id: 'civil-affairs', name: '县民政局' },
];

/** The step buttons on the demand page, in order. */
function stepButtons(): string[] {
  const title = screen.queryByText('办理');
  if (!title) return [];
  return within(title.closest('.card') as HTMLElement)
    .getAllByRole('button')
    .map((b) => b.textContent ?? '');
}

function openDemand(d: StaffDemandDetail, me: StaffProfile, routes: Record<string, Reply | ((r: SeenRequest) => Reply)> = {}) {
  staffIn();
  taro.__setRouterParams({ id: d.id });
  const seen = mockApi({ 'GET /admin/me': ok(me), 'GET /admin/demands/{id}': ok(d), 'GET /departments': ok({ departments }), ...routes });
  render(<DemandPage />);
  return seen;
}

describe('workbench home', () => {
  it.each(['clerk', 'dept_head', 'supervisor', 'agent', 'admin'] as const)('offers 诉求 to %s (the route allows every staff role)', async (role) => {
    staffIn();
    mockApi({ 'GET /admin/me': ok(as(role)) });
    render(<Workbench />);
    fireEvent.click(await screen.findByText('诉求'));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/workbench/demands/index' });
  });
});

describe('demand lists', () => {
  it("a department's queue keeps the server's order: grade A first, then red, yellow; lights and the sign deadline", async () => {
    staffIn();
    const a = summary(staffDetail(), { id: 'd-a-000001', number: '20261125-AAAAA', grade: 'A', state: 'dispatched', clock: demandClock({ light: 'yellow', signDueAt: '2026-11-25T04:00:00.000Z' }) });
    const red = summary(staffDetail(), { id: 'd-r-000002', number: '20261110-RRRRR', clock: demandClock({ light: 'red', remainingDays: -1 }) });
    const green = summary(staffDetail(), { id: 'd-g-000003', number: '20261124-GGGGG' });
    const seen = mockApi({ 'GET /admin/me': ok(head), 'GET /admin/demands': ok({ demands: [a, red, green], nextCursor: null }) });
    render(<Demands />);
    await screen.findByText(/共3件/);
    const rows = Array.from(document.querySelectorAll('[data-demand]')).map((r) => r.getAttribute('data-demand'));
    expect(rows).toEqual(['20261125-AAAAA', '20261110-RRRRR', '20261124-GGGGG']);
    expect(screen.getByText('共3件 · A级1件 · 超期1件 · 临期1件（A级在前，按期限排序）')).toBeInTheDocument();
    expect(screen.getByText('11月25日 12:00前签收')).toBeInTheDocument();
    expect(screen.getAllByText('反映人：匿名（对部门保密） · 承办：县住房和城乡建设局')).toHaveLength(3);
    expect(seen.find((r) => r.path === '/admin/demands')?.query).toEqual({ view: 'queue' });
    expect(within(screen.getByLabelText('诉求分类')).getAllByRole('button').map((b) => b.textContent)).toEqual(['本部门', '待派单']);
    click('待派单');
    await waitFor(() => expect(seen.filter((r) => r.path === '/admin/demands').map((r) => r.query.view)).toEqual(['queue', 'intake']));
  });

  it("the supervisor's views: returns to decide, extensions, overdue, default closes", async () => {
    staffIn();
    const seen = mockApi({ 'GET /admin/me': ok(supervisor), 'GET /admin/demands': ok({ demands: [], nextCursor: null }) });
    render(<Demands />);
    expect(await screen.findByText('暂无办理中的诉求')).toBeInTheDocument();
    expect(within(screen.getByLabelText('诉求分类')).getAllByRole('button').map((b) => b.textContent)).toEqual(['全部', '退单待裁定', '延期待审批', '超期临期', '待派单', '默认办结']);
    click('退单待裁定');
    expect(await screen.findByText('没有待裁定的退单')).toBeInTheDocument();
    expect(seen.filter((r) => r.path === '/admin/demands').map((r) => r.query.view)).toEqual(['all', 'returns']);
  });
});

describe('the demand page', () => {
  it('offers exactly allowedActions; 派单 starts from the suggested department', async () => {
    const d = staffDetail({ state: 'received', department: null, handler: null, clock: demandClock({ startedAt: null, replyDueOn: null, limitDays: null, light: 'green' }), allowedActions: ['dispatch', 'answer', 'merge'] });
    const seen = openDemand(d, as('clerk', { departmentId: null }), { 'POST /admin/demands/{id}/actions': (req) => ok({ ...d, state: 'dispatched', allowedActions: [], department: { id: 'housing', name: '县住房和城乡建设局', phone: null }, version: 5, ...(req.body ? {} : {}) }) });
    await screen.findByText('建议派往：县住房和城乡建设局');
    expect(stepButtons()).toEqual(['派单', '当场答复', '并案']);
    expect(screen.getByText('匿名（对部门保密）')).toBeInTheDocument();
    click('派单');
    const suggested = await screen.findByRole('button', { name: '县住房和城乡建设局（建议）' });
    expect(suggested).toHaveAttribute('aria-pressed', 'true');
    click('A级（紧急或涉及多人）');
    click('确认派单');
    expect(await screen.findByText('已派单', { selector: '.case-ok-msg' })).toBeInTheDocument();
    expect(posts(seen)[0]!.body).toEqual({ action: 'dispatch', version: 4, departmentId: 'housing', grade: 'A' });
    expect(stepButtons()).toEqual([]);
  });

  it('退单 takes a reason; a 409 shows why and reloads', async () => {
    const d = staffDetail({ state: 'dispatched', handler: null, allowedActions: ['return', 'sign'] });
    const seen = openDemand(d, head, { 'POST /admin/demands/{id}/actions': { status: 409, body: { code: 'ILLEGAL_TRANSITION', message: '本部门已退过一次，不能再次退单' } } });
    await screen.findByText('办理');
    expect(stepButtons()).toEqual(['退单', '签收']);
    click('退单');
    type('退单理由', '不属本部门职责');
    click('确认退单');
    expect(await screen.findByText('本部门已退过一次，不能再次退单')).toBeInTheDocument();
    expect(posts(seen)[0]!.body).toEqual({ action: 'return', version: 4, text: '不属本部门职责' });
    await waitFor(() => expect(seen.filter((r) => r.path === '/admin/demands/d0a1b2c3-0001')).toHaveLength(2));
  });

  it('签收 names the first handler (the signer by default, or a colleague)', async () => {
    const d = staffDetail({ state: 'dispatched', handler: null, allowedActions: ['return', 'sign'] });
    const seen = openDemand(d, head, { 'POST /admin/demands/{id}/actions': ok({ ...d, state: 'signed', handler: { name: '赵工', phone: '0817-7221609' }, allowedActions: ['contact', 'request_info', 'request_extension', 'reply'] }) });
    await screen.findByText('办理');
    click('签收');
    expect(screen.getByLabelText('首办责任人账号')).toHaveValue('zj-zhou');
    type('首办责任人账号', 'zj-zhao');
    click('确认签收');
    await screen.findByText('已签收', { selector: '.case-ok-msg' });
    expect(posts(seen)[0]!.body).toEqual({ action: 'sign', version: 4, handlerUsername: 'zj-zhao' });
    expect(stepButtons()).toEqual(['联系群众', '请群众补充', '申请延期', '答复']);
  });

  it('答复 sends the text and the result; a department head may then publish it to the knowledge base', async () => {
    const d = staffDetail({ allowedActions: ['contact', 'request_info', 'request_extension', 'reply'] });
    const after = { ...staffDetail(), ...replied(), reporter: null, mergeCandidates: [], suggestedDepartment: null, allowedActions: [] };
    const seen = openDemand(d, head, {
      'POST /admin/demands/{id}/actions': ok(after),
      'POST /admin/demands/{id}/knowledge': { status: 201, body: { id: 'qa-d0a1b2c3-0001', question: 'q', answer: 'a', domain: 'roads', departmentName: '县住房和城乡建设局', publishedAt: '2026-11-28T01:00:00.000Z' } },
    });
    await screen.findByText('办理');
    expect(stepButtons()).not.toContain('发布到知识库'); // nothing replied yet
    click('答复');
    type('答复内容', '已安排施工队回填并压实路面。');
    type('办理结果', '坑已填平，设置了警示牌');
    click('确认答复');
    await screen.findByText('已答复', { selector: '.case-ok-msg' });
    expect(posts(seen)[0]!.body).toEqual({ action: 'reply', version: 4, text: '已安排施工队回填并压实路面。', result: '坑已填平，设置了警示牌', photos: [] });
    expect(stepButtons()).toEqual(['发布到知识库']);
    click('发布到知识库');
    expect(screen.getByLabelText('答复')).toHaveValue('已安排施工队回填并压实路面。');
    click('确认发布到知识库');
    await screen.findByText('已发布到知识库');
    expect(posts(seen)[1]!.path).toBe('/admin/demands/d0a1b2c3-0001/knowledge');
  });

  it('答复 photos are uploaded through the staff route, under the staff member, and sent with the reply', async () => {
    const KEY = 'tmp/staff_zj-zhou/0b7d3c1e-8d5a-4f7e-9a57-2b1f0c3d4e5f.jpg';
    const T = Taro as unknown as Record<string, unknown>;
    T.chooseImage = jest.fn(async () => ({ tempFilePaths: ['wxfile://tmp/r.jpg'], tempFiles: [] }));
    T.getFileSystemManager = () => ({
      readFile: ({ success }: { success: (r: { data: ArrayBuffer }) => void }) => {
        const b = new Uint8Array(2048);
        b.set([0xff, 0xd8, 0xff, 0xe0]);
        success({ data: b.buffer });
      },
    });
    const d = staffDetail({ allowedActions: ['reply'] });
    const seen = openDemand(d, head, {
      'POST /admin/uploads': { status: 201, body: { key: KEY, url: `http://127.0.0.1:4569/uploads/${KEY}?sig=1`, method: 'PUT', headers: { 'Content-Type': 'image/jpeg' }, expiresAt: new Date(Date.now() + 600_000).toISOString() } },
      'PUT http://127.0.0.1:4569/uploads/tmp/staff_zj-zhou/{file}': ok(''),
      'POST /admin/demands/{id}/actions': ok({ ...d, allowedActions: [] }),
    });
    try {
      await screen.findByText('办理');
      click('答复');
      click('添加答复照片');
      expect(await screen.findByAltText('照片1')).toBeInTheDocument();
      const upload = seen.find((r) => r.path === '/admin/uploads')!;
      expect(upload.body).toEqual({ contentType: 'image/jpeg', bytes: 2048, purpose: 'demand_photo' });
      expect(upload.auth).toBe('Bearer staff-tok');
      type('答复内容', '已回填');
      type('办理结果', '坑已填平');
      click('确认答复');
      await screen.findByText('已答复', { selector: '.case-ok-msg' });
      expect(seen.find((r) => r.path.endsWith('/actions'))!.body).toMatchObject({ action: 'reply', photos: [KEY] });
    } finally {
      delete T.chooseImage;
      delete T.getFileSystemManager;
    }
  });

  it('并案 picks one of the candidates; the supervisor sees the reporter of an anonymous demand', async () => {
    const other = summary(staffDetail(), { id: 'd0a1b2c3-0042', number: '20261120-PARNT', text: '村口道路塌陷，多人反映' });
    const d = staffDetail({ reporter: { name: '王秀英', phone: '13800001111' }, mergeCandidates: [other], allowedActions: ['merge', 'decide_extension'], extension: { days: 3, reason: '需等待雨停施工', status: 'requested', requestedAt: '2026-11-26T01:00:00.000Z' } });
    const seen = openDemand(d, supervisor, { 'POST /admin/demands/{id}/actions': ok({ ...d, state: 'merged', parentId: other.id, allowedActions: [] }) });
    expect(await screen.findByText('王秀英')).toBeInTheDocument();
    expect(screen.getByText(/有1件相似诉求可并案/)).toBeInTheDocument();
    click('并案');
    click('20261120-PARNT：村口道路塌陷，多人反映');
    click('确认并案');
    await screen.findByText('已并案', { selector: '.case-ok-msg' });
    expect(posts(seen)[0]!.body).toEqual({ action: 'merge', version: 4, parentId: other.id });
  });
});

describe('代群众登记', () => {
  it('records the channel and the reporter, checked with the shared schema', async () => {
    staffIn();
    const seen = mockApi({
      'GET /admin/me': ok(as('agent', { regionCode: '511999101201' })),
      'GET /regions': ok({ regions }),
      'POST /admin/demands': { status: 201, body: staffDetail({ channel: 'household_visit' }) },
    });
    render(<Intake />);
    await screen.findByText('来源渠道');
    click('登记诉求');
    expect(await screen.findByRole('alert')).toHaveTextContent('请选择来源渠道');
    click('包联走访');
    click('求助');
    click('民政救助');
    type('反映内容', '独居老人冬季取暖困难，请求救助');
    fireEvent.input(screen.getByPlaceholderText('请输入姓名'), { target: { value: '张桂英' } });
    click('登记诉求');
    await waitFor(() => expect(taro.redirectTo).toHaveBeenCalledWith({ url: '/workbench/demand/index?id=d0a1b2c3-0001' }));
    expect(posts(seen)[0]!.body).toMatchObject({ channel: 'household_visit', type: 'help', domain: 'civil_affairs', grade: 'B', place: { regionCode: '511999101201' }, anonymous: false, reporter: { name: '张桂英' } });
  });
});
