// Workbench ratings (好差评整改): the entries on the staff home, the ticket
// lists by role, the ticket page (only the actions the server allows —
// computed here with the same rule, domain/access.ts — each posted with the
// ticket's version; the follow-up call; appeals and the supervisor's
// decision; 409s) and the supervisor's satisfaction dashboard.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Workbench from '../../miniprogram/src/workbench/index/index';
import Tickets from '../../miniprogram/src/workbench/tickets/index';
import TicketPage from '../../miniprogram/src/workbench/ticket/index';
import Dashboard from '../../miniprogram/src/workbench/satisfaction/index';
import { setToken } from '../../miniprogram/src/api/session';
import { rateText, addMonths } from '../../miniprogram/src/utils/tickets';
import { ticketSteps } from '../../functions/domain/access';
import { todayShanghai } from '../../miniprogram/src/utils/dates';
import type { StaffProfile } from '../../shared/schemas/auth';
import type { DashboardResponse, Satisfaction, Ticket, TicketDetail } from '../../shared/schemas/ratings';
import { mockApi, ok, type Handler, type Reply, type SeenRequest } from './support/api';
import { staffProfile } from './support/fixtures';
import * as taro from './support/taro';

const future = () => new Date(Date.now() + 3600_000).toISOString();
const staffIn = () => setToken('staff', 'staff-tok', future());
const posts = (seen: SeenRequest[]) => seen.filter((r) => r.method === 'POST');
const gets = (seen: SeenRequest[], path: string) => seen.filter((r) => r.method === 'GET' && r.path === path);
const as = (role: StaffProfile['role'], over: Partial<StaffProfile> = {}): StaffProfile => ({ ...staffProfile, role, ...over });

const head = as('dept_head', { username: 'mz-head', name: '李国华' });
const clerk = as('clerk', { username: 'clerk01', name: '陈静' });
const supervisor = as('supervisor', { username: 'dc01', name: '赵督查', departmentId: null, departmentName: null });

const ticket: Ticket = {
  id: 'tk-0001-abcd',
  targetType: 'application',
  reference: 'QS-MZ-0042',
  serviceName: '最低生活保障申请',
  departmentId: 'civil-affairs',
  departmentName: '县民政局',
  responsible: { username: 'clerk01', name: '陈静' },
  level: 1,
  reasons: ['extra_materials', 'repeat_visits'],
  comment: '让我跑了三趟，还要指南上没有的证明。',
  status: 'open',
  createdOn: '2026-11-20',
  dueOn: '2026-12-04',
  dueOnPending: false,
  overdue: false,
  verification: null,
  rectification: null,
  followUp: null,
  outcome: null,
  appeal: null,
  createdAt: '2026-11-20T01:30:00.000Z',
  updatedAt: '2026-11-20T01:30:00.000Z',
  version: 3,
};
const detail = (over: Partial<TicketDetail> = {}): TicketDetail => ({
  ...ticket,
  events: [
    { at: '2026-11-20T01:30:00.000Z', actor: '系统', action: 'open', note: '居民差评，转责任单位整改' },
    { at: '2026-11-20T03:05:00.000Z', actor: '居民', action: 'rating_changed', note: '居民修改了差评内容' },
  ],
  resident: { name: '王秀英', phone: '13812341111' },
  allowedActions: [],
  ...over,
});
const appealOf = (over: Partial<NonNullable<Ticket['appeal']>> = {}): NonNullable<Ticket['appeal']> => ({
  reason: '居民所述材料均为指南所列，评价有误',
  by: '陈静',
  at: '2026-11-21T02:00:00.000Z',
  decision: null,
  decisionNote: null,
  decidedBy: null,
  ...over,
});

/** The action buttons on the ticket page, in order. */
function actionButtons(): string[] {
  const title = screen.queryByText('整改操作');
  if (!title) return [];
  const card = title.closest('.card') as HTMLElement;
  return within(card)
    .getAllByRole('button')
    .map((b) => b.textContent ?? '');
}

function openTicket(t: TicketDetail, me: StaffProfile, routes: Record<string, Handler | Reply> = {}): SeenRequest[] {
  staffIn();
  taro.__setRouterParams({ id: t.id });
  // What the server sends this person: every ticket in a reply carries the actions the same rule allows them.
  const allow = (r: Handler | Reply): Handler => async (req) => {
    const reply = typeof r === 'function' ? await r(req) : r;
    if (reply === 'network-error' || !reply.body || typeof reply.body !== 'object' || !('status' in reply.body)) return reply;
    const body = reply.body as TicketDetail;
    // The server looks up the named person's role (a head's own ticket may go to the supervisor).
    const responsible = body.responsible && { ...body.responsible, role: body.responsible.username === head.username ? head.role : ('clerk' as const) };
    return { ...reply, body: { ...body, allowedActions: ticketSteps(me, { ...body, responsible }) } };
  };
  const seen = mockApi({
    'GET /admin/me': ok(me),
    ...Object.fromEntries(Object.entries({ 'GET /admin/tickets/{id}': ok(t), ...routes }).map(([k, r]) => [k, k.includes('/admin/tickets/{id}') ? allow(r) : r])),
  });
  render(<TicketPage />);
  return seen;
}

describe('display helpers', () => {
  it('rates to one decimal, null as 暂无评价; months roll over the year', () => {
    expect(rateText(0.8)).toBe('80.0%');
    expect(rateText(0.7466)).toBe('74.7%');
    expect(rateText(1)).toBe('100.0%');
    expect(rateText(null)).toBe('暂无评价');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2026-12', 1)).toBe('2027-01');
  });
});

// ---------------------------------------------------------------- home

describe('workbench home: rating entries by role', () => {
  it.each([
    ['clerk', true, false],
    ['dept_head', true, true],
    ['supervisor', true, true],
    ['admin', true, true],
    ['agent', false, false],
  ] as const)('%s: 差评整改 %s, 满意度看板 %s', async (role, tickets, board) => {
    staffIn();
    mockApi({ 'GET /admin/me': ok(as(role)) });
    const { container } = render(<Workbench />);
    await screen.findByText('陈静');
    const cells = Array.from(container.querySelectorAll('.cell__label')).map((c) => c.textContent);
    expect(cells.includes('差评整改')).toBe(tickets);
    expect(cells.includes('满意度看板')).toBe(board);
    if (tickets) {
      fireEvent.click(screen.getByRole('link', { name: /差评整改/ }));
      expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/workbench/tickets/index' });
    }
    if (board) {
      fireEvent.click(screen.getByRole('link', { name: /满意度看板/ }));
      expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/workbench/satisfaction/index' });
    }
  });
});

// ---------------------------------------------------------------- lists

describe('workbench: 差评整改 list', () => {
  const late: Ticket = { ...ticket, id: 'tk-0002-late', reference: 'QS-MZ-0040', status: 'verified', dueOn: '2026-11-10', overdue: true, level: 2, reasons: ['attitude'] };
  const pending: Ticket = { ...ticket, id: 'tk-0003-pend', reference: 'QSYY-7K2P', targetType: 'appointment', dueOn: null, dueOnPending: true, responsible: null, reasons: [] };

  it('a department head sees 待处理 first, each row complete, 已超期 in red, 期限待定; 全部 reloads; a tap opens the ticket', async () => {
    staffIn();
    const seen = mockApi({
      'GET /admin/me': ok(head),
      'GET /admin/tickets': (req) => ok({ tickets: req.query.view === 'all' ? [late, ticket, pending, { ...ticket, id: 'tk-0004-done', status: 'closed' }] : [late, ticket, pending], nextCursor: null }),
    });
    const { container } = render(<Tickets />);
    await screen.findByText('办件编号 QS-MZ-0040');
    expect(gets(seen, '/admin/tickets')[0]?.query).toEqual({ view: 'open' });
    expect(gets(seen, '/admin/tickets')[0]?.auth).toBe('Bearer staff-tok');
    expect(screen.getByRole('button', { name: '待处理' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.queryByRole('button', { name: '超期' })).toBeNull();

    const cards = Array.from(container.querySelectorAll('.ticket-card')) as HTMLElement[];
    expect(cards).toHaveLength(3);
    const first = within(cards[0]!);
    expect(first.getByText('最低生活保障申请')).toBeInTheDocument();
    expect(first.getByText('不满意')).toBeInTheDocument();
    expect(first.getByText('服务态度差')).toBeInTheDocument();
    expect(first.getByText('已核实，整改中')).toBeInTheDocument();
    expect(first.getByText('整改期限 2026年11月10日 星期二')).toBeInTheDocument();
    expect(first.getByText('已超期')).toHaveClass('badge--red');
    expect(first.getByText('责任人：陈静')).toBeInTheDocument();
    expect(cards[0]).toHaveClass('ticket-card--overdue');

    const second = within(cards[1]!);
    expect(second.getByText('非常不满意')).toBeInTheDocument();
    expect(second.getByText('要求指南外材料、多次跑腿')).toBeInTheDocument();
    expect(second.getByText('待核实')).toBeInTheDocument();
    expect(second.queryByText('已超期')).toBeNull();

    const third = within(cards[2]!);
    expect(third.getByText('预约码 QSYY-7K2P')).toBeInTheDocument();
    // The server says why there is no date: the calendar of its year is not published.
    expect(third.getByText('整改期限 待定（节假日安排未公布）')).toBeInTheDocument();
    expect(third.getByText('责任人：未确定')).toBeInTheDocument();
    expect(screen.getByText('共3件 · 超期1件 · 县民政局')).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: '全部' }));
    await screen.findByText('已办结（结果已公开）');
    expect(gets(seen, '/admin/tickets')[1]?.query).toEqual({ view: 'all' });

    fireEvent.click(within(container.querySelectorAll('.ticket-card')[1] as HTMLElement).getByRole('link'));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/workbench/ticket/index?id=tk-0001-abcd' });
  });

  it('a supervisor starts with 超期 across departments, can filter by department and switch to 申诉待裁定', async () => {
    staffIn();
    const other: Ticket = { ...late, id: 'tk-0005-gaxx', departmentId: 'public-security', departmentName: '县公安局', serviceName: '居民身份证换领' };
    const seen = mockApi({
      'GET /admin/me': ok(supervisor),
      'GET /admin/tickets': (req) => ok({ tickets: req.query.view === 'appealed' ? [{ ...ticket, status: 'appealed', appeal: appealOf() }] : [late, other], nextCursor: null }),
    });
    const { container } = render(<Tickets />);
    await screen.findByText('居民身份证换领');
    expect(gets(seen, '/admin/tickets')[0]?.query).toEqual({ view: 'overdue' });
    expect(screen.getByRole('button', { name: '超期' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByText('责任部门：县公安局')).toBeInTheDocument();
    expect(screen.getByText('共2件 · 超期2件')).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: '县公安局' }));
    expect(container.querySelectorAll('.ticket-card')).toHaveLength(1);
    expect(screen.queryByText('责任部门：县民政局')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '全部部门' }));
    expect(container.querySelectorAll('.ticket-card')).toHaveLength(2);

    fireEvent.click(screen.getByRole('button', { name: '申诉待裁定' }));
    await screen.findByText('申诉中');
    expect(gets(seen, '/admin/tickets')[1]?.query).toEqual({ view: 'appealed' });
  });

  it('opens the view and department it is given (from the dashboard); says when there is nothing', async () => {
    staffIn();
    taro.__setRouterParams({ view: 'appealed', departmentId: 'civil-affairs' });
    const seen = mockApi({ 'GET /admin/me': ok(supervisor), 'GET /admin/tickets': ok({ tickets: [], nextCursor: null }) });
    render(<Tickets />);
    expect(await screen.findByText('没有待裁定的申诉')).toBeInTheDocument();
    expect(gets(seen, '/admin/tickets')[0]?.query).toEqual({ view: 'appealed', departmentId: 'civil-affairs' });
  });
});

// ---------------------------------------------------------------- the ticket

describe('workbench: 整改单', () => {
  it('shows the review, the resident to call back, the deadline and the timeline in Shanghai time', async () => {
    openTicket(detail(), head);
    await screen.findByText('居民评价');
    expect(screen.getByText('让我跑了三趟，还要指南上没有的证明。')).toBeInTheDocument();
    expect(screen.getByText('要求指南外材料、多次跑腿')).toBeInTheDocument();
    expect(screen.getByText('非常不满意')).toBeInTheDocument();
    expect(screen.getByText('2026年12月4日 星期五')).toBeInTheDocument();
    expect(screen.getByText('王秀英')).toBeInTheDocument();
    const timeline = within(screen.getByText('处理记录').closest('.card') as HTMLElement);
    expect(timeline.getAllByRole('listitem').map((li) => li.querySelector('.timeline__action')?.textContent)).toEqual(['差评转整改', '居民修改了差评']);
    expect(timeline.getByText('11月20日 09:30')).toBeInTheDocument();
    expect(timeline.getByText('11月20日 11:05')).toBeInTheDocument();
    expect(timeline.getByText('居民差评，转责任单位整改')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('link', { name: '拨打居民电话 13812341111' }));
    expect(taro.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '13812341111' });
  });

  it('the head sees 核实情况 (and 申诉) on an open ticket; only 核实情况 once an appeal was dismissed; posting sends {action, version, note}', async () => {
    const dismissed = detail({ appeal: appealOf({ decision: 'dismissed', decisionNote: '材料确属指南外，申诉不成立', decidedBy: '赵督查' }), version: 5 });
    const seen = openTicket(dismissed, head, {
      'POST /admin/tickets/{id}/actions': ok(detail({ ...dismissed, status: 'verified', verification: '经核实，窗口要求了指南外的收入证明', version: 6 })),
    });
    await screen.findByText('整改操作');
    await waitFor(() => expect(actionButtons()).toEqual(['核实情况']));
    expect(screen.getByText('申诉不成立（继续整改）')).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: '核实情况' }));
    const note = screen.getByLabelText('核实情况');
    fireEvent.change(note, { target: { value: '好' } });
    fireEvent.click(screen.getByRole('button', { name: '提交核实情况' }));
    expect(screen.getByRole('alert')).toHaveTextContent('请填写说明（至少2个字）');
    expect(posts(seen)).toHaveLength(0);

    fireEvent.change(note, { target: { value: '  经核实，窗口要求了指南外的收入证明  ' } });
    fireEvent.click(screen.getByRole('button', { name: '提交核实情况' }));
    expect(await screen.findByText('已提交核实情况')).toBeInTheDocument();
    expect(posts(seen)).toHaveLength(1);
    expect(posts(seen)[0]?.path).toBe('/admin/tickets/tk-0001-abcd/actions');
    expect(posts(seen)[0]?.body).toEqual({ action: 'verify', version: 5, note: '经核实，窗口要求了指南外的收入证明' });
    expect(screen.getByText('已核实，整改中')).toBeInTheDocument();
    await waitFor(() => expect(actionButtons()).toEqual(['整改落实']));
  });

  it('a fresh open ticket offers the head 核实情况 and 申诉', async () => {
    openTicket(detail(), head);
    await screen.findByText('整改操作');
    await waitFor(() => expect(actionButtons()).toEqual(['核实情况', '申诉']));
  });

  it('the follow-up form sends whether the resident was reached and, when reached, their view', async () => {
    const rectified = detail({ status: 'rectified', verification: '属实', rectification: '已删除指南外材料要求，窗口人员培训', version: 8 });
    const seen = openTicket(rectified, head, {
      'POST /admin/tickets/{id}/actions': ok(
        detail({ ...rectified, status: 'followed_up', followUp: { at: '2026-11-25T06:00:00.000Z', reached: false, residentView: null, note: '两次未接通，短信告知' }, version: 9 }),
      ),
    });
    await screen.findByText('整改操作');
    await waitFor(() => expect(actionButtons()).toEqual(['电话回访']));
    fireEvent.click(screen.getByRole('button', { name: '电话回访' }));
    const reached = screen.getByRole('switch', { name: '是否联系上' });
    expect(reached).toHaveAttribute('aria-checked', 'true');
    fireEvent.change(screen.getByLabelText('回访记录'), { target: { value: '两次未接通，短信告知' } });
    fireEvent.click(screen.getByRole('button', { name: '提交回访记录' }));
    expect(screen.getByRole('alert')).toHaveTextContent('请选择居民意见');
    expect(posts(seen)).toHaveLength(0);

    // Not reached: there is no view to record.
    fireEvent.click(reached);
    expect(reached).toHaveAttribute('aria-checked', 'false');
    expect(screen.queryByRole('button', { name: '基本满意' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '提交回访记录' }));
    expect(await screen.findByText('已记录回访')).toBeInTheDocument();
    expect(posts(seen)[0]?.body).toEqual({ action: 'follow_up', version: 8, note: '两次未接通，短信告知', followUp: { reached: false, residentView: null } });
    expect(screen.getByText('未联系上')).toBeInTheDocument();
    expect(screen.getByText('未能了解')).toBeInTheDocument();
    await waitFor(() => expect(actionButtons()).toEqual(['公开整改结果']));
  });

  it('publishing says the note is public and sends it as the outcome', async () => {
    const followed = detail({ status: 'followed_up', version: 10 });
    const seen = openTicket(followed, head, {
      'POST /admin/tickets/{id}/actions': ok(detail({ ...followed, status: 'closed', outcome: '已取消指南外材料要求，对窗口人员批评教育', version: 11 })),
    });
    await screen.findByText('整改操作');
    await waitFor(() => expect(actionButtons()).toEqual(['公开整改结果']));
    fireEvent.click(screen.getByRole('button', { name: '公开整改结果' }));
    expect(screen.getByText('提交后，整改结果将向评价的居民和社会公开。')).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('公开的整改结果'), { target: { value: '已取消指南外材料要求，对窗口人员批评教育' } });
    fireEvent.click(screen.getByRole('button', { name: '确认公开' }));
    expect(await screen.findByText('整改结果已公开')).toBeInTheDocument();
    expect(posts(seen)[0]?.body).toEqual({ action: 'publish', version: 10, note: '已取消指南外材料要求，对窗口人员批评教育' });
    expect(screen.getByText('整改结果（已公开）')).toBeInTheDocument();
    expect(screen.queryByText('整改操作')).toBeNull();
  });

  it('a clerk who is the responsible person sees 申诉 only, and appeals with a reason; no resident contact for a clerk', async () => {
    const clerkView = detail({ resident: null });
    const seen = openTicket(clerkView, clerk, {
      'POST /admin/tickets/{id}/actions': ok(detail({ ...clerkView, status: 'appealed', appeal: appealOf(), version: 4 })),
    });
    await screen.findByText('整改操作');
    await waitFor(() => expect(actionButtons()).toEqual(['申诉']));
    expect(screen.queryByText('回访居民')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '申诉' }));
    fireEvent.change(screen.getByLabelText('申诉理由'), { target: { value: '居民所述材料均为指南所列，评价有误' } });
    fireEvent.click(screen.getByRole('button', { name: '提交申诉' }));
    expect(await screen.findByText('已提交申诉，等待督查裁定')).toBeInTheDocument();
    expect(posts(seen)[0]?.body).toEqual({ action: 'appeal', version: 3, note: '居民所述材料均为指南所列，评价有误' });
    expect(screen.getByText('待督查裁定')).toBeInTheDocument();
    expect(screen.queryByText('整改操作')).toBeNull();
  });

  it('a clerk who is not responsible sees no actions', async () => {
    openTicket(detail({ resident: null }), as('clerk', { username: 'clerk02' }));
    await screen.findByText('居民评价');
    // The ticket alone says what this person may do: no second request for who is signed in.
    await waitFor(() => expect(taro.request).toHaveBeenCalledTimes(1));
    expect(screen.queryByText('整改操作')).toBeNull();
  });

  it('a department head the bad review names may only appeal: 核实、整改、公开 are someone else’s', async () => {
    const namesHead = detail({ responsible: { username: 'mz-head', name: '李国华' } });
    openTicket(namesHead, head);
    await screen.findByText('整改操作');
    await waitFor(() => expect(actionButtons()).toEqual(['申诉']));
  });

  it('the supervisor takes over a ticket that names the department head', async () => {
    openTicket(detail({ responsible: { username: 'mz-head', name: '李国华' } }), supervisor);
    await screen.findByText('整改操作');
    await waitFor(() => expect(actionButtons()).toEqual(['核实情况']));
  });

  it('a supervisor decides an appeal: 申诉成立 with a note', async () => {
    const appealed = detail({ status: 'appealed', appeal: appealOf(), version: 4 });
    const seen = openTicket(appealed, supervisor, {
      'POST /admin/tickets/{id}/appeal-decision': ok(
        detail({ ...appealed, status: 'voided', appeal: appealOf({ decision: 'upheld', decisionNote: '调阅材料清单，评价与事实不符', decidedBy: '赵督查' }), version: 5 }),
      ),
    });
    await screen.findByText('整改操作');
    await waitFor(() => expect(actionButtons()).toEqual(['裁定申诉']));
    expect(screen.getByText('居民所述材料均为指南所列，评价有误')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '裁定申诉' }));
    fireEvent.change(screen.getByLabelText('裁定说明'), { target: { value: '调阅材料清单，评价与事实不符' } });
    fireEvent.click(screen.getByRole('button', { name: '确认裁定' }));
    expect(screen.getByRole('alert')).toHaveTextContent('请选择裁定结果');
    fireEvent.click(screen.getByRole('button', { name: '申诉成立' }));
    fireEvent.click(screen.getByRole('button', { name: '确认裁定' }));
    expect(await screen.findByText('已裁定：申诉成立（评价不计入满意度）')).toBeInTheDocument();
    expect(posts(seen)).toHaveLength(1);
    expect(posts(seen)[0]?.path).toBe('/admin/tickets/tk-0001-abcd/appeal-decision');
    expect(posts(seen)[0]?.body).toEqual({ decision: 'upheld', version: 4, note: '调阅材料清单，评价与事实不符' });
    expect(screen.getByText('申诉成立，评价不计入')).toBeInTheDocument();
    expect(screen.queryByText('整改操作')).toBeNull();
  });

  it("a 409 shows the server's message and reloads the ticket", async () => {
    let n = 0;
    const now = detail({ status: 'verified', verification: '他人已核实', version: 4 });
    const seen = openTicket(detail(), head, {
      'GET /admin/tickets/{id}': () => ok(n++ === 0 ? detail() : now),
      'POST /admin/tickets/{id}/actions': { status: 409, body: { code: 'VERSION_CONFLICT', message: '整改单已被他人处理，请刷新后重试' } },
    });
    await screen.findByText('整改操作');
    await waitFor(() => expect(actionButtons()).toEqual(['核实情况', '申诉']));
    fireEvent.click(screen.getByRole('button', { name: '核实情况' }));
    fireEvent.change(screen.getByLabelText('核实情况'), { target: { value: '经核实属实' } });
    fireEvent.click(screen.getByRole('button', { name: '提交核实情况' }));
    expect(await screen.findByText('整改单已被他人处理，请刷新后重试')).toBeInTheDocument();
    expect(await screen.findByText('他人已核实')).toBeInTheDocument();
    expect(gets(seen, '/admin/tickets/tk-0001-abcd')).toHaveLength(2);
    await waitFor(() => expect(actionButtons()).toEqual(['整改落实', '申诉']));
    expect(screen.queryByLabelText('核实情况')).toBeNull();
  });

  it('a 400 stays in the form with the message', async () => {
    openTicket(detail(), head, {
      'POST /admin/tickets/{id}/actions': { status: 400, body: { code: 'VALIDATION', message: '请填写说明' } },
    });
    await screen.findByText('整改操作');
    await waitFor(() => expect(actionButtons()).toContain('核实情况'));
    fireEvent.click(screen.getByRole('button', { name: '核实情况' }));
    fireEvent.change(screen.getByLabelText('核实情况'), { target: { value: '经核实属实' } });
    fireEvent.click(screen.getByRole('button', { name: '提交核实情况' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('请填写说明');
    expect(screen.getByLabelText('核实情况')).toBeInTheDocument();
  });
});

// ---------------------------------------------------------------- dashboard

const sat = (levels: number[], over: Partial<Satisfaction> = {}): Satisfaction => {
  const total = levels.reduce((a, b) => a + b, 0);
  const ge = (k: number) => levels.slice(k - 1).reduce((a, b) => a + b, 0);
  return { total, levels, defaults: 0, satisfactionRate: total ? ge(3) / total : null, goodRate: total ? ge(4) / total : null, ...over };
};
const months = ['2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11'];
const board: DashboardResponse = {
  month: '2026-11',
  months,
  county: { id: 'county', name: '青山县', month: sat([1, 1, 2, 6, 10], { defaults: 4 }), year: sat([5, 5, 10, 60, 120]), trend: [0.9, 0.92, null, 0.88, 0.9, 0.9], flags: [] },
  departments: [
    { id: 'civil-affairs', name: '县民政局', month: sat([2, 1, 1, 2, 2]), year: sat([6, 4, 5, 10, 15]), trend: [0.8, 0.78, 0.75, 0.7, 0.72, 0.625], flags: ['summon', 'bottom3'] },
    { id: 'public-security', name: '县公安局', month: sat([0, 0, 1, 4, 5]), year: sat([0, 1, 5, 20, 30]), trend: [0.95, 1, 0.9, 0.96, 1, 1], flags: [] },
    { id: 'medical-insurance', name: '县医疗保障局', month: sat([0, 0, 0, 0, 0]), year: sat([0, 0, 0, 1, 1]), trend: [null, null, null, null, null, null], flags: [] },
  ],
  staff: [{ id: 'clerk01', name: '陈静', departmentName: '县民政局', month: sat([1, 1, 1, 1, 1]), year: sat([2, 2, 2, 2, 2]), trend: [0.8, 0.8, 0.8, 0.8, 0.8, 0.6], flags: ['summon', 'promotion_veto'] }],
  towns: [{ id: '511999103', name: '高滩镇', month: sat([0, 0, 1, 1, 3]), year: sat([0, 1, 2, 5, 10]), trend: [1, 1, 1, 0.9, 0.95, 1], flags: [] }],
  tickets: { open: 7, overdue: 2, appealed: 1 },
};

describe('workbench: 满意度看板', () => {
  it('defaults to this month in Shanghai and shows the county, counters, departments with flags and trends, cadres and towns', async () => {
    staffIn();
    const seen = mockApi({ 'GET /admin/satisfaction': ok(board) });
    const { container } = render(<Dashboard />);
    await screen.findByText('部门满意度');
    expect(seen[0]?.query).toEqual({ month: todayShanghai().slice(0, 7) });
    expect(seen[0]?.auth).toBe('Bearer staff-tok');

    const county = container.querySelector('.dash-county') as HTMLElement;
    expect(within(county).getByText('全县 · 2026年11月')).toBeInTheDocument();
    expect(within(county).getByText('90.0%')).toBeInTheDocument(); // 18 of 20 at level ≥ 3
    expect(within(county).getByText('80.0%')).toBeInTheDocument(); // 16 of 20 at level ≥ 4
    expect(within(county).getByText('非常满意 10条')).toBeInTheDocument();
    expect(within(county).getByText('非常不满意 1条')).toBeInTheDocument();
    expect(within(county).getByText('评价20条 · 默认评价4条（另计，不计入满意率）')).toBeInTheDocument();
    expect(within(county).getByLabelText('2026-08 满意率 暂无评价')).toBeInTheDocument();

    expect(screen.getByRole('link', { name: '超期2件' })).toHaveTextContent('2');
    expect(screen.getByRole('link', { name: '待整改7件' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '申诉1件' })).toBeInTheDocument();

    const rows = Array.from(container.querySelectorAll('.dash-row')) as HTMLElement[];
    expect(rows.slice(0, 3).map((r) => r.querySelector('.dash-row__name')?.textContent)).toEqual(['县民政局', '县公安局', '县医疗保障局']);
    const mz = within(rows[0]!);
    expect(mz.getByLabelText('县民政局 满意率 62.5%')).toHaveClass('dash-row__rate--low');
    expect(mz.getByText('好评率 50.0% · 评价8条')).toBeInTheDocument();
    expect(mz.getByText('满意率低于75%，约谈')).toBeInTheDocument();
    expect(mz.getByText('满意率倒数前三')).toBeInTheDocument();
    expect(mz.getByLabelText('2026-06 满意率 80.0%')).toBeInTheDocument();
    expect(mz.getByLabelText('2026-11 满意率 62.5%')).toBeInTheDocument();
    expect(mz.getAllByRole('listitem')).toHaveLength(6);
    expect(within(rows[1]!).getByLabelText('县公安局 满意率 100.0%')).not.toHaveClass('dash-row__rate--low');
    expect(within(rows[1]!).queryByText('满意率低于75%，约谈')).toBeNull();
    expect(within(rows[2]!).getByLabelText('县医疗保障局 满意率 暂无评价')).toBeInTheDocument();
    expect(within(rows[2]!).getByText('好评率 暂无评价 · 评价0条')).toBeInTheDocument();

    const cadre = within(rows[3]!);
    expect(cadre.getByText('陈静')).toBeInTheDocument();
    expect(cadre.getByText('县民政局')).toBeInTheDocument();
    expect(cadre.getByText('满意率低于75%，约谈')).toBeInTheDocument();
    expect(cadre.getByText('满意率低于80%，不得评优提拔')).toBeInTheDocument();
    expect(within(rows[4]!).getByText('高滩镇')).toBeInTheDocument();

    fireEvent.click(screen.getByRole('link', { name: '超期2件' }));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/workbench/tickets/index?view=overdue' });
    fireEvent.click(within(rows[0]!).getByRole('link'));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/workbench/tickets/index?departmentId=civil-affairs&view=open' });
  });

  it('takes ?month=, steps back a month, and shows a 403 as a message', async () => {
    staffIn();
    taro.__setRouterParams({ month: '2026-01' });
    const seen = mockApi({
      'GET /admin/satisfaction': (req) =>
        req.query.month === '2026-01' ? ok({ ...board, month: '2026-01', months: ['2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01'] }) : { status: 403, body: { code: 'FORBIDDEN', message: '没有权限查看满意度看板' } },
    });
    render(<Dashboard />);
    await screen.findByText('全县 · 2026年1月');
    expect(screen.getByText('2026年1月')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '上个月' }));
    expect(await screen.findByText('没有权限查看满意度看板')).toBeInTheDocument();
    expect(seen.map((r) => r.query.month)).toEqual(['2026-01', '2025-12']);
    expect(screen.getByText('2025年12月')).toBeInTheDocument();
  });

  it('cannot step past the current month', async () => {
    staffIn();
    const seen = mockApi({ 'GET /admin/satisfaction': ok(board) });
    render(<Dashboard />);
    await screen.findByText('部门满意度');
    const next = screen.getByRole('button', { name: '下个月' });
    expect(next).toHaveAttribute('disabled');
    fireEvent.click(next);
    await new Promise((r) => setTimeout(r, 0));
    expect(seen).toHaveLength(1);
  });
});
