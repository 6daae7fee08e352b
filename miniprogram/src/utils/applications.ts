// Application (办件) wording and rules shared by the resident pages and the
// staff workbench (zh-CN): the deadline light, the clock, the timeline. Which
// staff actions a case offers is the shared table's (shared/application-flow.ts).
import {
  APPLICATION_STATE_LABELS,
  LIGHT_LABELS,
  PROXY_STEP_LABELS,
  PROXY_STEPS,
  STAFF_ACTION_LABELS,
  type Application,
  type ApplicationEvent,
  type ApplicationState,
  type ClockView,
  type StaffAction,
} from '../../../shared/schemas/applications';

export type Light = ClockView['light'];

/**
 * The badge of a deadline light: green 正常, yellow 临期, red 超期, grey 计时暂停,
 * blue 已办结, outlined 期限待定 (the year's working-day calendar is not out yet).
 */
export const LIGHT_CLASS: Record<Light, string> = {
  green: 'badge light light--green',
  yellow: 'badge light light--yellow',
  red: 'badge light light--red',
  paused: 'badge light light--paused',
  done: 'badge light light--done',
  pending: 'badge light light--pending',
};

/** A deadline that cannot be computed yet (the calendar of its year is not published). */
export const DATE_PENDING = '待定（节假日安排未公布）';

export function lightLabel(light: Light): string {
  return LIGHT_LABELS[light];
}

export const STATE_CLASS: Record<ApplicationState, string> = {
  submitted: 'badge badge--blue',
  accepted: 'badge badge--blue',
  awaiting_materials: 'badge badge--orange',
  rejected: 'badge badge--gray',
  reviewing: 'badge badge--blue',
  approved: 'badge badge--green',
  denied: 'badge badge--gray',
  delivered: 'badge badge--green',
  suspended: 'badge badge--gray',
  withdrawn: 'badge badge--gray',
};

export function stateLabel(state: ApplicationState): string {
  return APPLICATION_STATE_LABELS[state];
}

/** 剩余3个工作日 / 已超期2个工作日 (null before the clock starts or after it stops). */
export function remainingText(clock: ClockView): string | null {
  const n = clock.remainingDays;
  if (n === null) return null;
  return n >= 0 ? `剩余${n}个工作日` : `已超期${-n}个工作日`;
}

export const DEEMED_ACCEPTED_TEXT = '超过5个工作日未作受理决定，依法视为受理';
export const PROXY_FREE_TEXT = '代办全程免费';

/** What an event in the timeline did, in words. */
export function eventLabel(e: ApplicationEvent): string {
  const a = e.action;
  if (a in STAFF_ACTION_LABELS) return STAFF_ACTION_LABELS[a as StaffAction];
  const step = PROXY_STEPS.find((s) => a === s || a === `proxy_${s}` || a === `proxy-${s}` || a === `proxy:${s}`);
  if (step) return `代办：${PROXY_STEP_LABELS[step]}`;
  const known: Record<string, string> = {
    submit: '提交申请',
    apply: '提交申请',
    create: '提交申请',
    supplement: '补齐材料',
    withdraw: '撤回申请',
    deemed_accept: '视为受理',
    deemed_accepted: '视为受理',
    assign_agent: '指派代办员',
    proxy_assign: '指派代办员',
    proxy_agent: '改派代办员',
    reassign_agent: '改派代办员',
    proxy_reassigned: '改派代办员',
  };
  if (known[a]) return known[a];
  if (e.to) return APPLICATION_STATE_LABELS[e.to];
  return a;
}

/** "收件 → 受理" when the event moved the case. */
export function transitionText(e: ApplicationEvent): string | null {
  if (!e.to || e.from === e.to) return null;
  return e.from ? `${APPLICATION_STATE_LABELS[e.from]} → ${APPLICATION_STATE_LABELS[e.to]}` : APPLICATION_STATE_LABELS[e.to];
}

/** The button that records a proxy step: 记录委托 / 记录代收 / 记录代交 / 记录代领 / 记录回交. */
export function proxyStepButton(step: (typeof PROXY_STEPS)[number]): string {
  return `记录${PROXY_STEP_LABELS[step]}`;
}

/** Split free text into material names: 、，,；; and new lines. */
export function splitNames(text: string): string[] {
  return text
    .split(/[、，,；;\n]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}
