// Application (办件) bodies shaped exactly like the shared schemas (the tests
// parse them through the real request module).
import type { Application, ApplicationDetail, ClockView } from '../../../shared/schemas/applications';

export const clock = (over: Partial<ClockView> = {}): ClockView => ({
  intakeDueOn: '2026-03-09',
  deemedAccepted: false,
  startOn: '2026-03-03',
  promisedDueOn: '2026-03-31',
  statutoryDueOn: '2026-04-14',
  remainingDays: 12,
  pausedDays: 0,
  light: 'green',
  onTime: null,
  deadlinePending: false,
  ...over,
});

export const application: ApplicationDetail = {
  id: 'app-0001-abcd',
  caseNumber: 'QS-MZ-20260302-0001',
  serviceCode: 'MZ-002',
  serviceName: '最低生活保障申请',
  departmentId: 'civil-affairs',
  departmentName: '县民政局',
  applicant: { name: '王秀英', phone: '13800001111' },
  state: 'accepted',
  materials: [
    { name: '居民身份证', required: true, provided: true, uploadKeys: ['tmp/r-1/0b7d3c1e-8d5a-4f7e-9a57-2b1f0c3d4e5f.jpg'] },
    { name: '户口簿', required: true, provided: true, uploadKeys: [] },
    { name: '家庭收入情况声明', required: true, provided: false, uploadKeys: [] },
    { name: '残疾证', required: false, provided: false, uploadKeys: [] },
  ],
  missing: [],
  materialsRequests: 0,
  handler: { name: '陈静', phone: '0817-7221301' },
  proxy: null,
  clock: clock(),
  extension: null,
  submittedAt: '2026-03-02T01:30:00.000Z',
  updatedAt: '2026-03-03T02:00:00.000Z',
  version: 2,
  events: [
    { at: '2026-03-02T01:30:00.000Z', actor: '申请人', action: 'submit', from: null, to: 'submitted', note: null },
    { at: '2026-03-03T02:00:00.000Z', actor: '陈静（县民政局）', action: 'accept', from: 'submitted', to: 'accepted', note: null },
  ],
};

/** The summary of a detail (lists carry no events). */
export function summary(a: ApplicationDetail, over: Partial<Application> = {}): Application {
  const { events: _events, ...rest } = a;
  return { ...rest, ...over };
}

export const proxyView = (over: Partial<NonNullable<Application['proxy']>> = {}): NonNullable<Application['proxy']> => ({
  agent: { name: '李建国', phone: '13900002222' },
  steps: [
    { step: 'mandated', at: '2026-03-02T01:30:00.000Z', note: null },
    { step: 'collected', at: '2026-03-02T07:15:00.000Z', note: '上门收取身份证、户口簿' },
  ],
  nextStep: 'submitted',
  ...over,
});
