// Pieces shared by the booking pages.
import { ScrollView, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ReactNode } from 'react';
import { NEARNESS_LABELS, type Appointment, type Place, type Slot, type SlotsResponse } from '../../../../shared/schemas/appointments';
import { Chip } from '../../components/Chip';
import { role } from '../../utils/a11y';
import { slotState } from '../../utils/booking';
import { formatDateLong, formatDateShort, formatSpan, todayShanghai, weekday } from '../../utils/dates';

const BADGE: Record<Place['nearness'], string> = {
  own_village: 'badge badge--green',
  own_town: 'badge badge--blue',
  roving_in_town: 'badge badge--orange',
  county: 'badge badge--gray',
  other: 'badge badge--gray',
};

export function PlaceCard({ place, onClick }: { place: Place; onClick?: () => void }) {
  return (
    <View className='card place' onClick={onClick} {...(onClick ? role('link') : {})}>
      <View className='place__tags'>
        <Text className={BADGE[place.nearness]}>{NEARNESS_LABELS[place.nearness]}</Text>
        {place.kind === 'roving' ? <Text className='badge badge--outline'>下乡坐班</Text> : null}
        {place.kind === 'reception' ? <Text className='badge badge--outline'>领导接待日</Text> : null}
      </View>
      <Text className='place__name'>{place.name}</Text>
      {place.departmentName ? <Text className='place__line'>坐班部门：{place.departmentName}</Text> : null}
      <Text className='place__line'>地址：{place.address}</Text>
      <Text className='place__line'>
        {place.kind === 'point' ? '办公时间' : place.kind === 'roving' ? '坐班时间' : '接待时间'}：{place.hours}
      </Text>
      {place.phone ? <Text className='place__line'>电话：{place.phone}</Text> : null}
      {onClick ? <Text className='place__go'>选择时段 ›</Text> : null}
    </View>
  );
}

/** A label–value row. */
export function Row({ k, children }: { k: string; children: ReactNode }) {
  return (
    <View className='kv'>
      <Text className='kv__k'>{k}</Text>
      <View className='kv__v'>{children}</View>
    </View>
  );
}

/** 改约 mode's notice: the new slot replaces the booking (named with its time when known). */
export function RescheduleNote({ original }: { original?: Pick<Appointment, 'date' | 'start' | 'end'> | null }) {
  const was = original ? `（原预约：${formatDateLong(original.date)} ${formatSpan(original.start, original.end)}）` : '';
  return <Text className='notice'>改约：请选择新的时段，原预约的名额将同时释放{was}</Text>;
}

/** Back to the slot list (the previous page), or open it when there is none. */
export function backToSlots(code: string, placeId: string, reschedule?: string): void {
  const url =
    `/packages/booking/slots?code=${encodeURIComponent(code)}&placeId=${encodeURIComponent(placeId)}` +
    (reschedule ? `&reschedule=${encodeURIComponent(reschedule)}` : '');
  Promise.resolve(Taro.navigateBack()).catch(() => Taro.redirectTo({ url }));
}

/**
 * A place's days as a row of date chips, then the chosen day's slots with the
 * seats left; tapping an open slot picks it (`picked` marks the one chosen).
 */
export function SlotDays(props: {
  days: SlotsResponse['days'];
  date: string | null;
  onDate: (date: string) => void;
  onPick: (slot: Slot) => void;
  picked?: string | null;
}) {
  const today = todayShanghai();
  const day = props.days.find((d) => d.date === props.date);
  return (
    <>
      <ScrollView className='dates' scrollX enableFlex>
        <View className='dates__row'>
          {props.days.map((d) => {
            const full = !d.slots.some((s) => s.status === 'open');
            return (
              <Chip key={d.date} on={d.date === props.date} onClick={() => props.onDate(d.date)}>
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
              className={`slot slot--${s.status}${props.picked === s.id ? ' slot--picked' : ''}`}
              onClick={() => s.status === 'open' && props.onPick(s)}
              aria-disabled={s.status !== 'open'}
              aria-pressed={props.picked === undefined ? undefined : props.picked === s.id}
              {...role('button')}
            >
              <Text className='slot__time'>{formatSpan(s.start, s.end)}</Text>
              <Text className='slot__state'>{props.picked === s.id ? '已选择' : slotState(s)}</Text>
              {s.status === 'open' && props.picked !== s.id ? <Text className='slot__go'>{props.picked === undefined ? '预约 ›' : '选择'}</Text> : null}
            </View>
          ))}
        </View>
      ) : null}
    </>
  );
}
