// Staff actions on a case: which buttons a case offers, what a request must
// say, and what one action produces (next case, timeline entry, 办结 counters,
// invitation, messages), on the official 2026 calendar.
import { APPLICATION_STATES, type ApplicationState } from '../../shared/schemas/applications';
import type { CaseRecord } from '../../functions/domain/application';
import { allowedStaffActions, staffActionFieldErrors, staffActionProblem } from '../../functions/domain/application-flow';
import { applyStaffAction, StaffActionRefused, type StaffActor } from '../../functions/domain/case-actions';
import { createCalendar } from '../../functions/domain/calendar';

const cal = createCalendar();
const clerk: StaffActor = { username: 'clerk-mz', role: 'clerk', name: '刘敏', phone: '0817-1234567' };
const supervisor: StaffActor = { username: 'xiaoneng', role: 'supervisor', name: '肖能', phone: null };
const when = { at: '2026-03-16T02:00:00.000Z', today: '2026-03-16' };

const base: CaseRecord = {
  id: 'app-1', caseNumber: '20260209-ABCDE', residentId: 'r-zhang', townCode: '511999102', applicantName: '张秀英', applicantPhone: '13800000000',
  serviceCode: 'QS-MZ-001', serviceName: '最低生活保障申请', handlingLevel: 'county', departmentId: 'civil-affairs', departmentName: '县民政局',
  state: 'submitted', previousState: null, materials: [], missing: [], materialsRequests: 0, handler: null, proxy: null,
  submittedOn: '2026-02-09', firstSubmittedOn: '2026-02-09', acceptedOn: null, concludedOn: null, promisedDays: 20, statutoryDays: 30,
  extension: null, pauses: [], submittedAt: '2026-02-09T01:00:00.000Z', updatedAt: '2026-02-09T01:00:00.000Z', version: 4,
};
const at = (state: ApplicationState, more: Partial<CaseRecord> = {}): CaseRecord => ({ ...base, state, ...more });

describe('the buttons a case offers', () => {
  test('by state, in the table’s order', () => {
    const offered = Object.fromEntries(APPLICATION_STATES.map((s) => [s, allowedStaffActions(at(s), 'clerk')]));
    expect(offered).toEqual({
      submitted: ['accept', 'request_materials', 'reject', 'suspend'],
      accepted: ['review', 'suspend', 'extend'],
      reviewing: ['approve', 'deny', 'suspend', 'extend'],
      approved: ['deliver'],
      denied: ['deliver'],
      suspended: ['resume'],
      awaiting_materials: [],
      rejected: [],
      delivered: [],
      withdrawn: [],
    });
  });

  test('one extension; the one-time notice once, unless a supervisor overrides', () => {
    expect(allowedStaffActions(at('accepted', { extension: { days: 5, reason: '核查' } }), 'dept_head')).toEqual(['review', 'suspend']);
    expect(allowedStaffActions(at('submitted', { materialsRequests: 1 }), 'clerk')).toEqual(['accept', 'reject', 'suspend']);
    expect(allowedStaffActions(at('submitted', { materialsRequests: 1 }), 'supervisor')).toContain('request_materials');
  });
});

describe('what a request must say', () => {
  test('field errors, in the order the form shows them', () => {
    expect(staffActionFieldErrors({ action: 'request_materials', missing: [] })).toEqual({ missing: '请勾选或填写缺少的材料（一次性全部列出）' });
    expect(staffActionFieldErrors({ action: 'reject', note: '  ' })).toEqual({ note: '请说明不予受理的理由' });
    expect(staffActionFieldErrors({ action: 'extend' })).toEqual({ note: '请填写延期理由' });
    expect(staffActionFieldErrors({ action: 'extend', note: '核查', extensionDays: 61 })).toEqual({ extensionDays: '延期天数应为1-60个工作日' });
    expect(staffActionFieldErrors({ action: 'extend', note: '核查', extensionDays: 60 })).toEqual({});
    expect(staffActionFieldErrors({ action: 'accept' })).toEqual({});
  });

  test('the table first (409), then the form (400), then the one-time notice (409)', () => {
    expect(staffActionProblem(at('accepted'), { action: 'reject' }, 'clerk')).toMatchObject({ kind: 'refused', code: 'ILLEGAL_TRANSITION', message: '当前状态（受理）不能执行此操作' });
    expect(staffActionProblem(at('submitted'), { action: 'extend', note: 'x', extensionDays: 3 }, 'clerk')).toMatchObject({ code: 'ILLEGAL_TRANSITION', message: '只有受理后、办结前的办件可以延期' });
    expect(staffActionProblem(at('reviewing', { extension: { days: 3, reason: 'x' } }), { action: 'extend' }, 'clerk')).toMatchObject({ code: 'ALREADY_EXTENDED' });
    const again = at('submitted', { materialsRequests: 1 });
    expect(staffActionProblem(again, { action: 'request_materials' }, 'clerk')).toMatchObject({ kind: 'input' });
    expect(staffActionProblem(again, { action: 'request_materials', missing: [{ name: '户口簿' }] }, 'clerk')).toMatchObject({ code: 'ONE_TIME_NOTICE', message: expect.stringContaining('已一次性告知过缺件') });
    expect(staffActionProblem(again, { action: 'request_materials', missing: [{ name: '户口簿' }] }, 'supervisor')).toMatchObject({ code: 'ONE_TIME_NOTICE', message: '已告知过一次，再次补正须由督查填写理由' });
    expect(staffActionProblem(again, { action: 'request_materials', missing: [{ name: '户口簿' }], overrideReason: '政策调整' }, 'supervisor')).toBeNull();
  });
});

describe('one action', () => {
  test('受理: the clerk becomes the handler, the clock starts, the applicant is told', () => {
    const out = applyStaffAction(base, { action: 'accept' }, clerk, when, cal);
    expect(out.next).toMatchObject({ state: 'accepted', acceptedOn: '2026-03-16', version: 5, handler: { username: 'clerk-mz', name: '刘敏', phone: '0817-1234567' } });
    expect(out.events).toEqual([{ at: when.at, actor: '刘敏（窗口人员）', action: 'accept', from: 'submitted', to: 'accepted', note: '受理' }]);
    expect(out).toMatchObject({ conclusion: undefined, invite: false });
    expect(out.messages.map((m) => m.kind)).toEqual(['case']);
  });

  test('一次性告知补正 lists everything; a supervisor’s second notice records the reason', () => {
    const missing = [{ name: '户口簿', note: '全部家庭成员页' }, { name: '家庭收入情况声明' }];
    const first = applyStaffAction(base, { action: 'request_materials', missing, note: '请一次带齐' }, clerk, when, cal);
    expect(first.next).toMatchObject({ state: 'awaiting_materials', missing, materialsRequests: 1 });
    expect(first.events[0]!.note).toBe('一次性告知缺少：户口簿、家庭收入情况声明。请一次带齐');
    const again = applyStaffAction(at('submitted', { materialsRequests: 1 }), { action: 'request_materials', missing, overrideReason: '政策调整新增材料' }, supervisor, when, cal);
    expect(again.events[0]!.note).toBe('一次性告知缺少：户口簿、家庭收入情况声明。督查同意再次补正：政策调整新增材料');
    expect(() => applyStaffAction(at('submitted', { materialsRequests: 1 }), { action: 'request_materials', missing }, clerk, when, cal)).toThrow(StaffActionRefused);
  });

  test('挂起 and 恢复 open and close a pause; 延期 moves no state', () => {
    const suspended = applyStaffAction(at('accepted', { acceptedOn: '2026-02-10' }), { action: 'suspend', note: '等待公示' }, clerk, when, cal).next;
    expect(suspended).toMatchObject({ state: 'suspended', previousState: 'accepted', pauses: [{ from: '2026-03-16', to: null }] });
    const resumed = applyStaffAction(suspended, { action: 'resume' }, clerk, { at: '2026-03-18T02:00:00.000Z', today: '2026-03-18' }, cal).next;
    expect(resumed).toMatchObject({ state: 'accepted', previousState: null, pauses: [{ from: '2026-03-16', to: '2026-03-18' }] });
    const extended = applyStaffAction(resumed, { action: 'extend', extensionDays: 5, note: '需入户核查' }, clerk, when, cal);
    expect(extended.next).toMatchObject({ state: 'accepted', extension: { days: 5, reason: '需入户核查' } });
    expect(extended.events[0]).toMatchObject({ from: null, to: null, note: '延期5个工作日：需入户核查' });
    expect(extended.messages).toEqual([]);
  });

  test('准予办结 on the promised day: counted on time with its working days, the applicant invited to rate', () => {
    // Accepted 10 Feb, 20 working days across the Spring Festival: due 16 Mar.
    const out = applyStaffAction(at('reviewing', { acceptedOn: '2026-02-10' }), { action: 'approve' }, clerk, when, cal);
    expect(out.next).toMatchObject({ state: 'approved', concludedOn: '2026-03-16' });
    expect(out.conclusion).toEqual({ serviceCode: 'QS-MZ-001', onTime: true, workingDays: 20 });
    expect(out.invite).toBe(true);
    expect(out.messages.map((m) => m.kind)).toEqual(['case', 'rating']);
    // 送达 after 办结: no second invitation, no second count.
    const delivered = applyStaffAction(out.next, { action: 'deliver' }, clerk, when, cal);
    expect(delivered).toMatchObject({ conclusion: undefined, invite: false });
  });

  test('准予 of an item that grants a benefit records what the applicant now holds, until when; 不予许可 and 送达 record nothing', () => {
    const allowance = { grants: { certificate: 'high_age_allowance' as const, validMonths: 12 } };
    const out = applyStaffAction(at('reviewing', { acceptedOn: '2026-02-10', ...allowance }), { action: 'approve' }, clerk, when, cal);
    expect(out.holding).toEqual({ certificate: 'high_age_allowance', grantedOn: '2026-03-16', endsOn: '2027-03-15', caseId: 'app-1' });
    expect(applyStaffAction(out.next, { action: 'deliver' }, clerk, when, cal).holding).toBeNull();
    expect(applyStaffAction(at('reviewing', allowance), { action: 'deny', note: '未满80周岁' }, clerk, when, cal).holding).toBeNull();
    expect(applyStaffAction(at('reviewing'), { action: 'approve' }, clerk, when, cal).holding).toBeNull();
  });

  test('不予受理 concludes without a performance count; a missing reason is the input’s fault', () => {
    expect(() => applyStaffAction(base, { action: 'reject' }, clerk, when, cal)).toThrow('请说明不予受理的理由');
    const out = applyStaffAction(base, { action: 'reject', note: '不属于本县户籍' }, clerk, when, cal);
    expect(out.next).toMatchObject({ state: 'rejected', concludedOn: '2026-03-16', handler: { username: 'clerk-mz' } });
    expect(out).toMatchObject({ conclusion: undefined, invite: true });
  });
});
