// 推送失败 (admin): the dead pushes, newest first — WeChat refused them (a bad
// openid, template, page or data) or the retries ran out. Each needs a person,
// not a retry; the resident still has the message in their inbox.
import { Text, View } from '@tarojs/components';
import { listPushFailures } from '../../api/staff';
import { Page } from '../../components/Page';
import { Empty, ErrorState, Loading } from '../../components/States';
import { formatInstant } from '../../utils/dates';
import { useLoad } from '../../utils/useLoad';

const RECIPIENT_LABELS = { resident: '居民', staff: '工作人员' } as const;

type DeadPush = Awaited<ReturnType<typeof listPushFailures>>['pushes'][number];

function DeadPushItem({ p }: { p: DeadPush }) {
  return (
    <View className='card'>
      <Text className='card__title'>{p.templateTitle}</Text>
      <View className='kv'>
        <Text className='kv__k'>接收人</Text>
        <Text className='kv__v'>{RECIPIENT_LABELS[p.recipient]}</Text>
      </View>
      <View className='kv'>
        <Text className='kv__k'>尝试次数</Text>
        <Text className='kv__v'>{p.attempts}次</Text>
      </View>
      <View className='kv'>
        <Text className='kv__k'>失败原因</Text>
        <Text className='kv__v'>{p.lastError ?? '未知'}</Text>
      </View>
      <View className='kv'>
        <Text className='kv__k'>时间</Text>
        <Text className='kv__v'>{formatInstant(p.at)}</Text>
      </View>
    </View>
  );
}

export default function PushFailures() {
  const { data, error, reload } = useLoad(listPushFailures, [], { staff: true, onShow: true });
  if (error || !data) return <Page className='push-failures'>{error ? <ErrorState message={error} onRetry={reload} /> : <Loading />}</Page>;
  return (
    <Page className='push-failures'>
      <Text className='hint'>微信拒绝或重试用尽的推送（最近100条）。消息仍在居民的消息列表中；请核对模板、页面路径或接收人后处理。</Text>
      {data.pushes.length ? data.pushes.map((p) => <DeadPushItem key={p.id} p={p} />) : <Empty text='暂无推送失败' />}
    </Page>
  );
}
