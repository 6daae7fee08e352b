// The resident's messages (notices and personal messages), read receipts,
// a notice's full text, and subscribe-message consent.
import { InboxResponse, SubscriptionsResponse, UnreadResponse } from '../../../shared/schemas/inbox';
import { ResidentNotice } from '../../../shared/schemas/notices';
import { request, type RouteBody } from './client';

/** One page of my messages, newest first (`cursor`: the previous page's nextCursor). */
export function myInbox(cursor?: string) {
  return request('GET /inbox', { auth: 'resident', query: { cursor } }, InboxResponse);
}

export function unreadCount() {
  return request('GET /inbox/unread', { auth: 'resident' }, UnreadResponse);
}

export function markRead(id: string) {
  return request('POST /inbox/{id}/read', { auth: 'resident', params: { id } }, UnreadResponse);
}

export function noticeDetail(id: string) {
  return request('GET /notices/{id}', { auth: 'resident', params: { id } }, ResidentNotice);
}

/** What wx.requestSubscribeMessage answered, per template id. */
export function saveSubscriptions(results: RouteBody<'PUT /me/subscriptions'>['results']) {
  return request('PUT /me/subscriptions', { auth: 'resident', body: { results } }, SubscriptionsResponse);
}
