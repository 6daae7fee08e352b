// The form of one staff step on a demand: only the fields that step takes
// (the department for 派单/改派, the first handler for 签收, the reason for 退单,
// days for 延期, the result and photos for 答复, the parent for 并案, …). The
// server checks what is required and answers in Chinese; the page shows it.
import { Input, Text, Textarea, View } from '@tarojs/components';
import { useState } from 'react';
import { DEMAND_ACTION_LABELS, type DemandActionBody, type StaffDemandAction, type StaffDemandDetail } from '../../../../shared/schemas/demands';
import { listDepartments } from '../../api/regions';
import { Chip } from '../../components/Chip';
import { PhotosField } from '../../components/PhotosField';
import type { Photo } from '../../utils/photos';
import { useLoad } from '../../utils/useLoad';
import { FormFooter } from '../cases';

/** A step the page offers: one of the server's allowed actions, or publishing the reply to the knowledge base. */
export type DemandStep = StaffDemandAction | 'publish';

export const STEP_LABELS: Record<DemandStep, string> = { ...DEMAND_ACTION_LABELS, publish: '发布到知识库' };

export interface Fields {
  departmentId: string | null;
  grade: 'A' | 'B';
  text: string;
  result: string;
  note: string;
  handlerUsername: string;
  extensionDays: number | null;
  approve: boolean | null;
  parentId: string | null;
  photos: Photo[];
}

export const initialFields = (d: StaffDemandDetail, me: string): Fields => ({
  departmentId: d.suggestedDepartment?.id ?? null,
  grade: d.grade,
  text: '',
  result: '',
  note: '',
  handlerUsername: me,
  extensionDays: null,
  approve: null,
  parentId: null,
  photos: [],
});

const opt = (v: string) => (v.trim() ? v.trim() : undefined);

/** The body of a step from the form's fields (undefined fields are left out of the JSON). */
export function stepBody(step: StaffDemandAction, version: number, f: Fields): DemandActionBody {
  const base = { action: step, version, note: opt(f.note) };
  switch (step) {
    case 'dispatch':
      return { ...base, departmentId: f.departmentId ?? undefined, grade: f.grade };
    case 'route':
      return { ...base, departmentId: f.departmentId ?? undefined };
    case 'sign':
      return { ...base, handlerUsername: opt(f.handlerUsername) };
    case 'request_extension':
      return { ...base, extensionDays: f.extensionDays ?? undefined, text: opt(f.text) };
    case 'decide_extension':
      return { ...base, approve: f.approve ?? undefined };
    case 'reply':
      return { ...base, text: opt(f.text), result: opt(f.result), photos: f.photos.map((p) => p.key) };
    case 'merge':
      return { ...base, parentId: f.parentId ?? undefined };
    default:
      // answer, return, request_info: the text; contact: the note.
      return { ...base, text: opt(f.text) };
  }
}

function Box({ label, value, onChange, placeholder, max = 500 }: { label: string; value: string; onChange: (v: string) => void; placeholder?: string; max?: number }) {
  return (
    <>
      <Text className='case-form__label'>{label}</Text>
      <Textarea className='demand-textarea' value={value} maxlength={max} placeholder={placeholder ?? `请填写${label}`} aria-label={label} onInput={(e) => onChange(e.detail.value)} />
    </>
  );
}

function Departments({ value, suggested, onChange }: { value: string | null; suggested: string | null; onChange: (id: string) => void }) {
  const { data, error } = useLoad(() => listDepartments(), []);
  if (error) return <Text className='field__error'>{error}</Text>;
  if (!data) return <Text className='hint'>加载部门…</Text>;
  return (
    <>
      <Text className='case-form__label'>派往部门</Text>
      <View className='chips' aria-label='派往部门'>
        {data.map((d) => (
          <Chip key={d.id} on={value === d.id} onClick={() => onChange(d.id)}>
            {d.name}
            {d.id === suggested ? '（建议）' : ''}
          </Chip>
        ))}
      </View>
    </>
  );
}

const EXTENSION_DAYS = [1, 2, 3, 5, 10];

export interface StepFormProps {
  step: DemandStep;
  demand: StaffDemandDetail;
  fields: Fields;
  set: (patch: Partial<Fields>) => void;
  error: string | null;
  busy: boolean;
  onCancel: () => void;
  onConfirm: () => void;
}

export function StepForm({ step, demand, fields: f, set, error, busy, onCancel, onConfirm }: StepFormProps) {
  const [uploads, setUploads] = useState(0);
  const note = (label: string) => <Box label={label} value={f.note} onChange={(note) => set({ note })} />;
  return (
    <View className='case-form'>
      <Text className='card__title'>{STEP_LABELS[step]}</Text>
      {step === 'dispatch' || step === 'route' ? (
        <Departments value={f.departmentId} suggested={demand.suggestedDepartment?.id ?? null} onChange={(departmentId) => set({ departmentId })} />
      ) : null}
      {step === 'dispatch' ? (
        <>
          <Text className='case-form__label'>等级</Text>
          <View className='chips' aria-label='等级'>
            <Chip on={f.grade === 'A'} onClick={() => set({ grade: 'A' })}>A级（紧急或涉及多人）</Chip>
            <Chip on={f.grade === 'B'} onClick={() => set({ grade: 'B' })}>B级（一般）</Chip>
          </View>
        </>
      ) : null}
      {step === 'dispatch' || step === 'route' || step === 'sign' || step === 'decide_extension' || step === 'merge' ? note('说明（选填）') : null}
      {step === 'sign' ? (
        <>
          <Text className='case-form__label'>首办责任人（本部门工作人员账号）</Text>
          <Input className='field__input' value={f.handlerUsername} maxlength={40} aria-label='首办责任人账号' onInput={(e) => set({ handlerUsername: e.detail.value })} />
          <Text className='hint'>首办责任人负责联系群众并跟踪到办结；默认为本人。</Text>
        </>
      ) : null}
      {step === 'answer' ? <Box label='答复内容' value={f.text} onChange={(text) => set({ text })} max={2000} /> : null}
      {step === 'return' ? (
        <>
          <Text className='hint'>仅在签收前可退单，每个部门只能退一次；退回后由督查决定派往哪里（终审）。</Text>
          <Box label='退单理由' value={f.text} onChange={(text) => set({ text })} />
        </>
      ) : null}
      {step === 'contact' ? note('联系情况') : null}
      {step === 'request_info' ? (
        <>
          <Text className='hint'>请群众补充期间暂停计时；5个工作日未补充自动恢复计时。</Text>
          <Box label='需要群众补充的内容' value={f.text} onChange={(text) => set({ text })} />
        </>
      ) : null}
      {step === 'request_extension' ? (
        <>
          <Text className='case-form__label'>延期工作日</Text>
          <View className='chips' aria-label='延期工作日'>
            {EXTENSION_DAYS.map((n) => (
              <Chip key={n} on={f.extensionDays === n} onClick={() => set({ extensionDays: n })}>
                {n}个工作日
              </Chip>
            ))}
          </View>
          <Box label='延期理由' value={f.text} onChange={(text) => set({ text })} />
        </>
      ) : null}
      {step === 'decide_extension' && demand.extension ? (
        <>
          <Text className='hint'>
            申请延期{demand.extension.days}个工作日：{demand.extension.reason}
          </Text>
          <View className='chips' aria-label='审批结果'>
            <Chip on={f.approve === true} onClick={() => set({ approve: true })}>同意延期</Chip>
            <Chip on={f.approve === false} onClick={() => set({ approve: false })}>不同意</Chip>
          </View>
        </>
      ) : null}
      {step === 'reply' ? (
        <>
          <Box label='答复内容' value={f.text} onChange={(text) => set({ text })} max={2000} />
          <Box label='办理结果' value={f.result} onChange={(result) => set({ result })} max={1000} />
          <PhotosField label='答复照片' max={6} value={f.photos} onChange={(u) => set({ photos: u(f.photos) })} onBusy={(b) => setUploads((n) => n + (b ? 1 : -1))} to={{ purpose: 'demand_photo', staff: true }} />
        </>
      ) : null}
      {step === 'merge' ? (
        <>
          <Text className='case-form__label'>并入哪一件（同领域、同村或500米内、近12周）</Text>
          <View className='chips' aria-label='并入的诉求'>
            {demand.mergeCandidates.map((c) => (
              <Chip key={c.id} on={f.parentId === c.id} onClick={() => set({ parentId: c.id })}>
                {c.number}：{c.text.slice(0, 16)}
              </Chip>
            ))}
          </View>
        </>
      ) : null}
      {step === 'publish' ? (
        <>
          <Box label='常见问题' value={f.text} onChange={(text) => set({ text })} max={300} />
          <Box label='答复' value={f.result} onChange={(result) => set({ result })} max={2000} />
        </>
      ) : null}
      <FormFooter error={error} busy={busy || uploads > 0} danger={step === 'return'} confirm={`确认${STEP_LABELS[step]}`} onCancel={onCancel} onConfirm={onConfirm} />
    </View>
  );
}
