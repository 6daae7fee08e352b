// Valid complaints and the monthly report, with the real numbers. 2025-03-03
// is a Monday; March 2025 has no holidays; 2025-10-01..08 is the National Day break with make-up working day 10-11.
import { createCalendar } from '../../functions/domain/calendar';
import {
  actionsOwedAt, apologyDueOn, apologyFor, isApologyOverdue, ladderStanding, ladderStep, ladderWindowStart, nextLadderEntry, validInWindow,
} from '../../functions/domain/accountability';
import {
  hotSpots, isMonthClosed, lastDayOf, previousMonth, receivedCells, satisfactionLabel, shanghaiMonth, sumBy, threeRates, unitFigures, unitScore,
  applicationOnTime, badReviews,
} from '../../functions/domain/monthly-report';

const cal = createCalendar();

describe('the accountability ladder', () => {
  it('owes each step its actions at 1 to 5 valid complaints, and the last step beyond', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map(ladderStep)).toEqual([0, 1, 2, 3, 4, 5, 5]);
    expect(actionsOwedAt(0)).toEqual([]);
    expect(actionsOwedAt(1)).toEqual(['admonish']);
    expect(actionsOwedAt(2)).toEqual(['find_incompetent', 'training']);
    expect(actionsOwedAt(3)).toEqual(['transfer', 'warning']);
    expect(actionsOwedAt(4)).toEqual(['sanction']);
    expect(actionsOwedAt(5)).toEqual(['propose_dismissal']);
    expect(actionsOwedAt(7)).toEqual(['propose_dismissal']);
  });

  it('counts over a rolling two years: a complaint two years and a day old has dropped out', () => {
    expect(ladderWindowStart('2026-03-10')).toBe('2024-03-11');
    expect(ladderWindowStart('2026-02-28')).toBe('2024-02-29');
    expect(ladderWindowStart('2026-03-01')).toBe('2024-03-02');
    expect(ladderWindowStart('2028-02-29')).toBe('2026-03-01');
    expect(validInWindow(['2024-03-10', '2024-03-11', '2025-12-01'], '2026-03-10')).toBe(2);
    expect(validInWindow(['2024-03-10', '2024-03-11', '2025-12-01'], '2026-03-11')).toBe(1);
    expect(validInWindow(['2026-04-01'], '2026-03-10')).toBe(0);
  });

  it('puts a new valid complaint on the step its window reaches', () => {
    const e = nextLadderEntry(['2023-01-05', '2025-06-01'], 'c3', '2026-03-10');
    expect(e.step).toBe(2);
    expect(e.actions.map((a) => a.action)).toEqual(['find_incompetent', 'training']);
    expect(nextLadderEntry([], 'c1', '2026-03-10').step).toBe(1);
    expect(nextLadderEntry(['2025-01-01', '2025-02-01', '2025-03-01', '2025-04-01', '2025-05-01'], 'c6', '2026-03-10').step).toBe(5);
  });

  it('shows the count, the step and every action not yet recorded', () => {
    const entries = [
      { complaintId: 'c1', decidedOn: '2025-05-01', step: 1, actions: [{ action: 'admonish' as const, doneAt: '2025-05-03T00:00:00Z', note: null }] },
      { complaintId: 'c2', decidedOn: '2026-01-10', step: 2, actions: [
        { action: 'find_incompetent' as const, doneAt: null, note: null }, { action: 'training' as const, doneAt: '2026-01-12T00:00:00Z', note: null },
      ] },
    ];
    expect(ladderStanding(entries, '2026-03-10')).toEqual({ count: 2, step: 2, owed: [{ complaintId: 'c2', step: 2, action: 'find_incompetent' }] });
    expect(ladderStanding(entries, '2027-05-02').count).toBe(1);
  });
});

describe('department apologies', () => {
  it('owes a private apology for the first valid complaint of a year, a public one for the second, none after', () => {
    expect([1, 2, 3, 4].map(apologyFor)).toEqual(['private', 'public', null, null]);
  });

  it('is due 5 working days after the decision and overdue the day after, until recorded', () => {
    expect(apologyDueOn('2025-03-03', cal)).toBe('2025-03-10');
    expect(apologyDueOn('2025-09-30', cal)).toBe('2025-10-14'); // 10-09, 10-10, make-up Saturday 10-11, 10-13, 10-14
    expect(isApologyOverdue({ dueOn: '2025-03-10', doneAt: null }, '2025-03-10')).toBe(false);
    expect(isApologyOverdue({ dueOn: '2025-03-10', doneAt: null }, '2025-03-11')).toBe(true);
    expect(isApologyOverdue({ dueOn: '2025-03-10', doneAt: '2025-03-12T02:00:00Z' }, '2025-03-20')).toBe(false);
    expect(apologyDueOn('2099-03-03', cal)).toBeNull();
  });
});

describe('the monthly report', () => {
  it('scores +1 per resolved and −0.3 per unresolved, exactly', () => {
    expect(unitScore(10, 0)).toBe(10);
    expect(unitScore(10, 3)).toBe(9.1);
    expect(unitScore(1, 1)).toBe(0.7);
    expect(unitScore(0, 4)).toBe(-1.2);
  });

  it('labels satisfaction at 90 % and 75 %, on real evaluations only', () => {
    expect(satisfactionLabel(0, 0)).toBeNull();
    expect(satisfactionLabel(9, 10)).toBe('satisfied');
    expect(satisfactionLabel(89, 100)).toBe('basic');
    expect(satisfactionLabel(3, 4)).toBe('basic');
    expect(satisfactionLabel(74, 100)).toBe('dissatisfied');
    expect(satisfactionLabel(27, 30)).toBe('satisfied');
  });

  it('takes the three rates and the unit figures from the counters, defaults apart', () => {
    const c = { received: 12, signed: 10, signedInTime: 9, replied: 8, repliedInTime: 6, evaluated: 8, solved: 6, unsolved: 2, sat_satisfied: 5, sat_basic: 1, sat_dissatisfied: 2, defaultClosed: 3, default_basic: 3, returned: 1, reopened: 1, validComplaints: 2 };
    expect(threeRates(c)).toEqual({ responseRate: 0.9, resolutionRate: 0.75, satisfactionRate: 0.75 });
    expect(unitFigures(c)).toMatchObject({ received: 12, resolved: 6, unresolved: 2, score: 5.4, overdue: 2, returned: 1, reopened: 1, validComplaints: 2, defaultClosed: 3, label: 'basic' });
    expect(threeRates({})).toEqual({ responseRate: null, resolutionRate: null, satisfactionRate: null });
  });

  it('parses channel × domain × grade × type, domains with underscores included', () => {
    const cells = receivedCells({ received: 4, recv_hotline_social_security_A_help: 2, recv_miniprogram_roads_B_complaint: 1, recv_walk_in_staff_conduct_B_complaint: 1, recv_bogus_x_B_help: 5 });
    expect(cells).toHaveLength(3);
    expect(Object.fromEntries(sumBy(cells, (c) => c.domain))).toEqual({ social_security: 2, roads: 1, staff_conduct: 1 });
    expect(Object.fromEntries(sumBy(cells, (c) => c.channel))).toEqual({ hotline: 2, miniprogram: 1, walk_in: 1 });
  });

  it('finds the hot spots and their change on last month', () => {
    const cur = { 'roads#511999102202': 5, 'water#511999102202': 2, 'roads#511999101201': 2, 'nonsense#1': 9 };
    const prev = { 'roads#511999102202': 2, 'water#511999102202': 4 };
    expect(hotSpots(cur, prev, 2)).toEqual([
      { domain: 'roads', villageCode: '511999102202', count: 5, previous: 2, change: 3 },
      { domain: 'roads', villageCode: '511999101201', count: 2, previous: 0, change: 2 },
    ]);
  });

  it('puts an instant in its Shanghai month and closes a month after its last day there', () => {
    expect(shanghaiMonth('2026-01-31T15:59:59.999Z')).toBe('2026-01');
    expect(shanghaiMonth('2026-01-31T16:00:00.000Z')).toBe('2026-02');
    expect(previousMonth('2026-01')).toBe('2025-12');
    expect(lastDayOf('2028-02')).toBe('2028-02-29');
    expect(isMonthClosed('2026-01', new Date('2026-01-31T15:59:59Z'))).toBe(false);
    expect(isMonthClosed('2026-01', new Date('2026-01-31T16:00:00Z'))).toBe(true);
  });

  it('adds the application on-time rate per department and counts bad reviews', () => {
    expect(applicationOnTime([
      { departmentId: 'a', concluded: 3, onTime: 3 }, { departmentId: 'a', concluded: 1, onTime: 0 }, { departmentId: 'b', concluded: 0, onTime: 0 },
    ])).toEqual([{ departmentId: 'a', concluded: 4, onTime: 3, onTimeRate: 0.75 }, { departmentId: 'b', concluded: 0, onTime: 0, onTimeRate: null }]);
    expect(badReviews({ l1: 1, l2: 2, l3: 5, defaults: 4 })).toBe(3);
  });
});
