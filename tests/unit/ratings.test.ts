import { createCalendar } from '../../functions/domain/calendar';
import {
  publicBadReviews, PUBLIC_BREAKDOWN_MIN,
  appealOutcome, bottomThree, cadreFlags, canChange, changeableUntil, defaultDueOn, isTicketOverdue, nextTicketStatus, ratingErrors,
  rectifyWorkingDays, summarize, ticketAllowsChange, ticketDueOn, trailingMonths, unitFlags,
} from '../../functions/domain/ratings';
import { TICKET_ACTIONS, TICKET_STATUSES, type TicketAction, type TicketStatus } from '../../shared/schemas/ratings';

const cal = createCalendar();

describe('satisfaction rates', () => {
  test('satisfaction = share of ratings ≥ 3, good = share ≥ 4; defaults are counted apart', () => {
    // 3 非常不满意, 1 不满意, 2 基本满意, 4 满意, 10 非常满意 = 20 ratings; 12 defaults.
    const s = summarize({ l1: 3, l2: 1, l3: 2, l4: 4, l5: 10, defaults: 12 });
    expect(s).toEqual({ total: 20, levels: [3, 1, 2, 4, 10], defaults: 12, satisfactionRate: 0.8, goodRate: 0.7 });
  });

  test('no ratings: no rate rather than 0 % or 100 %', () => {
    expect(summarize({ defaults: 5 })).toMatchObject({ total: 0, satisfactionRate: null, goodRate: null, defaults: 5 });
  });

  test('rates are rounded to a tenth of a percent', () => {
    expect(summarize({ l1: 1, l5: 2 }).satisfactionRate).toBe(0.667);
  });
});

describe('flags', () => {
  const rate = (satisfied: number, total: number) => summarize({ l5: satisfied, l1: total - satisfied });

  test('a unit under 75 % is summoned (约谈); exactly 75 % is not', () => {
    expect(unitFlags(rate(74, 100))).toEqual(['summon']);
    expect(unitFlags(rate(3, 4))).toEqual([]);
    expect(unitFlags(summarize({}))).toEqual([]);
  });

  test('a cadre under 80 % cannot be promoted; under 75 % is also summoned', () => {
    expect(cadreFlags(rate(79, 100))).toEqual(['promotion_veto']);
    expect(cadreFlags(rate(4, 5))).toEqual([]);
    expect(cadreFlags(rate(7, 10))).toEqual(['summon', 'promotion_veto']);
  });

  test('bottom three departments: lowest rates among those rated; ties go to the firmer verdict', () => {
    const rows = [
      { id: 'a', s: rate(9, 10) },
      { id: 'b', s: rate(1, 2) },
      { id: 'c', s: rate(5, 10) },
      { id: 'd', s: rate(99, 100) },
      { id: 'e', s: summarize({}) },
      { id: 'f', s: rate(6, 10) },
    ];
    expect(bottomThree(rows)).toEqual(['c', 'b', 'f']);
    expect(bottomThree([{ id: 'x', s: summarize({}) }])).toEqual([]);
  });

  test('no ranking with three or fewer rated departments; none level with the best is at the bottom', () => {
    expect(bottomThree([{ id: 'a', s: rate(1, 2) }, { id: 'b', s: rate(9, 10) }, { id: 'c', s: rate(1, 1) }])).toEqual([]);
    const fourPerfectAndOne = ['a', 'b', 'c', 'd'].map((id) => ({ id, s: rate(1, 1) })).concat([{ id: 'e', s: rate(1, 2) }]);
    expect(bottomThree(fourPerfectAndOne)).toEqual(['e']);
  });
});

describe('rating rules', () => {
  test('levels 1–2 need a reason; 其他 needs words; good ratings take no reasons', () => {
    expect(ratingErrors({ level: 2 }, false)).toEqual({ reasons: '差评请选择原因' });
    expect(ratingErrors({ level: 1, reasons: ['attitude'] }, false)).toEqual({});
    expect(ratingErrors({ level: 1, reasons: ['other'], comment: '  ' }, false)).toEqual({ comment: '选择“其他”时请填写具体情况' });
    expect(ratingErrors({ level: 4, reasons: ['overdue'] }, false)).toHaveProperty('reasons');
    expect(ratingErrors({ level: 3 }, false)).toEqual({});
  });

  test('a proxy case rates the agent too; other cases cannot', () => {
    expect(ratingErrors({ level: 5 }, true)).toEqual({ agentLevel: '请评价代办员' });
    expect(ratingErrors({ level: 5, agentLevel: 4 }, true)).toEqual({});
    expect(ratingErrors({ level: 5, agentLevel: 4 }, false)).toHaveProperty('agentLevel');
  });

  test('a rating can be changed for 24 hours', () => {
    const at = '2026-11-24T02:00:00.000Z';
    expect(changeableUntil(at)).toBe('2026-11-25T02:00:00.000Z');
    expect(canChange(at, new Date('2026-11-25T01:59:59Z'))).toBe(true);
    expect(canChange(at, new Date('2026-11-25T02:00:00Z'))).toBe(false);
  });

  test('not rated 7 days after conclusion → default; the month and year roll over', () => {
    expect(defaultDueOn('2026-11-24')).toBe('2026-12-01');
    expect(defaultDueOn('2026-12-28')).toBe('2027-01-04');
  });

  test('a bad review can be changed only while its ticket is untouched', () => {
    expect(ticketAllowsChange(null)).toBe(true);
    expect(ticketAllowsChange('open')).toBe(true);
    expect(ticketAllowsChange('withdrawn')).toBe(true);
    expect(ticketAllowsChange('verified')).toBe(false);
    expect(ticketAllowsChange('appealed')).toBe(false);
  });

  test('trend months run back across the year boundary', () => {
    expect(trailingMonths('2027-02')).toEqual(['2026-09', '2026-10', '2026-11', '2026-12', '2027-01', '2027-02']);
  });
});

describe('rectification deadline on the working-day clock', () => {
  test('5 working days from a Tuesday: the next Tuesday', () => {
    expect(ticketDueOn(cal, '2026-11-24', 5)).toBe('2026-12-01');
  });

  test('National Day holiday: opened 2026-09-30, due after the break', () => {
    // 2026: Oct 1–7 off, Sep 20 (Sun) and Oct 10 (Sat) are make-up working days.
    expect(ticketDueOn(cal, '2026-09-30', 5)).toBe('2026-10-13');
  });

  test('an unpublished year leaves the deadline pending rather than guessed', () => {
    expect(ticketDueOn(cal, '2026-12-28', 5)).toBeNull();
    const published = createCalendar({ 2027: { holidays: ['2027-01-01'], workdays: [] } });
    expect(ticketDueOn(published, '2026-12-28', 5)).toBe('2027-01-05');
  });

  test('the number of days is configurable, within reason', () => {
    expect(rectifyWorkingDays(undefined)).toBe(5);
    expect(rectifyWorkingDays('3')).toBe(3);
    expect(rectifyWorkingDays('0')).toBe(5);
    expect(rectifyWorkingDays('abc')).toBe(5);
  });

  test('overdue after the due day unless finished; pending deadlines are never overdue', () => {
    expect(isTicketOverdue({ status: 'verified', dueOn: '2026-12-01' }, '2026-12-01')).toBe(false);
    expect(isTicketOverdue({ status: 'verified', dueOn: '2026-12-01' }, '2026-12-02')).toBe(true);
    expect(isTicketOverdue({ status: 'closed', dueOn: '2026-12-01' }, '2026-12-02')).toBe(false);
    expect(isTicketOverdue({ status: 'open', dueOn: null }, '2027-12-02')).toBe(false);
  });
});

describe('ticket state machine', () => {
  const legal: Partial<Record<TicketStatus, Partial<Record<TicketAction, TicketStatus>>>> = {
    open: { verify: 'verified', appeal: 'appealed' },
    verified: { rectify: 'rectified', appeal: 'appealed' },
    rectified: { follow_up: 'followed_up' },
    followed_up: { publish: 'closed' },
  };
  test.each(TICKET_STATUSES.flatMap((s) => TICKET_ACTIONS.map((a) => [s, a] as const)))('%s + %s', (status, action) => {
    expect(nextTicketStatus(status, action)).toBe(legal[status]?.[action] ?? null);
  });

  test('an upheld appeal voids the review; a dismissed one returns the ticket to where it was', () => {
    expect(appealOutcome('upheld', 'verified')).toBe('voided');
    expect(appealOutcome('dismissed', 'verified')).toBe('verified');
    expect(appealOutcome('dismissed', 'open')).toBe('open');
  });
});

describe('publicBadReviews: nothing that points at one household', () => {
  const t = (serviceName: string, departmentId = 'civil-affairs') => ({
    createdOn: '2026-03-05', createdAt: '2026-03-04T17:00:00.000Z', serviceName, departmentId, departmentName: departmentId === 'civil-affairs' ? '县民政局' : '县住建局',
    level: 1, reasons: ['attitude' as const], status: 'open' as const, outcome: null, residentId: 'r-1', comment: '很差',
  });
  it('shows the month, never the day or time, and nothing of the resident', () => {
    const [r] = publicBadReviews([t('临时救助申请')]);
    expect(r).toEqual({ month: '2026-03', serviceName: null, departmentName: '县民政局', level: 1, reasons: ['attitude'], status: 'open', outcome: null });
  });
  it('names the item only when its department has at least 3 bad reviews of it on the page', () => {
    const rows = publicBadReviews([t('最低生活保障申请'), t('最低生活保障申请'), t('最低生活保障申请'), t('临时救助申请'), t('最低生活保障申请', 'housing')]);
    expect(rows.map((r) => r.serviceName)).toEqual(['最低生活保障申请', '最低生活保障申请', '最低生活保障申请', null, null]);
    expect(PUBLIC_BREAKDOWN_MIN).toBe(3);
  });
});
