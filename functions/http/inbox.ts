// The resident's inbox (notices and personal messages, read receipts, the
// unread count) and subscribe-message consent.
import { PUSH_TEMPLATES, templateById, type PushTemplate } from '../../shared/push-templates';
import type { InboxMessage, SubscriptionsResponse } from '../../shared/schemas/inbox';
import { badRequest, notFound } from '../lib/errors';
import { httpHandler } from '../lib/http';
import { getConsent, recordConsent } from '../store/consent';
import { getInboxMessage, inboxId, markInboxRead, pageInbox, uncountInbox, unreadCount, type InboxRecord } from '../store/inbox';
import { getNotice, getNotices } from '../store/notices';
import type { Recipient } from '../store/outbox';
import { reachItem } from '../store/reach';
import { outboxId } from '../domain/outbox';
import { presignDownload } from '../store/uploads';

const view = (m: InboxRecord): InboxMessage => ({
  id: m.id, kind: m.kind, title: m.title, body: m.body, page: m.page, at: m.at, read: m.readAt !== null, noticeId: m.noticeId,
});

const ALL = Object.keys(PUSH_TEMPLATES) as PushTemplate[];

async function subscriptions(owner: Recipient): Promise<SubscriptionsResponse> {
  const states = await getConsent(owner, ALL);
  return {
    templates: states.map((s) => ({ template: s.template, templateId: PUSH_TEMPLATES[s.template].id, title: PUSH_TEMPLATES[s.template].title, long: s.long, credits: s.credits })),
  };
}

export const handler = httpHandler({
  'GET /inbox': async ({ query, principal }) => {
    const now = new Date().toISOString();
    // Expired entries leave the count when the feed meets them (once, conditionally); the badge alone does not sweep.
    const expired: InboxRecord[] = [];
    const page = await pageInbox(principal.residentId, query, now, (m) => expired.push(m));
    await Promise.all(expired.map((m) => uncountInbox(principal.residentId, m.id, now, 'expired')));
    const unread = await unreadCount(principal.residentId);
    // A withdrawn notice leaves the feed (its inbox rows stay, for the record).
    const noticeIds = page.items.flatMap((m) => (m.noticeId ? [m.noticeId] : []));
    const notices = noticeIds.length ? await getNotices(noticeIds) : new Map();
    const shown = page.items.filter((m) => !m.noticeId || notices.get(m.noticeId)?.status === 'published');
    return { items: shown.map(view), nextCursor: page.nextCursor, unread };
  },

  'GET /inbox/unread': async ({ principal }) => ({ unread: await unreadCount(principal.residentId) }),

  'POST /inbox/{id}/read': async ({ params, principal }) => {
    const m = await getInboxMessage(principal.residentId, params.id);
    if (!m) throw notFound('消息不存在');
    if (m.readAt === null) await markInboxRead(principal.residentId, m.id, new Date().toISOString(), m.noticeId ? [reachItem(m.noticeId, { read: 1 }, principal.residentId)] : []);
    return { unread: await unreadCount(principal.residentId) };
  },

  // Only a notice the resident was sent (its inbox entry exists), while it is published.
  'GET /notices/{id}': async ({ params, principal }) => {
    const n = await getNotice(params.id);
    if (!n || n.status !== 'published' || !n.publishedAt) throw notFound('通知不存在或已撤回');
    const sent = await getInboxMessage(principal.residentId, inboxId(n.publishedAt, outboxId.notice(n.id, principal.residentId)));
    if (!sent) throw notFound('通知不存在或已撤回');
    return {
      id: n.id, kind: n.kind, title: n.title, body: n.body, publishedAt: n.publishedAt, expiresOn: n.expiresOn,
      attachmentUrl: n.attachmentKey ? (await presignDownload(n.attachmentKey)).url : null,
    };
  },

  'GET /me/subscriptions': async ({ principal }) => subscriptions({ kind: 'resident', id: principal.residentId }),

  'PUT /me/subscriptions': async ({ body, principal }) => {
    const results = Object.entries(body.results).map(([id, answer]) => {
      const template = templateById(id);
      if (!template) throw badRequest('未知的订阅消息模板', { results: '未知的订阅消息模板' });
      // Only an accepted long-term template is long-term; a one-time one banks one credit.
      return { template, accepted: answer === 'accept', long: PUSH_TEMPLATES[template].long };
    });
    if (!results.length) throw badRequest('请提供授权结果', { results: '请提供授权结果' });
    if (results.length > 3) throw badRequest('一次最多订阅3个模板', { results: '一次最多订阅3个模板' });
    const me = { kind: 'resident' as const, id: principal.residentId };
    await recordConsent(me, results, new Date().toISOString());
    return subscriptions(me);
  },
});
