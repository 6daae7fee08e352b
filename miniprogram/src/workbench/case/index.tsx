// 办件 (staff): a case with the actions its state allows — 受理 / 一次性告知补正
// (tick everything missing from the item's materials plus free text, sent at
// once) / 不予受理 / 开始审核 / 准予办结 / 不予许可 / 送达 / 挂起 / 恢复办理 / 延期 —
// each posted with the case's version; the proxy steps (the agent records the
// next one, the department head re-assigns the agent); materials with photo
// counts; the clock; the timeline. A 409 (illegal now, or someone acted
// first) shows the server's message and reloads the case.
import { Input, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import {
  PROXY_STEP_LABELS,
  STAFF_ACTION_LABELS,
  type ApplicationDetail,
  type StaffAction,
  type StaffActionBody,
} from '../../../../shared/schemas/applications';
import type { StaffProfile } from '../../../../shared/schemas/auth';
import { act, assignAgent, getCase, getCasePhotos, recordProxyStep } from '../../api/casework';
import { errorMessage, isApiError } from '../../api/errors';
import { getStaffMe } from '../../api/staff';
import { Btn } from '../../components/Btn';
import { ClockCard, KV, LightBadge, MaterialsCard, Phone, ProxyCard, StateBadge, Timeline, type PhotoLink } from '../../components/CaseParts';
import { Page } from '../../components/Page';
import { ErrorState, Loading } from '../../components/States';
import { role } from '../../utils/a11y';
import { proxyStepButton, splitNames } from '../../utils/applications';
import { caseActions } from '../access';
import { useLoad } from '../../utils/useLoad';
import { type ActionMessage, ActionResult, FormFooter } from '../cases';
import '../cases.scss';

/** Actions that need a form (a reason, the missing materials, days). */
const FORM_ACTIONS: readonly StaffAction[] = ['request_materials', 'reject', 'deny', 'suspend', 'extend'];
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
const DANGER: readonly StaffAction[] = ['reject', 'deny', 'suspend'];

function Check({ label, hint, on, onChange }: { label: string; hint?: string; on: boolean; onChange: (on: boolean) => void }) {
  return (
    <View className={on ? 'check check--on' : 'check'} onClick={() => onChange(!on)} aria-checked={on} aria-label={label} {...role('checkbox')}>
      <Text className='check__box'>{on ? '✓' : ''}</Text>
      <Text className='check__label'>{label}</Text>
      {hint ? <Text className='check__hint'>{hint}</Text> : null}
    </View>
  );
}

export default function CasePage() {
  const { params } = useRouter();
  const id = decodeURIComponent(params.id ?? '');
  const { data: app, error, reload, setData: setApp } = useLoad(() => getCase(id), [id], { staff: true, invalid: !id && '缺少办件编号' });
  const [staff, setStaff] = useState<StaffProfile | null>(null);
  const [msg, setMsg] = useState<ActionMessage>(null);
  const [busy, setBusy] = useState(false);
  // The open form and its fields.
  const [form, setForm] = useState<StaffAction | 'assign' | null>(null);
  const [ticked, setTicked] = useState<Record<string, boolean>>({});
  const [others, setOthers] = useState('');
  const [reason, setReason] = useState('');
  const [override, setOverride] = useState('');
  const [days, setDays] = useState('');
  const [formError, setFormError] = useState<string | null>(null);
  const [stepNote, setStepNote] = useState('');
  const [agent, setAgent] = useState('');
  const [photos, setPhotos] = useState<PhotoLink[] | null>(null);
  const [photosState, setPhotosState] = useState<{ loading: boolean; error: string | null }>({ loading: false, error: null });

  useEffect(() => {
    getStaffMe().then(setStaff, () => undefined); // the role only decides which buttons show
  }, []);

  const openForm = (f: StaffAction | 'assign') => {
    if (!app) return;
    setForm(f);
    setFormError(null);
    setReason('');
    setOverride('');
    setDays('');
    setOthers('');
    setAgent('');
    // Suggest what the applicant said they do not have yet.
    if (f === 'request_materials') setTicked(Object.fromEntries(app.materials.map((m) => [m.name, m.required && !m.provided])));
  };

  /** Post, then show the result; a 409 shows the server's message and the case as it is now. */
  const run = async (label: string, call: () => Promise<ApplicationDetail>): Promise<boolean> => {
    if (busy) return false;
    setBusy(true);
    setMsg(null);
    setFormError(null);
    try {
      setApp(await call());
      setForm(null);
      setMsg({ ok: true, text: `已${label}` });
      return true;
    } catch (e) {
      const text = errorMessage(e);
      if (isApiError(e) && e.status === 409) {
        setForm(null);
        setMsg({ ok: false, text });
        reload();
      } else if (form) {
        setFormError(text);
      } else {
        setMsg({ ok: false, text });
      }
      return false;
    } finally {
      setBusy(false);
    }
  };

  const direct = (action: StaffAction) => {
    if (!app) return;
    void run(STAFF_ACTION_LABELS[action], () => act(app.id, { action, version: app.version }));
  };

  const submitForm = () => {
    if (!app || !form || form === 'assign') return;
    const action = form;
    const note = reason.trim();
    const body: StaffActionBody = { action, version: app.version };
    if (action === 'request_materials') {
      const names = app.materials.filter((m) => ticked[m.name]).map((m) => m.name);
      for (const n of splitNames(others)) if (!names.includes(n)) names.push(n);
      if (names.length === 0) {
        setFormError('请勾选或填写缺少的材料（一次性全部列出）');
        return;
      }
      body.missing = names.map((name) => ({ name }));
      if (app.materialsRequests > 0) {
        if (override.trim().length < 4) {
          setFormError('已告知过一次，再次补正须由督查填写理由');
          return;
        }
        body.overrideReason = override.trim();
      }
    } else {
      if (!note) {
        setFormError(action === 'extend' ? '请填写延期理由' : '请填写理由');
        return;
      }
      if (action === 'extend') {
        const n = Number(days);
        if (!Number.isInteger(n) || n < 1 || n > 60) {
          setFormError('延期天数应为1-60个工作日');
          return;
        }
        body.extensionDays = n;
      }
    }
    if (note) body.note = note;
    if (note.length > 300) {
      setFormError('说明不能超过300字');
      return;
    }
    void run(STAFF_ACTION_LABELS[action], () => act(app.id, body));
  };

  const recordStep = () => {
    const step = app?.proxy?.nextStep;
    if (!app || !step) return;
    const note = stepNote.trim();
    void run(`记录${PROXY_STEP_LABELS[step]}`, () => recordProxyStep(app.id, step, app.version, note || undefined)).then((done) => {
      if (done) setStepNote('');
    });
  };

  // Signed links last 10 minutes: fetched on demand, again on every tap.
  const loadPhotos = async () => {
    if (!app || photosState.loading) return;
    setPhotosState({ loading: true, error: null });
    try {
      setPhotos((await getCasePhotos(app.id)).photos);
      setPhotosState({ loading: false, error: null });
    } catch (e) {
      setPhotosState({ loading: false, error: errorMessage(e) });
    }
  };

  const submitAssign = () => {
    if (!app) return;
    const username = agent.trim();
    if (!username) {
      setFormError('请填写代办员账号');
      return;
    }
    void run('改派代办员', () => assignAgent(app.id, username, app.version));
  };

  if (error || !app) {
    return <Page className='cases'>{error ? <ErrorState message={error} onRetry={reload} /> : <Loading />}</Page>;
  }

  const actions = caseActions(app, staff?.role);
  const canAssign = app.proxy !== null && (staff?.role === 'dept_head' || staff?.role === 'admin') && app.proxy.nextStep !== null;
  const agentStep = staff?.role === 'agent' ? (app.proxy?.nextStep ?? null) : null;

  const formView =
    form && form !== 'assign' ? (
      <View className='case-form'>
        <Text className='card__title'>{STAFF_ACTION_LABELS[form]}</Text>
        {form === 'request_materials' ? (
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
            <Text className='case-form__label'>清单以外缺少的材料</Text>
            <Input className='field__input' value={others} placeholder='其他缺少的材料（多项用顿号分隔）' onInput={(e) => setOthers(e.detail.value)} />
            <Text className='case-form__label'>补正说明</Text>
            <Input className='field__input' value={reason} maxlength={300} placeholder='补正说明（选填）' onInput={(e) => setReason(e.detail.value)} />
            {app.materialsRequests > 0 ? (
              <>
                <Text className='case-form__label'>已告知过一次：再次补正须督查说明理由</Text>
                <Input className='field__input' value={override} maxlength={200} placeholder='再次补正的理由' onInput={(e) => setOverride(e.detail.value)} />
              </>
            ) : null}
          </>
        ) : (
          <>
            {form === 'extend' ? (
              <>
                <Text className='hint'>延期只能一次，须说明理由。</Text>
                <Text className='case-form__label'>延期天数</Text>
                <Input className='field__input' type='number' value={days} placeholder='延期工作日数（1-60）' onInput={(e) => setDays(e.detail.value)} />
              </>
            ) : null}
            <Text className='case-form__label'>{form === 'extend' ? '延期理由' : '理由'}</Text>
            <Input className='field__input' value={reason} maxlength={300} placeholder={REASON_PLACEHOLDER[form] ?? '请填写理由'} onInput={(e) => setReason(e.detail.value)} />
          </>
        )}
        <FormFooter error={formError} busy={busy} danger={DANGER.includes(form)} confirm={CONFIRM[form] ?? '确认'} onCancel={() => setForm(null)} onConfirm={submitForm} />
      </View>
    ) : null;

  return (
    <Page className='cases'>
      <View className='card case-head'>
        <Text className='case-head__name'>{app.serviceName}</Text>
        <View className='case-head__tags'>
          <StateBadge state={app.state} />
          <LightBadge light={app.clock.light} />
          {app.proxy ? <Text className='badge badge--orange'>全程代办</Text> : null}
        </View>
        <KV k='办件编号'>
          <Text>{app.caseNumber}</Text>
        </KV>
        <KV k='申请人'>
          <Text>{app.applicant.name}</Text>
          {app.applicant.phone ? <Phone phone={app.applicant.phone} who='申请人' /> : null}
        </KV>
        <KV k='办理部门'>
          <Text>{app.departmentName}</Text>
        </KV>
        {app.handler ? (
          <KV k='经办人'>
            <Text>{app.handler.name}</Text>
          </KV>
        ) : null}
      </View>

      <ActionResult msg={msg} />

      {app.state === 'awaiting_materials' ? (
        <View className='case-alert'>
          <Text className='case-alert__title'>已一次性告知，等待申请人补齐</Text>
          {app.missing.map((m, i) => (
            <View key={`${i}-${m.name}`} className='case-alert__item'>
              <Text className='case-alert__name'>
                {i + 1}. {m.name}
              </Text>
              {m.note ? <Text className='case-alert__note'>{m.note}</Text> : null}
            </View>
          ))}
        </View>
      ) : null}

      {actions.length > 0 ? (
        <View className='card'>
          {formView ?? (
            <>
              <Text className='card__title'>办理操作</Text>
              <View className='case-actions'>
                {actions.map((a) => (
                  <Btn
                    key={a}
                    className={DANGER.includes(a) ? 'btn btn--danger' : a === actions[0] ? 'btn btn--primary' : 'btn btn--ghost'}
                    disabled={busy}
                    onClick={() => (FORM_ACTIONS.includes(a) ? openForm(a) : direct(a))}
                  >
                    {STAFF_ACTION_LABELS[a]}
                  </Btn>
                ))}
              </View>
              {app.state === 'submitted' && app.materialsRequests > 0 && !actions.includes('request_materials') ? (
                <Text className='hint case-clock__hint'>已一次性告知过补正，不能再次要求补正（如确有必要，须由督查说明理由）。</Text>
              ) : null}
            </>
          )}
        </View>
      ) : null}

      <ClockCard app={app} />

      {app.proxy ? <ProxyCard proxy={app.proxy} title='全程代办进度' /> : null}
      {agentStep ? (
        <View className='card case-form'>
          <Text className='case-form__label'>代办备注（选填）</Text>
          <Input className='field__input' value={stepNote} maxlength={300} placeholder='代办备注（选填）' onInput={(e) => setStepNote(e.detail.value)} />
          <Btn className='btn btn--primary btn--block' disabled={busy} onClick={recordStep}>
            {proxyStepButton(agentStep)}
          </Btn>
        </View>
      ) : null}
      {canAssign ? (
        form === 'assign' ? (
          <View className='card case-form'>
            <Text className='card__title'>改派代办员</Text>
            <Input className='field__input' value={agent} placeholder='代办员账号' onInput={(e) => setAgent(e.detail.value)} />
            {formError ? (
              <Text className='field__error' {...role('alert')}>
                {formError}
              </Text>
            ) : null}
            <View className='case-form__actions'>
              <Btn className='btn btn--ghost btn--small' onClick={() => setForm(null)}>
                取消
              </Btn>
              <Btn className='btn btn--primary btn--small' disabled={busy} onClick={submitAssign}>
                确认改派
              </Btn>
            </View>
          </View>
        ) : (
          <Btn className='btn btn--ghost btn--block' onClick={() => openForm('assign')}>
            改派代办员
          </Btn>
        )
      ) : null}

      <MaterialsCard
        materials={app.materials}
        photos={photos}
        footer={
          app.materials.some((m) => m.uploadKeys.length > 0) ? (
            <>
              {photosState.error ? (
                <Text className='field__error' {...role('alert')}>
                  {photosState.error}
                </Text>
              ) : null}
              <Btn className='btn btn--ghost btn--block' disabled={photosState.loading} onClick={() => void loadPhotos()}>
                {photos ? '刷新照片' : '查看照片'}
              </Btn>
            </>
          ) : null
        }
      />
      <Timeline events={app.events} />
    </Page>
  );
}
