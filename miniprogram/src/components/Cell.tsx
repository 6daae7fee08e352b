import { Text, View } from '@tarojs/components';
import { role } from '../utils/a11y';

/** A link row: label, optional count (e.g. work waiting) and value, chevron (decorative: hidden from screen readers). */
export function Cell({ label, value, count, onClick }: { label: string; value?: string; count?: number | null; onClick: () => void }) {
  return (
    <View className='cell' onClick={onClick} {...role('link')}>
      <Text className='cell__label'>{label}</Text>
      {count !== undefined && count !== null ? <Text className={count > 0 ? 'cell__count' : 'cell__count cell__count--zero'}>{count}</Text> : null}
      {value ? <Text className='cell__value'>{value}</Text> : null}
      <Text className='cell__arrow' aria-hidden>
        ›
      </Text>
    </View>
  );
}
