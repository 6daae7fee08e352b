import { Text, View } from '@tarojs/components';
import { role } from '../utils/a11y';
import { Btn } from './Btn';

/** Says the form was refilled from the device, with a way to start over. */
export function DraftNotice({ onDiscard }: { onDiscard: () => void }) {
  return (
    <View className='draft-notice' {...role('status')}>
      <Text className='draft-notice__text'>已恢复您上次未提交的内容</Text>
      <Btn className='btn btn--ghost btn--small' onClick={onDiscard}>
        清空重填
      </Btn>
    </View>
  );
}
