import { Text, View } from '@tarojs/components';
import { Chip } from './Chip';

/** A labelled row of chips, one of them chosen (type, domain, channel, grade…). */
export function Choices<T extends string>({ label, options, labels, value, onChange }: {
  label: string;
  options: readonly T[];
  labels: Record<T, string>;
  value: T | null;
  onChange: (v: T) => void;
}) {
  return (
    <View className='demand-field'>
      <Text className='field__label'>{label}</Text>
      <View className='chips' aria-label={label}>
        {options.map((o) => (
          <Chip key={o} on={value === o} onClick={() => onChange(o)}>
            {labels[o]}
          </Chip>
        ))}
      </View>
    </View>
  );
}
