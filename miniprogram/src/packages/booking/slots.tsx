// 选择预约时段: a place's working days (from the API only) as a row of date
// chips, then the day's slots with the seats left; an open slot → confirm.
// With `reschedule=<appointment id>` the choice moves that booking instead.
import { Text } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { useCallback, useState } from 'react';
import type { Slot, SlotsResponse } from '../../../../shared/schemas/appointments';
import { getSlots } from '../../api/booking';
import { errorMessage } from '../../api/errors';
import { Page } from '../../components/Page';
import { Empty, ErrorState, Loading } from '../../components/States';
import { todayShanghai } from '../../utils/dates';
import { PlaceCard, RescheduleNote, SlotDays } from './parts';
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

  return (
    <Page className='booking'>
      {reschedule ? <RescheduleNote /> : null}
      <PlaceCard place={data.place} />
      {data.days.length === 0 ? (
        <Empty text={data.place.kind === 'roving' ? '近期没有坐班安排，请选择其他地点' : '近期没有可预约的时段'} />
      ) : (
        <>
          <SlotDays days={data.days} date={date} onDate={setDate} onPick={pick} />
          <Text className='hint booking__hint'>只显示工作日；节假日与调休按国家安排。</Text>
        </>
      )}
    </Page>
  );
}
