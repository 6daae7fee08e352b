// Workbench AB岗: a head chooses the day (today or a working day the server
// offers), marks a clerk absent for it, and withdraws an upcoming absence with
// 取消 after confirming; the queue marks an absent colleague's cases 代岗（替X）.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Posts from '../../miniprogram/src/workbench/posts/index';
import Queue from '../../miniprogram/src/workbench/queue/index';
import { setToken } from '../../miniprogram/src/api/session';
import { ELDER_MODE_KEY, resetState } from '../../miniprogram/src/store/app';
import { addDays, todayShanghai } from '../../miniprogram/src/utils/dates';
import { formatDayShort } from '../../miniprogram/src/workbench/day-chips';
import type { AbsencesResponse, Post } from '../../shared/schemas/posts';
import { mockApi, ok, type SeenRequest } from './support/api';
import { application, summary } from './support/applications';
import * as taro from './support/taro';

const today = todayShanghai();
const later = addDays(today, 3);
const staffIn = () => setToken('staff', 'staff-tok', new Date(Date.now() + 3600_000).toISOString());

const post = (over: Partial<Post>): Post => ({
  username: 'clerk-mz', name: '赵丽', departmentId: 'civil-affairs', backup: { username: 'clerk-mz2', name: '钱芳' }, absence: null,
  servedBy: { username: 'clerk-mz', name: '赵丽' }, via: 'self', label: '赵丽在岗', mayManage: true, ...over,
});
const qian = post({ username: 'clerk-mz2', name: '钱芳', backup: { username: 'clerk-mz', name: '赵丽' }, servedBy: { username: 'clerk-mz2', name: '钱芳' }, label: '钱芳在岗' });
const absences = (list: AbsencesResponse['absences'] = []): AbsencesResponse => ({ regionCode: '511999', today, days: [today, addDays(today, 1), later], absences: list });
const away = { username: 'clerk-mz2', name: '钱芳', departmentId: 'civil-affairs', date: later, reason: '年休假', markedBy: 'mz-chen', markedAt: '2026-03-01T01:00:00Z', version: 3, mayManage: true };
const sent = (seen: SeenRequest[]) => seen.filter((r) => r.method === 'POST');

beforeEach(staffIn);

describe('workbench: AB岗 on a chosen day', () => {
  it('shows today first; choosing a later day loads its posts and marks the absence for that day', async () => {
    const seen = mockApi({
      'GET /admin/posts': (req) => ok({ date: req.query.date, regionCode: '511999', posts: [post({}), qian] }),
      'GET /admin/absences': ok(absences()),
      'POST /admin/staff/{username}/absences': { status: 201, body: post({ via: 'backup', label: '钱芳代岗（B岗），赵丽今日不在岗', absence: { ...away, username: 'clerk-mz', version: 1 } }) },
    });
    render(<Posts />);
    expect(await screen.findByText('今天窗口在岗情况：A岗不在时由B岗代岗，B岗也不在时由部门负责人代岗')).toBeInTheDocument();
    expect(within(screen.getByLabelText('选择日期')).getByText('今天')).toHaveAttribute('aria-pressed', 'true');
    fireEvent.click(await screen.findByText(formatDayShort(later)));
    const [mark] = await screen.findAllByRole('button', { name: `登记${formatDayShort(later)}不在岗` });
    expect(seen.filter((r) => r.path === '/admin/posts').map((r) => r.query.date)).toEqual([today, later]);
    fireEvent.click(mark!);
    expect(await screen.findByText(`已登记赵丽${formatDayShort(later)}不在岗：钱芳代岗（B岗），赵丽今日不在岗`)).toBeInTheDocument();
    expect(sent(seen)[0]).toMatchObject({ path: '/admin/staff/clerk-mz/absences', body: { date: later } });
  });

  it('lists upcoming absences; 取消 asks first, then withdraws with the version seen and reloads both lists', async () => {
    const other = { ...away, username: 'clerk-rs', name: '孙海燕', departmentId: 'human-resources', date: addDays(today, 1), reason: null, mayManage: false };
    const seen = mockApi({
      'GET /admin/posts': (req) => ok({ date: req.query.date, regionCode: '511999', posts: [post({})] }),
      'GET /admin/absences': ok(absences([other, away])),
      'POST /admin/staff/{username}/absences/{date}/cancel': ok(qian),
    });
    render(<Posts />);
    const mine = await screen.findByLabelText(`${formatDayShort(later)} 钱芳`);
    expect(within(mine).getByText('钱芳（年休假）')).toBeInTheDocument();
    expect(within(screen.getByLabelText(`${formatDayShort(addDays(today, 1))} 孙海燕`)).queryByRole('button')).toBeNull();
    fireEvent.click(within(mine).getByRole('button', { name: '取消' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(`撤销钱芳${formatDayShort(later)}的不在岗登记？撤销后该窗口由本人在岗。`)).toBeInTheDocument();
    fireEvent.click(within(dialog).getByRole('button', { name: '撤销登记' }));
    expect(await screen.findByText(`已撤销钱芳${formatDayShort(later)}的不在岗登记`)).toBeInTheDocument();
    expect(sent(seen)[0]).toMatchObject({ path: `/admin/staff/clerk-mz2/absences/${later}/cancel`, body: { version: 3 } });
    await waitFor(() => expect(seen.filter((r) => r.path === '/admin/absences')).toHaveLength(2));
  });

  it('a past or refused day shows the server’s reason; large-font mode reaches the page', async () => {
    taro.setStorageSync(ELDER_MODE_KEY, true);
    resetState();
    mockApi({
      'GET /admin/posts': (req) => ok({ date: req.query.date, regionCode: '511999', posts: [post({})] }),
      'GET /admin/absences': ok(absences()),
      'POST /admin/staff/{username}/absences': { status: 400, body: { code: 'BAD_REQUEST', message: '不能登记已经过去的日期', fields: { date: '不能登记已经过去的日期' } } },
    });
    const { container } = render(<Posts />);
    fireEvent.click(await screen.findByRole('button', { name: '登记今日不在岗' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('不能登记已经过去的日期');
    expect(container.querySelector('.page')).toHaveClass('elder');
    expect(screen.getAllByRole('button').every((b) => b.classList.contains('btn') || b.classList.contains('chip'))).toBe(true);
  });
});

describe('workbench: 部门办件 while covering a post', () => {
  it('marks the absent colleague’s cases 代岗（替赵丽）, and no others', async () => {
    const mine = summary(application, { id: 'app-0001-mine', caseNumber: 'QS-MZ-0001', coveringFor: null });
    const hers = summary(application, { id: 'app-0002-hers', caseNumber: 'QS-MZ-0002', coveringFor: '赵丽' });
    mockApi({ 'GET /admin/queue': ok({ applications: [hers, mine], nextCursor: null }) });
    const { container } = render(<Queue />);
    const card = (no: string) => container.querySelector(`[data-case="${no}"]`) as HTMLElement;
    await screen.findByText('办件编号 QS-MZ-0002');
    expect(within(card('QS-MZ-0002')).getByText('代岗（替赵丽）')).toHaveClass('badge');
    expect(within(card('QS-MZ-0001')).queryByText(/代岗/)).toBeNull();
  });
});
