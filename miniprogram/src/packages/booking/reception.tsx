// 预约领导接待: a leader's reception days (from the directory's 预约接待),
// the day's slots with the seats left, and the topic to raise (required, the
// same rule as the server). One idempotency key per screen: a retried tap
// books at most once.
import { Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useCallback, useState } from 'react';
import type { Slot, SlotsResponse } from '../../../../shared/schemas/appointments';
import { ReceptionBookRequest, type Reception } from '../../../../shared/schemas/posts';
import { getSlots } from '../../api/booking';
import { errorMessage } from '../../api/errors';
import { bookReception, getReceptions } from '../../api/reception';
import { Btn } from '../../components/Btn';
import { Page } from '../../components/Page';
import { Empty, ErrorState, Loading } from '../../components/States';
import { role } from '../../utils/a11y';
import { cancelRule } from '../../utils/booking';
import { newIdempotencyKey } from '../../utils/idempotency';
import { todayShanghai } from '../../utils/dates';
import { useLoad } from '../../utils/useLoad';
import { PlaceCard, SlotDays } from './parts';
import './booking.scss';

const TOPIC_MAX = 100;
/** Reception days are announced weeks ahead. */
const DAYS_AHEAD = 42;

async function loadReception(id: string): Promise<{ reception: Reception; slots: SlotsResponse }> {
  const { receptions } = await getReceptions();
  const reception = receptions.find((r) => r.id === id);
  if (!reception) throw new Error('该领导暂未安排接待日');
  return { reception, slots: await getSlots(reception.placeId, todayShanghai(), DAYS_AHEAD) };
}

/** The topic's problem, by the server's own rule (ReceptionBookRequest), or null. */
export function topicError(topic: string): string | null {
  const parsed = ReceptionBookRequest.shape.topic.safeParse(topic);
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? '请写明想反映的事由');
}

export default function ReceptionBooking() {
  const { params } = useRouter();
  const id = decodeURIComponent(params.id ?? '');
  const load = useCallback(() => loadReception(id), [id]);
  const { data, error, reload } = useLoad(load, [load]);
  const [date, setDate] = useState<string | null>(null);
  const [slot, setSlot] = useState<Slot | null>(null);
  const [topic, setTopic] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [idempotencyKey] = useState(newIdempotencyKey);

  if (error || !data) {
    return <Page className='booking'>{error ? <ErrorState message={error} onRetry={reload} /> : <Loading />}</Page>;
  }
  const { reception, slots } = data;
  const shownDate = date ?? slots.days.find((d) => d.slots.some((s) => s.status === 'open'))?.date ?? slots.days[0]?.date ?? null;

  const submit = async () => {
    if (busy) return;
    if (!slot) return setFailure('请先选择接待时段');
    const problem = topicError(topic);
    if (problem) return setFailure(problem);
    setBusy(true);
    setFailure(null);
    try {
      const appt = await bookReception(reception.id, { slotId: slot.id, topic: topic.trim(), idempotencyKey });
      void Taro.showToast({ title: '预约成功', icon: 'success' });
      await Taro.redirectTo({ url: `/packages/booking/detail?id=${encodeURIComponent(appt.id)}` });
    } catch (e) {
      setFailure(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page className='booking'>
      <Text className='booking__item'>
        {reception.title} {reception.name}
      </Text>
      <PlaceCard place={slots.place} />
      {slots.days.length === 0 ? (
        <Empty text='近期没有接待日，请拨打公开电话或稍后再来' />
      ) : (
        <>
          <SlotDays days={slots.days} date={shownDate} onDate={setDate} onPick={setSlot} picked={slot?.id ?? null} />
          <View className='card'>
            <View className='field'>
              <Text className='field__label'>想反映的事由（必填）</Text>
              <Textarea
                className='reception-topic'
                value={topic}
                maxlength={TOPIC_MAX}
                placeholder='例如：村道塌方三个月无人修复'
                aria-label='想反映的事由'
                onInput={(e) => setTopic(e.detail.value)}
              />
              <Text className='hint'>
                {topic.trim().length}/{TOPIC_MAX}
              </Text>
            </View>
          </View>
          <Text className='notice'>领导接待免费预约，请凭预约码按时到{reception.address}；{cancelRule(slots.place.cutoffMinutes)}</Text>
          {failure ? (
            <Text className='form-error' {...role('alert')}>
              {failure}
            </Text>
          ) : null}
          <Btn className='btn btn--primary btn--block' disabled={busy} onClick={() => void submit()}>
            {busy ? '正在预约…' : '确认预约接待'}
          </Btn>
        </>
      )}
    </Page>
  );
}
