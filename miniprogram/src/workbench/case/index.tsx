// 办件 (staff): a case with the actions its state allows — 受理 / 一次性告知补正
// (tick everything missing from the item's materials plus free text, sent at
// once) / 不予受理 / 开始审核 / 准予办结 / 不予许可 / 送达 / 挂起 / 恢复办理 / 延期 —
// each posted with the case's version; the proxy steps (the agent records the
// next one, the department head re-assigns the agent); materials with photo
// counts; the clock; the timeline. A 409 (illegal now, or someone acted
// first) shows the server's message and reloads the case.
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import { PROXY_STEP_LABELS, STAFF_ACTION_LABELS, type ApplicationDetail, type StaffAction } from '../../../../shared/schemas/applications';
import type { StaffProfile } from '../../../../shared/schemas/auth';
import { act, assignAgent, getCase, recordProxyStep } from '../../api/casework';
import { getStaffMe } from '../../api/staff';
import { Btn } from '../../components/Btn';
import { ClockCard, KV, LightBadge, Phone, ProxyCard, StateBadge, Timeline } from '../../components/CaseParts';
import { Page } from '../../components/Page';
import { ErrorState, Loading } from '../../components/States';
import { useAction } from '../../utils/useAction';
import { useLoad } from '../../utils/useLoad';
import { caseActions, mayUse, PROXY_AGENT_ROUTE, PROXY_ROUTE } from '../access';
import { ActionResult } from '../cases';
import { AssignAgentForm, CaseMaterials, DANGER, FORM_ACTIONS, ProxyStepForm, StaffActionForm } from './parts';
import '../cases.scss';

export default function CasePage() {
  const { params } = useRouter();
  const id = decodeURIComponent(params.id ?? '');
  const { data: app, error, reload, setData: setApp } = useLoad(() => getCase(id), [id], { staff: true, invalid: !id && '缺少办件编号' });
  const [staff, setStaff] = useState<StaffProfile | null>(null);
  // The open form: a staff action's, or 改派代办员.
  const [form, setForm] = useState<StaffAction | 'assign' | null>(null);
  // A 409 (illegal now, or someone acted first): the server's message, the form closed, the case as it is now.
  const onConflict = useCallback(() => {
    setForm(null);
    reload();
  }, [reload]);
  const action = useAction(onConflict);

  useEffect(() => {
    getStaffMe().then(setStaff, () => undefined); // the role only decides which buttons show
  }, []);

  const openForm = (f: StaffAction | 'assign' | null) => {
    action.setFormError(null);
    setForm(f);
  };

  /** Post, then show the case as the server returns it; a failure stays in the open form, else on the page. */
  const run = async (label: string, call: () => Promise<ApplicationDetail>): Promise<boolean> => {
    const next = await action.run(call, { done: `已${label}`, errorTo: form ? 'form' : 'page' });
    if (!next) return false;
    setApp(next);
    setForm(null);
    return true;
  };

  if (error || !app) {
    return <Page className='cases'>{error ? <ErrorState message={error} onRetry={reload} /> : <Loading />}</Page>;
  }

  const role = staff?.role ?? null;
  const actions = caseActions(app, role);
  const canAssign = app.proxy !== null && mayUse(role, PROXY_AGENT_ROUTE) && app.proxy.nextStep !== null;
  const agentStep = mayUse(role, PROXY_ROUTE) ? (app.proxy?.nextStep ?? null) : null;
  const formProps = { busy: action.busy, error: action.formError, onError: action.setFormError, onCancel: () => openForm(null) };

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

      <ActionResult msg={action.msg} />

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
          {form && form !== 'assign' && role ? (
            <StaffActionForm {...formProps} app={app} action={form} staffRole={role} onSubmit={(body) => void run(STAFF_ACTION_LABELS[body.action], () => act(app.id, body))} />
          ) : (
            <>
              <Text className='card__title'>办理操作</Text>
              <View className='case-actions'>
                {actions.map((a) => (
                  <Btn
                    key={a}
                    className={DANGER.includes(a) ? 'btn btn--danger' : a === actions[0] ? 'btn btn--primary' : 'btn btn--ghost'}
                    disabled={action.busy}
                    onClick={() => (FORM_ACTIONS.includes(a) ? openForm(a) : void run(STAFF_ACTION_LABELS[a], () => act(app.id, { action: a, version: app.version })))}
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
        <ProxyStepForm
          step={agentStep}
          busy={action.busy}
          onRecord={(note) => run(`记录${PROXY_STEP_LABELS[agentStep]}`, () => recordProxyStep(app.id, agentStep, app.version, note))}
        />
      ) : null}
      {canAssign ? (
        form === 'assign' ? (
          <AssignAgentForm {...formProps} onSubmit={(username) => void run('改派代办员', () => assignAgent(app.id, username, app.version))} />
        ) : (
          <Btn className='btn btn--ghost btn--block' onClick={() => openForm('assign')}>
            改派代办员
          </Btn>
        )
      ) : null}

      <CaseMaterials app={app} />
      <Timeline events={app.events} />
    </Page>
  );
}
