// Rating a finished commitment on the national five levels: residents of the
// village only (the server says so in Chinese otherwise), once each; a retry
// after a dropped signal reuses the form's idempotency key.
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { RATING_LEVEL_LABELS, RATING_LEVELS, type RatingLevel } from '../../../../shared/schemas/ratings';
import type { Commitment } from '../../../../shared/schemas/commitments';
import { rateCommitment } from '../../api/commitments';
import { Btn } from '../../components/Btn';
import { Chip } from '../../components/Chip';
import { role } from '../../utils/a11y';
import { newIdempotencyKey } from '../../utils/idempotency';
import { useAction } from '../../utils/useAction';

export function RateCommitment({ cardId, c, onRated }: { cardId: string; c: Commitment; onRated: () => void }) {
  const [open, setOpen] = useState(false);
  const [level, setLevel] = useState<RatingLevel | null>(null);
  const [key] = useState(newIdempotencyKey);
  const action = useAction(onRated);

  const submit = async () => {
    if (level === null) return action.setFormError('请选择满意程度');
    const rated = await action.run(() => rateCommitment(cardId, c.n, level, key), { done: '感谢您的评价' });
    if (rated) {
      setOpen(false);
      onRated();
    }
  };

  return (
    <View className='commit__rate'>
      {action.msg ? (
        <Text className={action.msg.ok ? 'commit__msg' : 'field__error'} {...role(action.msg.ok ? 'status' : 'alert')}>
          {action.msg.text}
        </Text>
      ) : null}
      {open ? (
        <View className='commit__form' {...role('group')} aria-label={`评价第${c.n}项承诺`}>
          <Text className='commit__label'>您对这项承诺的完成情况满意吗？</Text>
          <View className='chips' aria-label='满意程度'>
            {RATING_LEVELS.map((l) => (
              <Chip key={l} on={level === l} onClick={() => setLevel(l)}>
                {RATING_LEVEL_LABELS[l]}
              </Chip>
            ))}
          </View>
          {action.formError ? (
            <Text className='field__error' {...role('alert')}>
              {action.formError}
            </Text>
          ) : null}
          <Btn className='btn btn--primary btn--block' disabled={action.busy} onClick={() => void submit()}>
            提交评价
          </Btn>
          <Btn className='btn btn--ghost btn--block' onClick={() => setOpen(false)}>
            取消
          </Btn>
        </View>
      ) : (
        <Btn className='btn btn--ghost btn--small' onClick={() => setOpen(true)}>
          评价这项承诺
        </Btn>
      )}
    </View>
  );
}
