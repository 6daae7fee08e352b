// A card on the workbench: every commitment with all its progress; on one's
// own (or one's department's) card, 记录进展 (weekly) and 标记完成 with the
// result and photos. A stale version or a commitment done meanwhile is a 409:
// the page says so and shows the card as it is now.
import { Text, Textarea, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { Card, Commitment } from '../../../../shared/schemas/commitments';
import { addProgress, getCard, markDone } from '../../api/commitments';
import { Btn } from '../../components/Btn';
import { CardHead, CommitmentItem } from '../../components/CommitmentParts';
import { Page } from '../../components/Page';
import { PhotosField } from '../../components/PhotosField';
import { ErrorState, Loading } from '../../components/States';
import type { Photo } from '../../utils/photos';
import { useAction, type Action } from '../../utils/useAction';
import { useLoad } from '../../utils/useLoad';
import { ActionResult, FormFooter } from '../cases';
import './commitments.scss';

type Step = { n: number; kind: 'progress' | 'done' };

function StepForm({ card, c, kind, action, onSaved, onClose }: { card: Card; c: Commitment; kind: Step['kind']; action: Action; onSaved: (card: Card) => void; onClose: () => void }) {
  const [text, setText] = useState('');
  const [photos, setPhotos] = useState<Photo[]>([]);
  const [uploads, setUploads] = useState(0);
  const label = kind === 'progress' ? '本周进展' : '完成结果';
  const save = async () => {
    if (uploads > 0) return action.setFormError('照片正在上传，请稍候');
    const saved = await action.run(
      () =>
        kind === 'progress'
          ? addProgress(card.id, { n: c.n, text, version: card.version })
          : markDone(card.id, { n: c.n, result: text, photos: photos.map((p) => p.key), version: card.version }),
      { done: kind === 'progress' ? `第${c.n}项进展已记录` : `第${c.n}项已标记完成` },
    );
    if (saved) onSaved(saved);
  };
  return (
    <View className='commit__form'>
      <Text className='commit__label'>{label}</Text>
      <Textarea className='demand-textarea' value={text} maxlength={300} placeholder={`请填写${label}`} aria-label={label} onInput={(e) => setText(e.detail.value)} />
      {kind === 'done' ? (
        <PhotosField label='完成照片' max={6} value={photos} onChange={(u) => setPhotos(u)} onBusy={(b) => setUploads((n) => n + (b ? 1 : -1))} to={{ purpose: 'demand_photo', staff: true }} />
      ) : null}
      <FormFooter error={action.formError} busy={action.busy} danger={false} confirm={kind === 'progress' ? '保存进展' : '确认完成'} onCancel={onClose} onConfirm={() => void save()} />
    </View>
  );
}

export default function CardPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const { data: card, error, reload, setData } = useLoad(() => getCard(id), [id], { staff: true, invalid: !id && '缺少承诺卡编号' });
  const [step, setStep] = useState<Step | null>(null);
  // A 409 (someone updated the card, or the commitment is done): close the form, show the card as it is now.
  const action = useAction(() => {
    setStep(null);
    reload();
  });

  if (error || !card) {
    return <Page className='wb-commitments'>{error ? <ErrorState message={error} onRetry={reload} /> : <Loading />}</Page>;
  }
  const open = (next: Step) => {
    action.clear();
    setStep(next);
  };
  return (
    <Page className='wb-commitments'>
      <View className='card'>
        <CardHead card={card} />
        <ActionResult msg={action.msg} />
        {card.commitments.map((c) => (
          <CommitmentItem key={c.n} c={c} all>
            {card.editable && c.light !== 'done' ? (
              step?.n === c.n ? (
                <StepForm
                  card={card}
                  c={c}
                  kind={step.kind}
                  action={action}
                  onClose={() => setStep(null)}
                  onSaved={(next) => {
                    setData(next);
                    setStep(null);
                  }}
                />
              ) : (
                <View className='commit__actions'>
                  <Btn className='btn btn--ghost btn--block' onClick={() => open({ n: c.n, kind: 'progress' })}>
                    记录第{c.n}项进展
                  </Btn>
                  <Btn className='btn btn--ghost btn--block' onClick={() => open({ n: c.n, kind: 'done' })}>
                    第{c.n}项已完成
                  </Btn>
                </View>
              )
            ) : null}
          </CommitmentItem>
        ))}
      </View>
    </Page>
  );
}
