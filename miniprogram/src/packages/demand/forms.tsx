// The resident's steps on a demand, each offered only when the server's
// `allowedActions` has it: answer a request for information (补充情况),
// evaluate the reply (问题解决了吗 + 满意吗), reopen within 14 days. Each posts
// with the demand's version; a 409 shows why and reloads.
import { Text, Textarea, View } from '@tarojs/components';
import { useState } from 'react';
import { REOPEN_DAYS, wantsRedo } from '../../../../shared/demand-flow';
import { DEMAND_SATISFACTION, DEMAND_SATISFACTION_LABELS, type DemandDetail, type DemandSatisfaction } from '../../../../shared/schemas/demands';
import { evaluateDemand, provideInfo, reopenDemand } from '../../api/demands';
import { errorMessage, isApiError } from '../../api/errors';
import { Btn } from '../../components/Btn';
import { Choices } from '../../components/Choices';
import { PhotosField } from '../../components/PhotosField';
import { role } from '../../utils/a11y';
import type { Photo } from '../../utils/photos';

export interface StepProps {
  demand: DemandDetail;
  /** The demand after the step, and what to tell the resident. */
  onDone: (next: DemandDetail, message: string) => void;
  /** A 409: someone acted first or the step is no longer allowed. */
  onConflict: (message: string) => void;
}

function useStep({ onDone, onConflict }: StepProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (send: () => Promise<DemandDetail>, message: (next: DemandDetail) => string) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const next = await send();
      onDone(next, message(next));
    } catch (e) {
      if (isApiError(e) && e.status === 409) onConflict(errorMessage(e));
      else setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, setError, run };
}

function TextBox({ label, value, onChange, placeholder, max = 500 }: { label: string; value: string; onChange: (v: string) => void; placeholder: string; max?: number }) {
  return (
    <View className='demand-field'>
      <Text className='field__label'>{label}</Text>
      <Textarea className='demand-textarea' value={value} maxlength={max} placeholder={placeholder} aria-label={label} onInput={(e) => onChange(e.detail.value)} />
      <Text className='demand-count'>
        {value.trim().length}/{max}
      </Text>
    </View>
  );
}

function Footer({ error, busy, label, onClick }: { error: string | null; busy: boolean; label: string; onClick: () => void }) {
  return (
    <>
      {error ? (
        <Text className='form-error' {...role('alert')}>
          {error}
        </Text>
      ) : null}
      <Btn className='btn btn--primary btn--block' disabled={busy} onClick={onClick}>
        {busy ? '正在提交…' : label}
      </Btn>
    </>
  );
}

/** 补充情况: the handler's question, the answer, optional photos; the clock runs again. */
export function InfoForm(props: StepProps & { question: string | null }) {
  const { busy, error, setError, run } = useStep(props);
  const [text, setText] = useState('');
  const [photos, setPhotos] = useState<Photo[]>([]);
  const [uploads, setUploads] = useState(0);
  const send = () => {
    if (uploads > 0) return;
    if (!text.trim()) return setError('请填写补充内容');
    void run(() => provideInfo(props.demand.id, { version: props.demand.version, text: text.trim(), photos: photos.map((p) => p.key) }), () => '已补充，承办部门继续办理');
  };
  return (
    <View className='card'>
      <Text className='card__title'>承办人请您补充情况</Text>
      {props.question ? <Text className='demand-text'>{props.question}</Text> : null}
      <TextBox label='补充内容' value={text} onChange={setText} placeholder='请按要求补充情况' max={1000} />
      <PhotosField label='补充照片' max={6} value={photos} onChange={(f) => setPhotos(f)} onBusy={(b) => setUploads((n) => n + (b ? 1 : -1))} to={{ purpose: 'demand_photo' }} />
      <Footer error={error} busy={busy || uploads > 0} label='提交补充' onClick={send} />
    </View>
  );
}

const SOLVED_LABELS = { yes: '是', no: '否' } as const;

/** 评价: 问题解决了吗 (是/否), 满意吗 (满意/基本满意/不满意), a comment; not solved or 不满意 sends it back once. */
export function EvaluationForm(props: StepProps) {
  const { demand } = props;
  const { busy, error, setError, run } = useStep(props);
  const [solved, setSolved] = useState<'yes' | 'no' | null>(null);
  const [satisfaction, setSatisfaction] = useState<DemandSatisfaction | null>(null);
  const [comment, setComment] = useState('');
  const redo = solved !== null && satisfaction !== null && wantsRedo({ solved: solved === 'yes', satisfaction });
  // A merged demand's reporter evaluates the parent's reply; that, or a second evaluation, is final.
  const final = demand.redone || demand.state === 'merged';

  const send = () => {
    if (!solved) return setError('请回答问题是否解决');
    if (!satisfaction) return setError('请选择满意、基本满意或不满意');
    void run(
      () => evaluateDemand(demand.id, { version: demand.version, solved: solved === 'yes', satisfaction, ...(comment.trim() ? { comment: comment.trim() } : {}) }),
      (next) =>
        next.state === 'closed' || next.state === 'merged'
          ? '感谢您的评价，诉求已办结'
          : `已退回承办部门重办，将在${next.clock.limitDays ?? ''}个工作日内重新答复`,
    );
  };

  return (
    <View className='card demand-evaluate'>
      <Text className='card__title'>请评价本次答复</Text>
      <Choices label='问题解决了吗？' options={['yes', 'no'] as const} labels={SOLVED_LABELS} value={solved} onChange={setSolved} />
      <Choices label='您满意吗？' options={DEMAND_SATISFACTION} labels={DEMAND_SATISFACTION_LABELS} value={satisfaction} onChange={setSatisfaction} />
      <TextBox label='意见（选填）' value={comment} onChange={setComment} placeholder='还有什么想说的' />
      {redo && !final ? <Text className='demand-notice'>未解决或不满意：提交后退回承办部门重办（仅一次，期限为原来的一半）。</Text> : null}
      {final ? <Text className='hint'>这是最终评价，提交后诉求办结。</Text> : null}
      <Footer error={error} busy={busy} label='提交评价' onClick={send} />
    </View>
  );
}

/** 重新打开: within 14 days of closing, with a reason. */
export function ReopenForm(props: StepProps) {
  const { busy, error, setError, run } = useStep(props);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const send = () => {
    if (reason.trim().length < 2) return setError('请说明重新打开的理由');
    void run(() => reopenDemand(props.demand.id, { version: props.demand.version, reason: reason.trim() }), () => '已重新打开，承办部门将重新办理');
  };
  return (
    <View className='card'>
      <Text className='card__title'>问题又出现了？</Text>
      <Text className='hint'>办结后{REOPEN_DAYS}天内可以重新打开，由原承办部门继续办理。</Text>
      {open ? (
        <>
          <TextBox label='重新打开的理由' value={reason} onChange={setReason} placeholder='请说明情况' />
          <Footer error={error} busy={busy} label='确认重新打开' onClick={send} />
        </>
      ) : (
        <Btn className='btn btn--ghost btn--block' onClick={() => setOpen(true)}>
          重新打开
        </Btn>
      )}
    </View>
  );
}
