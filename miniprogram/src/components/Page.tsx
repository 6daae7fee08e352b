import { View } from '@tarojs/components';
import { useEffect, type ReactNode } from 'react';
import { useAppState } from '../store/app';

/** Every page's root view: carries the `elder` class when large-font mode is on. */
export function Page({ className, children }: { className?: string; children?: ReactNode }) {
  const elder = useAppState((s) => s.elderMode);
  useEffect(() => {
    // H5: the tab bar and dialogs live outside the page; they scale from the root's class.
    if (typeof document !== 'undefined') document.documentElement.classList.toggle('elder-mode', elder);
  }, [elder]);
  const cls = ['page', elder ? 'elder' : '', className ?? ''].filter(Boolean).join(' ');
  return <View className={cls}>{children}</View>;
}
