// Pieces of an application (办件) shared by the resident pages and the staff
// workbench: the deadline light, the state, the clock, the proxy stepper, the
// materials and the timeline.
import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ReactNode } from 'react';
import {
  PROXY_STEP_LABELS,
  PROXY_STEPS,
  type Application,
  type ApplicationEvent,
  type ApplicationState,
  type ClockView,
} from '../../../shared/schemas/applications';
import { role } from '../utils/a11y';
import {
  DATE_PENDING,
  DEEMED_ACCEPTED_TEXT,
  eventLabel,
  LIGHT_CLASS,
  lightLabel,
  PROXY_FREE_TEXT,
  remainingText,
  STATE_CLASS,
  stateLabel,
  transitionText,
} from '../utils/applications';
import { formatDateLong, formatInstant } from '../utils/dates';
import { shanghaiDate } from '../utils/format';
import { Timeline as EventTimeline } from './Timeline';

/** The deadline light: 正常 / 临期 / 超期 / 计时暂停 / 已办结, in green / yellow / red / grey / blue. */
export function LightBadge({ light }: { light: ClockView['light'] }) {
  return (
    <Text className={LIGHT_CLASS[light]} data-light={light} aria-label={`时限：${lightLabel(light)}`}>
      {lightLabel(light)}
    </Text>
  );
}

export function StateBadge({ state }: { state: ApplicationState }) {
  return (
    <Text className={STATE_CLASS[state]} data-state={state}>
      {stateLabel(state)}
    </Text>
  );
}

export function KV({ k, children }: { k: string; children: ReactNode }) {
  return (
    <View className='kv'>
      <Text className='kv__k'>{k}</Text>
      <View className='kv__v'>{children}</View>
    </View>
  );
}

/** One line of a list: the deadline of a case in a few words. */
export function dueLine(app: Pick<Application, 'clock' | 'state'>): string {
  const { clock } = app;
  if (clock.promisedDueOn) return `承诺办结日 ${formatDateLong(clock.promisedDueOn)}`;
  if (app.state === 'submitted') return `受理期限 ${clock.intakeDueOn ? formatDateLong(clock.intakeDueOn) : DATE_PENDING}`;
  if (clock.deadlinePending || clock.startOn) return `承诺办结日 ${DATE_PENDING}`;
  return '承诺办结日 受理后计算';
}

/** 办理时限: intake, acceptance (or deemed acceptance), promised and statutory dates, days left. */
export function ClockCard({ app }: { app: Application }) {
  const { clock } = app;
  const left = remainingText(clock);
  // Accepted, but a deadline's year has no published calendar yet.
  const later = clock.deadlinePending || clock.startOn ? DATE_PENDING : '受理后计算';
  const pending = clock.startOn === null && (app.state === 'submitted' || app.state === 'awaiting_materials' || app.state === 'suspended');
  return (
    <View className='card case-clock'>
      <View className='case-clock__head'>
        <Text className='card__title case-clock__title'>办理时限</Text>
        <LightBadge light={clock.light} />
      </View>
      {left ? (
        <Text className={clock.remainingDays !== null && clock.remainingDays < 0 ? 'case-clock__left case-clock__left--over' : 'case-clock__left'}>
          {left}
        </Text>
      ) : null}
      {clock.deemedAccepted ? (
        <View className='case-flag' {...role('note')}>
          <Text className='badge case-flag__badge'>视为受理</Text>
          <Text className='case-flag__text'>{DEEMED_ACCEPTED_TEXT}</Text>
        </View>
      ) : null}
      <KV k='申请日'>
        <Text>{formatDateLong(shanghaiDate(app.submittedAt))}</Text>
      </KV>
      {pending ? (
        <KV k='受理期限'>
          <Text>{clock.intakeDueOn ? `${formatDateLong(clock.intakeDueOn)}前作出受理决定` : DATE_PENDING}</Text>
        </KV>
      ) : null}
      <KV k='受理日'>
        <Text>{clock.startOn ? `${formatDateLong(clock.startOn)}${clock.deemedAccepted ? '（视为受理）' : ''}` : '尚未受理'}</Text>
      </KV>
      <KV k='承诺办结日'>
        <Text>{clock.promisedDueOn ? formatDateLong(clock.promisedDueOn) : later}</Text>
      </KV>
      <KV k='法定时限'>
        <Text>{clock.statutoryDueOn ? `${ymd(clock.statutoryDueOn)}前` : later}</Text>
      </KV>
      {clock.pausedDays > 0 ? (
        <KV k='暂停计时'>
          <Text>{clock.pausedDays}个工作日（补齐补正、挂起期间不计时）</Text>
        </KV>
      ) : null}
      {app.extension ? (
        <KV k='延期'>
          <Text>
            {app.extension.days}个工作日（{app.extension.reason}）
          </Text>
        </KV>
      ) : null}
      {clock.onTime !== null ? (
        <KV k='办结情况'>
          <Text className={clock.onTime ? 'case-ok' : 'case-late'}>{clock.onTime ? '按时办结' : '超期办结'}</Text>
        </KV>
      ) : null}
      {clock.deadlinePending ? (
        <Text className='hint case-clock__pending' {...role('note')}>
          {DEADLINE_PENDING_TEXT}
        </Text>
      ) : null}
      <Text className='hint case-clock__hint'>时限按法定工作日计算（节假日、调休按国家安排）</Text>
    </View>
  );
}

/** Why a date says 待定: the server's deadlinePending, never a guess. */
export const DEADLINE_PENDING_TEXT = '期限待定：节假日安排未公布，公布后自动计算';

export function callPhone(phone: string): void {
  void Promise.resolve(Taro.makePhoneCall({ phoneNumber: phone })).catch(() => undefined);
}

/** A phone number: tap to call, unless it is masked (then it is only shown). */
export function Phone({ phone, who }: { phone: string; who: string }) {
  if (phone.includes('*')) return <Text className='case-phone case-phone--masked'>{phone}</Text>;
  return (
    <Text className='case-phone' onClick={() => callPhone(phone)} aria-label={`拨打${who}电话 ${phone}`} {...role('link')}>
      ☎ {phone}
    </Text>
  );
}

/** 2026-04-14 → "2026年4月14日" */
function ymd(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** 全程代办: the agent (tap the phone to call) and the steps 委托 → 代收 → 代交 → 代领 → 回交. */
export function ProxyCard({ proxy, title = '全程代办' }: { proxy: NonNullable<Application['proxy']>; title?: string }) {
  const done = new Map(proxy.steps.map((s) => [s.step, s]));
  return (
    <View className='card case-proxy'>
      <View className='case-clock__head'>
        <Text className='card__title case-clock__title'>{title}</Text>
        <Text className='badge badge--green'>{PROXY_FREE_TEXT}</Text>
      </View>
      {proxy.agent ? (
        <View className='case-agent'>
          <Text className='case-agent__name'>代办员：{proxy.agent.name}</Text>
          {proxy.agent.phone ? <Phone phone={proxy.agent.phone} who='代办员' /> : null}
        </View>
      ) : (
        <Text className='hint'>正在安排代办员（您的包联干部或镇代办员）</Text>
      )}
      <View className='stepper' aria-label='代办进度'>
        {PROXY_STEPS.map((step, i) => {
          const s = done.get(step);
          const current = !s && proxy.nextStep === step;
          const cls = s ? 'stepper__item stepper__item--done' : current ? 'stepper__item stepper__item--current' : 'stepper__item';
          return (
            <View key={step} className={cls} data-step={step} aria-current={current ? 'step' : undefined}>
              <View className='stepper__dot'>
                <Text>{s ? '✓' : i + 1}</Text>
              </View>
              <View className='stepper__body'>
                <Text className='stepper__label'>{PROXY_STEP_LABELS[step]}</Text>
                <Text className='stepper__time'>{s ? formatInstant(s.at) : current ? '进行中' : '待办'}</Text>
                {s?.note ? <Text className='stepper__note'>{s.note}</Text> : null}
              </View>
            </View>
          );
        })}
      </View>
    </View>
  );
}

/** A material's photo, viewable through a short-lived link (staff). */
export interface PhotoLink {
  material: string;
  url: string;
}

/**
 * The materials of a case: required or not, provided or not, how many photos;
 * with `photos` (staff, signed links) their thumbnails, a tap enlarges them.
 */
export function MaterialsCard({ materials, photos, footer }: { materials: Application['materials']; photos?: PhotoLink[] | null; footer?: ReactNode }) {
  const preview = (urls: string[], current: string) => {
    void Promise.resolve(Taro.previewImage({ urls, current })).catch(() => undefined);
  };
  return (
    <View className='card'>
      <Text className='card__title'>申请材料</Text>
      {materials.length === 0 ? <Text className='hint'>无需提交材料</Text> : null}
      {materials.map((m, i) => {
        const urls = (photos ?? []).filter((p) => p.material === m.name).map((p) => p.url);
        return (
          <View key={`${i}-${m.name}`} className='case-material' data-material={m.name}>
            <Text className='case-material__name'>{m.name}</Text>
            <View className='case-material__tags'>
              <Text className={m.required ? 'badge badge--red' : 'badge badge--gray'}>{m.required ? '必须' : '非必须'}</Text>
              <Text className={m.provided ? 'badge badge--green' : 'badge badge--orange'}>{m.provided ? '已提供' : '未提供'}</Text>
              {m.uploadKeys.length > 0 ? <Text className='badge badge--outline'>照片{m.uploadKeys.length}张</Text> : null}
            </View>
            {urls.length > 0 ? (
              <View className='case-photos'>
                {urls.map((url, n) => (
                  <View key={url} className='case-photo' onClick={() => preview(urls, url)} aria-label={`${m.name} 照片${n + 1}`} {...role('button')}>
                    <Image className='case-photo__img' src={url} mode='aspectFill' imgProps={{ alt: '' }} />
                  </View>
                ))}
              </View>
            ) : null}
          </View>
        );
      })}
      {footer}
    </View>
  );
}

/** 办理进度: every event, the state it moved the case to, and who acted. */
export function Timeline({ events }: { events: ApplicationEvent[] }) {
  return <EventTimeline title='办理进度' events={events} label={eventLabel} lines={(e) => [transitionText(e), e.actor].filter((l): l is string => !!l)} />;
}
