// Pieces of a demand (诉求) shared by the resident pages and the workbench:
// the state, the deadline card with its light, the reply with photos, the
// photos and the timeline.
import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { DEMAND_STATE_LABELS, type Demand, type DemandEvent, type DemandState } from '../../../shared/schemas/demands';
import { role } from '../utils/a11y';
import { DEADLINE_PENDING_TEXT, KV, LightBadge } from './CaseParts';
import { Timeline } from './Timeline';
import { formatInstant } from '../utils/dates';
import { DEMAND_STATE_CLASS, demandDueText, demandEventLabel, demandLeftText } from '../utils/demands';

export function DemandStateBadge({ state }: { state: DemandState }) {
  return (
    <Text className={DEMAND_STATE_CLASS[state]} data-state={state}>
      {DEMAND_STATE_LABELS[state]}
    </Text>
  );
}

/** 办理时限: the light, the reply deadline (待定 when the calendar is unpublished), days left, pauses, the extension. */
export function DemandClockCard({ demand, title = '办理时限' }: { demand: Pick<Demand, 'clock' | 'state' | 'extension'>; title?: string }) {
  const c = demand.clock;
  const left = demandLeftText(demand);
  return (
    <View className='card case-clock'>
      <View className='case-clock__head'>
        <Text className='card__title case-clock__title'>{title}</Text>
        <LightBadge light={c.light} />
      </View>
      {left ? <Text className={c.remainingDays !== null && c.remainingDays < 0 ? 'case-clock__left case-clock__left--over' : 'case-clock__left'}>{left}</Text> : null}
      <KV k='答复期限'>
        <Text>{demandDueText(demand)}</Text>
      </KV>
      {c.limitDays !== null ? (
        <KV k='办理时限'>
          <Text>{c.limitDays}个工作日（自派单起计算）</Text>
        </KV>
      ) : null}
      {c.pausedDays > 0 ? (
        <KV k='暂停计时'>
          <Text>{c.pausedDays}个工作日（等待群众补充期间不计时）</Text>
        </KV>
      ) : null}
      {demand.extension ? (
        <KV k='延期'>
          <Text>
            {demand.extension.days}个工作日（{demand.extension.status === 'approved' ? '已批准' : demand.extension.status === 'denied' ? '未批准' : '待审批'}）：{demand.extension.reason}
          </Text>
        </KV>
      ) : null}
      {c.light === 'pending' ? (
        <Text className='hint case-clock__pending' {...role('note')}>
          {DEADLINE_PENDING_TEXT}
        </Text>
      ) : null}
    </View>
  );
}

/** Thumbnails of signed links; a tap enlarges them. */
export function PhotoRow({ photos, label }: { photos: { url: string }[]; label: string }) {
  const urls = photos.map((p) => p.url).filter(Boolean);
  if (urls.length === 0) return null;
  const preview = (current: string) => void Promise.resolve(Taro.previewImage({ urls, current })).catch(() => undefined);
  return (
    <View className='case-photos'>
      {urls.map((url, n) => (
        <View key={url} className='case-photo' onClick={() => preview(url)} aria-label={`${label}${n + 1}`} {...role('button')}>
          <Image className='case-photo__img' src={url} mode='aspectFill' imgProps={{ alt: '' }} />
        </View>
      ))}
    </View>
  );
}

/** 答复: the text, the result (办理结果), the photos, who and when. */
export function ReplyCard({ reply, title = '答复' }: { reply: NonNullable<Demand['reply']>; title?: string }) {
  return (
    <View className='card demand-reply'>
      <Text className='card__title'>{title}</Text>
      <Text className='demand-text'>{reply.text}</Text>
      <KV k='办理结果'>
        <Text>{reply.result}</Text>
      </KV>
      <PhotoRow photos={reply.photos} label='答复照片' />
      <Text className='hint'>
        {reply.by} · {formatInstant(reply.at)}
      </Text>
    </View>
  );
}

/** 办理进度: every step, who took it (and in which role). */
export function DemandTimeline({ events, title = '办理进度' }: { events: DemandEvent[]; title?: string }) {
  return <Timeline title={title} events={events} label={demandEventLabel} lines={(e) => [e.role && e.role !== e.actor ? `${e.actor}（${e.role}）` : e.actor]} />;
}
