// 预约领导接待: a leader's reception days (from the directory's 预约接待),
// the day's slots with the seats left, and the topic to raise (required, the
// same rule as the server). One idempotency key per screen: a retried tap
// books at most once. With `reschedule=<appointment id>` (改约 from the
// booking's detail) the chosen slot replaces that booking's, its topic
// prefilled and editable, and the resident goes back to the detail.
import { Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useCallback, useState } from 'react';
import type { Appointment, Slot, SlotsResponse } from '../../../../shared/schemas/appointments';
import { ReceptionBookRequest, type Reception } from '../../../../shared/schemas/posts';
import { getAppointment, getSlots, rescheduleAppointment } from '../../api/booking';
import { bookReception, getReceptions } from '../../api/reception';
import { Btn } from '../../components/Btn';
import { useConfirm } from '../../components/ConfirmDialog';
import { Page } from '../../components/Page';
import { Empty, ErrorState, Loading } from '../../components/States';
import { role } from '../../utils/a11y';
import { cancelRule } from '../../utils/booking';
import { newIdempotencyKey } from '../../utils/idempotency';
import { formatDateLong, formatSpan, todayShanghai } from '../../utils/dates';
import { useAction } from '../../utils/useAction';
import { useLoad } from '../../utils/useLoad';
import { PlaceCard, RescheduleNote, SlotDays } from './parts';
import './booking.scss';

const TOPIC_MAX = 100;
/** Reception days are announced weeks ahead. */
const DAYS_AHEAD = 42;

interface Loaded {
  reception: Reception;
  slots: SlotsResponse;
  /** The booking being moved (reschedule mode), or null. */
  original: Appointment | null;
}

async function loadReception(id: string, reschedule: string): Promise<Loaded> {
  const [{ receptions }, original] = await Promise.all([getReceptions(), reschedule ? getAppointment(reschedule) : Promise.resolve(null)]);
  const reception = receptions.find((r) => r.id === id);
  if (!reception) throw new Error('该领导暂未安排接待日');
  return { reception, original, slots: await getSlots(reception.placeId, todayShanghai(), DAYS_AHEAD) };
}

/** The topic's problem, by the server's own rule (ReceptionBookRequest), or null. */
export function topicError(topic: string): string | null {
  const parsed = ReceptionBookRequest.shape.topic.safeParse(topic);
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? '请写明想反映的事由');
}

/** Why the booking being moved cannot move any more (cancelled, attended, past its cut-off), or null. */
function unmovable(original: Appointment | null): string | null {
  if (!original) return null;
  if (original.status !== 'booked') return '该预约已不能改约';
  return Date.now() < Date.parse(original.cutoffAt) ? null : '已超过改约截止时间，如有变化请联系接待地点';
}

const when = (s: { date: string; start: string; end: string }) => `${formatDateLong(s.date)} ${formatSpan(s.start, s.end)}`;

/** Back to the booking's detail (it reloads on show), or open it when there is none. */
function backToDetail(id: string): void {
  Promise.resolve(Taro.navigateBack()).catch(() => Taro.redirectTo({ url: `/packages/booking/detail?id=${encodeURIComponent(id)}` }));
}

export default function ReceptionBooking() {
  const { params } = useRouter();
  const id = decodeURIComponent(params.id ?? '');
  const reschedule = params.reschedule ? decodeURIComponent(params.reschedule) : '';
  const load = useCallback(() => loadReception(id, reschedule), [id, reschedule]);
  const { data, error, reload } = useLoad(load, [load]);
  const [date, setDate] = useState<string | null>(null);
  const [slot, setSlot] = useState<Slot | null>(null);
  /** null until the resident types: the booking's own topic when moving one. */
  const [typed, setTyped] = useState<string | null>(null);
  const [idempotencyKey] = useState(newIdempotencyKey);
  // A 409 (full, closed, changed meanwhile): show the seats and the booking as they are now.
  const onConflict = useCallback(() => {
    setSlot(null);
    reload();
  }, [reload]);
  const action = useAction(onConflict);
  const { confirm, dialog } = useConfirm();

  if (error || !data) {
    return <Page className='booking'>{error ? <ErrorState message={error} onRetry={reload} /> : <Loading />}</Page>;
  }
  const { reception, slots, original } = data;
  const topic = typed ?? original?.topic ?? '';
  const shownDate = date ?? slots.days.find((d) => d.slots.some((s) => s.status === 'open'))?.date ?? slots.days[0]?.date ?? null;
  const stop = unmovable(original);
  const failure = action.formError ?? (action.msg && !action.msg.ok ? action.msg.text : null);

  const move = async (from: Appointment, to: Slot) => {
    const ok = await confirm({
      title: '确认改约',
      content: `由 ${when(from)} 改到 ${when(to)}，原时段的名额将同时释放。`,
      confirmText: '确定改约',
      cancelText: '再想想',
    });
    if (!ok) return;
    // Only a changed topic is sent: the booking keeps its own otherwise.
    const restated = topic.trim() === (from.topic ?? '') ? undefined : topic.trim();
    const moved = await action.run(() => rescheduleAppointment(from.id, to.id, from.version, restated));
    if (!moved) return;
    void Taro.showToast({ title: '改约成功', icon: 'success' });
    backToDetail(moved.id);
  };

  const submit = async () => {
    const problem = !slot
      ? '请先选择接待时段'
      : original?.slotId === slot.id
        ? '这是您当前预约的时段，请选择其他时段'
        : topicError(topic);
    if (problem || !slot) return action.setFormError(problem);
    if (original) return move(original, slot);
    const appt = await action.run(() => bookReception(reception.id, { slotId: slot.id, topic: topic.trim(), idempotencyKey }));
    if (!appt) return;
    void Taro.showToast({ title: '预约成功', icon: 'success' });
    await Taro.redirectTo({ url: `/packages/booking/detail?id=${encodeURIComponent(appt.id)}` });
  };

  return (
    <Page className='booking'>
      <Text className='booking__item'>
        {reception.title} {reception.name}
      </Text>
      {original ? <RescheduleNote original={original} /> : null}
      <PlaceCard place={slots.place} />
      {slots.days.length === 0 ? (
        <Empty text='近期没有接待日，请拨打公开电话或稍后再来' />
      ) : (
        <>
          <SlotDays days={slots.days} date={shownDate} onDate={setDate} onPick={setSlot} picked={slot?.id ?? null} />
          <View className='card'>
            <View className='field'>
              <Text className='field__label'>想反映的事由（必填）</Text>
              <Textarea
                className='reception-topic'
                value={topic}
                maxlength={TOPIC_MAX}
                placeholder='例如：村道塌方三个月无人修复'
                aria-label='想反映的事由'
                onInput={(e) => setTyped(e.detail.value)}
              />
              <Text className='hint'>
                {topic.trim().length}/{TOPIC_MAX}
              </Text>
            </View>
          </View>
          <Text className='notice'>领导接待免费预约，请凭预约码按时到{reception.address}；{cancelRule(slots.place.cutoffMinutes)}</Text>
          {stop || failure ? (
            <Text className='form-error' {...role('alert')}>
              {stop ?? failure}
            </Text>
          ) : null}
          {stop ? null : (
            <Btn className='btn btn--primary btn--block' disabled={action.busy} onClick={() => void submit()}>
              {original ? (action.busy ? '正在改约…' : '确认改约') : action.busy ? '正在预约…' : '确认预约接待'}
            </Btn>
          )}
        </>
      )}
      {dialog}
    </Page>
  );
}
