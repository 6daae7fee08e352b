// Demands (诉求): complaints, requests for help, questions, suggestions and
// reports, handled as work orders on the clock (DESIGN.md §2 "Demands").
// The state machine itself lives in functions/domain/demand-flow.ts; every
// demand response carries the caller's `allowedActions`.
import * as z from 'zod/mini';
import { DateString, DepartmentId, Instant, NextCursor, PageQuery, RegionCode, Text, Version } from './common';
import { IdempotencyKey } from './appointments';
import { ServiceSummary } from './catalog';
import { UploadKey } from './uploads';
import { LIGHTS } from './applications';

export const DEMAND_TYPES = ['complaint', 'help', 'consult', 'suggestion', 'report'] as const;
export type DemandType = (typeof DEMAND_TYPES)[number];
export const DEMAND_TYPE_LABELS: Record<DemandType, string> = {
  complaint: '投诉',
  help: '求助',
  consult: '咨询',
  suggestion: '建议',
  report: '举报',
};

export const DEMAND_DOMAINS = [
  'social_security', 'civil_affairs', 'land', 'roads', 'water', 'sanitation', 'housing', 'health', 'education',
  'agriculture', 'safety', 'market', 'staff_conduct', 'other',
] as const;
export type DemandDomain = (typeof DEMAND_DOMAINS)[number];
export const DEMAND_DOMAIN_LABELS: Record<DemandDomain, string> = {
  social_security: '社会保障',
  civil_affairs: '民政救助',
  land: '土地与不动产',
  roads: '道路交通',
  water: '供水与水利',
  sanitation: '环境卫生',
  housing: '住房建设',
  health: '医疗卫生',
  education: '教育',
  agriculture: '农业农村',
  safety: '安全隐患',
  market: '市场监管',
  staff_conduct: '工作作风',
  other: '其他',
};

export const DEMAND_GRADES = ['A', 'B'] as const;
export type DemandGrade = (typeof DEMAND_GRADES)[number];
export const DEMAND_GRADE_LABELS: Record<DemandGrade, string> = { A: 'A级（紧急或涉及多人）', B: 'B级（一般）' };

export const DEMAND_CHANNELS = ['miniprogram', 'hotline', 'walk_in', 'household_visit', 'opinion_book'] as const;
export type DemandChannel = (typeof DEMAND_CHANNELS)[number];
export const DEMAND_CHANNEL_LABELS: Record<DemandChannel, string> = {
  miniprogram: '小程序',
  hotline: '热线',
  walk_in: '窗口来访',
  household_visit: '包联走访',
  opinion_book: '意见簿',
};
/** Channels staff enter on a resident's behalf. */
export const STAFF_CHANNELS = ['hotline', 'walk_in', 'household_visit', 'opinion_book'] as const;

export const DEMAND_STATES = ['received', 'dispatched', 'returned', 'signed', 'awaiting_resident', 'replied', 'closed', 'merged'] as const;
export type DemandState = (typeof DEMAND_STATES)[number];
export const DEMAND_STATE_LABELS: Record<DemandState, string> = {
  received: '已受理',
  dispatched: '已派单',
  returned: '已退单',
  signed: '办理中',
  awaiting_resident: '待补充',
  replied: '已答复',
  closed: '已办结',
  merged: '已并案',
};

export const DEMAND_ACTIONS = [
  'dispatch', 'answer', 'return', 'route', 'sign', 'contact', 'request_info', 'provide_info', 'auto_resume',
  'request_extension', 'decide_extension', 'reply', 'evaluate', 'default_close', 'reopen', 'merge',
] as const;
export type DemandAction = (typeof DEMAND_ACTIONS)[number];
export const DEMAND_ACTION_LABELS: Record<DemandAction, string> = {
  dispatch: '派单',
  answer: '当场答复',
  return: '退单',
  route: '督查改派',
  sign: '签收',
  contact: '联系群众',
  request_info: '请群众补充',
  provide_info: '群众补充情况',
  auto_resume: '超时未补充，恢复计时',
  request_extension: '申请延期',
  decide_extension: '审批延期',
  reply: '答复',
  evaluate: '评价',
  default_close: '默认办结',
  reopen: '重新打开',
  merge: '并案',
};
/** The actions staff take through POST /admin/demands/{id}/actions. */
export const STAFF_DEMAND_ACTIONS = [
  'dispatch', 'answer', 'return', 'route', 'sign', 'contact', 'request_info', 'request_extension', 'decide_extension', 'reply', 'merge',
] as const;
export type StaffDemandAction = (typeof STAFF_DEMAND_ACTIONS)[number];

export const DEMAND_SATISFACTION = ['satisfied', 'basic', 'dissatisfied'] as const;
export type DemandSatisfaction = (typeof DEMAND_SATISFACTION)[number];
export const DEMAND_SATISFACTION_LABELS: Record<DemandSatisfaction, string> = {
  satisfied: '满意',
  basic: '基本满意',
  dissatisfied: '不满意',
};

// ---------------------------------------------------------------- requests

const DemandText = Text(1000, { label: '诉求内容', min: 5, required: '请把诉求写清楚（至少5个字）', multiline: true });
const Note = Text(500, { label: '说明', multiline: true });
const Photos = z.array(UploadKey).check(z.maxLength(6, '最多上传6张图片'));

export const GeoPoint = z.object({
  lat: z.number().check(z.minimum(-90, '纬度应在-90到90之间'), z.maximum(90, '纬度应在-90到90之间')),
  lng: z.number().check(z.minimum(-180, '经度应在-180到180之间'), z.maximum(180, '经度应在-180到180之间')),
  address: z.optional(Text(100, { label: '地点说明' })),
});
export type GeoPoint = z.infer<typeof GeoPoint>;
/** Where it happens: a region (own village by default) and, where it matters, a point. */
export const DemandPlace = z.object({ regionCode: RegionCode, point: z.optional(GeoPoint) });

export const FileDemandRequest = z.object({
  idempotencyKey: IdempotencyKey,
  type: z.enum(DEMAND_TYPES, { error: '请选择诉求类型' }),
  domain: z.enum(DEMAND_DOMAINS, { error: '请选择诉求领域' }),
  text: DemandText,
  photos: z.optional(Photos),
  place: DemandPlace,
  /** 对部门匿名: the department does not see who; the supervisor does. */
  anonymous: z.boolean(),
});
export type FileDemandRequest = z.infer<typeof FileDemandRequest>;

/** Staff enter a demand from another channel on the resident's behalf. */
export const IntakeDemandRequest = z.object({
  idempotencyKey: IdempotencyKey,
  channel: z.enum(STAFF_CHANNELS, { error: '请选择来源渠道' }),
  type: z.enum(DEMAND_TYPES, { error: '请选择诉求类型' }),
  domain: z.enum(DEMAND_DOMAINS, { error: '请选择诉求领域' }),
  grade: z.optional(z.enum(DEMAND_GRADES, { error: '等级应为 A 或 B' })),
  text: DemandText,
  place: DemandPlace,
  anonymous: z.boolean(),
  reporter: z.object({
    name: Text(30, { label: '姓名', min: 1 }),
    phone: z.optional(z.string().check(z.regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, '请输入手机号码或带区号的座机号码'))),
    /** The resident's account, when they have one: then they follow and evaluate it in the mini-program. */
    residentId: z.optional(z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, '居民编号格式不正确'))),
  }),
});
export type IntakeDemandRequest = z.infer<typeof IntakeDemandRequest>;

/** A 咨询 the knowledge base or the catalogue answered: recorded and closed on the spot. */
export const ConsultAnsweredRequest = z.object({
  idempotencyKey: IdempotencyKey,
  domain: z.enum(DEMAND_DOMAINS, { error: '请选择诉求领域' }),
  question: Text(300, { label: '问题', min: 2, multiline: true }),
  answeredBy: z.object({
    kind: z.enum(['knowledge', 'service'], { error: '答复来源无效' }),
    id: z.string().check(z.regex(/^[A-Za-z0-9-]{3,64}$/, '答复来源编号无效')),
  }),
  place: z.optional(DemandPlace),
});
export type ConsultAnsweredRequest = z.infer<typeof ConsultAnsweredRequest>;

export const EvaluationRequest = z.object({
  version: Version,
  solved: z.boolean({ error: '请回答问题是否解决' }),
  satisfaction: z.enum(DEMAND_SATISFACTION, { error: '请选择满意、基本满意或不满意' }),
  comment: z.optional(Note),
});
export type EvaluationRequest = z.infer<typeof EvaluationRequest>;

export const ReopenDemandRequest = z.object({ version: Version, reason: Text(500, { label: '理由', min: 2, required: '请说明重新打开的理由', multiline: true }) });
export const ProvideInfoRequest = z.object({
  version: Version,
  text: Text(1000, { label: '补充内容', min: 1, required: '请填写补充内容', multiline: true }),
  photos: z.optional(Photos),
});

export const DemandActionBody = z.object({
  action: z.enum(STAFF_DEMAND_ACTIONS, { error: '操作无效' }),
  version: Version,
  note: z.optional(Note),
  /** dispatch, route: the department. */
  departmentId: z.optional(DepartmentId),
  /** dispatch: the grade (A 紧急). */
  grade: z.optional(z.enum(DEMAND_GRADES, { error: '等级应为 A 或 B' })),
  /** sign: the first handler (首办), default the signer. */
  handlerUsername: z.optional(z.string().check(z.regex(/^[A-Za-z0-9_-]{1,40}$/, '工作人员账号格式不正确'))),
  /** answer, reply: the text the resident reads; return: the reason; request_info: the question. */
  text: z.optional(Text(2000, { label: '内容', multiline: true })),
  /** reply: what was done (办理结果), required to close. */
  result: z.optional(Text(1000, { label: '办理结果', multiline: true })),
  photos: z.optional(Photos),
  /** request_extension. */
  extensionDays: z.optional(z.int().check(z.minimum(1, '延期至少1个工作日'), z.maximum(15, '延期不能超过15个工作日'))),
  /** decide_extension. */
  approve: z.optional(z.boolean()),
  /** merge: the parent demand. */
  parentId: z.optional(z.string().check(z.regex(/^[a-z0-9-]{8,64}$/, '诉求编号格式不正确'))),
});
export type DemandActionBody = z.infer<typeof DemandActionBody>;

export const DemandParams = z.object({ id: z.string().check(z.regex(/^[a-z0-9-]{8,64}$/, '诉求编号格式不正确')) });

export const DEMAND_VIEWS = ['intake', 'queue', 'all', 'overdue', 'returns', 'extensions', 'defaults'] as const;
export const DemandsQuery = z.extend(PageQuery, {
  view: z.optional(z.enum(DEMAND_VIEWS, { error: '列表类型无效' })),
  departmentId: z.optional(DepartmentId),
});

export const KnowledgeQuery = z.object({ q: z.optional(Text(50, { label: '关键词' })) });
export const PublishKnowledgeRequest = z.object({
  question: Text(300, { label: '问题', min: 2, multiline: true }),
  answer: Text(2000, { label: '答复', min: 2, multiline: true }),
});

const LimitDays = z.int().check(z.minimum(1, '时限至少1个工作日'), z.maximum(60, '时限不能超过60个工作日'));
/** Working-day limits an admin may change per type and domain. */
export const DemandLimitsInput = z.object({
  days: z.object({ complaint: LimitDays, help: LimitDays, consult: LimitDays, suggestion: LimitDays, report: LimitDays }),
  overrides: z.array(z.object({
    type: z.enum(DEMAND_TYPES),
    domain: z.enum(DEMAND_DOMAINS),
    days: LimitDays,
  })).check(z.maxLength(100, '特别时限过多')),
  /** Where a domain (optionally in a region subtree) is dispatched by default. */
  routes: z.array(z.object({
    domain: z.enum(DEMAND_DOMAINS),
    regionPrefix: z.optional(z.string().check(z.regex(/^\d{6,15}$/, '区划代码格式不正确'))),
    departmentId: DepartmentId,
  })).check(z.maxLength(200, '派单规则过多')),
});
export type DemandLimitsInput = z.infer<typeof DemandLimitsInput>;
export const DemandLimitsUpdate = z.extend(DemandLimitsInput, { version: z.int().check(z.minimum(0, '版本号无效'), z.maximum(1_000_000_000, '版本号过大')) });
export const DemandLimits = z.extend(DemandLimitsInput, {
  signDays: z.int(),
  gradeASignHours: z.int(),
  gradeADays: z.int(),
  pauseResumeDays: z.int(),
  evaluationDays: z.int(),
  reopenDays: z.int(),
  version: z.int(),
  updatedAt: z.nullable(Instant),
});
export type DemandLimits = z.infer<typeof DemandLimits>;

// ---------------------------------------------------------------- responses

const Person = z.object({ name: z.string(), phone: z.nullable(z.string()) });
const Photo = z.object({ key: z.string(), url: z.string() });

export const DemandClock = z.object({
  /** When the clock started: the dispatch (not the signing), or the redo / reopening. */
  startedAt: z.nullable(Instant),
  signDueAt: z.nullable(Instant),
  replyDueOn: z.nullable(DateString),
  limitDays: z.nullable(z.int()),
  usedDays: z.nullable(z.int()),
  remainingDays: z.nullable(z.int()),
  pausedDays: z.int(),
  light: z.enum(LIGHTS),
  signedInTime: z.nullable(z.boolean()),
  repliedInTime: z.nullable(z.boolean()),
});
export type DemandClock = z.infer<typeof DemandClock>;

export const DemandEvaluation = z.object({
  at: Instant,
  solved: z.boolean(),
  satisfaction: z.enum(DEMAND_SATISFACTION),
  comment: z.nullable(z.string()),
  isDefault: z.boolean(),
  final: z.boolean(),
});
export type DemandEvaluation = z.infer<typeof DemandEvaluation>;

/** The latest reply. Its photo `url`s are signed (10 minutes) in a detail; in lists they are empty, the keys say how many. */
export const DemandReply = z.object({ at: Instant, text: z.string(), result: z.string(), photos: z.array(Photo), by: z.string() });
export type DemandReply = z.infer<typeof DemandReply>;

export const Demand = z.object({
  id: z.string(),
  number: z.string(),
  type: z.enum(DEMAND_TYPES),
  domain: z.enum(DEMAND_DOMAINS),
  grade: z.enum(DEMAND_GRADES),
  channel: z.enum(DEMAND_CHANNELS),
  text: z.string(),
  place: z.object({ regionCode: z.string(), regionName: z.nullable(z.string()), point: z.nullable(z.object({ lat: z.number(), lng: z.number(), address: z.optional(z.string()) })) }),
  anonymous: z.boolean(),
  /** Who filed it: null where the caller may not see it (an anonymous demand, for the department). */
  reporter: z.nullable(Person),
  state: z.enum(DEMAND_STATES),
  department: z.nullable(z.object({ id: z.string(), name: z.string(), phone: z.nullable(z.string()) })),
  /** The first handler (首办): name and office phone. */
  handler: z.nullable(Person),
  clock: DemandClock,
  extension: z.nullable(z.object({ days: z.int(), reason: z.string(), status: z.enum(['requested', 'approved', 'denied']), requestedAt: Instant })),
  reply: z.nullable(DemandReply),
  evaluations: z.array(DemandEvaluation),
  redone: z.boolean(),
  reopened: z.int(),
  defaultClosed: z.boolean(),
  parentId: z.nullable(z.string()),
  allowedActions: z.array(z.enum(DEMAND_ACTIONS)),
  filedAt: Instant,
  closedAt: z.nullable(Instant),
  updatedAt: Instant,
  version: z.int(),
});
export type Demand = z.infer<typeof Demand>;

export const DemandEvent = z.object({
  at: Instant,
  actor: z.string(),
  role: z.string(),
  action: z.string(),
  from: z.nullable(z.enum(DEMAND_STATES)),
  to: z.nullable(z.enum(DEMAND_STATES)),
  note: z.nullable(z.string()),
});
export type DemandEvent = z.infer<typeof DemandEvent>;

export const DemandDetail = z.extend(Demand, {
  photos: z.array(Photo),
  events: z.array(DemandEvent),
  /** A merged demand follows its parent: the parent's progress, reply and timeline. */
  parent: z.nullable(z.object({ id: z.string(), number: z.string(), state: z.enum(DEMAND_STATES), clock: DemandClock, reply: z.nullable(DemandReply), events: z.array(DemandEvent) })),
});
export type DemandDetail = z.infer<typeof DemandDetail>;

/** Staff detail: plus merge candidates and the suggested department. */
export const StaffDemandDetail = z.extend(DemandDetail, {
  mergeCandidates: z.array(Demand),
  suggestedDepartment: z.nullable(z.object({ id: z.string(), name: z.string() })),
});
export type StaffDemandDetail = z.infer<typeof StaffDemandDetail>;

export const DemandsResponse = z.object({ demands: z.array(Demand), nextCursor: NextCursor });
export type DemandsResponse = z.infer<typeof DemandsResponse>;

export const KnowledgeEntry = z.object({
  id: z.string(),
  question: z.string(),
  answer: z.string(),
  domain: z.enum(DEMAND_DOMAINS),
  departmentName: z.nullable(z.string()),
  publishedAt: Instant,
});
export type KnowledgeEntry = z.infer<typeof KnowledgeEntry>;
export const KnowledgeResponse = z.object({ answers: z.array(KnowledgeEntry), services: z.array(ServiceSummary) });
