// A resident's inbox, newest first, a page at a time; expired notices left out.
import { queryPage, type Page, type PageRequest } from './page';
import { key } from './keys';
import { decodeInboxItem, type InboxRecord } from './outbox';

export function pageInbox(residentId: string, req: PageRequest, now: string): Promise<Page<InboxRecord>> {
  return queryPage(
    { index: 'table', partition: key.inboxPartition(residentId), skPrefix: 'MSG#', newestFirst: true },
    req,
    decodeInboxItem,
    (m) => !m.expiresAt || m.expiresAt > now,
  );
}
