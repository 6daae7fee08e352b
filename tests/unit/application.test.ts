import { createCalendar } from '../../functions/domain/calendar';
import {
  APPLICATION_ACTIONS, APPLICATION_STATES, canWithdraw, CONCLUDED, computeClock, IllegalTransitionError, nextProxyStep, nextState, workingDaysTaken,
  type ApplicationAction, type ApplicationState, type ClockInput,
} from '../../functions/domain/application';

const cal = createCalendar();

describe('state machine', () => {
  const legal: Partial<Record<ApplicationState, Partial<Record<ApplicationAction, ApplicationState>>>> = {
    submitted: { accept: 'accepted', request_materials: 'awaiting_materials', reject: 'rejected', suspend: 'suspended', withdraw: 'withdrawn' },
    awaiting_materials: { supplement: 'submitted', withdraw: 'withdrawn' },
    accepted: { review: 'reviewing', suspend: 'suspended' },
    reviewing: { approve: 'approved', deny: 'denied', suspend: 'suspended' },
    approved: { deliver: 'delivered' },
    denied: { deliver: 'delivered' },
    suspended: { resume: 'reviewing' },
  };

  test.each(APPLICATION_STATES.flatMap((s) => APPLICATION_ACTIONS.map((a) => [s, a] as const)))('%s + %s', (state, action) => {
    const expected = legal[state]?.[action];
    if (expected) expect(nextState(state, action, 'reviewing')).toBe(expected);
    else expect(() => nextState(state, action, 'reviewing')).toThrow(IllegalTransitionError);
  });

  test('resume returns to the state the case was suspended from', () => {
    expect(nextState('suspended', 'resume', 'accepted')).toBe('accepted');
    expect(nextState('suspended', 'resume', 'submitted')).toBe('submitted');
    expect(() => nextState('suspended', 'resume', null)).toThrow(IllegalTransitionError);
  });

  test('the applicant may withdraw only before acceptance; a withdrawn case is closed, its clock done, not concluded', () => {
    expect(APPLICATION_STATES.filter(canWithdraw)).toEqual(['submitted', 'awaiting_materials']);
    expect(CONCLUDED).not.toContain('withdrawn');
    const clock = computeClock({ ...base, state: 'withdrawn', acceptedOn: null, concludedOn: null }, '2026-03-30', cal);
    expect(clock).toMatchObject({ light: 'done', onTime: null, deemedAccepted: false, deadlinePending: false });
  });

  test('the error speaks Chinese', () => {
    expect(() => nextState('delivered', 'approve', null)).toThrow('当前状态（已送达）不能执行此操作');
  });
});

const base: ClockInput = {
  state: 'accepted', submittedOn: '2026-02-09', firstSubmittedOn: '2026-02-09', acceptedOn: '2026-02-10', concludedOn: null,
  promisedDays: 20, statutoryDays: 30, extensionDays: 0, pauses: [],
};

describe('the promised clock on the official calendar', () => {
  test('across the 2026 Spring Festival: accepted 10 Feb, 20 working days → due 16 Mar', () => {
    const c = computeClock(base, '2026-03-12', cal);
    expect(c).toMatchObject({ startOn: '2026-02-10', promisedDueOn: '2026-03-16', remainingDays: 2, light: 'green', deemedAccepted: false });
    expect(computeClock(base, '2026-03-13', cal)).toMatchObject({ remainingDays: 1, light: 'yellow' });
    expect(computeClock(base, '2026-03-16', cal)).toMatchObject({ remainingDays: 0, light: 'yellow' });
    expect(computeClock(base, '2026-03-17', cal)).toMatchObject({ remainingDays: -1, light: 'red' });
  });

  test('the statutory limit is tracked too', () => {
    // 30 working days from 10 Feb: the 20th is 16 Mar, then 17–20 and 23–27 Mar, 30 Mar.
    expect(computeClock(base, '2026-03-01', cal).statutoryDueOn).toBe('2026-03-30');
  });

  test('days suspended do not count; one extension adds its days (across National Day)', () => {
    const sept: ClockInput = { ...base, state: 'reviewing', submittedOn: '2026-09-17', firstSubmittedOn: '2026-09-17', acceptedOn: '2026-09-18', promisedDays: 10 };
    expect(computeClock(sept, '2026-09-21', cal).promisedDueOn).toBe('2026-10-09');
    const paused = { ...sept, pauses: [{ from: '2026-09-22', to: '2026-09-24' }] }; // 23 and 24 Sep
    expect(computeClock(paused, '2026-09-25', cal)).toMatchObject({ pausedDays: 2, promisedDueOn: '2026-10-12' });
    const open = { ...sept, state: 'suspended' as const, pauses: [{ from: '2026-09-22', to: null }] };
    expect(computeClock(open, '2026-09-23', cal)).toMatchObject({ pausedDays: 1, light: 'paused' });
    expect(computeClock({ ...sept, extensionDays: 5 }, '2026-09-21', cal).promisedDueOn).toBe('2026-10-15'); // 10 Oct is a make-up Saturday
  });

  test('concluded cases are on time or late against the promised deadline', () => {
    expect(computeClock({ ...base, state: 'approved', concludedOn: '2026-03-16' }, '2026-04-01', cal)).toMatchObject({ light: 'done', onTime: true });
    expect(computeClock({ ...base, state: 'approved', concludedOn: '2026-03-17' }, '2026-04-01', cal)).toMatchObject({ onTime: false });
    expect(workingDaysTaken({ ...base, state: 'delivered', concludedOn: '2026-03-16' }, cal)).toBe(20);
  });
});

describe('no intake decision within 5 working days', () => {
  const pending: ClockInput = { ...base, state: 'submitted', submittedOn: '2026-09-28', firstSubmittedOn: '2026-09-28', acceptedOn: null, promisedDays: 5 };

  test('the intake deadline crosses National Day: 29, 30 Sep, 8, 9, 10 Oct', () => {
    const c = computeClock(pending, '2026-10-09', cal);
    expect(c).toMatchObject({ intakeDueOn: '2026-10-10', deemedAccepted: false, startOn: null, light: 'green' });
    expect(computeClock(pending, '2026-10-10', cal)).toMatchObject({ deemedAccepted: false, light: 'yellow' });
  });

  test('after it, the case counts as accepted from the day it was submitted, flagged', () => {
    const c = computeClock(pending, '2026-10-12', cal);
    expect(c).toMatchObject({ deemedAccepted: true, startOn: '2026-09-28', promisedDueOn: '2026-10-10', light: 'red' });
  });

  test('a late acceptance also counts from the submission', () => {
    const late: ClockInput = { ...base, submittedOn: '2026-03-02', firstSubmittedOn: '2026-03-02', acceptedOn: '2026-03-12' };
    expect(computeClock(late, '2026-03-12', cal)).toMatchObject({ intakeDueOn: '2026-03-09', deemedAccepted: true, startOn: '2026-03-02' });
    const onTime: ClockInput = { ...late, acceptedOn: '2026-03-09' };
    expect(computeClock(onTime, '2026-03-12', cal)).toMatchObject({ deemedAccepted: false, startOn: '2026-03-09' });
  });

  test('awaiting materials stops the intake clock; a resubmission restarts it', () => {
    expect(computeClock({ ...pending, state: 'awaiting_materials' }, '2026-10-20', cal).light).toBe('paused');
    const resubmitted = { ...pending, submittedOn: '2026-10-19' };
    expect(computeClock(resubmitted, '2026-10-20', cal)).toMatchObject({ intakeDueOn: '2026-10-26', deemedAccepted: false });
  });
});

test('proxy steps go in order: 委托 → 代收 → 代交 → 代领 → 回交', () => {
  expect(nextProxyStep(null)).toBe('mandated');
  expect(nextProxyStep('mandated')).toBe('collected');
  expect(nextProxyStep('result_collected')).toBe('returned');
  expect(nextProxyStep('returned')).toBeNull();
});

test('a deadline in a year without a published calendar is unknown, never guessed', () => {
  const december: ClockInput = { ...base, submittedOn: '2026-12-01', firstSubmittedOn: '2026-12-01', acceptedOn: '2026-12-02' };
  // 2 Dec + 20 working days stays in 2026; the statutory 30 reaches into unpublished 2027.
  expect(computeClock(december, '2026-12-03', cal)).toMatchObject({ promisedDueOn: '2026-12-30', statutoryDueOn: null, light: 'green' });
  expect(computeClock({ ...december, promisedDays: 25 }, '2026-12-03', cal)).toMatchObject({ promisedDueOn: null, remainingDays: null, light: 'pending' });
  const published = createCalendar({ 2027: { holidays: ['2027-01-01'], workdays: [] } });
  // 2 Dec + 20 working days: 3–4 Dec (2), 7–11 (7), 14–18 (12), 21–25 (17), 28–31 (21 > 20): 30 Dec.
  expect(computeClock(december, '2026-12-03', published).promisedDueOn).toBe('2026-12-30');
  expect(computeClock({ ...december, promisedDays: 25 }, '2026-12-03', published).promisedDueOn).toBe('2027-01-07'); // 1 Jan off: 4, 5, 6, 7
});

test('a deadline that cannot be computed yet is flagged pending, so the page can say why (节假日安排未公布)', () => {
  const december: ClockInput = { ...base, submittedOn: '2026-12-01', firstSubmittedOn: '2026-12-01', acceptedOn: '2026-12-02' };
  // Green, with the promised date known, yet the statutory one is pending: the light alone would not say so.
  expect(computeClock(december, '2026-12-03', cal)).toMatchObject({ statutoryDueOn: null, light: 'green', deadlinePending: true });
  expect(computeClock({ ...december, promisedDays: 25 }, '2026-12-03', cal)).toMatchObject({ light: 'pending', deadlinePending: true });
  const published = createCalendar({ 2027: { holidays: ['2027-01-01'], workdays: [] } });
  expect(computeClock(december, '2026-12-03', published).deadlinePending).toBe(false);
  // Before acceptance the intake deadline counts.
  const late: ClockInput = { ...base, state: 'submitted', submittedOn: '2026-12-28', firstSubmittedOn: '2026-12-28', acceptedOn: null };
  expect(computeClock(late, '2026-12-28', cal)).toMatchObject({ intakeDueOn: null, deadlinePending: true });
  expect(computeClock(late, '2026-12-28', published)).toMatchObject({ intakeDueOn: '2027-01-05', deadlinePending: false });
});
