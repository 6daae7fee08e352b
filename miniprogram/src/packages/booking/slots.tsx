// 选择预约时段: a place's working days (from the API only) as a row of date
// chips, then the day's slots with the seats left; an open slot → confirm.
// With `reschedule=<appointment id>` the choice moves that booking instead.
import { ScrollView, Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { useCallback, useState } from 'react';
import type { Slot, SlotsResponse } from '../../../../shared/schemas/appointments';
import { getSlots } from '../../api/booking';
import { errorMessage } from '../../api/errors';
import { Chip } from '../../components/Chip';
import { Page } from '../../components/Page';
import { Empty, ErrorState, Loading } from '../../components/States';
import { role } from '../../utils/a11y';
import { slotState } from '../../utils/booking';
import { formatDateLong, formatDateShort, formatSpan, todayShanghai, weekday } from '../../utils/dates';
import { PlaceCard } from './parts';
import './booking.scss';

/** How far ahead to look: two weeks for a point, six for a monthly roving day. */
const daysAhead = (placeId: string) => (placeId.startsWith('roving-') ? 42 : 14);

function firstBookable(days: SlotsResponse['days']): string | null {
  const open = days.find((d) => d.slots.some((s) => s.status === 'open'));
  return (open ?? days[0])?.date ?? null;
}

export default function Slots() {
  const { params } = useRouter();
  const code = decodeURIComponent(params.code ?? '');
  const placeId = decodeURIComponent(params.placeId ?? '');
  const reschedule = params.reschedule ? decodeURIComponent(params.reschedule) : '';
  const [data, setData] = useState<SlotsResponse | null>(null);
  const [date, setDate] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    setError(null);
    if (!code || !placeId) {
      setError('缺少事项或办理地点');
      return;
    }
    try {
      const res = await getSlots(placeId, todayShanghai(), daysAhead(placeId));
      setData(res);
      setDate((d) => (d && res.days.some((x) => x.date === d) ? d : firstBookable(res.days)));
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [code, placeId]);

  // Again on coming back from a confirm screen whose slot filled up meanwhile.
  useDidShow(() => {
    void load();
  });

  const pick = (slot: Slot) => {
    if (slot.status !== 'open') return;
    const url =
      `/packages/booking/confirm?code=${encodeURIComponent(code)}&slotId=${encodeURIComponent(slot.id)}` +
      (reschedule ? `&reschedule=${encodeURIComponent(reschedule)}` : '');
    void Taro.navigateTo({ url });
  };

  if (error) {
    return (
      <Page className='booking'>
        <ErrorState message={error} onRetry={() => void load()} />
      </Page>
    );
  }
  if (!data) {
    return (
      <Page className='booking'>
        <Loading />
      </Page>
    );
  }

  const today = todayShanghai();
  const day = data.days.find((d) => d.date === date);
  return (
    <Page className='booking'>
      {reschedule ? <Text className='notice'>改约：请选择新的时段，原预约的名额将同时释放</Text> : null}
      <PlaceCard place={data.place} />
      {data.days.length === 0 ? (
        <Empty text={data.place.kind === 'roving' ? '近期没有坐班安排，请选择其他地点' : '近期没有可预约的时段'} />
      ) : (
        <>
          <ScrollView className='dates' scrollX enableFlex>
            <View className='dates__row'>
              {data.days.map((d) => {
                const full = !d.slots.some((s) => s.status === 'open');
                return (
                  <Chip key={d.date} on={d.date === date} onClick={() => setDate(d.date)}>
                    {d.date === today ? '今天' : `周${weekday(d.date)}`} {formatDateShort(d.date)}
                    {full ? ' 无号' : ''}
                  </Chip>
                );
              })}
            </View>
          </ScrollView>
          {day ? (
            <View className='card'>
              <Text className='card__title'>{formatDateLong(day.date)}</Text>
              {day.slots.length === 0 ? <Text className='hint'>当天没有预约时段</Text> : null}
              {day.slots.map((s) => (
                <View
                  key={s.id}
                  className={`slot slot--${s.status}`}
                  onClick={() => pick(s)}
                  aria-disabled={s.status !== 'open'}
                  {...role('button')}
                >
                  <Text className='slot__time'>{formatSpan(s.start, s.end)}</Text>
                  <Text className='slot__state'>{slotState(s)}</Text>
                  {s.status === 'open' ? <Text className='slot__go'>预约 ›</Text> : null}
                </View>
              ))}
            </View>
          ) : null}
          <Text className='hint booking__hint'>只显示工作日；节假日与调休按国家安排。</Text>
        </>
      )}
    </Page>
  );
}
