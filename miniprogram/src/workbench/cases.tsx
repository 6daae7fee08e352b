// Pieces shared by the workbench case pages (部门办件, 超期督办, 代办任务, 办件)
// and the action forms of 办件 and 整改单.
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ReactNode } from 'react';
import type { Application } from '../../../shared/schemas/applications';
import { Btn } from '../components/Btn';
import { dueLine, LightBadge, StateBadge } from '../components/CaseParts';
import { role } from '../utils/a11y';
import { remainingText } from '../utils/applications';
import type { ActionMessage } from '../utils/useAction';

export type { ActionMessage };

export function openCase(id: string): void {
  void Taro.navigateTo({ url: `/workbench/case/index?id=${encodeURIComponent(id)}` });
}

/** 超期2件 · 临期1件 · 正常3件 */
export function lightSummary(list: Application[]): string {
  const n = (l: Application['clock']['light']) => list.filter((a) => a.clock.light === l).length;
  const parts = [`超期${n('red')}件`, `临期${n('yellow')}件`];
  const green = n('green');
  if (green > 0) parts.push(`正常${green}件`);
  const paused = n('paused');
  if (paused > 0) parts.push(`计时暂停${paused}件`);
  return `共${list.length}件：${parts.join(' · ')}`;
}

/** One case in a staff list: item, case number, applicant, state, light, deadline. */
export function CaseRow({ app, showDept, onClick, children }: { app: Application; showDept?: boolean; onClick?: () => void; children?: ReactNode }) {
  const left = remainingText(app.clock);
  return (
    <View className={`card case-card case-card--${app.clock.light}`} data-case={app.caseNumber}>
      <View className='case-card__link' onClick={onClick ?? (() => openCase(app.id))} {...role('link')}>
        <View className='case-card__head'>
          <Text className='case-card__name'>{app.serviceName}</Text>
          <StateBadge state={app.state} />
        </View>
        <Text className='case-card__no'>办件编号 {app.caseNumber}</Text>
        <Text className='case-card__line'>
          申请人：{app.applicant.name}
          {app.proxy ? ' · 全程代办' : ''}
        </Text>
        {showDept ? <Text className='case-card__line'>办理部门：{app.departmentName}</Text> : null}
        <View className='case-card__tags'>
          <LightBadge light={app.clock.light} />
          <CoveringBadge name={app.coveringFor} />
          {left ? <Text className={app.clock.light === 'red' ? 'case-late' : 'case-card__line'}>{left}</Text> : null}
        </View>
        <Text className='case-card__due'>{dueLine(app)}</Text>
        {app.clock.deemedAccepted ? <Text className='case-late'>已视为受理</Text> : null}
      </View>
      {children}
    </View>
  );
}

/** 代岗（替赵丽）: the case or booking belongs to an absent colleague's post the viewer serves today. */
export function CoveringBadge({ name }: { name: string | null | undefined }) {
  return name ? <Text className='badge badge--orange'>代岗（替{name}）</Text> : null;
}

/** What came of the last action: a confirmation, or the refusal's reason. */
export function ActionResult({ msg }: { msg: ActionMessage }) {
  return msg ? (
    <Text className={msg.ok ? 'case-ok-msg' : 'case-error'} {...role(msg.ok ? 'status' : 'alert')}>
      {msg.text}
    </Text>
  ) : null;
}

/** The foot of an action form: its error, 取消 and the confirm button (red for a refusal or an appeal). */
export function FormFooter({ error, busy, danger, confirm, onCancel, onConfirm }: {
  error: string | null;
  busy: boolean;
  danger: boolean;
  confirm: string;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  return (
    <>
      {error ? (
        <Text className='field__error' {...role('alert')}>
          {error}
        </Text>
      ) : null}
      <View className='case-form__actions'>
        <Btn className='btn btn--ghost btn--small' onClick={onCancel}>
          取消
        </Btn>
        <Btn className={danger ? 'btn btn--danger btn--small' : 'btn btn--primary btn--small'} disabled={busy} onClick={onConfirm}>
          {confirm}
        </Btn>
      </View>
    </>
  );
}
