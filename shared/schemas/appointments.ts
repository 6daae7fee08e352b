import * as z from 'zod/mini';
import { SERVICE_POINT_LEVELS } from '../enums';
import { DateString, Instant, NextCursor, PlaceId, RegionCode, SlotId, Text, TimeOfDay, Version } from './common';
import { ServiceCode } from './catalog';

export { PlaceId, SlotId };
export const IdempotencyKey = z.string().check(z.regex(/^[A-Za-z0-9_-]{8,64}$/, '幂等键应为8-64位字母、数字、下划线或连字符'));
export const AppointmentId = z.string().check(z.regex(/^[a-z0-9-]{8,64}$/, '预约编号格式不正确'));
export const BookingCode = z.string().check(z.regex(/^[A-Z0-9]{8}$/, '预约码应为8位大写字母或数字'));
const HourMinute = TimeOfDay;

export const PLACE_KINDS = ['point', 'roving', 'reception'] as const;
/** How near a place is to the resident, nearest first. */
export const NEARNESS = ['own_village', 'own_town', 'roving_in_town', 'county', 'other'] as const;
export const NEARNESS_LABELS: Record<(typeof NEARNESS)[number], string> = {
  own_village: '本村',
  own_town: '本镇',
  roving_in_town: '县直部门本镇坐班',
  county: '县城',
  other: '其他乡镇',
};

export const Place = z.object({
  id: PlaceId,
  kind: z.enum(PLACE_KINDS),
  name: z.string(),
  level: z.enum(SERVICE_POINT_LEVELS),
  regionCode: RegionCode,
  regionName: z.string(),
  address: z.string(),
  phone: z.string(),
  /** Opening hours of a point, or the rule of a roving schedule (每月第二个星期二 09:00—12:00). */
  hours: z.string(),
  departmentName: z.nullable(z.string()),
  nearness: z.enum(NEARNESS),
  cutoffMinutes: z.int(),
});
export type Place = z.infer<typeof Place>;

export const PlacesQuery = z.object({ regionCode: z.optional(RegionCode) });
export const PlacesResponse = z.object({ places: z.array(Place) });
export type PlacesResponse = z.infer<typeof PlacesResponse>;

export const SLOT_STATUSES = ['open', 'full', 'closed', 'past'] as const;
export const Slot = z.object({
  id: SlotId,
  date: DateString,
  start: HourMinute,
  end: HourMinute,
  capacity: z.int(),
  booked: z.int(),
  remaining: z.int(),
  status: z.enum(SLOT_STATUSES),
  closeReason: z.nullable(z.string()),
});
export type Slot = z.infer<typeof Slot>;

export const PlaceParams = z.object({ placeId: PlaceId });
export const SlotsQuery = z.object({
  from: z.optional(DateString),
  days: z.optional(z.string().check(z.regex(/^([1-9]|[1-3]\d|4[0-2])$/, '天数应为1-42'))),
});
export const SlotsResponse = z.object({
  place: Place,
  days: z.array(z.object({ date: DateString, slots: z.array(Slot) })),
});
export type SlotsResponse = z.infer<typeof SlotsResponse>;

export const APPOINTMENT_STATUSES = ['booked', 'cancelled', 'checked_in', 'no_show'] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];
export const APPOINTMENT_STATUS_LABELS: Record<AppointmentStatus, string> = {
  booked: '已预约',
  cancelled: '已取消',
  checked_in: '已签到',
  no_show: '未到场',
};

export const Appointment = z.object({
  id: AppointmentId,
  code: BookingCode,
  serviceCode: ServiceCode,
  serviceName: z.string(),
  placeId: PlaceId,
  placeName: z.string(),
  placeAddress: z.string(),
  slotId: SlotId,
  date: DateString,
  start: HourMinute,
  end: HourMinute,
  status: z.enum(APPOINTMENT_STATUSES),
  /** Until when the resident may cancel or reschedule. */
  cutoffAt: Instant,
  cancelledBy: z.nullable(z.enum(['resident', 'staff'])),
  cancelReason: z.nullable(z.string()),
  /** A leader's reception booking: what the resident wants to raise. */
  topic: z.optional(z.nullable(z.string())),
  createdAt: Instant,
  updatedAt: Instant,
  version: z.int(),
});
export type Appointment = z.infer<typeof Appointment>;

export const BookRequest = z.object({ slotId: SlotId, serviceCode: ServiceCode, idempotencyKey: IdempotencyKey });
export type BookRequest = z.infer<typeof BookRequest>;
/** What a resident wants to raise at a leader's reception (required when booking one). */
export const ReceptionTopic = Text(100, { label: '接待事由', min: 4, required: '请写明想反映的事由（至少4个字）' });
/** Move a booking to another slot; a reception booking may also restate its topic. */
export const RescheduleRequest = z.object({ slotId: SlotId, version: Version, topic: z.optional(ReceptionTopic) });
export const CancelRequest = z.object({
  version: Version,
  reason: z.optional(Text(100, { label: '取消原因' })),
});
export const AppointmentParams = z.object({ id: AppointmentId });
export const AppointmentsResponse = z.object({ appointments: z.array(Appointment), nextCursor: NextCursor });

// Staff
export const DayQuery = z.object({ date: DateString });
export const Booking = z.object({
  id: AppointmentId,
  code: BookingCode,
  /** Masked: 张*英 */
  residentName: z.string(),
  /** Masked: 139****7201 */
  residentPhone: z.string(),
  serviceCode: ServiceCode,
  serviceName: z.string(),
  status: z.enum(APPOINTMENT_STATUSES),
  version: z.int(),
  /** A reception booking's topic. */
  topic: z.optional(z.nullable(z.string())),
  /** The absent clerk whose window post the viewer serves today for this booking (代岗). */
  coveringFor: z.optional(z.nullable(z.string())),
});
/** A closing or reopening of the place's slots, on the day's log (who, when, why). */
export const PlaceLogEntry = z.object({
  at: Instant,
  actor: z.string(),
  action: z.enum(['close', 'reopen']),
  /** The slot's start, or null for the whole day. */
  start: z.nullable(z.string()),
  reason: z.string(),
});
export type PlaceLogEntry = z.infer<typeof PlaceLogEntry>;
export const DayResponse = z.object({
  place: Place,
  date: DateString,
  slots: z.array(z.object({ slot: Slot, bookings: z.array(Booking) })),
  /** Closings and reopenings of this day, oldest first. */
  log: z.array(PlaceLogEntry),
});
export type DayResponse = z.infer<typeof DayResponse>;
export const CheckInRequest = z.object({ code: BookingCode, placeId: PlaceId });
export const StaffActionRequest = z.object({ version: Version });
export const CloseRequest = z.object({ reason: Text(100, { label: '关闭原因', min: 2, required: '请填写关闭原因' }) });
export const SlotParams = z.object({ slotId: SlotId });
export const CapacityRequest = z.object({ capacity: z.int().check(z.minimum(0, '名额不能为负'), z.maximum(200, '名额过多')) });
export const CloseDayParams = z.object({ placeId: PlaceId, date: DateString });
export const CloseResult = z.object({ cancelled: z.int() });
/** Reopening frees the seats; bookings the closure cancelled stay cancelled (residents are not rebooked behind their backs). */
export const ReopenRequest = z.object({ reason: Text(100, { label: '重新开放的原因', min: 2, required: '请填写重新开放的原因' }) });
export const ReopenResult = z.object({ reopened: z.int() });

/** One bookable window of a point's working day, or of a roving session. */
export const SlotWindow = z.object({
  start: HourMinute,
  end: HourMinute,
  capacity: z.int().check(z.minimum(1, '名额至少为1'), z.maximum(200, '名额过多')),
});
export type SlotWindow = z.infer<typeof SlotWindow>;

export const PointInput = z.object({
  name: Text(40, { label: '名称', min: 2, required: '请填写名称' }),
  level: z.enum(SERVICE_POINT_LEVELS),
  regionCode: RegionCode,
  address: Text(100, { label: '地址', min: 2, required: '请填写地址' }),
  phone: Text(20, { label: '电话' }),
  openingHours: Text(200, { label: '办公时间' }),
  serviceCodes: z.array(ServiceCode).check(z.maxLength(200, '事项过多')),
  windows: z.array(SlotWindow).check(z.minLength(1, '至少设置一个预约时段'), z.maxLength(12, '时段过多')),
  cutoffMinutes: z.int().check(z.minimum(0, '取消截止时间不能为负'), z.maximum(2880, '取消截止时间过长')),
});
export type PointInput = z.infer<typeof PointInput>;

export const RovingInput = z.object({
  departmentId: Text(64, { label: '部门', min: 1, required: '请选择部门' }),
  townCode: RegionCode,
  /** nth-weekday:<1-5>:<MON..SUN>, e.g. nth-weekday:2:TUE = 每月第二个星期二 */
  rule: z.string().check(z.regex(/^nth-weekday:[1-5]:(MON|TUE|WED|THU|FRI|SAT|SUN)$/, '规则格式应为 nth-weekday:序号:星期')),
  address: Text(100, { label: '坐班地点', min: 2, required: '请填写坐班地点' }),
  windows: z.array(SlotWindow).check(z.minLength(1, '至少设置一个预约时段'), z.maxLength(12, '时段过多')),
  cutoffMinutes: z.int().check(z.minimum(0, '取消截止时间不能为负'), z.maximum(2880, '取消截止时间过长')),
});
export type RovingInput = z.infer<typeof RovingInput>;
