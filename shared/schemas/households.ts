// 包联: the paired cadre's households, their contacts (visit / phone / WeChat),
// the monthly coverage counters and the resident's 未联系 report.
import * as z from 'zod/mini';
import { Instant, MobilePhone, MonthString, NextCursor, RegionCode, Text, Version } from './common';
import { IdempotencyKey } from './appointments';
import { DEMAND_DOMAINS, DEMAND_GRADES, DEMAND_TYPES } from './demands';

/** The five must-visit kinds (五必访) first, then other tags a cadre keeps in mind. */
export const MUST_VISIT_TAGS = ['key_industry', 'disaster_risk', 'dispute', 'low_income', 'left_behind'] as const;
export const HOUSEHOLD_TAGS = [...MUST_VISIT_TAGS, 'elderly', 'disabled', 'migrant_worker'] as const;
export type HouseholdTag = (typeof HOUSEHOLD_TAGS)[number];
export const HOUSEHOLD_TAG_LABELS: Record<HouseholdTag, string> = {
  key_industry: '重点产业',
  disaster_risk: '地灾/防汛风险',
  dispute: '矛盾纠纷',
  low_income: '低保/困难',
  left_behind: '三留守',
  elderly: '老年人',
  disabled: '残疾人',
  migrant_worker: '外出务工',
};

export const CONTACT_KINDS = ['visit', 'phone', 'wechat'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];
export const CONTACT_KIND_LABELS: Record<ContactKind, string> = { visit: '走访', phone: '电话', wechat: '微信' };

/** Routine monthly contact, the three must-attend events (三必到), or a must-visit (五必访). */
export const CONTACT_OCCASIONS = ['routine', 'emergency', 'dispute', 'wedding_funeral', 'must_visit'] as const;
export type ContactOccasion = (typeof CONTACT_OCCASIONS)[number];
export const MUST_ATTEND_OCCASIONS = ['emergency', 'dispute', 'wedding_funeral'] as const satisfies readonly ContactOccasion[];
export const CONTACT_OCCASION_LABELS: Record<ContactOccasion, string> = {
  routine: '每月例行联系',
  emergency: '突发事件',
  dispute: '邻里纠纷',
  wedding_funeral: '红白喜事',
  must_visit: '五必访',
};

export const CONTACT_LIGHTS = ['done', 'due', 'overdue'] as const;
export type ContactLight = (typeof CONTACT_LIGHTS)[number];
export const CONTACT_LIGHT_LABELS: Record<ContactLight, string> = { done: '本月已联系', due: '本月待联系', overdue: '逾期未联系' };

export const HouseholdMember = z.object({ name: z.string(), relation: z.string(), age: z.nullable(z.number()), note: z.nullable(z.string()) });
export type HouseholdMember = z.infer<typeof HouseholdMember>;

export const LastContact = z.object({ at: z.string(), kind: z.enum(CONTACT_KINDS), occasion: z.enum(CONTACT_OCCASIONS) });
export type LastContact = z.infer<typeof LastContact>;

export const HouseholdSummary = z.object({
  id: z.string(),
  headName: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  members: z.array(HouseholdMember),
  tags: z.array(z.enum(HOUSEHOLD_TAGS)),
  mustVisit: z.boolean(),
  cadreUsername: z.string(),
  lastContact: z.nullable(LastContact),
  light: z.enum(CONTACT_LIGHTS),
  version: z.number(),
  /** Taken off the register (迁出 / 注销): when and why. */
  deactivated: z.optional(z.nullable(z.object({ at: z.string(), reason: z.string(), note: z.nullable(z.string()) }))),
});
export type HouseholdSummary = z.infer<typeof HouseholdSummary>;

export const HouseholdsQuery = z.object({
  /** Another cadre's households (town staff: a cadre of their town; the supervisor: anyone). */
  cadre: z.optional(z.string().check(z.regex(/^[a-z0-9_-]{2,32}$/, '干部账号格式不正确'))),
  cursor: z.optional(z.string().check(z.maxLength(2048, '翻页参数无效，请从第一页重新加载'))),
  limit: z.optional(z.string().check(z.regex(/^\d{1,3}$/, '每页条数应为 1—100'))),
});
export const HouseholdsResponse = z.object({
  households: z.array(HouseholdSummary),
  counts: z.object({ done: z.number(), due: z.number(), overdue: z.number() }),
  nextCursor: NextCursor,
});
export type HouseholdsResponse = z.infer<typeof HouseholdsResponse>;

export const HouseholdParams = z.object({ id: z.string().check(z.regex(/^[a-z0-9-]{3,64}$/, '包联户编号格式不正确')) });

export const Contact = z.object({
  id: z.string(),
  householdId: z.string(),
  cadreUsername: z.string(),
  cadreName: z.string(),
  kind: z.enum(CONTACT_KINDS),
  occasion: z.enum(CONTACT_OCCASIONS),
  note: z.nullable(z.string()),
  at: z.string(),
  demand: z.nullable(z.object({ id: z.string(), number: z.string() })),
});
export type Contact = z.infer<typeof Contact>;

export const HOUSEHOLD_CHANGES = ['edit', 'reassign', 'deactivate'] as const;
export const HouseholdDetail = z.object({
  household: HouseholdSummary,
  contacts: z.array(Contact),
  /** What this staff member may change in the register (the page offers exactly these). */
  allowed: z.optional(z.array(z.enum(HOUSEHOLD_CHANGES))),
});
export type HouseholdDetail = z.infer<typeof HouseholdDetail>;

/** A request the household raised during the contact, filed on their behalf (channel 包联走访). */
export const ContactDemand = z.object({
  type: z.enum(DEMAND_TYPES, { error: '请选择诉求类型' }),
  domain: z.enum(DEMAND_DOMAINS, { error: '请选择诉求领域' }),
  grade: z.optional(z.enum(DEMAND_GRADES, { error: '等级应为 A 或 B' })),
  text: Text(1000, { label: '诉求内容', min: 5, required: '请写明群众反映的问题', multiline: true }),
  /** Who raised it (a member of the household); the head when omitted. */
  reporterName: z.optional(Text(30, { label: '反映人', min: 1 })),
});
export type ContactDemand = z.infer<typeof ContactDemand>;

export const RecordContactRequest = z.object({
  idempotencyKey: IdempotencyKey,
  kind: z.enum(CONTACT_KINDS, { error: '请选择联系方式：走访、电话或微信' }),
  occasion: z.enum(CONTACT_OCCASIONS, { error: '请选择联系事由' }),
  note: z.optional(Text(500, { label: '民情日记', multiline: true })),
  /** When it happened (an offline visit is sent later): this month or last, not in the future; now when omitted. */
  contactedAt: z.optional(Instant),
  demand: z.optional(ContactDemand),
});
export type RecordContactRequest = z.infer<typeof RecordContactRequest>;

export const RecordContactResponse = z.object({ contact: Contact, household: HouseholdSummary });
export type RecordContactResponse = z.infer<typeof RecordContactResponse>;

export const COVERAGE_LEVELS = ['county', 'town', 'village', 'cadre'] as const;
export type CoverageLevel = (typeof COVERAGE_LEVELS)[number];

export const CoverageRow = z.object({
  level: z.enum(COVERAGE_LEVELS),
  code: z.string(),
  name: z.string(),
  /** The town a village or cadre belongs to (null for the county). */
  townCode: z.nullable(z.string()),
  households: z.number(),
  contacted: z.number(),
  /** Households whose previous month passed without contact and none yet this month. */
  overdue: z.number(),
  mustVisitHouseholds: z.number(),
  mustVisitVisited: z.number(),
  eventsAttended: z.number(),
  demandsRaised: z.number(),
  demandsResolved: z.number(),
  noContactReports: z.number(),
  /** contacted / households, 0–1 (null without households). */
  rate: z.nullable(z.number()),
  /** Why the row is under coverage (empty when it is not). */
  flags: z.array(z.string()),
});
export type CoverageRow = z.infer<typeof CoverageRow>;

export const NoContactReport = z.object({
  residentName: z.nullable(z.string()),
  householdId: z.string(),
  headName: z.string(),
  regionName: z.string(),
  cadreUsername: z.string(),
  cadreName: z.string(),
  /** The household's last recorded contact when the resident reported (the supervisor weighs both). */
  lastContactAt: z.nullable(z.string()),
  at: z.string(),
});
export type NoContactReport = z.infer<typeof NoContactReport>;

export const CoverageQuery = z.object({ month: z.optional(MonthString) });
export const CoverageResponse = z.object({
  month: z.string(),
  /** The month is over: a cadre below 100 % is flagged. */
  monthEnded: z.boolean(),
  rows: z.array(CoverageRow),
  noContactReports: z.array(NoContactReport),
});
export type CoverageResponse = z.infer<typeof CoverageResponse>;

/** What a resident sees beside their paired cadre. */
export const MyHouseholdContact = z.object({
  householdId: z.nullable(z.string()),
  lastContact: z.nullable(LastContact),
  /** A 未联系 report was already sent this month. */
  reportedThisMonth: z.boolean(),
});
export type MyHouseholdContact = z.infer<typeof MyHouseholdContact>;

// ---------------------------------------------------------------- the register

export const MEMBERS_MAX = 20;
export const HouseholdMemberInput = z.object({
  name: Text(20, { label: '成员姓名', min: 1, required: '请填写成员姓名' }),
  relation: Text(10, { label: '与户主关系', min: 1, required: '请填写与户主关系' }),
  age: z.nullable(z.int({ error: '年龄应为整数' }).check(z.minimum(0, '年龄不能为负'), z.maximum(120, '年龄应在 120 岁以内'))),
  note: z.nullable(Text(50, { label: '成员备注' })),
});

/** What staff keep of a household: the head, the village or group, members and tags. */
const HouseholdFields = {
  headName: Text(20, { label: '户主姓名', min: 1, required: '请填写户主姓名' }),
  phone: z.optional(z.nullable(MobilePhone)),
  regionCode: RegionCode,
  members: z.array(HouseholdMemberInput).check(z.minLength(1, '至少填写一名家庭成员'), z.maxLength(MEMBERS_MAX, `家庭成员最多${MEMBERS_MAX}人`)),
  tags: z.array(z.enum(HOUSEHOLD_TAGS, { error: '标签不在可选范围内' })).check(
    z.refine((ts) => new Set(ts).size === ts.length, '标签不能重复'),
  ),
};

export const CreateHouseholdRequest = z.object({
  idempotencyKey: IdempotencyKey,
  /** The paired cadre; the caller when omitted (a cadre adding to their own pairing). */
  cadreUsername: z.optional(z.string().check(z.regex(/^[a-z0-9_-]{2,32}$/, '干部账号格式不正确'))),
  ...HouseholdFields,
});
export type CreateHouseholdRequest = z.infer<typeof CreateHouseholdRequest>;

export const UpdateHouseholdRequest = z.object({
  version: Version,
  /** Another paired cadre of the household's area (town desk, supervisor, admin). */
  cadreUsername: z.optional(z.string().check(z.regex(/^[a-z0-9_-]{2,32}$/, '干部账号格式不正确'))),
  ...HouseholdFields,
});
export type UpdateHouseholdRequest = z.infer<typeof UpdateHouseholdRequest>;

export const DEACTIVATION_REASONS = ['moved_out', 'deceased', 'merged', 'other'] as const;
export const DEACTIVATION_REASON_LABELS: Record<(typeof DEACTIVATION_REASONS)[number], string> = {
  moved_out: '整户迁出', deceased: '户主去世且无其他成员', merged: '并户', other: '其他',
};
export const DeactivateHouseholdRequest = z.object({
  version: Version,
  reason: z.enum(DEACTIVATION_REASONS, { error: '请选择注销原因' }),
  note: z.optional(Text(200, { label: '说明' })),
});
export type DeactivateHouseholdRequest = z.infer<typeof DeactivateHouseholdRequest>;
