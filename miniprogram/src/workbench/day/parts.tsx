// The desk page's parts: the place and day chooser, check-in by code, one
// slot with its bookings, the reason form that closes or reopens, the log.
import { Input, Text, View } from '@tarojs/components';
import { useState, type ReactNode } from 'react';
import { BookingCode, type DayResponse } from '../../../../shared/schemas/appointments';
import type { StaffProfile } from '../../../../shared/schemas/auth';
import { checkIn } from '../../api/desk';
import { Btn } from '../../components/Btn';
import { StatusBadge } from '../../components/StatusBadge';
import { role } from '../../utils/a11y';
import { slotState } from '../../utils/booking';
import { addDays, formatDateLong, formatInstant, formatSpan, shanghaiInstant, todayShanghai } from '../../utils/dates';
import { useAction, type ActionMessage } from '../../utils/useAction';
import { CoveringBadge, FormFooter } from '../cases';
import { placesFor } from '../places';

export type DaySlot = DayResponse['slots'][number];
export type Booking = DaySlot['bookings'][number];

/** A confirmation or a refusal, as a line. */
export function DeskMessage({ msg, className = '' }: { msg: ActionMessage; className?: string }) {
  return msg ? (
    <Text className={`${msg.ok ? 'desk__ok' : 'form-error'} ${className}`.trim()} {...role(msg.ok ? 'status' : 'alert')}>
      {msg.text}
    </Text>
  ) : null;
}

/** 办理地点 (with the places this staff member serves) and the day, a day at a time. */
export function PlaceAndDay({ staff, placeName, placeId, date, show }: {
  staff: StaffProfile | null;
  placeName: string;
  placeId: string;
  date: string;
  show: (next: { placeId: string } | { date: string }) => void;
}) {
  const [picking, setPicking] = useState(false);
  const today = todayShanghai();
  return (
    <View className='card'>
      <View className='desk__place'>
        <View className='desk__place-text'>
          <Text className='field__label'>办理地点</Text>
          <Text className='desk__place-name'>{placeName}</Text>
        </View>
        <Btn className='btn btn--ghost btn--small' onClick={() => setPicking(!picking)}>
          {picking ? '收起' : '切换地点'}
        </Btn>
      </View>
      {picking ? (
        <View className='desk__options'>
          {placesFor(staff).map((p) => (
            <View
              key={p.id}
              className={p.id === placeId ? 'desk-option desk-option--on' : 'desk-option'}
              aria-pressed={p.id === placeId}
              onClick={() => {
                setPicking(false);
                show({ placeId: p.id });
              }}
              {...role('button')}
            >
              <Text className='desk-option__name'>{p.name}</Text>
              {p.note ? <Text className='desk-option__note'>{p.note}</Text> : null}
            </View>
          ))}
        </View>
      ) : null}
      <View className='desk__date'>
        <Btn className='btn btn--ghost btn--small' onClick={() => show({ date: addDays(date, -1) })}>
          前一天
        </Btn>
        <Text className='desk__date-text'>
          {formatDateLong(date)}
          {date === today ? '（今天）' : ''}
        </Text>
        <Btn className='btn btn--ghost btn--small' onClick={() => show({ date: addDays(date, 1) })}>
          后一天
        </Btn>
      </View>
      {date !== today ? (
        <Btn className='btn btn--ghost btn--small desk__today' onClick={() => show({ date: today })}>
          回到今天
        </Btn>
      ) : null}
      {staff ? <Text className='hint'>当前账号：{staff.name}（{staff.regionName}）</Text> : null}
    </View>
  );
}

/** 签到: the booking code (checked as the server does), then the day reloads. */
export function CheckIn({ placeId, onCheckedIn }: { placeId: string; onCheckedIn: () => void }) {
  const [code, setCode] = useState('');
  const action = useAction(onCheckedIn);
  const submit = async () => {
    const parsed = BookingCode.safeParse(code.trim().toUpperCase());
    if (!parsed.success) {
      action.setFormError(parsed.error.issues[0]?.message ?? '请输入预约码');
      return;
    }
    const a = await action.run(() => checkIn(parsed.data, placeId), { done: (a) => `签到成功：${a.code} · ${a.serviceName} · ${formatSpan(a.start, a.end)}`, errorTo: 'page' });
    if (!a) return;
    setCode('');
    onCheckedIn();
  };
  return (
    <View className='card'>
      <Text className='card__title'>签到</Text>
      <View className='desk__checkin'>
        <Input
          className='field__input desk__code'
          value={code}
          maxlength={8}
          placeholder='请输入预约码'
          confirmType='done'
          onInput={(e) => setCode(e.detail.value.replace(/[^0-9a-z]/gi, '').toUpperCase())}
          onConfirm={() => void submit()}
        />
        <Btn className='btn btn--primary' disabled={action.busy} onClick={() => void submit()}>
          签到
        </Btn>
      </View>
      <DeskMessage msg={action.formError ? { ok: false, text: action.formError } : action.msg} />
    </View>
  );
}

/** One slot: time, seats, state, each booking (未到场 once the slot is over), then `children` (close / reopen). */
export function SlotCard({ item, busy, onNoShow, children }: { item: DaySlot; busy: boolean; onNoShow: (b: Booking) => void; children: ReactNode }) {
  const { slot, bookings } = item;
  const ended = Date.now() >= shanghaiInstant(slot.date, slot.end);
  return (
    <View className={`card desk-slot desk-slot--${slot.status}`}>
      <View className='desk-slot__head'>
        <Text className='desk-slot__time'>{formatSpan(slot.start, slot.end)}</Text>
        <Text className='desk-slot__count'>
          已约 {slot.booked}/{slot.capacity}
        </Text>
      </View>
      <Text className='desk-slot__state'>{slotState(slot)}</Text>
      {bookings.length === 0 ? <Text className='hint'>暂无预约</Text> : null}
      {bookings.map((b) => (
        <View key={b.id} className='desk-booking'>
          <View className='desk-booking__head'>
            <Text className='desk-booking__name'>{b.residentName}</Text>
            <Text className='desk-booking__phone'>{b.residentPhone}</Text>
            <StatusBadge status={b.status} />
          </View>
          <Text className='desk-booking__line'>{b.serviceName}</Text>
          {b.topic ? <Text className='desk-booking__line'>事由：{b.topic}</Text> : null}
          <CoveringBadge name={b.coveringFor} />
          <Text className='desk-booking__line'>预约码 {b.code}</Text>
          {b.status === 'booked' && ended ? (
            <Btn className='btn btn--danger btn--small desk-booking__btn' disabled={busy} onClick={() => onNoShow(b)}>
              未到场
            </Btn>
          ) : null}
        </View>
      ))}
      {children}
    </View>
  );
}

/** A reason and 取消 / confirm: closing (the residents are told it) or reopening. */
export function ReasonForm({ placeholder, hint, error, busy, confirm, danger, onCancel, onConfirm }: {
  placeholder: string;
  hint?: string;
  error: string | null;
  busy: boolean;
  confirm: string;
  danger?: boolean;
  onCancel: () => void;
  onConfirm: (reason: string) => void;
}) {
  const [reason, setReason] = useState('');
  return (
    <View className='desk-close'>
      <Input className='field__input' value={reason} placeholder={placeholder} onInput={(e) => setReason(e.detail.value)} />
      {hint ? <Text className='hint'>{hint}</Text> : null}
      <FormFooter error={error} busy={busy} danger={!!danger} confirm={confirm} onCancel={onCancel} onConfirm={() => onConfirm(reason)} />
    </View>
  );
}

/** 开放记录: who closed or reopened what, and why. */
export function DayLog({ log }: { log: DayResponse['log'] }) {
  return log.length > 0 ? (
    <View className='card'>
      <Text className='card__title'>开放记录</Text>
      {log.map((e) => (
        <Text key={e.at + e.action} className='hint'>
          {formatInstant(e.at)} {e.actor} {e.action === 'close' ? '关闭' : '重新开放'}
          {e.start ? ` ${e.start} 时段` : '当日'}：{e.reason}
        </Text>
      ))}
    </View>
  ) : null;
}
