import { Text, View } from '@tarojs/components';
import { Btn } from './Btn';

export function Loading({ text = '加载中…' }: { text?: string }) {
  return (
    <View className='state state--loading'>
      <Text className='state__text'>{text}</Text>
    </View>
  );
}

export function ErrorState({ message, onRetry }: { message: string; onRetry?: () => void }) {
  return (
    <View className='state state--error'>
      <Text className='state__icon'>!</Text>
      <Text className='state__text'>{message}</Text>
      {onRetry ? (
        <Btn className='btn btn--ghost state__btn' onClick={onRetry}>
          重新加载
        </Btn>
      ) : null}
    </View>
  );
}

export function Empty({ text }: { text: string }) {
  return (
    <View className='state state--empty'>
      <Text className='state__text'>{text}</Text>
    </View>
  );
}
