// A run of days as chips (今天, 3月5日 周四 …), one chosen (AB岗) or several
// (接待日): the first few at once, the rest behind 更多日期 so the list stays
// short on a phone and in large-font mode. The days come from the server.
import { View } from '@tarojs/components';
import { useState } from 'react';
import { Btn } from '../components/Btn';
import { Chip } from '../components/Chip';
import { formatDateShort, weekday } from '../utils/dates';

/** 2026-03-05 → "3月5日 周四" */
export const formatDayShort = (date: string): string => `${formatDateShort(date)} 周${weekday(date)}`;

export const dayName = (date: string, today: string): string => (date === today ? '今天' : formatDayShort(date));

export function DayChips({ label, days, today, isOn, onTap, shown = 10 }: {
  label: string;
  days: readonly string[];
  today: string;
  isOn: (date: string) => boolean;
  onTap: (date: string) => void;
  shown?: number;
}) {
  const [all, setAll] = useState(false);
  return (
    <View>
      <View className='chips' aria-label={label}>
        {(all ? days : days.slice(0, shown)).map((d) => (
          <Chip key={d} on={isOn(d)} onClick={() => onTap(d)}>
            {dayName(d, today)}
          </Chip>
        ))}
      </View>
      {days.length > shown ? (
        <Btn className='btn btn--ghost btn--small day-chips__more' onClick={() => setAll(!all)}>
          {all ? '收起' : `更多日期（共${days.length}天）`}
        </Btn>
      ) : null}
    </View>
  );
}
