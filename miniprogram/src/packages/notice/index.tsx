// 消息: notices for my current or hometown region and personal messages
// (预约、办件、评价、整改…), newest first, unread marked; a tap opens it and
// records the read receipt. 订阅通知 asks for consent to WeChat pushes of notices.
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { InboxMessage } from '../../../../shared/schemas/inbox';
import { INBOX_KIND_LABELS } from '../../../../shared/schemas/inbox';
import { markRead, myInbox } from '../../api/notices';
import { Btn } from '../../components/Btn';
import { LoadMore } from '../../components/LoadMore';
import { Page } from '../../components/Page';
import { Empty, ErrorState, Loading } from '../../components/States';
import { role } from '../../utils/a11y';
import { formatInstant } from '../../utils/dates';
import { askConsent } from '../../utils/subscribe';
import { usePaged } from '../../utils/usePaged';
import './notice.scss';

export default function Inbox() {
  const [unread, setUnread] = useState<number | null>(null);
  const list = usePaged(
    async (cursor) => {
      const r = await myInbox(cursor);
      setUnread(r.unread);
      return { items: r.items, nextCursor: r.nextCursor };
    },
    [],
    { onShow: true, keep: 'inbox', personal: true },
  );

  const open = async (m: InboxMessage) => {
    if (!m.read) {
      list.setItems((items) => items.map((x) => (x.id === m.id ? { ...x, read: true } : x)));
      markRead(m.id).then((r) => setUnread(r.unread)).catch(() => undefined);
    }
    const url = m.noticeId ? `/packages/notice/detail?id=${m.noticeId}&msg=${m.id}` : `/${m.page}`;
    void Taro.navigateTo({ url });
  };

  if (list.error || !list.items) {
    return <Page className='notice'>{list.error ? <ErrorState message={list.error} onRetry={list.reload} /> : <Loading />}</Page>;
  }
  return (
    <Page className='notice'>
      <View className='notice__head'>
        <Text className='section-title'>{unread ? `未读 ${unread} 条` : '全部已读'}</Text>
        <Btn className='btn btn--ghost notice__follow' onClick={() => void askConsent('follow_notices')}>
          订阅通知
        </Btn>
      </View>
      {list.items.length === 0 ? <Empty text='暂无消息' /> : null}
      {list.items.map((m) => (
        <View key={m.id} className={`card notice-row${m.read ? '' : ' notice-row--unread'}`} onClick={() => void open(m)} {...role('link')}>
          <View className='notice-row__top'>
            {m.read ? null : <Text className='notice-row__dot' aria-label='未读'>●</Text>}
            <Text className='notice-row__kind'>{INBOX_KIND_LABELS[m.kind]}</Text>
            <Text className='notice-row__title'>{m.title}</Text>
          </View>
          <Text className='notice-row__body'>{m.body}</Text>
          <Text className='hint'>{formatInstant(m.at)}</Text>
        </View>
      ))}
      <LoadMore more={list.more} />
    </Page>
  );
}
