// 政策通知 (staff): notices newest first with their status and reach; 起草通知 for those who may write (the supervisor reads).
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { NOTICE_KIND_LABELS, NOTICE_STATUS_LABELS } from '../../../../shared/schemas/notices';
import { listNotices } from '../../api/staff-notices';
import { Btn } from '../../components/Btn';
import { LoadMore } from '../../components/LoadMore';
import { Page } from '../../components/Page';
import { Empty, ErrorState, Loading } from '../../components/States';
import { role } from '../../utils/a11y';
import { usePaged } from '../../utils/usePaged';
import { useLoad } from '../../utils/useLoad';
import { getStaffMe } from '../../api/staff';
import { mayUse } from '../access';
import { ReachLine } from '../notice/parts';
import '../notice/notice.scss';

export default function Notices() {
  const { data: me } = useLoad(getStaffMe, [], { staff: true });
  const list = usePaged((cursor) => listNotices(cursor).then((r) => ({ items: r.notices, nextCursor: r.nextCursor })), [], { onShow: true, staff: true });
  if (list.error || !list.items) {
    return <Page className='wb-notice'>{list.error ? <ErrorState message={list.error} onRetry={list.reload} /> : <Loading />}</Page>;
  }
  return (
    <Page className='wb-notice'>
      {me && mayUse(me.role, 'POST /admin/notices') ? (
        <Btn className='btn btn--primary btn--block' onClick={() => void Taro.navigateTo({ url: '/workbench/notice/index' })}>
          起草通知
        </Btn>
      ) : null}
      {list.items.length === 0 ? <Empty text='还没有通知' /> : null}
      {list.items.map((n) => (
        <View key={n.id} className='card wb-notice__row' onClick={() => void Taro.navigateTo({ url: `/workbench/notice/index?id=${n.id}` })} {...role('link')}>
          <Text className='wb-notice__title'>
            【{NOTICE_KIND_LABELS[n.kind]}】{n.title}
          </Text>
          <Text className='hint'>
            {NOTICE_STATUS_LABELS[n.status]} · {n.authorName}
          </Text>
          {n.status !== 'draft' ? <ReachLine notice={n} /> : null}
        </View>
      ))}
      <LoadMore more={list.more} />
    </Page>
  );
}
