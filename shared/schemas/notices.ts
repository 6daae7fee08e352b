// Notices (政策通知): staff draft, preview, publish and withdraw; residents read them in their inbox.
import * as z from 'zod/mini';
import { RESIDENT_TAGS } from '../enums';
import { DateString, Instant, NextCursor, RegionCode, Text, Version } from './common';
import { UploadKey } from './uploads';

export const NOTICE_KINDS = ['policy', 'legal', 'hometown', 'reminder'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];
export const NOTICE_KIND_LABELS: Record<NoticeKind, string> = { policy: '政策', legal: '法律服务', hometown: '家乡动态', reminder: '办事提醒' };

export const NOTICE_STATUSES = ['draft', 'published', 'withdrawn'] as const;
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];
export const NOTICE_STATUS_LABELS: Record<NoticeStatus, string> = { draft: '草稿', published: '已发布', withdrawn: '已撤回' };

const Age = z.int({ error: '年龄应为整数' }).check(z.minimum(0, '年龄应为0-150'), z.maximum(150, '年龄应为0-150'));

export const NoticeTarget = z
  .object({
    regionCodes: z.array(RegionCode).check(z.minLength(1, '请选择发送范围（区域）'), z.maxLength(20, '区域最多20个')),
    tags: z.array(z.enum(RESIDENT_TAGS)).check(z.maxLength(RESIDENT_TAGS.length, '标签过多')),
    minAge: z.nullable(Age),
    maxAge: z.nullable(Age),
  })
  .check(z.refine((t) => t.minAge === null || t.maxAge === null || t.minAge <= t.maxAge, { message: '最小年龄不能大于最大年龄', path: ['minAge'] }));
export type NoticeTarget = z.infer<typeof NoticeTarget>;

export const NoticeInput = z.object({
  kind: z.enum(NOTICE_KINDS, { error: '请选择通知类别' }),
  title: Text(40, { label: '标题', min: 1 }),
  body: Text(5000, { label: '正文', min: 1, multiline: true }),
  attachmentKey: z.optional(z.nullable(UploadKey)),
  target: NoticeTarget,
  expiresOn: z.optional(z.nullable(DateString)),
});
export type NoticeInput = z.infer<typeof NoticeInput>;
export const NoticeUpdate = z.extend(NoticeInput, { version: Version });
export const NoticeVersionBody = z.object({ version: Version });
export const NoticeParams = z.object({ id: z.string().check(z.regex(/^[A-Za-z0-9-]{1,64}$/, '通知编号格式不正确')) });

export const NoticeReach = z.object({
  targeted: z.int(),
  inboxWritten: z.int(),
  pushed: z.int(),
  delivered: z.int(),
  skipped: z.int(),
  failed: z.int(),
  read: z.int(),
});
export type NoticeReach = z.infer<typeof NoticeReach>;

export const Notice = z.object({
  id: z.string(),
  kind: z.enum(NOTICE_KINDS),
  title: z.string(),
  body: z.string(),
  attachmentUrl: z.nullable(z.string()),
  target: NoticeTarget,
  expiresOn: z.nullable(z.string()),
  status: z.enum(NOTICE_STATUSES),
  departmentId: z.nullable(z.string()),
  authorName: z.string(),
  createdAt: Instant,
  publishedAt: z.nullable(Instant),
  withdrawnAt: z.nullable(Instant),
  version: z.int(),
  reach: NoticeReach,
  /** Fan-out finished: every targeted resident has the notice in their inbox. */
  delivered: z.boolean(),
});
export type Notice = z.infer<typeof Notice>;

export const NoticesResponse = z.object({ notices: z.array(Notice), nextCursor: NextCursor });
export const NoticePreview = z.object({ targeted: z.int() });

/** What a resident sees of a notice. */
export const ResidentNotice = z.object({
  id: z.string(),
  kind: z.enum(NOTICE_KINDS),
  title: z.string(),
  body: z.string(),
  attachmentUrl: z.nullable(z.string()),
  publishedAt: Instant,
  expiresOn: z.nullable(z.string()),
});
