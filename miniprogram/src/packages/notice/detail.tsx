// A notice in full (its kind, when published, until when, its attachment);
// opening it records the read receipt of the message that brought it.
import { Image, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect } from 'react';
import { NOTICE_KIND_LABELS } from '../../../../shared/schemas/notices';
import { markRead, noticeDetail } from '../../api/notices';
import { Page } from '../../components/Page';
import { ErrorState, Loading } from '../../components/States';
import { formatInstant } from '../../utils/dates';
import { useLoad } from '../../utils/useLoad';
import './notice.scss';

export default function NoticeDetail() {
  const { id = '', msg } = useRouter().params;
  const { data: n, error, reload } = useLoad(() => noticeDetail(id), [id], { keep: `notice:${id}`, personal: true });
  useEffect(() => {
    if (msg) markRead(msg).catch(() => undefined);
  }, [msg]);

  if (error || !n) return <Page className='notice'>{error ? <ErrorState message={error} onRetry={reload} /> : <Loading />}</Page>;
  return (
    <Page className='notice'>
      <View className='card notice-detail'>
        <Text className='notice-row__kind'>{NOTICE_KIND_LABELS[n.kind]}</Text>
        <Text className='notice-detail__title'>{n.title}</Text>
        <Text className='hint'>
          {formatInstant(n.publishedAt)} 发布{n.expiresOn ? ` · 有效期至 ${n.expiresOn}` : ''}
        </Text>
        <Text className='notice-detail__body'>{n.body}</Text>
        {n.attachmentUrl ? (
          <Image className='notice-detail__image' src={n.attachmentUrl} mode='widthFix' imgProps={{ alt: '通知附图（点击放大）' }} onClick={() => void Taro.previewImage({ urls: [n.attachmentUrl!] })} />
        ) : null}
      </View>
    </Page>
  );
}
