import { Text, View } from '@tarojs/components';
import { role } from '../utils/a11y';

/** A link row: label, optional value, chevron (decorative: hidden from screen readers). */
export function Cell({ label, value, onClick }: { label: string; value?: string; onClick: () => void }) {
  return (
    <View className='cell' onClick={onClick} {...role('link')}>
      <Text className='cell__label'>{label}</Text>
      {value ? <Text className='cell__value'>{value}</Text> : null}
      <Text className='cell__arrow' aria-hidden>
        ›
      </Text>
    </View>
  );
}
