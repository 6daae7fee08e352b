// 今日预约 (staff): one place's day — each slot with its bookings (masked
// name and phone, item, code, status) — check-in by booking code, 未到场 after
// the slot, closing a slot or the whole day with a reason the residents get,
// and 重新开放 what was closed. Staff who run no desk (proxy agents) are told so
// and sent to their proxy tasks.
import type { ActionMessage } from '../cases';
import { Input, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  BookingCode,
  CloseRequest,
  type DayResponse,
} from '../../../../shared/schemas/appointments';
import type { StaffProfile } from '../../../../shared/schemas/auth';
import { isCalendarDate } from '../../../../shared/schemas/common';
import { checkIn, closeDay, closeSlot, getDay, markNoShow, reopenDay, reopenSlot } from '../../api/desk';
import { errorMessage, isApiError } from '../../api/errors';
import { getStaffMe } from '../../api/staff';
import { Btn } from '../../components/Btn';
import { Page } from '../../components/Page';
import { Empty, ErrorState, Loading } from '../../components/States';
import { StatusBadge } from '../../components/StatusBadge';
import { role } from '../../utils/a11y';
import { slotState } from '../../utils/booking';
import { addDays, formatDateLong, formatInstant, formatSpan, shanghaiInstant, todayShanghai } from '../../utils/dates';
import { DESK_ROUTE, mayUse, PROXY_ROUTE } from '../access';
import { defaultPlaceId, deskPlaceName, placesFor } from '../places';
import { Reopen } from './reopen';
import './index.scss';

type Booking = DayResponse['slots'][number]['bookings'][number];

/** The closing form's target: a slot id, or the whole day. */
const WHOLE_DAY = 'day';

export default function DeskDay() {
  const { params } = useRouter();
  const [staff, setStaff] = useState<StaffProfile | null>(null);
  const [staffError, setStaffError] = useState<string | null>(null);
  const [placeId, setPlaceId] = useState(params.placeId ? decodeURIComponent(params.placeId) : '');
  const [date, setDate] = useState(params.date && isCalendarDate(params.date) ? params.date : todayShanghai());
  const [picking, setPicking] = useState(false);
  const [day, setDay] = useState<DayResponse | null>(null);
  const [dayError, setDayError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [code, setCode] = useState('');
  const [checkMsg, setCheckMsg] = useState<ActionMessage>(null);
  const [actionMsg, setActionMsg] = useState<ActionMessage>(null);
  const [closing, setClosing] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [closeError, setCloseError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const seq = useRef(0);

  const loadStaff = useCallback(async () => {
    setStaffError(null);
    try {
      const s = await getStaffMe();
      setStaff(s);
      // No desk, no day list: the page explains instead of showing the server's 403.
      if (mayUse(s.role, DESK_ROUTE)) setPlaceId((p) => p || defaultPlaceId(s));
    } catch (e) {
      // 401: the request module is already taking us to the login page.
      if (!(isApiError(e) && e.status === 401)) setStaffError(errorMessage(e));
    }
  }, []);

  const loadDay = useCallback(async () => {
    if (!placeId) return;
    const n = ++seq.current;
    setLoading(true);
    setDayError(null);
    try {
      const res = await getDay(placeId, date);
      if (n === seq.current) setDay(res);
    } catch (e) {
      if (n === seq.current) {
        setDay(null);
        if (!(isApiError(e) && e.status === 401)) setDayError(errorMessage(e));
      }
    } finally {
      if (n === seq.current) setLoading(false);
    }
  }, [placeId, date]);

  useEffect(() => {
    void loadStaff();
  }, [loadStaff]);

  useEffect(() => {
    void loadDay();
  }, [loadDay]);

  const choosePlace = (id: string) => {
    setPicking(false);
    setClosing(null);
    setActionMsg(null);
    setDay(null);
    setPlaceId(id);
  };

  const moveDate = (next: string) => {
    setClosing(null);
    setActionMsg(null);
    setDay(null);
    setDate(next);
  };

  const submitCheckIn = async () => {
    if (busy || !placeId) return;
    const parsed = BookingCode.safeParse(code.trim().toUpperCase());
    if (!parsed.success) {
      setCheckMsg({ ok: false, text: parsed.error.issues[0]?.message ?? '请输入预约码' });
      return;
    }
    setBusy(true);
    setCheckMsg(null);
    try {
      const a = await checkIn(parsed.data, placeId);
      setCheckMsg({ ok: true, text: `签到成功：${a.code} · ${a.serviceName} · ${formatSpan(a.start, a.end)}` });
      setCode('');
      void loadDay();
    } catch (e) {
      setCheckMsg({ ok: false, text: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };

  const noShow = async (b: Booking) => {
    if (busy) return;
    const answer = await Taro.showModal({
      title: '标记未到场',
      content: `${b.residentName}（${b.code}）未在预约时段到场？`,
      confirmText: '未到场',
      cancelText: '返回',
    });
    if (!answer.confirm) return;
    setBusy(true);
    setActionMsg(null);
    try {
      await markNoShow(b.id, b.version);
      setActionMsg({ ok: true, text: `已标记未到场：${b.residentName}（${b.code}）` });
    } catch (e) {
      setActionMsg({ ok: false, text: errorMessage(e) });
    } finally {
      setBusy(false);
      void loadDay();
    }
  };

  const afterReopen = (text: string) => {
    setActionMsg({ ok: true, text });
    void loadDay();
  };

  const openClose = (target: string) => {
    setClosing(target);
    setReason('');
    setCloseError(null);
  };

  const submitClose = async () => {
    if (busy || !closing) return;
    const parsed = CloseRequest.safeParse({ reason });
    if (!parsed.success) {
      setCloseError(parsed.error.issues[0]?.message ?? '请填写关闭原因');
      return;
    }
    setBusy(true);
    setCloseError(null);
    try {
      const r =
        closing === WHOLE_DAY ? await closeDay(placeId, date, parsed.data.reason) : await closeSlot(closing, parsed.data.reason);
      setClosing(null);
      setActionMsg({
        ok: true,
        text: r.cancelled > 0 ? `已关闭，${r.cancelled}个预约已取消并通知居民` : '已关闭，没有需要取消的预约',
      });
      void loadDay();
    } catch (e) {
      setCloseError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  if (staffError && !placeId) {
    return (
      <Page className='desk'>
        <ErrorState message={staffError} onRetry={() => void loadStaff()} />
      </Page>
    );
  }
  if (staff && !mayUse(staff.role, DESK_ROUTE)) {
    return (
      <Page className='desk'>
        <View className='card'>
          <Text className='card__title'>今日预约由办理地点的窗口人员使用</Text>
          <Text className='hint'>您的账号不负责办理地点的预约名单、签到和时段开关。</Text>
          {mayUse(staff.role, PROXY_ROUTE) ? (
            <Btn className='btn btn--primary btn--block' onClick={() => void Taro.redirectTo({ url: '/workbench/proxy/index' })}>
              查看我的代办任务
            </Btn>
          ) : null}
        </View>
      </Page>
    );
  }
  if (!placeId) {
    return (
      <Page className='desk'>
        <Loading />
      </Page>
    );
  }

  const today = todayShanghai();
  const placeName = day?.place.name ?? deskPlaceName(placeId);
  const closeForm = (
    <View className='desk-close'>
      <Input
        className='field__input'
        value={reason}
        placeholder='请填写关闭原因（将通知已预约的居民）'
        onInput={(e) => setReason(e.detail.value)}
      />
      {closeError ? <Text className='field__error'>{closeError}</Text> : null}
      <View className='desk-close__actions'>
        <Btn className='btn btn--ghost btn--small' onClick={() => setClosing(null)}>
          取消
        </Btn>
        <Btn className='btn btn--danger btn--small' disabled={busy} onClick={() => void submitClose()}>
          确认关闭
        </Btn>
      </View>
    </View>
  );
  const openSlots = day?.slots.filter((s) => s.slot.status !== 'closed' && s.slot.status !== 'past') ?? [];

  return (
    <Page className='desk'>
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
                onClick={() => choosePlace(p.id)}
                {...role('button')}
              >
                <Text className='desk-option__name'>{p.name}</Text>
                {p.note ? <Text className='desk-option__note'>{p.note}</Text> : null}
              </View>
            ))}
          </View>
        ) : null}
        <View className='desk__date'>
          <Btn className='btn btn--ghost btn--small' onClick={() => moveDate(addDays(date, -1))}>
            前一天
          </Btn>
          <Text className='desk__date-text'>
            {formatDateLong(date)}
            {date === today ? '（今天）' : ''}
          </Text>
          <Btn className='btn btn--ghost btn--small' onClick={() => moveDate(addDays(date, 1))}>
            后一天
          </Btn>
        </View>
        {date !== today ? (
          <Btn className='btn btn--ghost btn--small desk__today' onClick={() => moveDate(today)}>
            回到今天
          </Btn>
        ) : null}
        {staff ? <Text className='hint'>当前账号：{staff.name}（{staff.regionName}）</Text> : null}
      </View>

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
            onConfirm={() => void submitCheckIn()}
          />
          <Btn className='btn btn--primary' disabled={busy} onClick={() => void submitCheckIn()}>
            签到
          </Btn>
        </View>
        {checkMsg ? (
          <Text className={checkMsg.ok ? 'desk__ok' : 'form-error'} {...role(checkMsg.ok ? 'status' : 'alert')}>
            {checkMsg.text}
          </Text>
        ) : null}
      </View>

      {actionMsg ? (
        <Text className={actionMsg.ok ? 'desk__ok desk__msg' : 'form-error desk__msg'} {...role(actionMsg.ok ? 'status' : 'alert')}>
          {actionMsg.text}
        </Text>
      ) : null}

      {dayError ? (
        <ErrorState message={dayError} onRetry={() => void loadDay()} />
      ) : !day ? (
        loading ? <Loading /> : null
      ) : day.slots.length === 0 ? (
        <Empty text='当天没有预约时段（非工作日或未安排坐班）' />
      ) : (
        <>
          {day.slots.map(({ slot, bookings }) => {
            const ended = Date.now() >= shanghaiInstant(slot.date, slot.end);
            return (
              <View key={slot.id} className={`card desk-slot desk-slot--${slot.status}`}>
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
                    <Text className='desk-booking__line'>预约码 {b.code}</Text>
                    {b.status === 'booked' && ended ? (
                      <Btn className='btn btn--danger btn--small desk-booking__btn' disabled={busy} onClick={() => void noShow(b)}>
                        未到场
                      </Btn>
                    ) : null}
                  </View>
                ))}
                {slot.status === 'closed' ? (
                  <Reopen label='重新开放' reopen={(r) => reopenSlot(slot.id, r)} onDone={(text) => afterReopen(text)} />
                ) : null}
                {slot.status !== 'closed' && slot.status !== 'past' ? (
                  closing === slot.id ? (
                    closeForm
                  ) : (
                    <Btn className='btn btn--ghost btn--small desk-slot__close' onClick={() => openClose(slot.id)}>
                      关闭时段
                    </Btn>
                  )
                ) : null}
              </View>
            );
          })}
          {day.slots.filter((s) => s.slot.status === 'closed').length > 1 ? (
            <Reopen label='重新开放当日已关闭的时段' reopen={(r) => reopenDay(placeId, date, r)} onDone={(text) => afterReopen(text)} />
          ) : null}
          {day.log.length > 0 ? (
            <View className='card'>
              <Text className='card__title'>开放记录</Text>
              {day.log.map((e) => (
                <Text key={e.at + e.action} className='hint'>
                  {formatInstant(e.at)} {e.actor} {e.action === 'close' ? '关闭' : '重新开放'}
                  {e.start ? ` ${e.start} 时段` : '当日'}：{e.reason}
                </Text>
              ))}
            </View>
          ) : null}
          {openSlots.length > 1 ? (
            closing === WHOLE_DAY ? (
              <View className='card'>
                <Text className='card__title'>关闭当日全部时段</Text>
                {closeForm}
              </View>
            ) : (
              <Btn className='btn btn--danger btn--block' onClick={() => openClose(WHOLE_DAY)}>
                关闭当日全部时段
              </Btn>
            )
          ) : null}
        </>
      )}
    </Page>
  );
}
