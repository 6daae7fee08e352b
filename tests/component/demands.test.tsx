// Resident demands (诉求): filing (checked with the shared schema, the
// idempotency key reused on retry, the 咨询 knowledge-base step that closes a
// question on the spot), 我的诉求, the detail (department, first handler,
// deadline with its light or 待定, the reply with photos, the timeline, a
// merged demand following its parent) and the steps from allowedActions:
// evaluation (not solved → redo), information, reopening; elder mode.
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import FileDemand from '../../miniprogram/src/packages/demand/new';
import MyDemands from '../../miniprogram/src/packages/demand/mine';
import DemandDetailPage from '../../miniprogram/src/packages/demand/detail';
import Home from '../../miniprogram/src/pages/index/index';
import Mine from '../../miniprogram/src/pages/mine/index';
import { setToken } from '../../miniprogram/src/api/session';
import { ELDER_MODE_KEY, resetState } from '../../miniprogram/src/store/app';
import type { DemandDetail } from '../../shared/schemas/demands';
import { mockApi, ok, type Reply, type SeenRequest } from './support/api';
import { demand, demandClock, ev, knowledge, replied, summary } from './support/demands';
import { me, regions } from './support/fixtures';
import * as taro from './support/taro';

const signedIn = () => setToken('resident', 'tok', new Date(Date.now() + 3600_000).toISOString());
const posts = (seen: SeenRequest[], path?: string) => seen.filter((r) => r.method === 'POST' && (!path || r.path === path));
const textarea = (label: string) => screen.getByLabelText(label).querySelector('textarea') ?? screen.getByLabelText(label);
const type = (label: string, value: string) => fireEvent.input(textarea(label), { target: { value } });
const click = (name: string) => fireEvent.click(screen.getByRole('button', { name }));

function openForm(routes: Record<string, Reply | ((r: SeenRequest) => Reply)> = {}) {
  signedIn();
  const seen = mockApi({ 'GET /me': ok(me), 'GET /regions': ok({ regions }), ...routes });
  render(<FileDemand />);
  return seen;
}

describe('filing a demand', () => {
  it('sends type, domain, text, own village and 对部门匿名; a retry after a lost answer reuses the idempotency key', async () => {
    let attempt = 0;
    const seen = openForm({ 'POST /demands': () => (++attempt === 1 ? 'network-error' : { status: 201, body: demand }) });
    await screen.findByText('地点（默认本村）');
    expect(screen.getByText('城关镇 / 石桥村')).toBeInTheDocument(); // the resident's own village
    click('投诉');
    click('道路交通');
    type('反映内容', '石桥村口的路面塌了一个大坑，晚上有人摔倒。');
    const anon = screen.getByRole('switch', { name: '对部门匿名' });
    expect(screen.getByText(/承办部门看不到您的姓名和电话/)).toBeInTheDocument();
    fireEvent.click(anon);
    click('提交');
    expect(await screen.findByRole('alert')).toHaveTextContent('网络不给力');
    click('提交');
    await waitFor(() => expect(taro.redirectTo).toHaveBeenCalledWith({ url: `/packages/demand/detail?id=${demand.id}` }));
    const sent = posts(seen, '/demands');
    expect(sent).toHaveLength(2);
    expect(sent[0]!.body).toEqual(sent[1]!.body);
    expect(sent[0]!.body).toMatchObject({ type: 'complaint', domain: 'roads', anonymous: true, place: { regionCode: '511999101201' }, photos: [] });
    expect((sent[0]!.body as { idempotencyKey: string }).idempotencyKey).toMatch(/^[A-Za-z0-9]{16}$/);
  });

  it('says what is missing with the schema the server parses, and sends nothing', async () => {
    const seen = openForm();
    await screen.findByText('地点（默认本村）');
    click('提交');
    expect(await screen.findByRole('alert')).toHaveTextContent('请选择诉求类型');
    click('求助');
    click('民政救助');
    type('反映内容', '太短');
    click('提交');
    expect(await screen.findByRole('alert')).toHaveTextContent('请把诉求写清楚（至少5个字）');
    expect(posts(seen)).toHaveLength(0);
  });

  it('a 咨询 looks at the knowledge base first: "是，已解答" closes it on the spot', async () => {
    const seen = openForm({
      'GET /knowledge': ok({ answers: [knowledge], services: [] }),
      'POST /demands/consult-answered': { status: 201, body: { ...demand, type: 'consult', state: 'closed' } },
    });
    await screen.findByText('地点（默认本村）');
    click('咨询');
    click('民政救助');
    type('反映内容', '我家的低保什么时候复核，要不要自己去申请？');
    fireEvent.input(screen.getByPlaceholderText('如：低保、养老保险'), { target: { value: '低保' } });
    click('提交');
    expect(await screen.findByText('这解答了您的问题吗？')).toBeInTheDocument();
    expect(screen.getByText(`答：${knowledge.answer}`)).toBeInTheDocument();
    expect(seen.find((r) => r.path === '/knowledge')?.query).toEqual({ q: '低保' });
    expect(posts(seen)).toHaveLength(0);
    click(`已解答：${knowledge.question}`);
    await waitFor(() => expect(taro.redirectTo).toHaveBeenCalled());
    const [answered] = posts(seen, '/demands/consult-answered');
    expect(answered!.body).toMatchObject({ domain: 'civil_affairs', answeredBy: { kind: 'knowledge', id: knowledge.id }, place: { regionCode: '511999101201' } });
    expect(posts(seen, '/demands')).toHaveLength(0);
  });

  it('a 咨询 nothing answered goes to a department: 没有解答，继续提交', async () => {
    const seen = openForm({ 'GET /knowledge': ok({ answers: [knowledge], services: [] }), 'POST /demands': { status: 201, body: demand } });
    await screen.findByText('地点（默认本村）');
    click('咨询');
    click('民政救助');
    type('反映内容', '低保金这个月为什么少发了一百元？');
    click('提交');
    // No keywords: the latest answers of the chosen domain.
    await screen.findByText('这解答了您的问题吗？');
    click('没有解答，继续提交');
    await waitFor(() => expect(posts(seen, '/demands')).toHaveLength(1));
    expect(posts(seen, '/demands')[0]!.body).toMatchObject({ type: 'consult', domain: 'civil_affairs' });
  });
});

describe('我的诉求', () => {
  it('lists status, department and light, asks for what is due, and loads more on scroll', async () => {
    signedIn();
    const first = [summary(replied()), summary(demand, { id: 'd0a1b2c3-0002', number: '20261120-AB12C', state: 'dispatched', handler: null, clock: demandClock({ light: 'red', remainingDays: -2 }) })];
    const seen = mockApi({
      'GET /demands': (req) =>
        ok(req.query.cursor ? { demands: [summary(demand, { id: 'd0a1b2c3-0003', number: '20261101-ZZ9', department: null, state: 'received', clock: demandClock({ startedAt: null, replyDueOn: null, light: 'green' }) })], nextCursor: null } : { demands: first, nextCursor: 'c1' }),
    });
    render(<MyDemands />);
    expect(await screen.findByText('诉求编号 20261123-K7P2X')).toBeInTheDocument();
    expect(screen.getByText('已答复')).toBeInTheDocument();
    expect(screen.getByText('请评价答复')).toBeInTheDocument();
    expect(screen.getByText('已超期2个工作日')).toBeInTheDocument();
    expect(screen.getAllByText('承办部门：县住房和城乡建设局')).toHaveLength(2);
    taro.__reachBottom();
    expect(await screen.findByText('承办部门：待派单')).toBeInTheDocument();
    expect(screen.getByText('答复期限 派单后开始计算')).toBeInTheDocument();
    expect(seen.filter((r) => r.path === '/demands').map((r) => r.query.cursor)).toEqual([undefined, 'c1']);
  });
});

function openDetail(d: DemandDetail, routes: Record<string, Reply | ((r: SeenRequest) => Reply)> = {}) {
  signedIn();
  taro.__setRouterParams({ id: d.id });
  const seen = mockApi({ 'GET /demands/{id}': ok(d), ...routes });
  const view = render(<DemandDetailPage />);
  return { seen, view };
}

describe('诉求详情', () => {
  it('shows the department, the first handler with the office phone, the deadline, the reply with photos and the timeline', async () => {
    openDetail(replied());
    expect(await screen.findByText('县住房和城乡建设局')).toBeInTheDocument();
    expect(screen.getByText('周建国')).toBeInTheDocument();
    expect(screen.getByLabelText('拨打首办责任人电话 0817-7221601')).toBeInTheDocument();
    expect(screen.getByText('2026年12月7日 星期一')).toBeInTheDocument();
    expect(screen.getByText(reply().text)).toBeInTheDocument();
    expect(screen.getByText('坑已填平，设置了警示牌')).toBeInTheDocument();
    expect(screen.getByLabelText('答复照片1')).toBeInTheDocument();
    expect(screen.getByLabelText('反映照片1')).toBeInTheDocument();
    expect(screen.getAllByRole('listitem').map((li) => li.querySelector('.timeline__action')?.textContent)).toEqual(['提交诉求', '派单', '签收', '答复']);
  });

  it('says 待定 when the deadline falls in a year whose calendar is unpublished', async () => {
    openDetail({ ...demand, clock: demandClock({ replyDueOn: null, remainingDays: null, usedDays: null, light: 'pending' }) });
    expect(await screen.findByText('待定（节假日安排未公布）')).toBeInTheDocument();
    expect(screen.getByText('期限待定：节假日安排未公布，公布后自动计算')).toBeInTheDocument();
  });

  it('evaluation: not solved and 不满意 sends it back for a redo, once, and says so', async () => {
    const after = { ...replied(), state: 'signed' as const, redone: true, allowedActions: [], clock: demandClock({ limitDays: 5 }), evaluations: [{ at: '2026-11-28T01:00:00.000Z', solved: false, satisfaction: 'dissatisfied' as const, comment: '坑又塌了', isDefault: false, final: false }] };
    const { seen } = openDetail(replied(), { 'POST /demands/{id}/evaluation': ok(after) });
    await screen.findByText('请评价本次答复');
    click('提交评价');
    expect(await screen.findByRole('alert')).toHaveTextContent('请回答问题是否解决');
    click('否');
    click('不满意');
    expect(screen.getByText(/提交后退回承办部门重办/)).toBeInTheDocument();
    type('意见（选填）', '坑又塌了');
    click('提交评价');
    expect(await screen.findByText('已退回承办部门重办，将在5个工作日内重新答复')).toBeInTheDocument();
    expect(posts(seen)[0]!.body).toEqual({ version: 4, solved: false, satisfaction: 'dissatisfied', comment: '坑又塌了' });
    expect(screen.queryByText('请评价本次答复')).not.toBeInTheDocument();
    expect(screen.getByText('第一次评价：未解决 · 不满意')).toBeInTheDocument();
  });

  it('the second evaluation is final', async () => {
    openDetail(replied({ redone: true }));
    await screen.findByText('请评价本次答复');
    expect(screen.getByText('这是最终评价，提交后诉求办结。')).toBeInTheDocument();
    click('否');
    click('不满意');
    expect(screen.queryByText(/提交后退回承办部门重办/)).not.toBeInTheDocument();
  });

  it('answers the request for information with the handler question shown', async () => {
    const asking = { ...demand, state: 'awaiting_resident' as const, allowedActions: ['provide_info' as const], events: [...demand.events, ev('request_info', '2026-11-25T02:00:00.000Z', '周建国', '请拍一张坑的近照')] };
    const { seen } = openDetail(asking, { 'POST /demands/{id}/info': ok({ ...asking, state: 'signed', allowedActions: [] }) });
    expect(await screen.findByText('请拍一张坑的近照', { selector: '.demand-text' })).toBeInTheDocument();
    type('补充内容', '坑在村口桥头东侧');
    click('提交补充');
    expect(await screen.findByText('已补充，承办部门继续办理')).toBeInTheDocument();
    expect(posts(seen)[0]!.body).toEqual({ version: 4, text: '坑在村口桥头东侧', photos: [] });
  });

  it('offers only what allowedActions says: a closed demand may be reopened, with a reason', async () => {
    const closed = { ...replied(), state: 'closed' as const, allowedActions: ['reopen' as const] };
    const { seen } = openDetail(closed, { 'POST /demands/{id}/reopen': { status: 409, body: { code: 'ILLEGAL_TRANSITION', message: '办结超过14天，不能重新打开，请重新提交诉求' } } });
    await screen.findByText('问题又出现了？');
    expect(screen.queryByText('请评价本次答复')).not.toBeInTheDocument();
    click('重新打开');
    type('重新打开的理由', '下雨后又塌了');
    click('确认重新打开');
    expect(await screen.findByText('办结超过14天，不能重新打开，请重新提交诉求')).toBeInTheDocument();
    expect(posts(seen)[0]!.body).toEqual({ version: 4, reason: '下雨后又塌了' });
    await waitFor(() => expect(seen.filter((r) => r.method === 'GET')).toHaveLength(2)); // reloaded
  });

  it('a merged demand shows the parent demand progress and reply', async () => {
    const parentReply = { ...reply(), text: '已统一修复村口道路。' };
    openDetail({
      ...demand,
      state: 'merged',
      parentId: 'd0a1b2c3-0009',
      parent: { id: 'd0a1b2c3-0009', number: '20261120-PARNT', state: 'replied', clock: demandClock({ light: 'done' }), reply: parentReply, events: [ev('reply', parentReply.at, '周建国', '答复：已统一修复村口道路。')] },
      allowedActions: ['evaluate'],
    });
    expect(await screen.findByText('已并案办理')).toBeInTheDocument();
    expect(screen.getByText(/编号 20261120-PARNT/)).toBeInTheDocument();
    expect(screen.getByText('已统一修复村口道路。')).toBeInTheDocument();
    expect(screen.getByText('并案后的办理进度')).toBeInTheDocument();
    expect(screen.getByText('这是最终评价，提交后诉求办结。')).toBeInTheDocument();
  });
});

describe('elder mode and the entries', () => {
  it('我要反映 is on 首页 and 我的, and every demand page grows with elder mode', async () => {
    taro.setStorageSync(ELDER_MODE_KEY, true);
    resetState();
    mockApi({ 'GET /regions': ok({ regions }) });
    process.env.TARO_ENV = 'h5'; // 我的 waits for a tap to sign in
    const home = render(<Home />);
    fireEvent.click(screen.getByText('我要反映'));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/demand/new' });
    home.unmount();
    const mine = render(<Mine />);
    expect(mine.container.querySelector('.page')).toHaveClass('elder');
    click('我要反映');
    fireEvent.click(screen.getByText('我的诉求'));
    expect(taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/demand/mine' });
    mine.unmount();
    delete process.env.TARO_ENV;

    for (const Page of [FileDemand, MyDemands, DemandDetailPage]) {
      signedIn();
      taro.__setRouterParams({ id: demand.id });
      mockApi({ 'GET /me': ok({ ...me, elderMode: true }), 'GET /regions': ok({ regions }), 'GET /demands': ok({ demands: [], nextCursor: null }), 'GET /demands/{id}': ok(demand) });
      const { container, unmount } = render(<Page />);
      await waitFor(() => expect(container.querySelector('.state--loading')).toBeNull());
      expect(container.querySelector('.page')).toHaveClass('elder');
      unmount();
    }
  });
});

function reply() {
  return replied().reply!;
}
