import { View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { role } from '../utils/a11y';

/** A tappable choice (filters, tags, region levels). */
export function Chip({ on, onClick, children }: { on: boolean; onClick: () => void; children: ReactNode }) {
  return (
    <View className={on ? 'chip chip--on' : 'chip'} onClick={onClick} aria-pressed={on} {...role('button')}>
      {children}
    </View>
  );
}
