import { createCalendar } from '../../functions/domain/calendar';
import {
  cardErrors, commitmentChangeRefusal, commitmentDueOn, commitmentLight, concerns, doneLate, isCommitmentOverdue, isResidentOf, lastUpdateOn, needsUpdate,
  type CommitmentState,
} from '../../functions/domain/commitments';
import { cardOwnerKind, mayEditCard, maySeeAllCards, maySeeCard, type Staff } from '../../functions/domain/access';

const cal = createCalendar();
const open = (over: Partial<CommitmentState> = {}): CommitmentState => ({ status: 'open', dueOn: '2026-10-20', postedOn: '2026-09-25', progressOn: [], doneOn: null, ...over });

describe('a commitment deadline counts working days on the official calendar', () => {
  test('across the National Day holiday: posted Fri 25 Sep 2026, 10 working days → Thu 15 Oct', () => {
    // 28–30 Sep (3), 1–7 Oct off, 8 and 9 Oct (5), Sat 10 Oct is a make-up working day (6), 12–15 Oct (10).
    expect(commitmentDueOn(cal, '2026-09-25', 10)).toBe('2026-10-15');
    // The same 10 working days in a fortnight without a holiday: two calendar weeks.
    expect(commitmentDueOn(cal, '2026-11-06', 10)).toBe('2026-11-20');
  });

  test('an ordinary week: posted Monday 2 Nov 2026, 5 working days → Monday 9 Nov', () => {
    expect(commitmentDueOn(cal, '2026-11-02', 5)).toBe('2026-11-09');
  });

  test('a deadline in a year whose calendar is unpublished is pending (null), never guessed', () => {
    expect(commitmentDueOn(cal, '2026-12-20', 60)).toBeNull();
  });
});

describe('overdue and 待更新', () => {
  test('overdue the day after the deadline, not on it; never when done or pending', () => {
    expect(isCommitmentOverdue(open({ dueOn: '2026-10-16' }), '2026-10-16')).toBe(false);
    expect(isCommitmentOverdue(open({ dueOn: '2026-10-16' }), '2026-10-17')).toBe(true);
    expect(isCommitmentOverdue(open({ dueOn: '2026-10-16', status: 'done', doneOn: '2026-10-20' }), '2026-11-01')).toBe(false);
    expect(isCommitmentOverdue(open({ dueOn: null }), '2027-12-31')).toBe(false);
  });

  test('no progress for more than 7 days shows 待更新, counted from the last entry or the posting', () => {
    const c = open({ dueOn: '2026-12-31', postedOn: '2026-11-02', progressOn: ['2026-11-09', '2026-11-20'] });
    expect(lastUpdateOn(c)).toBe('2026-11-20');
    expect(needsUpdate(c, '2026-11-27')).toBe(false); // exactly 7 days
    expect(needsUpdate(c, '2026-11-28')).toBe(true); // 8 days
    expect(lastUpdateOn(open({ postedOn: '2026-11-02' }))).toBe('2026-11-02');
    expect(needsUpdate(open({ postedOn: '2026-11-02', dueOn: '2026-12-31' }), '2026-11-10')).toBe(true);
    expect(needsUpdate({ ...c, status: 'done' }, '2026-12-30')).toBe(false);
  });

  test('the light: done, then overdue (wins over 待更新), then 待更新, else on track', () => {
    const today = '2026-11-30';
    expect(commitmentLight(open({ status: 'done', doneOn: '2026-11-01' }), today)).toBe('done');
    expect(commitmentLight(open({ dueOn: '2026-11-20', progressOn: ['2026-11-01'] }), today)).toBe('overdue');
    expect(commitmentLight(open({ dueOn: '2026-12-31', progressOn: ['2026-11-20'] }), today)).toBe('stale');
    expect(commitmentLight(open({ dueOn: '2026-12-31', progressOn: ['2026-11-25'] }), today)).toBe('on_track');
  });

  test('finished after the deadline is late', () => {
    expect(doneLate({ dueOn: '2026-10-16', doneOn: '2026-10-19' })).toBe(true);
    expect(doneLate({ dueOn: '2026-10-16', doneOn: '2026-10-16' })).toBe(false);
    expect(doneLate({ dueOn: null, doneOn: '2026-10-16' })).toBe(false);
  });

  test('progress or a result on a done or missing commitment is refused', () => {
    expect(commitmentChangeRefusal(undefined)).toBe('missing');
    expect(commitmentChangeRefusal({ status: 'done' })).toBe('done');
    expect(commitmentChangeRefusal({ status: 'open' })).toBeNull();
  });
});

describe('a card', () => {
  const levels = new Map([['511999103202', 'village'], ['511999103', 'town'], ['511999', 'county'], ['511999103202001', 'group']]);
  const c = (regionCode: string) => ({ regionCode });

  test('holds 3 to 5 commitments, each about a village or town that exists', () => {
    expect(cardErrors([c('511999103202'), c('511999103'), c('511999103202')], levels)).toEqual({});
    expect(Object.values(cardErrors([c('511999103202'), c('511999103')], levels))).toEqual(['每张承诺卡应有3至5项承诺']);
    expect(cardErrors(Array(6).fill(c('511999103')), levels).commitments).toBe('每张承诺卡应有3至5项承诺');
    const bad = cardErrors([c('511999'), c('511999103202001'), c('511999999999')], levels);
    expect(bad).toEqual({
      'commitments.0.regionCode': '第1项承诺应选择一个村（社区）或镇',
      'commitments.1.regionCode': '第2项承诺应选择一个村（社区）或镇',
      'commitments.2.regionCode': '第3项承诺的村（社区）或镇不存在',
    });
  });

  test('a village page shows its own commitments; a town page everything in the town', () => {
    expect(concerns('511999103202', '511999103202')).toBe(true);
    expect(concerns('511999103202', '511999103')).toBe(true);
    expect(concerns('511999103', '511999103202')).toBe(false);
    expect(concerns('511999103203', '511999103202')).toBe(false);
  });

  test('residents of the village (living there or from there) may rate; others not', () => {
    expect(isResidentOf('511999103202', { currentRegionCode: '511999103202003', hometownRegionCode: null })).toBe(true);
    expect(isResidentOf('511999103202', { currentRegionCode: null, hometownRegionCode: '511999103202003' })).toBe(true);
    expect(isResidentOf('511999103202', { currentRegionCode: '511999103203001', hometownRegionCode: null })).toBe(false);
    expect(isResidentOf('511999103', { currentRegionCode: '511999103203001', hometownRegionCode: null })).toBe(true);
    expect(isResidentOf('511999103202', { currentRegionCode: null, hometownRegionCode: null })).toBe(false);
  });
});

describe('who may do what with a card', () => {
  const staff = (username: string, role: Staff['role'], departmentId: string | null = null): Staff => ({ username, role, departmentId, regionCode: '511999' });
  const cadreCard = { owner: { kind: 'cadre' as const, username: 'agent-yang', departmentId: null } };
  const deptCard = { owner: { kind: 'department' as const, username: null, departmentId: 'civil-affairs' } };
  const table: [Staff, typeof cadreCard | typeof deptCard, boolean, boolean][] = [
    [staff('agent-yang', 'agent'), cadreCard, true, true],
    [staff('agent-xu', 'agent'), cadreCard, false, false],
    [staff('mz-chen', 'dept_head', 'civil-affairs'), deptCard, true, true],
    [staff('rs-liu', 'dept_head', 'human-resources'), deptCard, false, false],
    [staff('clerk-mz', 'clerk', 'civil-affairs'), deptCard, false, false],
    [staff('mz-chen', 'dept_head', 'civil-affairs'), cadreCard, false, false],
    [staff('xiaoneng', 'supervisor'), cadreCard, false, true],
    [staff('admin', 'admin'), deptCard, false, true],
  ];
  test.each(table.map(([s, card, edit, see]) => [`${s.username} (${s.role}) on a ${card.owner.kind} card`, s, card, edit, see] as const))('%s', (_name, s, card, edit, see) => {
    expect(mayEditCard(s, card)).toBe(edit);
    expect(maySeeCard(s, card)).toBe(see);
  });

  test('a department head posts for the department, a cadre their own; only supervisors and admins list every card', () => {
    expect(cardOwnerKind({ role: 'dept_head' })).toBe('department');
    expect(cardOwnerKind({ role: 'agent' })).toBe('cadre');
    expect(maySeeAllCards({ role: 'supervisor' })).toBe(true);
    expect(maySeeAllCards({ role: 'admin' })).toBe(true);
    expect(maySeeAllCards({ role: 'agent' })).toBe(false);
  });
});
