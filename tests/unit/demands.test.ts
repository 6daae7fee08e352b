// Demands: the state machine, the clock with its real numbers, merge
// candidates and the counters. Dates: March 2025 has no holidays; 2025-03-03
// is a Monday.
import { createCalendar } from '../../functions/domain/calendar';
import {
  afterEvaluation, allowedDemandActions, autoResumeOn, checkStep, DEFAULT_DEMAND_LIMITS, demandClock, demandCounters,
  DEMAND_TRANSITIONS, DemandRuleError, evaluationDueOn, isMergeCandidate, limitDaysFor, redoLimitDays, suggestDepartment,
  type ClockFacts, type DemandFacts, type Located, type Viewer,
} from '../../functions/domain/demands';
import { DEMAND_ACTIONS, DEMAND_STATES } from '../../shared/schemas/demands';

const cal = createCalendar();
const at = (s: string) => new Date(`${s}+08:00`);
const iso = (s: string) => at(s).toISOString();

const facts = (over: Partial<DemandFacts> = {}): DemandFacts => ({
  type: 'complaint', state: 'dispatched', residentId: 'r1', departmentId: 'civil-affairs', binding: false, returnedBy: [],
  extension: null, redone: false, closedAt: null, evaluated: false, parentId: null, ...over,
});
const ctx = { now: at('2025-03-05T10:00:00'), overdue: false, parentState: 'replied' as const };

const clock = (over: Partial<ClockFacts> = {}): ClockFacts => ({
  state: 'signed', grade: 'B', clockStartedAt: iso('2025-03-03T10:00:00'), assignedAt: iso('2025-03-03T10:00:00'),
  limitDays: 10, phase: 'first', signedAt: iso('2025-03-03T15:00:00'), repliedAt: null, pauses: [], extension: null, ...over,
});

describe('the transition table', () => {
  test.each(DEMAND_ACTIONS.flatMap((a) => DEMAND_STATES.map((s) => [a, s] as const)))('%s from %s: legal exactly when the table says so', (action, state) => {
    // A context in which no guard objects: a consult (answer), a fresh extension request, one awaiting a decision …
    const d = facts({
      state, type: 'consult', closedAt: iso('2025-03-04T10:00:00'),
      extension: action === 'decide_extension' ? { status: 'requested' } : null,
    });
    const legal = DEMAND_TRANSITIONS[action].from.includes(state);
    if (legal) expect(() => checkStep(action, d, ctx)).not.toThrow();
    else expect(() => checkStep(action, d, ctx)).toThrow(/当前状态（.+）不能执行此操作/);
  });

  test('the path of a complaint: 受理 → 派单 → 签收 → 待补充 → 办理 → 答复 → 办结', () => {
    expect(DEMAND_TRANSITIONS.dispatch).toMatchObject({ from: ['received'], to: 'dispatched' });
    expect(DEMAND_TRANSITIONS.sign).toMatchObject({ from: ['dispatched'], to: 'signed' });
    expect(DEMAND_TRANSITIONS.request_info.to).toBe('awaiting_resident');
    expect(DEMAND_TRANSITIONS.provide_info.to).toBe('signed');
    expect(DEMAND_TRANSITIONS.reply).toMatchObject({ from: ['signed'], to: 'replied' });
    expect(DEMAND_TRANSITIONS.default_close).toMatchObject({ from: ['replied'], to: 'closed', by: ['system'] });
  });

  test('return only before signing, once per department; after the supervisor routes, the decision binds', () => {
    expect(() => checkStep('return', facts({ state: 'signed' }), ctx)).toThrow('当前状态（办理中）不能执行此操作');
    expect(() => checkStep('return', facts(), ctx)).not.toThrow();
    expect(() => checkStep('return', facts({ returnedBy: ['civil-affairs'] }), ctx)).toThrow('本部门已退过一次，不能再次退单');
    expect(() => checkStep('return', facts({ departmentId: 'housing', returnedBy: ['civil-affairs'] }), ctx)).not.toThrow();
    expect(() => checkStep('return', facts({ binding: true }), ctx)).toThrow('督查已改派，该派单为终审，不能再退单');
  });

  test('only a 咨询 is answered on the spot', () => {
    expect(() => checkStep('answer', facts({ state: 'received', type: 'complaint' }), ctx)).toThrow('只有咨询类诉求可以当场答复');
    expect(() => checkStep('answer', facts({ state: 'received', type: 'consult' }), ctx)).not.toThrow();
  });

  test('one extension, asked before the deadline; the supervisor decides only a pending request', () => {
    const signed = facts({ state: 'signed' });
    expect(() => checkStep('request_extension', signed, ctx)).not.toThrow();
    expect(() => checkStep('request_extension', signed, { ...ctx, overdue: true })).toThrow('已超过办理期限，不能再申请延期');
    expect(() => checkStep('request_extension', facts({ state: 'signed', extension: { status: 'denied' } }), ctx)).toThrow('每件诉求只能申请一次延期');
    expect(() => checkStep('decide_extension', signed, ctx)).toThrow('没有待审批的延期申请');
    expect(() => checkStep('decide_extension', facts({ state: 'signed', extension: { status: 'approved' } }), ctx)).toThrow(DemandRuleError);
  });

  test('not solved or 不满意 → 重办 once (back to the department); the second evaluation is final', () => {
    const replied = { state: 'replied' as const, redone: false };
    expect(afterEvaluation(replied, { solved: false, satisfaction: 'basic' })).toEqual({ to: 'signed', redo: true, final: false });
    expect(afterEvaluation(replied, { solved: true, satisfaction: 'dissatisfied' })).toEqual({ to: 'signed', redo: true, final: false });
    expect(afterEvaluation(replied, { solved: true, satisfaction: 'basic' })).toEqual({ to: 'closed', redo: false, final: true });
    expect(afterEvaluation({ state: 'replied', redone: true }, { solved: false, satisfaction: 'dissatisfied' })).toEqual({ to: 'closed', redo: false, final: true });
    // A merged demand's reporter evaluates the parent's reply once: it closes theirs.
    expect(afterEvaluation({ state: 'merged', redone: false }, { solved: false, satisfaction: 'dissatisfied' })).toEqual({ to: 'closed', redo: false, final: true });
  });

  test('reopen within 14 days of closing, not after', () => {
    const closed = facts({ state: 'closed', closedAt: iso('2025-03-01T09:00:00') });
    expect(() => checkStep('reopen', closed, { ...ctx, now: at('2025-03-15T08:59:00') })).not.toThrow();
    expect(() => checkStep('reopen', closed, { ...ctx, now: at('2025-03-15T09:01:00') })).toThrow('办结超过14天，不能重新打开，请重新提交诉求');
  });

  test('a merged demand is evaluated once its parent is replied', () => {
    const child = facts({ state: 'merged', parentId: 'p1' });
    expect(() => checkStep('evaluate', child, { ...ctx, parentState: 'signed' })).toThrow('并案诉求答复后才能评价');
    expect(() => checkStep('evaluate', child, ctx)).not.toThrow();
    expect(() => checkStep('evaluate', { ...child, evaluated: true }, ctx)).toThrow('您已评价过');
  });

  test('allowedActions: what each caller may do now', () => {
    const resident: Viewer = { kind: 'resident', residentId: 'r1' };
    const other: Viewer = { kind: 'resident', residentId: 'r2' };
    const clerk: Viewer = { kind: 'staff', username: 'c', role: 'clerk', departmentId: 'civil-affairs' };
    const foreignClerk: Viewer = { kind: 'staff', username: 'f', role: 'clerk', departmentId: 'housing' };
    const supervisor: Viewer = { kind: 'staff', username: 's', role: 'supervisor', departmentId: 'efficiency-office' };
    expect(allowedDemandActions(facts(), clerk, ctx)).toEqual(['return', 'sign', 'merge']);
    expect(allowedDemandActions(facts(), foreignClerk, ctx)).toEqual(['merge']);
    expect(allowedDemandActions(facts({ state: 'returned' }), supervisor, ctx)).toEqual(['route']);
    expect(allowedDemandActions(facts({ state: 'signed' }), clerk, ctx)).toEqual(['contact', 'request_info', 'request_extension', 'reply', 'merge']);
    expect(allowedDemandActions(facts({ state: 'replied' }), resident, ctx)).toEqual(['evaluate']);
    expect(allowedDemandActions(facts({ state: 'replied' }), other, ctx)).toEqual([]);
    expect(allowedDemandActions(facts({ state: 'awaiting_resident' }), resident, ctx)).toEqual(['provide_info']);
  });
});

describe('limits and routing', () => {
  test('defaults: 咨询 3, 求助 5, 投诉/举报 10, 建议 15 working days; grade A 1; an admin override per type × domain', () => {
    expect(['consult', 'help', 'complaint', 'report', 'suggestion'].map((t) => limitDaysFor(t as never, 'roads', 'B'))).toEqual([3, 5, 10, 10, 15]);
    expect(limitDaysFor('suggestion', 'roads', 'A')).toBe(1);
    const limits = { ...DEFAULT_DEMAND_LIMITS, overrides: [{ type: 'complaint' as const, domain: 'land' as const, days: 20 }] };
    expect(limitDaysFor('complaint', 'land', 'B', limits)).toBe(20);
    expect(limitDaysFor('complaint', 'roads', 'B', limits)).toBe(10);
  });

  test('a redo gets half the original limit, rounded up', () => {
    expect([10, 15, 5, 3, 1].map(redoLimitDays)).toEqual([5, 8, 3, 2, 1]);
  });

  test('the department is suggested from the domain and, where a rule says so, the region', () => {
    const routes = [...DEFAULT_DEMAND_LIMITS.routes, { domain: 'roads' as const, regionPrefix: '511999103', departmentId: 'agriculture' }];
    expect(suggestDepartment('roads', '511999101201', routes)).toBe('housing');
    expect(suggestDepartment('roads', '511999103202', routes)).toBe('agriculture');
    expect(suggestDepartment('social_security', null, routes)).toBe('human-resources');
  });
});

describe('the clock', () => {
  test('starts at dispatch, not at signing: signing late gains nothing and misses the sign deadline', () => {
    const c = demandClock(clock({ signedAt: iso('2025-03-05T09:00:00') }), at('2025-03-05T10:00:00'), cal);
    expect(c.startedAt).toBe(iso('2025-03-03T10:00:00'));
    expect(c.replyDueOn).toBe('2025-03-17');
    // Grade B: sign by the end of the next working day.
    expect(c.signDueAt).toBe(new Date('2025-03-04T23:59:59.999+08:00').toISOString());
    expect(c.signedInTime).toBe(false);
    expect(demandClock(clock(), at('2025-03-05T10:00:00'), cal).signedInTime).toBe(true);
  });

  test('lights: a 10-day complaint is green with 7 days used, yellow from 75 % (8 days), red the day after the deadline', () => {
    const light = (day: string) => demandClock(clock(), at(`${day}T09:00:00`), cal);
    expect(light('2025-03-12')).toMatchObject({ usedDays: 7, light: 'green', remainingDays: 3 });
    expect(light('2025-03-13')).toMatchObject({ usedDays: 8, light: 'yellow' });
    expect(light('2025-03-17')).toMatchObject({ usedDays: 10, light: 'yellow', remainingDays: 0 });
    expect(light('2025-03-18')).toMatchObject({ light: 'red', remainingDays: -1 });
  });

  test('a 15-day suggestion turns yellow at 12 days used (75 % is 11.25)', () => {
    const c = (day: string) => demandClock(clock({ limitDays: 15 }), at(`${day}T09:00:00`), cal);
    expect(c('2025-03-18')).toMatchObject({ usedDays: 11, light: 'green' });
    expect(c('2025-03-19')).toMatchObject({ usedDays: 12, light: 'yellow', replyDueOn: '2025-03-24' });
  });

  test('awaiting the resident pauses the clock; the deadline moves by the working days paused', () => {
    const paused = clock({ state: 'awaiting_resident', pauses: [{ from: iso('2025-03-05T10:00:00'), to: null }] });
    expect(demandClock(paused, at('2025-03-07T10:00:00'), cal)).toMatchObject({ light: 'paused', pausedDays: 2, replyDueOn: '2025-03-19' });
    const resumed = clock({ pauses: [{ from: iso('2025-03-05T10:00:00'), to: iso('2025-03-07T16:00:00') }] });
    expect(demandClock(resumed, at('2025-03-18T10:00:00'), cal)).toMatchObject({ pausedDays: 2, replyDueOn: '2025-03-19', light: 'yellow' });
    // A weekend inside the pause costs nothing: Fri → Mon is one working day.
    const overWeekend = clock({ pauses: [{ from: iso('2025-03-07T10:00:00'), to: iso('2025-03-10T10:00:00') }] });
    expect(demandClock(overWeekend, at('2025-03-11T10:00:00'), cal).pausedDays).toBe(1);
  });

  test('no answer in 5 working days: the pause ends by itself after the 5th working day', () => {
    expect(autoResumeOn(iso('2025-03-05T10:00:00'), cal)).toBe('2025-03-12');
    // Asked on a Friday: the weekend does not count.
    expect(autoResumeOn(iso('2025-03-07T10:00:00'), cal)).toBe('2025-03-14');
  });

  test('an approved extension adds its days; a requested or denied one does not', () => {
    const now = at('2025-03-12T09:00:00');
    expect(demandClock(clock({ extension: { days: 5, status: 'requested' } }), now, cal).replyDueOn).toBe('2025-03-17');
    expect(demandClock(clock({ extension: { days: 5, status: 'denied' } }), now, cal).replyDueOn).toBe('2025-03-17');
    expect(demandClock(clock({ extension: { days: 5, status: 'approved' } }), now, cal)).toMatchObject({ replyDueOn: '2025-03-24', limitDays: 15, light: 'green' });
  });

  test('a redo runs on half the limit from the evaluation, without a new signing deadline', () => {
    const redo = clock({ phase: 'redo', clockStartedAt: iso('2025-03-20T10:00:00'), limitDays: redoLimitDays(10), signedAt: iso('2025-03-03T15:00:00') });
    const c = demandClock(redo, at('2025-03-21T10:00:00'), cal);
    expect(c).toMatchObject({ replyDueOn: '2025-03-27', limitDays: 5, signDueAt: null, light: 'green' });
  });

  test('grade A: sign within 2 clock hours, across a night and a weekend; handle within 1 working day', () => {
    // Dispatched Friday 23:00: signing is due Saturday 01:00, weekend or not.
    const a = clock({ grade: 'A', limitDays: 1, state: 'dispatched', signedAt: null, clockStartedAt: iso('2025-03-07T23:00:00'), assignedAt: iso('2025-03-07T23:00:00') });
    expect(demandClock(a, at('2025-03-08T00:29:00'), cal)).toMatchObject({ signDueAt: iso('2025-03-08T01:00:00'), light: 'green', replyDueOn: '2025-03-10' });
    expect(demandClock(a, at('2025-03-08T00:31:00'), cal).light).toBe('yellow');
    expect(demandClock(a, at('2025-03-08T01:01:00'), cal)).toMatchObject({ light: 'red', signedInTime: false });
    // Signed in time at 00:40; handled by the end of Monday, red on Tuesday.
    const signed = { ...a, state: 'signed' as const, signedAt: iso('2025-03-08T00:40:00') };
    expect(demandClock(signed, at('2025-03-08T09:00:00'), cal)).toMatchObject({ light: 'green', signedInTime: true });
    expect(demandClock(signed, at('2025-03-10T09:00:00'), cal).light).toBe('yellow');
    expect(demandClock(signed, at('2025-03-11T09:00:00'), cal).light).toBe('red');
  });

  test('a reply stops the clock: replied in time or not', () => {
    expect(demandClock(clock({ state: 'replied', repliedAt: iso('2025-03-17T18:00:00') }), at('2025-04-01T10:00:00'), cal))
      .toMatchObject({ light: 'done', repliedInTime: true });
    expect(demandClock(clock({ state: 'replied', repliedAt: iso('2025-03-18T09:00:00') }), at('2025-04-01T10:00:00'), cal))
      .toMatchObject({ light: 'done', repliedInTime: false });
  });

  test('a year without a published calendar: pending, never guessed', () => {
    const c = demandClock(clock({ clockStartedAt: '2031-03-03T02:00:00.000Z', assignedAt: '2031-03-03T02:00:00.000Z', signedAt: null }), new Date('2031-03-04T02:00:00Z'), cal);
    expect(c).toMatchObject({ light: 'pending', replyDueOn: null });
  });

  test('no evaluation in 7 days: the default close falls due after the 7th calendar day', () => {
    expect(evaluationDueOn(iso('2025-03-17T18:00:00'))).toBe('2025-03-24');
  });
});

describe('merge candidates', () => {
  const base: Located = { id: 'd1', domain: 'roads', regionCode: '511999101201', point: { lat: 30.0, lng: 104.0 }, filedAt: '2025-03-10T00:00:00.000Z' };
  const now = new Date('2025-03-12T00:00:00Z');
  test('same domain and village, or within 500 m, in the last 12 weeks', () => {
    expect(isMergeCandidate(base, { ...base, id: 'd2', regionCode: '511999101201003', point: null }, now)).toBe(true);
    // Another village 400 m away (0.0036° of latitude ≈ 400 m).
    expect(isMergeCandidate(base, { ...base, id: 'd3', regionCode: '511999101202', point: { lat: 30.0036, lng: 104.0 } }, now)).toBe(true);
    expect(isMergeCandidate(base, { ...base, id: 'd4', regionCode: '511999101202', point: { lat: 30.0054, lng: 104.0 } }, now)).toBe(false);
    expect(isMergeCandidate(base, { ...base, id: 'd5', domain: 'water' }, now)).toBe(false);
    expect(isMergeCandidate(base, { ...base, id: 'd6', filedAt: '2024-12-15T00:00:00.000Z' }, now)).toBe(false);
    expect(isMergeCandidate(base, { ...base, id: 'd7', filedAt: '2024-12-20T00:00:00.000Z' }, now)).toBe(true);
    expect(isMergeCandidate(base, base, now)).toBe(false);
  });
});

describe('counters', () => {
  const where = { departmentId: 'housing', townCode: '511999101' };
  test('intake counts for the county and the town by channel × domain × grade × type; a dispatch for the department', () => {
    expect(demandCounters({ kind: 'received', channel: 'hotline', domain: 'roads', grade: 'A', type: 'complaint' }, where)).toEqual([
      { scope: 'COUNTY', adds: { received: 1, recv_hotline_roads_A_complaint: 1 } },
      { scope: 'TOWN#511999101', adds: { received: 1, recv_hotline_roads_A_complaint: 1 } },
    ]);
    expect(demandCounters({ kind: 'assigned', channel: 'hotline', domain: 'roads', grade: 'A', type: 'complaint' }, where).map((u) => u.scope)).toEqual(['DEPT#housing']);
  });

  test('default closes are counted apart from real evaluations', () => {
    expect(demandCounters({ kind: 'evaluated', solved: true, satisfaction: 'basic', isDefault: true }, where)[0]!.adds).toEqual({ defaultClosed: 1, default_basic: 1 });
    expect(demandCounters({ kind: 'evaluated', solved: false, satisfaction: 'dissatisfied', isDefault: false }, where)[0]!.adds).toEqual({ evaluated: 1, unsolved: 1, sat_dissatisfied: 1 });
    expect(demandCounters({ kind: 'signed', inTime: true }, where).map((u) => u.scope)).toEqual(['COUNTY', 'TOWN#511999101', 'DEPT#housing']);
  });
});
