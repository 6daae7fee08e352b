// Subscribe-message templates: the one place their WeChat ids and field maps
// live. The server fills and checks the fields; the mini-program asks for
// consent with the same ids (wx.requestSubscribeMessage, ≤ 3 a call).
// The ids come from the mini-program console (订阅消息 → 我的模板); replace
// them per appid at build time. `long`: a long-term template (政务民生 allows
// them); otherwise one consent = one send (banked as a credit).

/** WeChat's field kinds and the limits `subscribeMessage.send` enforces. */
export const FIELD_KINDS = ['thing', 'phrase', 'character_string', 'time', 'date', 'number', 'name'] as const;
export type FieldKind = (typeof FIELD_KINDS)[number];

export const PUSH_TEMPLATES = {
  booking_cancelled: {
    id: 'TPL-BOOKING-CANCELLED',
    title: '预约取消通知',
    long: false,
    fields: { thing1: 'thing', time2: 'time', thing3: 'thing' },
  },
  booking_reminder: {
    id: 'TPL-BOOKING-REMINDER',
    title: '预约提醒',
    long: false,
    fields: { thing1: 'thing', time2: 'time', thing3: 'thing' },
  },
  case_progress: {
    id: 'TPL-CASE-PROGRESS',
    title: '办件进度通知',
    long: true,
    fields: { character_string1: 'character_string', thing2: 'thing', phrase3: 'phrase', thing4: 'thing' },
  },
  rate_invite: {
    id: 'TPL-RATE-INVITE',
    title: '服务评价邀请',
    long: false,
    fields: { thing1: 'thing', thing2: 'thing' },
  },
  ticket_outcome: {
    id: 'TPL-TICKET-OUTCOME',
    title: '整改结果通知',
    long: false,
    fields: { thing1: 'thing', phrase2: 'phrase', thing3: 'thing' },
  },
  notice: {
    id: 'TPL-NOTICE',
    title: '政策通知',
    long: true,
    fields: { thing1: 'thing', phrase2: 'phrase', date3: 'date' },
  },
  service_reminder: {
    id: 'TPL-SERVICE-REMINDER',
    title: '办事提醒',
    long: true,
    fields: { thing1: 'thing', thing2: 'thing' },
  },
  staff_digest: {
    id: 'TPL-STAFF-DIGEST',
    title: '督办提醒',
    long: true,
    fields: { thing1: 'thing', number2: 'number', date3: 'date' },
  },
} as const satisfies Record<string, { id: string; title: string; long: boolean; fields: Record<string, FieldKind> }>;

export type PushTemplate = keyof typeof PUSH_TEMPLATES;
export const PUSH_TEMPLATE_KEYS = Object.keys(PUSH_TEMPLATES) as PushTemplate[];

/** Which templates a tap makes meaningful (≤ 3 per wx.requestSubscribeMessage call). */
export const CONSENT_MOMENTS = {
  book: ['booking_reminder', 'booking_cancelled', 'rate_invite'],
  apply: ['case_progress', 'rate_invite', 'ticket_outcome'],
  // Signing, a question and the reply of a demand come as case progress.
  file_demand: ['case_progress', 'rate_invite'],
  follow_notices: ['notice', 'service_reminder'],
} as const satisfies Record<string, readonly PushTemplate[]>;
export type ConsentMoment = keyof typeof CONSENT_MOMENTS;

export const templateById = (id: string): PushTemplate | undefined =>
  PUSH_TEMPLATE_KEYS.find((k) => PUSH_TEMPLATES[k].id === id);
