// The case page's forms and the materials with their photos. A staff action's
// form is checked with the server's own rules (shared/application-flow.ts)
// before it is sent, so the page never restates them.
import { Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { staffActionProblem } from '../../../../shared/application-flow';
import {
  STAFF_ACTION_LABELS, type ApplicationDetail, type ProxyStep, type StaffAction, type StaffActionBody,
} from '../../../../shared/schemas/applications';
import type { StaffRole } from '../../../../shared/enums';
import { getCasePhotos } from '../../api/casework';
import { errorMessage } from '../../api/errors';
import { Btn } from '../../components/Btn';
import { MaterialsCard, type PhotoLink } from '../../components/CaseParts';
import { role as a11yRole } from '../../utils/a11y';
import { proxyStepButton, splitNames } from '../../utils/applications';
import { FormFooter } from '../cases';

/** Actions that need a form (a reason, the missing materials, days). */
export const FORM_ACTIONS: readonly StaffAction[] = ['request_materials', 'reject', 'deny', 'suspend', 'extend'];
/** Refusals and a pause: shown red. */
export const DANGER: readonly StaffAction[] = ['reject', 'deny', 'suspend'];
const CONFIRM: Partial<Record<StaffAction, string>> = {
  request_materials: '确认告知',
  reject: '确认不予受理',
  deny: '确认不予许可',
  suspend: '确认挂起',
  extend: '确认延期',
};
const REASON_PLACEHOLDER: Partial<Record<StaffAction, string>> = {
  reject: '请填写不予受理的理由（将告知申请人）',
  deny: '请填写不予许可的理由（将告知申请人）',
  suspend: '请填写挂起的原因',
  extend: '请填写延期理由',
};

function Check({ label, hint, on, onChange }: { label: string; hint?: string; on: boolean; onChange: (on: boolean) => void }) {
  return (
    <View className={on ? 'check check--on' : 'check'} onClick={() => onChange(!on)} aria-checked={on} aria-label={label} {...a11yRole('checkbox')}>
      <Text className='check__box'>{on ? '✓' : ''}</Text>
      <Text className='check__label'>{label}</Text>
      {hint ? <Text className='check__hint'>{hint}</Text> : null}
    </View>
  );
}

interface FormProps {
  busy: boolean;
  error: string | null;
  onError: (text: string) => void;
  onCancel: () => void;
}

/** A line of the form: a label over an input. */
function Field({ label, ...input }: { label: string; value: string; placeholder: string; maxlength?: number; type?: 'number'; onInput: (e: { detail: { value: string } }) => void }) {
  return (
    <>
      <Text className='case-form__label'>{label}</Text>
      <Input className='field__input' {...input} />
    </>
  );
}

/** 一次性告知补正 (tick everything missing plus free text, at once), 不予受理, 不予许可, 挂起, 延期. */
export function StaffActionForm({ app, action, staffRole, onSubmit, ...form }: FormProps & {
  app: ApplicationDetail;
  action: StaffAction;
  staffRole: StaffRole;
  onSubmit: (body: StaffActionBody) => void;
}) {
  // Suggest what the applicant said they do not have yet.
  const [ticked, setTicked] = useState<Record<string, boolean>>(() => Object.fromEntries(app.materials.map((m) => [m.name, m.required && !m.provided])));
  const [others, setOthers] = useState('');
  const [reason, setReason] = useState('');
  const [override, setOverride] = useState('');
  const [days, setDays] = useState('');
  const again = app.materialsRequests > 0;

  const submit = () => {
    const body: StaffActionBody = { action, version: app.version };
    if (action === 'request_materials') {
      const names = app.materials.filter((m) => ticked[m.name]).map((m) => m.name);
      for (const n of splitNames(others)) if (!names.includes(n)) names.push(n);
      body.missing = names.map((name) => ({ name }));
      if (again && override.trim()) body.overrideReason = override.trim();
    }
    if (action === 'extend') body.extensionDays = Number(days);
    if (reason.trim()) body.note = reason.trim();
    const problem = staffActionProblem(app, body, staffRole);
    if (!problem) onSubmit(body);
    else form.onError(problem.kind === 'input' ? Object.values(problem.fields)[0]! : problem.message);
  };

  return (
    <View className='case-form'>
      <Text className='card__title'>{STAFF_ACTION_LABELS[action]}</Text>
      {action === 'request_materials' ? (
        <>
          <Text className='hint'>请一次勾选全部缺少的材料（一次性告知），告知后不得再次要求补正。</Text>
          {app.materials.map((m) => (
            <Check
              key={m.name}
              label={m.name}
              hint={`${m.required ? '必须' : '非必须'} · ${m.provided ? '申请人称已备齐' : '未提供'}`}
              on={Boolean(ticked[m.name])}
              onChange={(on) => setTicked((t) => ({ ...t, [m.name]: on }))}
            />
          ))}
          <Field label='清单以外缺少的材料' value={others} placeholder='其他缺少的材料（多项用顿号分隔）' onInput={(e) => setOthers(e.detail.value)} />
          <Field label='补正说明' value={reason} maxlength={300} placeholder='补正说明（选填）' onInput={(e) => setReason(e.detail.value)} />
          {again ? (
            <Field label='已告知过一次：再次补正须督查说明理由' value={override} maxlength={200} placeholder='再次补正的理由' onInput={(e) => setOverride(e.detail.value)} />
          ) : null}
        </>
      ) : (
        <>
          {action === 'extend' ? (
            <>
              <Text className='hint'>延期只能一次，须说明理由。</Text>
              <Field label='延期天数' type='number' value={days} placeholder='延期工作日数（1-60）' onInput={(e) => setDays(e.detail.value)} />
            </>
          ) : null}
          <Field
            label={action === 'extend' ? '延期理由' : '理由'}
            value={reason}
            maxlength={300}
            placeholder={REASON_PLACEHOLDER[action] ?? '请填写理由'}
            onInput={(e) => setReason(e.detail.value)}
          />
        </>
      )}
      <FormFooter error={form.error} busy={form.busy} danger={DANGER.includes(action)} confirm={CONFIRM[action] ?? '确认'} onCancel={form.onCancel} onConfirm={submit} />
    </View>
  );
}

/** 改派代办员 (department head): the new agent's account. */
export function AssignAgentForm({ onSubmit, ...form }: FormProps & { onSubmit: (username: string) => void }) {
  const [agent, setAgent] = useState('');
  const submit = () => (agent.trim() ? onSubmit(agent.trim()) : form.onError('请填写代办员账号'));
  return (
    <View className='card case-form'>
      <Text className='card__title'>改派代办员</Text>
      <Input className='field__input' value={agent} placeholder='代办员账号' onInput={(e) => setAgent(e.detail.value)} />
      <FormFooter error={form.error} busy={form.busy} danger={false} confirm='确认改派' onCancel={form.onCancel} onConfirm={submit} />
    </View>
  );
}

/** The assigned agent records the next proxy step, with an optional note (cleared once recorded). */
export function ProxyStepForm({ step, busy, onRecord }: { step: ProxyStep; busy: boolean; onRecord: (note: string | undefined) => Promise<boolean> }) {
  const [note, setNote] = useState('');
  const record = () => void onRecord(note.trim() || undefined).then((done) => done && setNote(''));
  return (
    <View className='card case-form'>
      <Field label='代办备注（选填）' value={note} maxlength={300} placeholder='代办备注（选填）' onInput={(e) => setNote(e.detail.value)} />
      <Btn className='btn btn--primary btn--block' disabled={busy} onClick={record}>
        {proxyStepButton(step)}
      </Btn>
    </View>
  );
}

/** The materials; their photos through signed links that last 10 minutes, fetched on demand, again on every tap. */
export function CaseMaterials({ app }: { app: ApplicationDetail }) {
  const [photos, setPhotos] = useState<PhotoLink[] | null>(null);
  const [state, setState] = useState<{ loading: boolean; error: string | null }>({ loading: false, error: null });
  const load = async () => {
    if (state.loading) return;
    setState({ loading: true, error: null });
    try {
      setPhotos((await getCasePhotos(app.id)).photos);
      setState({ loading: false, error: null });
    } catch (e) {
      setState({ loading: false, error: errorMessage(e) });
    }
  };
  const footer = app.materials.some((m) => m.uploadKeys.length > 0) ? (
    <>
      {state.error ? (
        <Text className='field__error' {...a11yRole('alert')}>
          {state.error}
        </Text>
      ) : null}
      <Btn className='btn btn--ghost btn--block' disabled={state.loading} onClick={() => void load()}>
        {photos ? '刷新照片' : '查看照片'}
      </Btn>
    </>
  ) : null;
  return <MaterialsCard materials={app.materials} photos={photos} footer={footer} />;
}
