// The foot of a paged list: 加载中… while the next page comes, its error with
// 重试, or 加载更多 (for a page too short to scroll, and for those who tap).
import { Text, View } from '@tarojs/components';
import type { More } from '../utils/usePaged';
import { role } from '../utils/a11y';
import { Btn } from './Btn';

export function LoadMore({ more }: { more: More }) {
  if (more.loading) {
    return (
      <View className='state state--loading'>
        <Text className='state__text'>加载中…</Text>
      </View>
    );
  }
  if (more.error) {
    return (
      <View className='state state--error'>
        <Text className='state__text' {...role('alert')}>
          {more.error}
        </Text>
        <Btn className='btn btn--ghost state__btn' onClick={more.loadMore}>
          重试
        </Btn>
      </View>
    );
  }
  return more.hasMore ? (
    <Btn className='btn btn--ghost btn--block' onClick={more.loadMore}>
      加载更多
    </Btn>
  ) : null;
}
