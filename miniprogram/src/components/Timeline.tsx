// A record's history as a timeline (demands, rectification tickets): every
// event oldest first (same instant: as recorded), in Asia/Shanghai time.
import { Text, View } from '@tarojs/components';
import { role } from '../utils/a11y';
import { formatInstant } from '../utils/dates';

export interface TimelineEvent {
  at: string;
  action: string;
  note: string | null;
}

export function Timeline<E extends TimelineEvent>({ title, events, label, lines }: {
  title: string;
  events: E[];
  label: (e: E) => string;
  /** Who acted (and anything else worth a line), under the label. */
  lines: (e: E) => string[];
}) {
  const list = events
    .map((e, i) => ({ e, i }))
    .sort((a, b) => Date.parse(a.e.at) - Date.parse(b.e.at) || a.i - b.i)
    .map((x) => x.e);
  return (
    <View className='card'>
      <Text className='card__title'>{title}</Text>
      {list.length === 0 ? <Text className='hint'>暂无记录</Text> : null}
      <View className='timeline' {...role('list')}>
        {list.map((e, i) => (
          <View key={`${e.at}-${i}`} className={i === list.length - 1 ? 'timeline__item timeline__item--last' : 'timeline__item'} data-action={e.action} {...role('listitem')}>
            <View className='timeline__dot' />
            <View className='timeline__body'>
              <View className='timeline__head'>
                <Text className='timeline__action'>{label(e)}</Text>
                <Text className='timeline__time'>{formatInstant(e.at)}</Text>
              </View>
              {lines(e).map((line, n) => (
                <Text key={n} className='timeline__line'>
                  {line}
                </Text>
              ))}
              {e.note ? <Text className='timeline__note'>{e.note}</Text> : null}
            </View>
          </View>
        ))}
      </View>
    </View>
  );
}
