// 发布承诺卡: 3–5 commitments, each the problem, who is responsible, the
// target, the deadline in working days (the server counts them on the
// official calendar) and the village or town it concerns. Checked with the
// same schema as the server before sending; one idempotency key per form, so a
// retry after a dropped signal posts the card once.
import { Input, Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { COMMITMENTS_MAX, COMMITMENTS_MIN, PostCardRequest } from '../../../../shared/schemas/commitments';
import { postCard } from '../../api/commitments';
import { listRegions } from '../../api/regions';
import { getStaffMe } from '../../api/staff';
import { Btn } from '../../components/Btn';
import { Page } from '../../components/Page';
import { RegionPicker } from '../../components/RegionPicker';
import { ErrorState, Loading } from '../../components/States';
import { newIdempotencyKey } from '../../utils/idempotency';
import { indexRegions, type RegionIndex } from '../../utils/regions';
import { useAction } from '../../utils/useAction';
import { useLoad } from '../../utils/useLoad';
import { ActionResult } from '../cases';
import './commitments.scss';

interface Item {
  problem: string;
  owner: string;
  target: string;
  workingDays: string;
  regionCode: string | null;
}

const blank = (owner: string, regionCode: string | null): Item => ({ problem: '', owner, target: '', workingDays: '20', regionCode });

function ItemForm({ n, item, index, onChange, onRemove }: { n: number; item: Item; index: RegionIndex; onChange: (patch: Partial<Item>) => void; onRemove?: () => void }) {
  return (
    <View className='card commit-new__item' aria-label={`第${n}项承诺`}>
      <Text className='card__title'>第{n}项承诺</Text>
      <Text className='field__label'>问题</Text>
      <Input className='field__input' maxlength={100} value={item.problem} placeholder='要解决的具体问题' aria-label={`第${n}项问题`} onInput={(e) => onChange({ problem: e.detail.value })} />
      <Text className='field__label'>责任人</Text>
      <Input className='field__input' maxlength={30} value={item.owner} aria-label={`第${n}项责任人`} onInput={(e) => onChange({ owner: e.detail.value })} />
      <Text className='field__label'>目标</Text>
      <Textarea className='demand-textarea' maxlength={200} value={item.target} placeholder='做到什么程度' aria-label={`第${n}项目标`} onInput={(e) => onChange({ target: e.detail.value })} />
      <Text className='field__label'>时限（工作日，节假日不计）</Text>
      <Input className='field__input' type='number' maxlength={3} value={item.workingDays} aria-label={`第${n}项时限`} onInput={(e) => onChange({ workingDays: e.detail.value })} />
      <RegionPicker label='涉及的村（社区）或镇' index={index} value={item.regionCode} onChange={(regionCode) => onChange({ regionCode: regionCode && regionCode.length > 12 ? regionCode.slice(0, 12) : regionCode })} />
      {onRemove ? (
        <Btn className='btn btn--ghost btn--small' onClick={onRemove}>
          删除第{n}项
        </Btn>
      ) : null}
    </View>
  );
}

export default function NewCard() {
  const me = useLoad(getStaffMe, [], { staff: true });
  const regions = useLoad(listRegions, [], { keep: 'regions' });
  const [title, setTitle] = useState('');
  const [items, setItems] = useState<Item[] | null>(null);
  const [key] = useState(newIdempotencyKey);
  const action = useAction();

  if (me.error || regions.error) {
    return <Page className='wb-commitments'><ErrorState message={(me.error ?? regions.error)!} onRetry={() => { me.reload(); regions.reload(); }} /></Page>;
  }
  if (!me.data || !regions.data) return <Page className='wb-commitments'><Loading /></Page>;
  const index = indexRegions(regions.data);
  // A cadre's village (or a town desk's town) is where most of their commitments are.
  const home = me.data.regionCode.length >= 9 ? me.data.regionCode.slice(0, 12) : null;
  const list = items ?? Array.from({ length: COMMITMENTS_MIN }, () => blank(me.data!.name, home));
  const patch = (i: number, p: Partial<Item>) => setItems(list.map((it, j) => (j === i ? { ...it, ...p } : it)));

  const submit = async () => {
    const parsed = PostCardRequest.safeParse({
      title,
      idempotencyKey: key,
      commitments: list.map((it) => ({ ...it, workingDays: Number(it.workingDays), regionCode: it.regionCode ?? '' })),
    });
    if (!parsed.success) return action.setFormError(parsed.error.issues[0]?.message ?? '请检查填写的内容');
    const card = await action.run(() => postCard(parsed.data));
    if (card) void Taro.redirectTo({ url: `/workbench/commitments/card?id=${card.id}` });
  };

  return (
    <Page className='wb-commitments'>
      <View className='card'>
        <Text className='field__label'>承诺卡标题</Text>
        <Input className='field__input' maxlength={40} value={title} placeholder='如：白岩村2026年冬季服务承诺' aria-label='承诺卡标题' onInput={(e) => setTitle(e.detail.value)} />
        <Text className='hint'>每张承诺卡{COMMITMENTS_MIN}至{COMMITMENTS_MAX}项，公开后每周更新进展。</Text>
      </View>
      {list.map((it, i) => (
        <ItemForm key={i} n={i + 1} item={it} index={index} onChange={(p) => patch(i, p)} onRemove={list.length > COMMITMENTS_MIN ? () => setItems(list.filter((_, j) => j !== i)) : undefined} />
      ))}
      {list.length < COMMITMENTS_MAX ? (
        <Btn className='btn btn--ghost btn--block' onClick={() => setItems([...list, blank(me.data!.name, home)])}>
          再加一项
        </Btn>
      ) : null}
      {action.formError ? <Text className='field__error'>{action.formError}</Text> : null}
      <ActionResult msg={action.msg} />
      <Btn className='btn btn--primary btn--block' disabled={action.busy} onClick={() => void submit()}>
        公开发布
      </Btn>
    </Page>
  );
}
