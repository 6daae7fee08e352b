// 包联 in the workbench: a contact recorded without signal stays on the phone
// (one entry, with its idempotency key and the time it happened), is sent when
// the signal returns, and is never sent twice; the list shows the lights.
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import HouseholdPage from '../../miniprogram/src/workbench/household/index';
import Households from '../../miniprogram/src/workbench/households/index';
import { SAVED_OFFLINE } from '../../miniprogram/src/workbench/households/contact-form';
import { sendQueuedContacts } from '../../miniprogram/src/workbench/households/outbox';
import { queuedContacts } from '../../miniprogram/src/utils/contact-outbox';
import { setToken } from '../../miniprogram/src/api/session';
import type { HouseholdSummary } from '../../shared/schemas/households';
import { mockApi, ok, type SeenRequest } from './support/api';
import * as taro from './support/taro';

const staffIn = () => setToken('staff', 'staff-tok', new Date(Date.now() + 3600_000).toISOString());
const click = (name: string) => fireEvent.click(screen.getByRole('button', { name }));

const household: HouseholdSummary = {
  id: 'hh-baiyan-003-01', headName: '王德贵', regionCode: '511999103202003', regionName: '白岩村三组',
  members: [{ name: '王德贵', relation: '户主', age: 68, note: null }, { name: '刘秀珍', relation: '妻子', age: 66, note: '腿脚不便' }],
  tags: ['left_behind', 'elderly'], mustVisit: true, cadreUsername: 'agent-yang', lastContact: null, light: 'overdue', version: 1,
};
const contactOf = (body: { kind: string; occasion: string; contactedAt: string }) => ({
  id: 'c1', householdId: household.id, cadreUsername: 'agent-yang', cadreName: '杨德明', kind: body.kind, occasion: body.occasion, note: null, at: body.contactedAt, demand: null,
});

beforeEach(() => {
  staffIn();
  taro.__setRouterParams({ id: household.id });
});

describe('recording a contact without signal', () => {
  it('keeps it on the phone, sends it when the signal returns, and never twice', async () => {
    let online = false;
    const seen: SeenRequest[] = mockApi({
      'GET /admin/households/{id}': ok({ household, contacts: [] }),
      'POST /admin/households/{id}/contacts': (req) => {
        if (!online) return 'network-error';
        const body = req.body as { kind: string; occasion: string; contactedAt: string };
        return { status: 201, body: { contact: contactOf(body), household: { ...household, light: 'done', lastContact: { at: body.contactedAt, kind: body.kind, occasion: body.occasion } } } };
      },
    });
    render(<HouseholdPage />);
    await screen.findByText('王德贵户');
    click('走访');
    click('五必访');
    fireEvent.input(screen.getByLabelText('民情日记'), { target: { value: '老两口身体还好，孙子在镇上读书' } });
    click('记录本次联系');
    expect(await screen.findByText(SAVED_OFFLINE)).toBeTruthy();

    const posts = () => seen.filter((r) => r.method === 'POST');
    expect(posts()).toHaveLength(1);
    const queued = queuedContacts();
    expect(queued).toHaveLength(1);
    const key = queued[0]!.body.idempotencyKey;
    expect(queued[0]!.body).toMatchObject({ kind: 'visit', occasion: 'must_visit', note: '老两口身体还好，孙子在镇上读书' });
    expect(queued[0]!.body.contactedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(await screen.findByText('手机上有 1 条联系记录待发送')).toBeTruthy();
    // The form is empty again: the contact is no longer a draft but a queued send.
    expect((screen.getByLabelText('民情日记') as HTMLTextAreaElement).value ?? '').toBe('');

    // Still no signal: 立即发送 tries once more and keeps it.
    click('立即发送');
    await waitFor(() => expect(posts()).toHaveLength(2));
    expect(queuedContacts()).toHaveLength(1);

    // The signal is back: sent once, with the same key and the time it happened.
    online = true;
    click('立即发送');
    await screen.findByText('已发送 1 条');
    expect(queuedContacts()).toHaveLength(0);
    const sent = posts().slice(1).map((r) => r.body as { idempotencyKey: string; contactedAt: string });
    expect(new Set(sent.map((b) => b.idempotencyKey))).toEqual(new Set([key]));
    expect(new Set(sent.map((b) => b.contactedAt)).size).toBe(1);
    const before = posts().length;
    expect(posts()[before - 1]!.path).toBe(`/admin/households/${household.id}/contacts`);
    // Nothing left to send: another flush (a showing, the network event) sends nothing.
    await expect(sendQueuedContacts()).resolves.toEqual({ sent: 0, left: 0 });
    expect(posts()).toHaveLength(before);
  });

  it('with signal it is recorded at once and the diary reloads', async () => {
    let recorded = false;
    const seen = mockApi({
      'GET /admin/households/{id}': () => ok({ household: recorded ? { ...household, light: 'done' } : household, contacts: [] }),
      'POST /admin/households/{id}/contacts': (req) => {
        recorded = true;
        const body = req.body as { kind: string; occasion: string; contactedAt: string };
        return { status: 201, body: { contact: contactOf(body), household } };
      },
    });
    render(<HouseholdPage />);
    await screen.findByText('王德贵户');
    click('电话');
    click('每月例行联系');
    click('记录本次联系');
    expect(await screen.findByText('已记录')).toBeTruthy();
    expect(queuedContacts()).toHaveLength(0);
    await waitFor(() => expect(seen.filter((r) => r.method === 'GET')).toHaveLength(2));
  });

  it('an incomplete form is refused before anything is kept', async () => {
    mockApi({ 'GET /admin/households/{id}': ok({ household, contacts: [] }) });
    render(<HouseholdPage />);
    await screen.findByText('王德贵户');
    click('记录本次联系');
    expect(await screen.findByText('请选择联系方式：走访、电话或微信')).toBeTruthy();
    expect(queuedContacts()).toHaveLength(0);
  });
});

describe('我的包联户', () => {
  it('lists the households overdue first, with the month’s tallies', async () => {
    mockApi({
      'GET /admin/households': ok({
        households: [{ ...household, id: 'a', headName: '张三', light: 'done' }, { ...household, id: 'b', headName: '李四', light: 'overdue' }],
        counts: { done: 1, due: 0, overdue: 1 }, nextCursor: null,
      }),
    });
    render(<Households />);
    await screen.findByText('李四户');
    const names = screen.getAllByText(/户$/).map((e) => e.textContent);
    expect(names).toEqual(['新增包联户', '李四户', '张三户']);
    fireEvent.click(screen.getByText('李四户'));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/workbench/household/index?id=b' });
  });
});

describe('编辑 a household', () => {
  const yang = { username: 'agent-yang', name: '杨德明', role: 'agent', departmentId: null, departmentName: null, regionCode: '511999103202', regionName: '白岩村', phone: null, duties: '' };
  const regions = [
    { code: '511999', name: '青山县', level: 'county', parentCode: null },
    { code: '511999103', name: '高滩镇', level: 'town', parentCode: '511999' },
    { code: '511999103202', name: '白岩村', level: 'village', parentCode: '511999103' },
    { code: '511999103202003', name: '三组', level: 'group', parentCode: '511999103202' },
  ];

  it('adds a member and a tag, sends the version it read; a member removed is gone from the body', async () => {
    const { default: EditPage } = await import('../../miniprogram/src/workbench/household/edit');
    const seen = mockApi({
      'GET /admin/me': ok(yang), 'GET /regions': ok({ regions }),
      'GET /admin/households/{id}': ok({ household, contacts: [], allowed: ['edit'] }),
      'PUT /admin/households/{id}': (req) => ({ status: 200, body: { ...household, ...(req.body as object), version: 2 } }),
    });
    render(<EditPage />);
    await screen.findByText('编辑 王德贵户');
    expect(screen.queryByLabelText('包联干部账号')).toBeNull();
    expect(screen.queryByText('迁出/注销')).toBeNull();
    click('删除刘秀珍');
    click('添加成员');
    fireEvent.input(screen.getByLabelText('第2位成员姓名'), { target: { value: '王浩' } });
    fireEvent.input(screen.getByLabelText('第2位成员关系'), { target: { value: '孙子' } });
    fireEvent.input(screen.getByLabelText('第2位成员年龄'), { target: { value: '10' } });
    click('残疾人');
    click('保存');
    await waitFor(() => expect(seen.some((r) => r.method === 'PUT')).toBe(true));
    const body = seen.find((r) => r.method === 'PUT')!.body as { version: number; members: { name: string; age: number | null }[]; tags: string[] };
    expect(body.version).toBe(1);
    expect(body.members.map((m) => [m.name, m.age])).toEqual([['王德贵', 68], ['王浩', 10]]);
    expect(body.tags).toEqual(['left_behind', 'elderly', 'disabled']);
  });

  it('改派: the town desk picks another cadre of the household’s town by name, and the body carries that cadre', async () => {
    const { default: EditPage } = await import('../../miniprogram/src/workbench/household/edit');
    const townClerk = { ...yang, username: 'town-gaotan', name: '高滩镇便民服务中心', role: 'clerk', regionCode: '511999103', regionName: '高滩镇' };
    const row = (code: string, name: string, townCode: string) => ({
      level: 'cadre', code, name, townCode, households: 80, contacted: 40, overdue: 0, mustVisitHouseholds: 5, mustVisitVisited: 2, eventsAttended: 0,
      demandsRaised: 0, demandsResolved: 0, noContactReports: 0, rate: 0.5, flags: [],
    });
    const seen = mockApi({
      'GET /admin/me': ok(townClerk), 'GET /regions': ok({ regions }),
      'GET /admin/households/{id}': ok({ household, contacts: [], allowed: ['edit', 'reassign'] }),
      'GET /admin/coverage': ok({ month: '2026-12', monthEnded: false, noContactReports: [], rows: [row('agent-yang', '杨德明', '511999103'), row('agent-luo', '罗红', '511999103'), row('agent-xu', '徐国平', '511999102')] }),
      'PUT /admin/households/{id}': (req) => ({ status: 200, body: { ...household, ...(req.body as object), version: 2 } }),
    });
    render(<EditPage />);
    await screen.findByText('罗红');
    // Another town's cadre is not offered.
    expect(screen.queryByText('徐国平')).toBeNull();
    click('罗红');
    click('保存');
    await waitFor(() => expect(seen.some((r) => r.method === 'PUT')).toBe(true));
    expect((seen.find((r) => r.method === 'PUT')!.body as { cadreUsername?: string }).cadreUsername).toBe('agent-luo');
  });
});
