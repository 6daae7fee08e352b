// 确认预约: what, where, when, the cancellation rule; 确认预约 books the slot
// (POST /appointments with one idempotency key per screen, so a retried tap
// never books twice). With `reschedule=<id>` it moves that booking instead.
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import type { Appointment, Place, Slot } from '../../../../shared/schemas/appointments';
import type { ServiceItem } from '../../../../shared/schemas/catalog';
import { parseSlotIdParts } from '../../../../shared/schemas/common';
import { book, getAppointment, getSlots, rescheduleAppointment } from '../../api/booking';
import { newIdempotencyKey } from '../../utils/idempotency';
import { getService } from '../../api/catalog';
import { errorMessage, isApiError } from '../../api/errors';
import { Btn } from '../../components/Btn';
import { Page } from '../../components/Page';
import { askConsent } from '../../utils/subscribe';
import { ErrorState, Loading } from '../../components/States';
import { role } from '../../utils/a11y';
import { cancelRule, slotState } from '../../utils/booking';
import { formatDateLong, formatSpan } from '../../utils/dates';
import { backToSlots, Row } from './parts';
import './booking.scss';

interface Loaded {
  item: ServiceItem;
  place: Place;
  slot: Slot;
  original: Appointment | null;
}

const RETRYABLE = ['BUSY', 'IN_PROGRESS'];

/** `<placeId>~<YYYY-MM-DD>~<HHmm>`, checked as the server checks it. */
const parseSlotId = (slotId: string) => parseSlotIdParts(slotId) ?? null;

export default function Confirm() {
  const { params } = useRouter();
  const code = decodeURIComponent(params.code ?? '');
  const slotId = decodeURIComponent(params.slotId ?? '');
  const reschedule = params.reschedule ? decodeURIComponent(params.reschedule) : '';
  const where = parseSlotId(slotId);
  // One key for this screen: a retry after a lost answer books at most once.
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [data, setData] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<{ message: string; conflict: boolean } | null>(null);

  const load = useCallback(async () => {
    setError(null);
    const where = parseSlotId(slotId);
    if (!code || !where) {
      setError('预约信息不完整，请重新选择时段');
      return;
    }
    try {
      const [item, slots, original] = await Promise.all([
        getService(code),
        getSlots(where.placeId, where.date, 1),
        reschedule ? getAppointment(reschedule) : Promise.resolve(null),
      ]);
      const slot = slots.days.flatMap((d) => d.slots).find((s) => s.id === slotId);
      if (!slot) {
        setError('该时段不存在或已取消，请重新选择');
        return;
      }
      setData({ item, place: slots.place, slot, original });
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [code, slotId, reschedule]);

  useEffect(() => {
    void load();
  }, [load]);

  const submit = async () => {
    if (!data || busy) return;
    // WeChat only shows the consent dialog within the tap itself: ask before the request.
    if (!reschedule) void askConsent('book');
    setBusy(true);
    setFailure(null);
    try {
      const appt =
        reschedule && data.original
          ? await rescheduleAppointment(reschedule, slotId, data.original.version)
          : await book({ slotId, serviceCode: code, idempotencyKey });
      void Taro.showToast({ title: reschedule ? '改约成功' : '预约成功', icon: 'success' });
      await Taro.redirectTo({ url: `/packages/booking/detail?id=${encodeURIComponent(appt.id)}` });
    } catch (e) {
      // 409 means this slot cannot be had (full, closed, already yours…),
      // except "busy / still processing": those are worth a retry with the same key.
      const conflict = isApiError(e) && e.status === 409 && !RETRYABLE.includes(e.code);
      setFailure({ message: errorMessage(e), conflict });
    } finally {
      setBusy(false);
    }
  };

  const back = () => backToSlots(code, where?.placeId ?? '', reschedule);

  if (error) {
    return (
      <Page className='booking'>
        <ErrorState message={error} onRetry={() => void load()} />
        {where ? (
          <Btn className='btn btn--ghost btn--block' onClick={back}>
            重新选择时段
          </Btn>
        ) : null}
      </Page>
    );
  }
  if (!data) {
    return (
      <Page className='booking'>
        <Loading />
      </Page>
    );
  }

  const { item, place, slot, original } = data;
  const sameSlot = original !== null && original.slotId === slot.id;
  const cannotMove = original !== null && original.status !== 'booked';
  // Why this slot cannot be taken now (before any tap).
  const blocked = sameSlot
    ? '这是您当前预约的时段，请选择其他时段'
    : cannotMove
      ? '该预约已不能改约'
      : slot.status !== 'open'
        ? `该时段${slotState(slot)}，请选择其他时段`
        : null;
  const stop = blocked ?? (failure?.conflict ? failure.message : null);

  return (
    <Page className='booking'>
      <View className='card'>
        <Text className='card__title'>{reschedule ? '改约到以下时段' : '预约信息'}</Text>
        <Row k='办理事项'>
          <Text>{item.name}</Text>
        </Row>
        <Row k='办理地点'>
          <Text>{place.name}</Text>
        </Row>
        {place.departmentName ? (
          <Row k='坐班部门'>
            <Text>{place.departmentName}</Text>
          </Row>
        ) : null}
        <Row k='地址'>
          <Text>{place.address}</Text>
        </Row>
        <Row k='日期'>
          <Text>{formatDateLong(slot.date)}</Text>
        </Row>
        <Row k='时间'>
          <Text>{formatSpan(slot.start, slot.end)}</Text>
        </Row>
        {original ? (
          <Row k='原预约'>
            <Text>
              {formatDateLong(original.date)} {formatSpan(original.start, original.end)}
            </Text>
          </Row>
        ) : null}
      </View>

      {item.materials.length > 0 ? (
        <View className='card'>
          <Text className='card__title'>请带齐以下材料</Text>
          <Text className='hint'>
            共 {item.materials.length} 项，其中必须 {item.materials.filter((m) => m.required).length} 项
          </Text>
          {item.materials.map((m) => (
            <View key={m.name} className='kv' data-material={m.name}>
              <Text className='kv__v'>{m.name}</Text>
              <Text className={m.required ? 'badge badge--red' : 'badge badge--gray'}>{m.required ? '必须' : '非必须'}</Text>
            </View>
          ))}
        </View>
      ) : null}

      <Text className='notice'>免费预约，请凭预约码到窗口办理；{cancelRule(place.cutoffMinutes)}</Text>

      {stop ? (
        <View className='alert' {...role('alert')}>
          <Text className='alert__text'>{stop}</Text>
        </View>
      ) : failure ? (
        <Text className='form-error' {...role('alert')}>
          {failure.message}
        </Text>
      ) : null}

      {stop ? (
        <>
          <Btn className='btn btn--primary btn--block' onClick={back}>
            重新选择时段
          </Btn>
          {!reschedule ? (
            <Btn className='btn btn--ghost btn--block' onClick={() => void Taro.redirectTo({ url: '/packages/booking/mine' })}>
              查看我的预约
            </Btn>
          ) : null}
        </>
      ) : (
        <Btn className='btn btn--primary btn--block' disabled={busy} onClick={() => void submit()}>
          {busy ? '正在提交…' : reschedule ? '确认改约' : '确认预约'}
        </Btn>
      )}
    </Page>
  );
}
