// Service-commitment cards (承诺卡): a paired cadre or a department publicly
// commits to 3–5 concrete problems of a village or town, each with an owner,
// a target and a deadline in working days; progress is written weekly, a
// finished commitment carries its result and photos, and residents of the
// village rate it on the national five levels.
import * as z from 'zod/mini';
import { DateString, Instant, NextCursor, PageQuery, RegionCode, Text, Version } from './common';
import { IdempotencyKey } from './appointments';
import { Satisfaction } from './ratings';
import { UploadKey } from './uploads';

export const COMMITMENTS_MIN = 3;
export const COMMITMENTS_MAX = 5;
/** Longest deadline a commitment may set, in working days (about a year). */
export const COMMITMENT_MAX_WORKING_DAYS = 250;
/** An open commitment with no progress for more than this many days shows 待更新. */
export const PROGRESS_STALE_DAYS = 7;

/** How a commitment stands today: done, past its deadline, no progress for a week, or on track. */
export const COMMITMENT_LIGHTS = ['done', 'overdue', 'stale', 'on_track'] as const;
export type CommitmentLight = (typeof COMMITMENT_LIGHTS)[number];
export const COMMITMENT_LIGHT_LABELS: Record<CommitmentLight, string> = {
  done: '已完成',
  overdue: '已超期',
  stale: '待更新',
  on_track: '推进中',
};

export const CARD_OWNER_KINDS = ['cadre', 'department'] as const;
export const CARD_OWNER_KIND_LABELS: Record<(typeof CARD_OWNER_KINDS)[number], string> = {
  cadre: '包联干部',
  department: '部门',
};

export const CommitmentInput = z.object({
  problem: Text(100, { label: '问题', min: 2 }),
  owner: Text(30, { label: '责任人', min: 1 }),
  target: Text(200, { label: '目标', min: 2, multiline: true }),
  workingDays: z
    .int({ error: '时限应为整数（工作日）' })
    .check(z.minimum(1, '时限至少1个工作日'), z.maximum(COMMITMENT_MAX_WORKING_DAYS, `时限不能超过${COMMITMENT_MAX_WORKING_DAYS}个工作日`)),
  /** The village or town it concerns. */
  regionCode: RegionCode,
});
export type CommitmentInput = z.infer<typeof CommitmentInput>;

export const PostCardRequest = z.object({
  title: Text(40, { label: '承诺卡标题', min: 2 }),
  idempotencyKey: IdempotencyKey,
  commitments: z
    .array(CommitmentInput)
    .check(z.minLength(COMMITMENTS_MIN, `每张承诺卡应有${COMMITMENTS_MIN}至${COMMITMENTS_MAX}项承诺`), z.maxLength(COMMITMENTS_MAX, `每张承诺卡应有${COMMITMENTS_MIN}至${COMMITMENTS_MAX}项承诺`)),
});
export type PostCardRequest = z.infer<typeof PostCardRequest>;

/** Which commitment of the card (1-based, as printed on it). */
const CommitmentNo = z.int({ error: '承诺序号应为整数' }).check(z.minimum(1, '承诺序号不存在'), z.maximum(COMMITMENTS_MAX, '承诺序号不存在'));

export const ProgressRequest = z.object({
  n: CommitmentNo,
  text: Text(300, { label: '进展', min: 2, multiline: true }),
  version: Version,
});
export type ProgressRequest = z.infer<typeof ProgressRequest>;

export const DoneRequest = z.object({
  n: CommitmentNo,
  result: Text(300, { label: '完成结果', min: 2, multiline: true }),
  photos: z.optional(z.array(UploadKey).check(z.maxLength(6, '最多上传6张图片'))),
  version: Version,
});
export type DoneRequest = z.infer<typeof DoneRequest>;

export const CardParams = z.object({ id: z.string().check(z.regex(/^\d{8}T\d{6}-[0-9a-f]{6}$/, '承诺卡编号格式不正确')) });
export const CommitmentParams = z.object({
  id: CardParams.shape.id,
  n: z.string().check(z.regex(/^[1-5]$/, '承诺序号不存在')),
});

export const RateCommitmentRequest = z.object({
  level: z.int().check(z.minimum(1, '评价等级为1-5'), z.maximum(5, '评价等级为1-5')),
  idempotencyKey: IdempotencyKey,
});
export type RateCommitmentRequest = z.infer<typeof RateCommitmentRequest>;
export const CommitmentRating = z.object({ level: z.int(), ratedAt: Instant });

export const CARD_VIEWS = ['mine', 'all'] as const;
export const CARD_VIEW_LABELS: Record<(typeof CARD_VIEWS)[number], string> = { mine: '我的承诺卡', all: '全部承诺卡' };
export const CardsQuery = z.extend(PageQuery, { view: z.optional(z.enum(CARD_VIEWS, { error: '列表类型无效' })) });

export const PublicCardsQuery = z.object({ regionCode: RegionCode });

const Photo = z.object({ key: z.string(), url: z.string() });

export const Commitment = z.object({
  n: z.int(),
  problem: z.string(),
  owner: z.string(),
  target: z.string(),
  workingDays: z.int(),
  regionCode: z.string(),
  regionName: z.string(),
  /** null while the deadline's year has no published calendar (待定). */
  dueOn: z.nullable(DateString),
  dueOnPending: z.boolean(),
  light: z.enum(COMMITMENT_LIGHTS),
  /** The last progress entry's date (or the posting date before any). */
  lastUpdateOn: DateString,
  progress: z.array(z.object({ at: Instant, on: DateString, text: z.string(), by: z.string() })),
  result: z.nullable(z.object({ at: Instant, on: DateString, text: z.string(), by: z.string(), photos: z.array(Photo), late: z.boolean() })),
  /** Residents' ratings of the finished commitment. */
  ratings: Satisfaction,
});
export type Commitment = z.infer<typeof Commitment>;

export const Card = z.object({
  id: z.string(),
  title: z.string(),
  owner: z.object({ kind: z.enum(CARD_OWNER_KINDS), name: z.string(), departmentId: z.nullable(z.string()) }),
  /** Who posted it (staff views; null on the public page). */
  author: z.nullable(z.object({ username: z.string(), name: z.string() })),
  postedOn: DateString,
  commitments: z.array(Commitment),
  version: z.int(),
  /** Whether the caller may add progress and mark commitments done (staff views only). */
  editable: z.boolean(),
});
export type Card = z.infer<typeof Card>;

export const CardsResponse = z.object({
  items: z.array(Card),
  nextCursor: NextCursor,
});
export type CardsResponse = z.infer<typeof CardsResponse>;

export const PublicCardsResponse = z.object({
  region: z.object({ code: z.string(), name: z.string(), level: z.string() }),
  cards: z.array(Card),
});
export type PublicCardsResponse = z.infer<typeof PublicCardsResponse>;
