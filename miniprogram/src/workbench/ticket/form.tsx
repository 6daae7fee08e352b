// The form of one step on a rectification ticket: a note for every step,
// whether the resident was reached and their view for 回访, the ruling for
// an appeal's decision.
import { Text, Textarea, View } from '@tarojs/components';
import { APPEAL_DECISION_LABELS, FOLLOW_UP_VIEW_LABELS, FOLLOW_UP_VIEWS, type FollowUpView } from '../../../../shared/schemas/ratings';
import type { AppealDecision } from '../../api/tickets';
import { Chip } from '../../components/Chip';
import { Toggle } from '../../components/Toggle';
import { noteError, TICKET_NOTE_LABELS, TICKET_NOTE_PLACEHOLDERS, TICKET_STEP_BUTTONS, TICKET_SUBMIT_LABELS, type TicketStep } from '../../utils/tickets';
import { FormFooter } from '../cases';

export type Decision = AppealDecision['decision'];
const DECISION_CHOICES: { value: Decision; label: string }[] = [
  { value: 'upheld', label: '申诉成立' },
  { value: 'dismissed', label: '申诉不成立' },
];
const NOTE_MAX = 500;

export interface StepFields {
  note: string;
  reached: boolean;
  view: FollowUpView | null;
  decision: Decision | null;
}

export const NO_FIELDS: StepFields = { note: '', reached: true, view: null, decision: null };

/** What is missing before a step can be sent, or null. */
export function stepFieldsError(step: TicketStep, f: StepFields): string | null {
  const bad = noteError(f.note);
  if (bad) return bad;
  if (step === 'follow_up' && f.reached && !f.view) return '请选择居民意见';
  if (step === 'decide' && !f.decision) return '请选择裁定结果';
  return null;
}

export function TicketStepForm({ step, fields, set, error, busy, onCancel, onConfirm }: {
  step: TicketStep;
  fields: StepFields;
  set: (patch: Partial<StepFields>) => void;
  error: string | null;
  busy: boolean;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  const { note, reached, view, decision } = fields;
  return (
    <View className='case-form ticket-form'>
      <Text className='card__title'>{TICKET_STEP_BUTTONS[step]}</Text>
      {step === 'appeal' ? <Text className='hint'>仅限恶意评价或错误评价；每张整改单只能申诉一次，由督查裁定。</Text> : null}
      {step === 'follow_up' ? (
        <>
          <Toggle label='是否联系上' hint={reached ? '已联系上居民' : '未联系上居民'} on={reached} onChange={(on) => set({ reached: on })} />
          {/* The resident's view only when they were reached. */}
          {reached ? (
            <>
              <Text className='case-form__label'>居民意见</Text>
              <View className='chips' aria-label='居民意见'>
                {FOLLOW_UP_VIEWS.map((v) => (
                  <Chip key={v} on={view === v} onClick={() => set({ view: v })}>
                    {FOLLOW_UP_VIEW_LABELS[v]}
                  </Chip>
                ))}
              </View>
            </>
          ) : null}
        </>
      ) : null}
      {step === 'decide' ? (
        <>
          <Text className='case-form__label'>裁定结果</Text>
          <View className='chips' aria-label='裁定结果'>
            {DECISION_CHOICES.map((c) => (
              <Chip key={c.value} on={decision === c.value} onClick={() => set({ decision: c.value })}>
                {c.label}
              </Chip>
            ))}
          </View>
          {decision ? <Text className='hint'>{APPEAL_DECISION_LABELS[decision]}</Text> : null}
        </>
      ) : null}
      <Text className='case-form__label'>{TICKET_NOTE_LABELS[step]}</Text>
      <Textarea
        className='ticket-textarea'
        value={note}
        maxlength={NOTE_MAX}
        placeholder={TICKET_NOTE_PLACEHOLDERS[step]}
        aria-label={TICKET_NOTE_LABELS[step]}
        onInput={(e) => set({ note: e.detail.value })}
      />
      <Text className='ticket-count'>
        {note.trim().length}/{NOTE_MAX}
      </Text>
      {step === 'publish' ? <Text className='ticket-public'>提交后，整改结果将向评价的居民和社会公开。</Text> : null}
      <FormFooter error={error} busy={busy} danger={step === 'appeal'} confirm={TICKET_SUBMIT_LABELS[step]} onCancel={onCancel} onConfirm={onConfirm} />
    </View>
  );
}
