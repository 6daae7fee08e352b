import { View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { useAppState } from '../store/app';

/** Every page's root view: carries the `elder` class when large-font mode is on. */
export function Page({ className, children }: { className?: string; children?: ReactNode }) {
  const elder = useAppState((s) => s.elderMode);
  const cls = ['page', elder ? 'elder' : '', className ?? ''].filter(Boolean).join(' ');
  return <View className={cls}>{children}</View>;
}
