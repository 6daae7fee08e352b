// The knowledge-base step a 咨询 goes through before it is sent
// (这解答了您的问题吗？): matching answers and catalogue items.
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { KnowledgeResponse } from '../../../../shared/schemas/demands';
import type { z } from 'zod/mini';
import { Btn } from '../../components/Btn';
import { role } from '../../utils/a11y';

export type Knowledge = z.infer<typeof KnowledgeResponse>;
export type AnsweredBy = { kind: 'knowledge' | 'service'; id: string };

/** Matching answers and catalogue items; "是，已解答" closes the question on the spot. */
export function KnowledgeStep({ found, busy, onAnswered, onContinue }: {
  found: Knowledge;
  busy: boolean;
  onAnswered: (by: AnsweredBy) => void;
  onContinue: () => void;
}) {
  return (
    <View className='card demand-kb'>
      <Text className='card__title'>这解答了您的问题吗？</Text>
      <Text className='hint'>以下是相关部门已答复过的问题和办事指南，如已解答，可当场办结。</Text>
      {found.answers.map((a) => (
        <View key={a.id} className='demand-kb__item' data-answer={a.id}>
          <Text className='demand-kb__q'>问：{a.question}</Text>
          <Text className='demand-kb__a'>答：{a.answer}</Text>
          {a.departmentName ? <Text className='hint'>{a.departmentName}</Text> : null}
          <Btn className='btn btn--ghost btn--small' disabled={busy} onClick={() => onAnswered({ kind: 'knowledge', id: a.id })} aria-label={`已解答：${a.question}`}>
            是，已解答
          </Btn>
        </View>
      ))}
      {found.services.map((s) => (
        <View key={s.code} className='demand-kb__item' data-service={s.code}>
          {/* The whole guide (materials, time limits, where) is one tap away. */}
          <Text className='demand-kb__q' onClick={() => void Taro.navigateTo({ url: `/packages/service/detail?code=${encodeURIComponent(s.code)}` })} {...role('link')}>
            办事指南：{s.name} ›
          </Text>
          <Text className='hint'>{s.departmentName}</Text>
          <Btn className='btn btn--ghost btn--small' disabled={busy} onClick={() => onAnswered({ kind: 'service', id: s.code })} aria-label={`已解答：${s.name}`}>
            是，已解答
          </Btn>
        </View>
      ))}
      <Btn className='btn btn--primary btn--block' disabled={busy} onClick={onContinue}>
        没有解答，继续提交
      </Btn>
    </View>
  );
}
