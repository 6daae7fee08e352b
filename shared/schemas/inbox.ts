// The resident's inbox (personal messages and notices) and subscribe-message consent.
import * as z from 'zod/mini';
import { PUSH_TEMPLATE_KEYS } from '../push-templates';
import { Instant, NextCursor } from './common';

export const INBOX_KINDS = ['booking', 'case', 'rating', 'ticket', 'notice', 'proactive', 'demand', 'digest'] as const;
export const INBOX_KIND_LABELS: Record<(typeof INBOX_KINDS)[number], string> = {
  booking: '预约',
  case: '办件',
  rating: '评价',
  ticket: '整改',
  notice: '通知',
  proactive: '主动服务',
  demand: '诉求',
  digest: '督办',
};

export const InboxMessage = z.object({
  id: z.string(),
  kind: z.enum(INBOX_KINDS),
  title: z.string(),
  body: z.string(),
  /** The mini-program page it opens (without a leading slash). */
  page: z.string(),
  at: Instant,
  read: z.boolean(),
  noticeId: z.nullable(z.string()),
});
export type InboxMessage = z.infer<typeof InboxMessage>;

export const InboxResponse = z.object({ items: z.array(InboxMessage), nextCursor: NextCursor, unread: z.int() });
export type InboxResponse = z.infer<typeof InboxResponse>;

export const UnreadResponse = z.object({ unread: z.int() });
export type UnreadResponse = z.infer<typeof UnreadResponse>;

export const InboxParams = z.object({
  id: z.string().check(z.regex(/^[A-Za-z0-9-]{1,200}$/, '消息编号格式不正确')),
});

/** What wx.requestSubscribeMessage answered, per template id (`accept`, `reject`, `ban`, `filter`). */
export const SUBSCRIBE_ANSWERS = ['accept', 'reject', 'ban', 'filter'] as const;
export const SubscriptionsRequest = z.object({
  results: z.record(
    z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, '模板编号格式不正确')),
    z.enum(SUBSCRIBE_ANSWERS),
  ),
});
export type SubscriptionsRequest = z.infer<typeof SubscriptionsRequest>;

export const Subscription = z.object({
  template: z.enum(PUSH_TEMPLATE_KEYS as [string, ...string[]]),
  templateId: z.string(),
  title: z.string(),
  /** Long-term consent (the template allows it and the resident gave it). */
  long: z.boolean(),
  /** One-time consents banked: one send each. */
  credits: z.int(),
});
export const SubscriptionsResponse = z.object({ templates: z.array(Subscription) });
export type SubscriptionsResponse = z.infer<typeof SubscriptionsResponse>;

/** A push that could not be delivered and will not be retried (the admin's alert). */
export const DeadPush = z.object({
  id: z.string(),
  template: z.string(),
  templateTitle: z.string(),
  recipient: z.enum(['resident', 'staff']),
  attempts: z.int(),
  lastError: z.nullable(z.string()),
  at: Instant,
});
export const DeadPushesResponse = z.object({ pushes: z.array(DeadPush) });

/** A staff member binds their WeChat (a wx.login code) to get the morning digest as a push. */
export const BindWechatRequest = z.object({
  code: z.string().check(z.minLength(1, '缺少登录凭证'), z.maxLength(128, '登录凭证格式不正确')),
  results: z.optional(SubscriptionsRequest.shape.results),
});
