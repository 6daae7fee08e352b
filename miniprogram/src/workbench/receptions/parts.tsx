// The 领导接待日 form's fields: the dates (chips of the working days offered,
// and the chosen ones with their booking lists), the windows with seats, and
// a row of choices (directory entry, cancel cut-off).
import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { MAX_RECEPTION_DATES } from '../../../../shared/reception';
import { Btn } from '../../components/Btn';
import { Chip } from '../../components/Chip';
import { DayChips, formatDayShort } from '../day-chips';

export interface WindowDraft {
  start: string;
  end: string;
  capacity: string;
}
export const MAX_WINDOWS = 12;

function openBookings(placeId: string, date: string) {
  void Taro.navigateTo({ url: `/workbench/day/index?placeId=${encodeURIComponent(placeId)}&date=${date}` });
}

/** 接待日期: tap a day to add or remove it; the chosen ones listed, the saved ones with their 预约名单. */
export function DatesField({ dates, saved, days, today, placeId, onChange }: {
  dates: string[];
  saved: readonly string[];
  days: readonly string[];
  today: string;
  placeId: string;
  onChange: (dates: string[]) => void;
}) {
  const toggle = (d: string) => onChange(dates.includes(d) ? dates.filter((x) => x !== d) : [...dates, d].sort());
  return (
    <View className='card'>
      <Text className='card__title'>接待日期</Text>
      <Text className='hint'>
        已选{dates.length}天（最多{MAX_RECEPTION_DATES}天），点日期添加或去掉
      </Text>
      <DayChips label='接待日期' days={days} today={today} isOn={(d) => dates.includes(d)} onTap={toggle} />
      {dates.map((d) => (
        <View key={d} className='card-row reception-date'>
          <Text className='reception-date__day'>{formatDayShort(d)}</Text>
          {saved.includes(d) ? (
            <Btn className='btn btn--ghost btn--small' onClick={() => openBookings(placeId, d)}>
              预约名单
            </Btn>
          ) : null}
          <Btn className='btn btn--danger btn--small' aria-label={`去掉${formatDayShort(d)}`} onClick={() => toggle(d)}>
            去掉
          </Btn>
        </View>
      ))}
    </View>
  );
}

/** 接待时段与名额: start, end and seats of each window (HH:mm). */
export function WindowsField({ windows, onChange }: { windows: WindowDraft[]; onChange: (windows: WindowDraft[]) => void }) {
  const patch = (i: number, p: Partial<WindowDraft>) => onChange(windows.map((w, j) => (j === i ? { ...w, ...p } : w)));
  return (
    <View className='card'>
      <Text className='card__title'>接待时段与名额</Text>
      {windows.map((w, i) => (
        <View key={i} className='card-row reception-window' aria-label={`第${i + 1}个时段`}>
          <View className='reception-window__cell'>
            <Text className='field__label'>开始</Text>
            <Input className='field__input' maxlength={5} value={w.start} placeholder='09:00' aria-label={`第${i + 1}个时段开始`} onInput={(e) => patch(i, { start: e.detail.value })} />
          </View>
          <View className='reception-window__cell'>
            <Text className='field__label'>结束</Text>
            <Input className='field__input' maxlength={5} value={w.end} placeholder='11:30' aria-label={`第${i + 1}个时段结束`} onInput={(e) => patch(i, { end: e.detail.value })} />
          </View>
          <View className='reception-window__cell'>
            <Text className='field__label'>名额（人）</Text>
            <Input className='field__input' type='number' maxlength={3} value={w.capacity} aria-label={`第${i + 1}个时段名额`} onInput={(e) => patch(i, { capacity: e.detail.value })} />
          </View>
          {windows.length > 1 ? (
            <Btn className='btn btn--ghost btn--small' onClick={() => onChange(windows.filter((_, j) => j !== i))}>
              删除第{i + 1}个时段
            </Btn>
          ) : null}
        </View>
      ))}
      {windows.length < MAX_WINDOWS ? (
        <Btn className='btn btn--ghost btn--block' onClick={() => onChange([...windows, { start: '', end: '', capacity: windows[windows.length - 1]?.capacity ?? '5' }])}>
          添加时段
        </Btn>
      ) : null}
    </View>
  );
}

/** A labelled row of chips over values of any kind (the directory entry, the cut-off). */
export function ChoiceRow<T>({ label, options, value, onChange }: { label: string; options: { value: T; text: string }[]; value: T; onChange: (v: T) => void }) {
  return (
    <View className='reception-choice'>
      <Text className='field__label'>{label}</Text>
      <View className='chips' aria-label={label}>
        {options.map((o) => (
          <Chip key={o.text} on={o.value === value} onClick={() => onChange(o.value)}>
            {o.text}
          </Chip>
        ))}
      </View>
    </View>
  );
}
