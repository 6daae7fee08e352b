import { Text, View } from '@tarojs/components';
import { role } from '../utils/a11y';

/** A labelled on/off switch with a large touch target. */
export function Toggle({ label, hint, on, onChange }: { label: string; hint?: string; on: boolean; onChange: (on: boolean) => void }) {
  return (
    <View className='toggle' {...role('switch')} aria-checked={on} aria-label={label} onClick={() => onChange(!on)}>
      <View className='toggle__text'>
        <Text className='toggle__label'>{label}</Text>
        {hint ? <Text className='toggle__hint'>{hint}</Text> : null}
      </View>
      <View className={on ? 'toggle__track toggle__track--on' : 'toggle__track'}>
        <View className='toggle__thumb' />
      </View>
    </View>
  );
}
