// Certificates an approved case grants, and when they end.
import { addMonths, holdingFromConclusion, monthsBetween } from '../../functions/domain/certificates';
import { addCalendarDays } from '../../functions/domain/calendar';
import { firedRules } from '../../functions/domain/notices';

describe('a holding from an approved case', () => {
  test('valid for whole months, through the day before the same date', () => {
    expect(holdingFromConclusion({ certificate: 'high_age_allowance', validMonths: 12 }, '2026-03-15', 'c1')).toEqual({
      certificate: 'high_age_allowance', grantedOn: '2026-03-15', endsOn: '2027-03-14', caseId: 'c1',
    });
    expect(holdingFromConclusion({ certificate: 'elder_card', validMonths: 60 }, '2026-12-01', 'c2')?.endsOn).toBe('2031-11-30');
  });

  test('a month end clamps (31 January + 1 month is the end of February)', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(holdingFromConclusion({ certificate: 'disability_card', validMonths: 1 }, '2026-01-31', 'c3')?.endsOn).toBe('2026-02-27');
  });

  test('an item that grants nothing records nothing', () => {
    expect(holdingFromConclusion(null, '2026-03-15', 'c1')).toBeNull();
    expect(holdingFromConclusion(undefined, '2026-03-15', 'c1')).toBeNull();
  });
});

test('the end-date index is read month by month across a year end', () => {
  expect(monthsBetween('2026-12-10', addCalendarDays('2026-12-10', 30))).toEqual(['2026-12', '2027-01']);
  expect(monthsBetween('2026-12-01', '2026-12-31')).toEqual(['2026-12']);
  expect(addCalendarDays('2026-12-31', 1)).toBe('2027-01-01');
  expect(addCalendarDays('2028-03-01', -1)).toBe('2028-02-29');
});

test('a 高龄津贴 granted a year ago fires its renewal reminder 30 days before it ends, not 31', () => {
  const held = holdingFromConclusion({ certificate: 'high_age_allowance', validMonths: 12 }, '2025-12-31', 'c1')!;
  expect(held.endsOn).toBe('2026-12-30');
  const subject = { residentId: 'r1', birthDate: null, expiries: { [held.certificate]: held.endsOn } };
  expect(firedRules(subject, '2026-11-30').map((f) => f.rule.id)).toEqual(['high-age-allowance-renewal']);
  expect(firedRules(subject, '2026-11-29')).toEqual([]);
  expect(firedRules(subject, '2026-12-31')).toEqual([]);
});
