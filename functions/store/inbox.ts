// A resident's inbox, newest first, a page at a time; expired notices left out
// (the unread ones among them are handed to `onExpiredUnread`, to come off the count).
import { queryPage, type Page, type PageRequest } from './page';
import { key } from './keys';
import { decodeInboxItem, type InboxRecord } from './outbox';

export function pageInbox(residentId: string, req: PageRequest, now: string, onExpiredUnread: (m: InboxRecord) => void = () => undefined): Promise<Page<InboxRecord>> {
  return queryPage(
    { index: 'table', partition: key.inboxPartition(residentId), skPrefix: 'MSG#', newestFirst: true },
    req,
    decodeInboxItem,
    (m) => {
      const live = !m.expiresAt || m.expiresAt > now;
      if (!live && m.readAt === null && !m.uncountedAt) onExpiredUnread(m);
      return live;
    },
  );
}
