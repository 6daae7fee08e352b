import * as z from 'zod/mini';
import { DateString, DepartmentId, Instant, NextCursor, PageQuery, Text, Version } from './common';
import { ServiceCode } from './catalog';
import { IdempotencyKey } from './appointments';
import { UploadKey } from './uploads';

export const APPLICATION_STATES = [
  'submitted', 'accepted', 'awaiting_materials', 'rejected', 'reviewing', 'approved', 'denied', 'delivered', 'suspended', 'withdrawn',
] as const;
export type ApplicationState = (typeof APPLICATION_STATES)[number];
export const APPLICATION_STATE_LABELS: Record<ApplicationState, string> = {
  submitted: '收件',
  accepted: '受理',
  awaiting_materials: '补齐补正',
  rejected: '不予受理',
  reviewing: '审核',
  approved: '办结（准予）',
  denied: '办结（不予许可）',
  delivered: '已送达',
  suspended: '挂起',
  withdrawn: '已撤回',
};
export const STAFF_ACTIONS = ['accept', 'request_materials', 'reject', 'review', 'approve', 'deny', 'deliver', 'suspend', 'resume', 'extend'] as const;
export type StaffAction = (typeof STAFF_ACTIONS)[number];
export const STAFF_ACTION_LABELS: Record<StaffAction, string> = {
  accept: '受理',
  request_materials: '一次性告知补正',
  reject: '不予受理',
  review: '开始审核',
  approve: '准予办结',
  deny: '不予许可',
  deliver: '送达',
  suspend: '挂起',
  resume: '恢复办理',
  extend: '延期',
};
/** `pending`: the deadline falls in a year whose working-day calendar is not published yet. */
export const LIGHTS = ['green', 'yellow', 'red', 'paused', 'done', 'pending'] as const;
export const LIGHT_LABELS: Record<(typeof LIGHTS)[number], string> = {
  green: '正常',
  yellow: '临期',
  red: '超期',
  paused: '计时暂停',
  done: '已办结',
  pending: '期限待定',
};
export const PROXY_STEPS = ['mandated', 'collected', 'submitted', 'result_collected', 'returned'] as const;
export type ProxyStep = (typeof PROXY_STEPS)[number];
export const PROXY_STEP_LABELS: Record<ProxyStep, string> = {
  mandated: '委托',
  collected: '代收',
  submitted: '代交',
  result_collected: '代领',
  returned: '回交',
};

const Note = Text(300, { label: '说明', multiline: true });

export const DeclaredMaterial = z.object({
  name: Text(100, { label: '材料名称', min: 1 }),
  provided: z.boolean(),
  uploadKeys: z.array(UploadKey).check(z.maxLength(5, '每项材料最多上传5张图片')),
});

export const ApplyRequest = z.object({
  serviceCode: ServiceCode,
  idempotencyKey: IdempotencyKey,
  materials: z.array(DeclaredMaterial).check(z.maxLength(40, '材料过多')),
  proxy: z.boolean(),
  note: z.optional(Note),
});
export type ApplyRequest = z.infer<typeof ApplyRequest>;

export const MaterialStatus = z.object({
  name: z.string(),
  required: z.boolean(),
  provided: z.boolean(),
  uploadKeys: z.array(z.string()),
});

export const MissingMaterial = z.object({
  name: Text(100, { label: '材料名称', min: 1, required: '请填写缺少的材料' }),
  note: z.optional(Text(200, { label: '说明', multiline: true })),
});
/** As stored and returned (rows may predate the text rules). */
const StoredMissingMaterial = z.object({ name: z.string(), note: z.optional(z.string()) });

export const ClockView = z.object({
  intakeDueOn: z.nullable(DateString),
  deemedAccepted: z.boolean(),
  startOn: z.nullable(DateString),
  promisedDueOn: z.nullable(DateString),
  statutoryDueOn: z.nullable(DateString),
  remainingDays: z.nullable(z.int()),
  pausedDays: z.int(),
  light: z.enum(LIGHTS),
  onTime: z.nullable(z.boolean()),
  /** A deadline of this case falls in a year whose working-day calendar is not published: the page says 待定（节假日安排未公布）. */
  deadlinePending: z.boolean(),
});
export type ClockView = z.infer<typeof ClockView>;

export const PersonRef = z.object({ name: z.string(), phone: z.nullable(z.string()) });

export const ProxyView = z.object({
  agent: z.nullable(PersonRef),
  steps: z.array(z.object({ step: z.enum(PROXY_STEPS), at: Instant, note: z.nullable(z.string()) })),
  nextStep: z.nullable(z.enum(PROXY_STEPS)),
});

export const Application = z.object({
  id: z.string(),
  caseNumber: z.string(),
  serviceCode: ServiceCode,
  serviceName: z.string(),
  departmentId: z.string(),
  departmentName: z.string(),
  /** The applicant: full for the resident, masked in staff lists. */
  applicant: PersonRef,
  state: z.enum(APPLICATION_STATES),
  materials: z.array(MaterialStatus),
  /** The one-time notice of everything missing (一次性告知), when requested. */
  missing: z.array(StoredMissingMaterial),
  materialsRequests: z.int(),
  handler: z.nullable(PersonRef),
  /** In a staff queue: the absent clerk (the handler) whose post the viewer serves today (代岗), else null. */
  coveringFor: z.optional(z.nullable(z.string())),
  proxy: z.nullable(ProxyView),
  clock: ClockView,
  extension: z.nullable(z.object({ days: z.int(), reason: z.string() })),
  submittedAt: Instant,
  updatedAt: Instant,
  version: z.int(),
});
export type Application = z.infer<typeof Application>;

export const ApplicationEvent = z.object({
  at: Instant,
  actor: z.string(),
  action: z.string(),
  from: z.nullable(z.enum(APPLICATION_STATES)),
  to: z.nullable(z.enum(APPLICATION_STATES)),
  note: z.nullable(z.string()),
});
export type ApplicationEvent = z.infer<typeof ApplicationEvent>;

export const ApplicationDetail = z.extend(Application, {
  events: z.array(ApplicationEvent),
  /** The applicant may still withdraw it (before acceptance; the state machine in functions/domain/application.ts decides). */
  withdrawable: z.optional(z.boolean()),
});
export type ApplicationDetail = z.infer<typeof ApplicationDetail>;

export const ApplicationParams = z.object({ id: z.string().check(z.regex(/^[a-z0-9-]{8,64}$/, '办件编号格式不正确')) });
export const ApplicationsResponse = z.object({ applications: z.array(Application), nextCursor: NextCursor });

/** 撤回: the version the resident saw, and optionally why. */
export const WithdrawRequest = z.object({ version: Version, reason: z.optional(Note) });
export type WithdrawRequest = z.infer<typeof WithdrawRequest>;

export const SupplementRequest = z.object({ version: Version, materials: z.array(DeclaredMaterial).check(z.maxLength(40, '材料过多')), note: z.optional(Note) });

export const StaffActionBody = z.object({
  action: z.enum(STAFF_ACTIONS),
  version: Version,
  note: z.optional(Note),
  /** request_materials: everything missing, at once. */
  missing: z.optional(z.array(MissingMaterial).check(z.maxLength(40, '缺少的材料过多'))),
  /** A second request for materials needs a supervisor and a recorded reason. */
  overrideReason: z.optional(Text(200, { label: '理由', min: 4, required: '请说明再次补正的理由', multiline: true })),
  extensionDays: z.optional(z.int().check(z.minimum(1, '延期至少1个工作日'), z.maximum(60, '延期不能超过60个工作日'))),
});
export type StaffActionBody = z.infer<typeof StaffActionBody>;

export const ProxyStepBody = z.object({ step: z.enum(PROXY_STEPS), version: Version, note: z.optional(Note) });
export const ProxyAssignBody = z.object({ agentUsername: Text(40, { label: '代办员', min: 1, required: '请选择代办员' }), version: Version });
export const QueueQuery = z.extend(PageQuery, { departmentId: z.optional(DepartmentId) });

export const AlertsQuery = z.object({ departmentId: z.optional(DepartmentId), date: z.optional(DateString) });
/** The deadline sweep's digest for a department head. */
export const AlertsResponse = z.object({
  departmentId: z.string(),
  date: DateString,
  sweptAt: z.nullable(Instant),
  red: z.array(z.string()),
  yellow: z.array(z.string()),
  deemedAccepted: z.array(z.string()),
  /** Rectification tickets of bad reviews past their deadline (case numbers or booking codes). */
  overdueTickets: z.array(z.string()),
  /** Demands (诉求) of the department past their deadline, and those at 75 % of their limit (about to go red): their numbers. */
  demandsRed: z.optional(z.array(z.string())),
  demandsYellow: z.optional(z.array(z.string())),
});

/** Signed, short-lived links to a case's photos (staff only). */
export const PhotosResponse = z.object({
  photos: z.array(z.object({ material: z.string(), key: z.string(), url: z.string(), expiresAt: Instant })),
});
