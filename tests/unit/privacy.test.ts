import { consentIsCurrent, deletionDueBy, deletionOutcome, exportSummary, fullViews, maskIdNumber, PRIVACY_NOTICE } from '../../functions/domain/privacy';

describe('privacy rules', () => {
  test('consent is current only for the current version', () => {
    expect(consentIsCurrent({ version: PRIVACY_NOTICE.version, consentedAt: '2026-12-01T00:00:00Z' })).toBe(true);
    expect(consentIsCurrent({ version: '2020-01-01', consentedAt: '2026-12-01T00:00:00Z' })).toBe(false);
    expect(consentIsCurrent(null)).toBe(false);
    expect(consentIsCurrent(undefined)).toBe(false);
  });

  test('a deletion is due within 15 days', () => {
    expect(deletionDueBy('2026-12-01T08:00:00.000Z')).toBe('2026-12-16T08:00:00.000Z');
  });

  test('the outcome keeps only what exists, each with its reason', () => {
    const { erased, kept } = deletionOutcome({ appointments: 0, applications: 2, ratings: 1, invites: 1, demands: 0, inbox: 3 });
    expect(kept.map((k) => k.what)).toEqual(['办件档案', '评价分数']);
    expect(kept.every((k) => k.reason.length > 10)).toBe(true);
    expect(erased.find((e) => e.what === '消息')?.count).toBe(3);
  });

  test('ID numbers are masked to region and last four', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
    expect(maskIdNumber(null)).toBe('');
  });

  test('a full view is logged only for records shown with a phone or ID number', () => {
    const views = fullViews({ username: 'clerk-mz', role: 'clerk' }, 'application', [{ id: 'a', phone: '13800000000' }, { id: 'b', phone: null }, { id: 'c', idNumber: '11010519491231002X', phone: '1' }], 'T');
    expect(views).toEqual([
      { at: 'T', username: 'clerk-mz', role: 'clerk', recordType: 'application', recordId: 'a', fields: ['phone'] },
      { at: 'T', username: 'clerk-mz', role: 'clerk', recordType: 'application', recordId: 'c', fields: ['phone', 'idNumber'] },
    ]);
  });

  test('the summary reads in Chinese with the counts', () => {
    const s = exportSummary({ name: '张桂英', phone: null, consent: null, appointments: 1, applications: 2, ratings: 0, demands: 1, inbox: 4 }, '2026-12-01T00:00:00Z');
    expect(s).toMatch(/姓名：张桂英；手机号：未填写/);
    expect(s).toMatch(/办件 2 件/);
    expect(s).toMatch(/尚未同意/);
  });
});
