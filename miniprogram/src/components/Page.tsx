import { Text, View } from '@tarojs/components';
import { useEffect, type ReactNode } from 'react';
import { useAppState } from '../store/app';
import { role } from '../utils/a11y';

/** Every page's root view: carries the `elder` class when large-font mode is on. */
export function Page({ className, children }: { className?: string; children?: ReactNode }) {
  const elder = useAppState((s) => s.elderMode);
  const refreshing = useAppState((s) => s.refreshing > 0);
  useEffect(() => {
    // H5: the tab bar and dialogs live outside the page; they scale from the root's class.
    if (typeof document !== 'undefined') document.documentElement.classList.toggle('elder-mode', elder);
  }, [elder]);
  const cls = ['page', elder ? 'elder' : '', className ?? ''].filter(Boolean).join(' ');
  return (
    <View className={cls}>
      {refreshing ? (
        <Text className='refreshing' {...role('status')}>
          更新中…
        </Text>
      ) : null}
      {children}
    </View>
  );
}
