// Ratings (好差评): one rating per concluded case (一事一评) and per attended
// visit (一次一评); bad reviews open rectification tickets; satisfaction is
// kept as running counters per county, department, staff member and town.
import * as z from 'zod/mini';
import { DateString, DepartmentId, Instant, MAX_YEAR, MIN_YEAR, MonthString, NextCursor, PageQuery, Text, Version } from './common';
import { IdempotencyKey } from './appointments';

export const RATING_LEVELS = [5, 4, 3, 2, 1] as const;
export type RatingLevel = 1 | 2 | 3 | 4 | 5;
/** The national five levels. */
export const RATING_LEVEL_LABELS: Record<RatingLevel, string> = {
  5: '非常满意',
  4: '满意',
  3: '基本满意',
  2: '不满意',
  1: '非常不满意',
};

export const RATING_DIMENSIONS = ['efficiency', 'attitude', 'service', 'convenience'] as const;
export type RatingDimension = (typeof RATING_DIMENSIONS)[number];
export const RATING_DIMENSION_LABELS: Record<RatingDimension, string> = {
  efficiency: '办事效率',
  attitude: '服务态度',
  service: '服务水平（指南准确）',
  convenience: '便利程度',
};

/** Why a review is bad (levels 1–2 need at least one). */
export const BAD_REASONS = ['overdue', 'extra_conditions', 'extra_materials', 'attitude', 'repeat_visits', 'other'] as const;
export type BadReason = (typeof BAD_REASONS)[number];
export const BAD_REASON_LABELS: Record<BadReason, string> = {
  overdue: '超时未办结',
  extra_conditions: '增加审批条件',
  extra_materials: '要求指南外材料',
  attitude: '服务态度差',
  repeat_visits: '多次跑腿',
  other: '其他',
};

export const RATING_TARGETS = ['application', 'appointment'] as const;
export type RatingTarget = (typeof RATING_TARGETS)[number];
export const RATING_TARGET_LABELS: Record<RatingTarget, string> = {
  application: '办件（一事一评）',
  appointment: '窗口办事（一次一评）',
};

const Level = z.int().check(z.minimum(1, '评价等级为1-5'), z.maximum(5, '评价等级为1-5'));
const TargetId = z.string().check(z.regex(/^[a-z0-9-]{8,64}$/, '评价对象编号格式不正确'));

export const RateRequest = z.object({
  targetType: z.enum(RATING_TARGETS),
  targetId: TargetId,
  idempotencyKey: IdempotencyKey,
  level: Level,
  dimensions: z.object({ efficiency: Level, attitude: Level, service: Level, convenience: Level }),
  /** Levels 1–2: why (at least one). */
  reasons: z.optional(z.array(z.enum(BAD_REASONS)).check(z.maxLength(6, '原因过多'))),
  comment: z.optional(Text(300, { label: '评价内容', multiline: true })),
  /** Proxy cases: the resident also rates the agent (代办员). */
  agentLevel: z.optional(Level),
});
export type RateRequest = z.infer<typeof RateRequest>;

export const TICKET_STATUSES = ['open', 'verified', 'rectified', 'followed_up', 'closed', 'appealed', 'voided', 'withdrawn'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];
export const TICKET_STATUS_LABELS: Record<TicketStatus, string> = {
  open: '待核实',
  verified: '已核实，整改中',
  rectified: '已整改，待回访',
  followed_up: '已回访，待公开',
  closed: '已办结（结果已公开）',
  appealed: '申诉中',
  voided: '申诉成立，评价不计入',
  withdrawn: '居民已修改评价',
};
export const TICKET_ACTIONS = ['verify', 'rectify', 'follow_up', 'publish', 'appeal'] as const;
export type TicketAction = (typeof TICKET_ACTIONS)[number];
export const TICKET_ACTION_LABELS: Record<TicketAction, string> = {
  verify: '核实情况',
  rectify: '整改落实',
  follow_up: '电话回访',
  publish: '公开整改结果',
  appeal: '申诉（恶意或错误评价）',
};
export const FOLLOW_UP_VIEWS = ['satisfied', 'basically', 'unsatisfied'] as const;
export type FollowUpView = (typeof FOLLOW_UP_VIEWS)[number];
export const FOLLOW_UP_VIEW_LABELS: Record<FollowUpView, string> = {
  satisfied: '满意',
  basically: '基本满意',
  unsatisfied: '不满意',
};
export const APPEAL_DECISIONS = ['upheld', 'dismissed'] as const;
export const APPEAL_DECISION_LABELS: Record<(typeof APPEAL_DECISIONS)[number], string> = {
  upheld: '申诉成立（评价不计入满意度）',
  dismissed: '申诉不成立（继续整改）',
};

/** What the resident sees of the ticket their bad review opened. */
export const TicketOutcome = z.object({
  status: z.enum(TICKET_STATUSES),
  dueOn: z.nullable(DateString),
  /** The deadline's year has no published calendar yet: 待定（节假日安排未公布）. */
  dueOnPending: z.boolean(),
  /** The published outcome (整改结果), once published or decided. */
  outcome: z.nullable(z.string()),
  outcomeAt: z.nullable(Instant),
});

export const Rating = z.object({
  id: z.string(),
  targetType: z.enum(RATING_TARGETS),
  targetId: z.string(),
  /** Case number, or the booking code of a visit. */
  reference: z.string(),
  serviceName: z.string(),
  departmentName: z.string(),
  level: Level,
  dimensions: z.object({ efficiency: Level, attitude: Level, service: Level, convenience: Level }),
  reasons: z.array(z.enum(BAD_REASONS)),
  comment: z.nullable(z.string()),
  agentLevel: z.nullable(Level),
  /** The proxy agent rated with the case, if any. */
  agentName: z.nullable(z.string()),
  /** Recorded by the system after 7 days without a rating (默认基本满意). */
  isDefault: z.boolean(),
  ratedAt: Instant,
  /** Until when the resident may still change it. */
  changeableUntil: z.nullable(Instant),
  ticket: z.nullable(TicketOutcome),
  version: z.int(),
});
export type Rating = z.infer<typeof Rating>;

/** Something the resident is invited to rate. */
export const RatingInvite = z.object({
  targetType: z.enum(RATING_TARGETS),
  targetId: z.string(),
  reference: z.string(),
  serviceName: z.string(),
  departmentName: z.string(),
  /** Whether the resident also rates a proxy agent. */
  agentName: z.nullable(z.string()),
  /** After this day the rating is recorded as a default 基本满意. */
  dueOn: DateString,
});
export type RatingInvite = z.infer<typeof RatingInvite>;

/** `pending` in full (they lapse after 7 days); `ratings` one page at a time. */
export const MyRatingsResponse = z.object({ pending: z.array(RatingInvite), ratings: z.array(Rating), nextCursor: NextCursor });
export type MyRatingsResponse = z.infer<typeof MyRatingsResponse>;

/** Counts per level and the rates (defaults are counted apart and not in the rates). */
export const Satisfaction = z.object({
  total: z.int(),
  /** Index 0 = level 1 … index 4 = level 5. */
  levels: z.array(z.int()),
  defaults: z.int(),
  /** Share of ratings ≥ 3; null without ratings. */
  satisfactionRate: z.nullable(z.number().check(z.minimum(0), z.maximum(1))),
  /** Share of ratings ≥ 4. */
  goodRate: z.nullable(z.number().check(z.minimum(0), z.maximum(1))),
});
export type Satisfaction = z.infer<typeof Satisfaction>;

export const FLAGS = ['summon', 'promotion_veto', 'bottom3', 'valid_complaint'] as const;
export type Flag = (typeof FLAGS)[number];
export const FLAG_LABELS: Record<Flag, string> = {
  summon: '满意率低于75%，约谈',
  promotion_veto: '满意率低于80%，不得评优提拔',
  bottom3: '满意率倒数前三',
  valid_complaint: '有查实有效的投诉',
};

/** The public page: no reviewer identities, no comments, no day; the item only where it cannot point at one household. */
export const PublicBadReview = z.object({
  /** YYYY-MM: the month only. */
  month: z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/)),
  /** Null when the department has fewer than 3 bad reviews of this item on the page (the department is shown alone). */
  serviceName: z.nullable(z.string()),
  departmentName: z.string(),
  level: Level,
  reasons: z.array(z.enum(BAD_REASONS)),
  status: z.enum(TICKET_STATUSES),
  outcome: z.nullable(z.string()),
});
export const PublicSatisfactionResponse = z.object({
  year: z.int().check(z.minimum(MIN_YEAR), z.maximum(MAX_YEAR)),
  county: Satisfaction,
  departments: z.array(z.object({ id: z.string(), name: z.string(), year: Satisfaction, flags: z.array(z.enum(FLAGS)) })),
  recentBadReviews: z.array(PublicBadReview),
});
export type PublicSatisfactionResponse = z.infer<typeof PublicSatisfactionResponse>;

// Staff
export const TicketEvent = z.object({ at: Instant, actor: z.string(), action: z.string(), note: z.nullable(z.string()) });
export const Ticket = z.object({
  id: z.string(),
  targetType: z.enum(RATING_TARGETS),
  reference: z.string(),
  serviceName: z.string(),
  departmentId: z.string(),
  departmentName: z.string(),
  /** The responsible person (经办人), when known. */
  responsible: z.nullable(z.object({ username: z.string(), name: z.string() })),
  level: Level,
  reasons: z.array(z.enum(BAD_REASONS)),
  comment: z.nullable(z.string()),
  status: z.enum(TICKET_STATUSES),
  createdOn: DateString,
  dueOn: z.nullable(DateString),
  /** The deadline's year has no published calendar yet: 待定（节假日安排未公布）. */
  dueOnPending: z.boolean(),
  overdue: z.boolean(),
  verification: z.nullable(z.string()),
  rectification: z.nullable(z.string()),
  /** The call back; the resident's view is null when they could not be reached. */
  followUp: z.nullable(z.object({ at: Instant, reached: z.boolean(), residentView: z.nullable(z.enum(FOLLOW_UP_VIEWS)), note: z.string() })),
  outcome: z.nullable(z.string()),
  appeal: z.nullable(z.object({
    reason: z.string(),
    by: z.string(),
    at: Instant,
    decision: z.nullable(z.enum(APPEAL_DECISIONS)),
    decisionNote: z.nullable(z.string()),
    decidedBy: z.nullable(z.string()),
  })),
  createdAt: Instant,
  updatedAt: Instant,
  version: z.int(),
});
export type Ticket = z.infer<typeof Ticket>;
export const TicketDetail = z.extend(Ticket, {
  events: z.array(TicketEvent),
  /**
   * What the signed-in staff member may do now (functions/domain/access.ts):
   * the next step for the head of the department or the supervisor — never
   * for the person the review names, who may only appeal; 'decide' is the
   * supervisor's ruling on an appeal.
   */
  allowedActions: z.array(z.enum([...TICKET_ACTIONS, 'decide'])),
  /** For the follow-up call (部门负责人 and 督查 only). */
  resident: z.nullable(z.object({ name: z.string(), phone: z.nullable(z.string()) })),
});
export type TicketDetail = z.infer<typeof TicketDetail>;

export const TICKET_VIEWS = ['open', 'all', 'overdue', 'appealed'] as const;
export const TicketsQuery = z.extend(PageQuery, {
  departmentId: z.optional(DepartmentId),
  view: z.optional(z.enum(TICKET_VIEWS)),
});
export const TicketsResponse = z.object({ tickets: z.array(Ticket), nextCursor: NextCursor });
export const TicketParams = z.object({ id: z.string().check(z.regex(/^[A-Za-z0-9-]{8,64}$/, '整改单编号格式不正确')) });

const Note = Text(500, { label: '说明', min: 2, required: '请填写说明', multiline: true });
export const TicketActionBody = z.object({
  action: z.enum(TICKET_ACTIONS),
  version: Version,
  note: Note,
  /** follow_up: the call with the resident; their view when reached. */
  followUp: z.optional(z.object({ reached: z.boolean(), residentView: z.optional(z.nullable(z.enum(FOLLOW_UP_VIEWS))) })),
});
export type TicketActionBody = z.infer<typeof TicketActionBody>;
export const AppealDecisionBody = z.object({ decision: z.enum(APPEAL_DECISIONS), version: Version, note: Note });

export const Month = MonthString;
export const DashboardQuery = z.object({ month: z.optional(Month) });
const Row = z.object({
  id: z.string(),
  name: z.string(),
  month: Satisfaction,
  year: Satisfaction,
  /** Satisfaction rate of each of `months`, oldest first (null: no ratings). */
  trend: z.array(z.nullable(z.number().check(z.minimum(0), z.maximum(1)))),
  flags: z.array(z.enum(FLAGS)),
});
export const DashboardResponse = z.object({
  month: Month,
  /** The six months of the trend, oldest first. */
  months: z.array(Month),
  county: Row,
  departments: z.array(Row),
  staff: z.array(z.extend(Row, { departmentName: z.nullable(z.string()) })),
  towns: z.array(Row),
  tickets: z.object({ open: z.int(), overdue: z.int(), appealed: z.int() }),
});
export type DashboardResponse = z.infer<typeof DashboardResponse>;
