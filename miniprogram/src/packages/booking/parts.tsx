// Pieces shared by the booking pages.
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ReactNode } from 'react';
import { NEARNESS_LABELS, type Place } from '../../../../shared/schemas/appointments';
import { role } from '../../utils/a11y';

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
      </View>
      <Text className='place__name'>{place.name}</Text>
      {place.departmentName ? <Text className='place__line'>坐班部门：{place.departmentName}</Text> : null}
      <Text className='place__line'>地址：{place.address}</Text>
      <Text className='place__line'>
        {place.kind === 'roving' ? '坐班时间' : '办公时间'}：{place.hours}
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

/** Back to the slot list (the previous page), or open it when there is none. */
export function backToSlots(code: string, placeId: string, reschedule?: string): void {
  const url =
    `/packages/booking/slots?code=${encodeURIComponent(code)}&placeId=${encodeURIComponent(placeId)}` +
    (reschedule ? `&reschedule=${encodeURIComponent(reschedule)}` : '');
  Promise.resolve(Taro.navigateBack()).catch(() => Taro.redirectTo({ url }));
}
