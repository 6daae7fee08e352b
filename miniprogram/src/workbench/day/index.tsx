// 今日预约 (staff): one place's day — each slot with its bookings (masked
// name and phone, item, code, status) — check-in by booking code, 未到场 after
// the slot (confirmed in the page's own dialog, which scales in elder mode),
// closing a slot or the whole day with a reason the residents get, and
// 重新开放 what was closed. Staff who run no desk (proxy agents) are told so
// and sent to their proxy tasks.
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { CloseRequest } from '../../../../shared/schemas/appointments';
import { isCalendarDate } from '../../../../shared/schemas/common';
import { closeDay, closeSlot, markNoShow, reopenDay, reopenSlot } from '../../api/desk';
import { Btn } from '../../components/Btn';
import { useConfirm } from '../../components/ConfirmDialog';
import { Page } from '../../components/Page';
import { Empty, ErrorState, Loading } from '../../components/States';
import { todayShanghai } from '../../utils/dates';
import { useAction } from '../../utils/useAction';
import { DESK_ROUTE, mayUse, PROXY_ROUTE } from '../access';
import { deskPlaceName } from '../places';
import { CheckIn, DayLog, DeskMessage, PlaceAndDay, ReasonForm, SlotCard, type Booking } from './parts';
import { Reopen } from './reopen';
import { useDesk } from './useDesk';
import '../cases.scss';
import './index.scss';

/** The closing form's target: a slot id, or the whole day. */
const WHOLE_DAY = 'day';

export default function DeskDay() {
  const { params } = useRouter();
  const desk = useDesk(params.placeId ? decodeURIComponent(params.placeId) : '', params.date && isCalendarDate(params.date) ? params.date : todayShanghai());
  const { staff, staffError, placeId, date, day, dayError, loading, loadDay } = desk;
  const [closing, setClosing] = useState<string | null>(null);
  // What a reopen form reported (it runs its own action), until the next step.
  const [reopened, setReopened] = useState<string | null>(null);
  // A 409 (someone acted first): the message, and the day as it is now.
  const action = useAction(() => {
    setClosing(null);
    void loadDay();
  });
  const { confirm, dialog } = useConfirm();

  /** Before another step: no form open, no earlier outcome. */
  const fresh = (form: string | null = null) => {
    setClosing(form);
    setReopened(null);
    action.clear();
  };

  const show = (next: { placeId: string } | { date: string }) => {
    fresh();
    desk.show(next);
  };

  const noShow = async (b: Booking) => {
    if (action.busy) return;
    const sure = await confirm({ title: '标记未到场', content: `${b.residentName}（${b.code}）未在预约时段到场？`, confirmText: '未到场', cancelText: '返回', danger: true });
    if (!sure) return;
    setReopened(null);
    await action.run(() => markNoShow(b.id, b.version), { done: `已标记未到场：${b.residentName}（${b.code}）`, errorTo: 'page' });
    void loadDay();
  };

  const afterReopen = (text: string) => {
    fresh();
    setReopened(text);
    void loadDay();
  };

  const submitClose = async (reason: string) => {
    if (!closing) return;
    const parsed = CloseRequest.safeParse({ reason });
    if (!parsed.success) {
      action.setFormError(parsed.error.issues[0]?.message ?? '请填写关闭原因');
      return;
    }
    const r = await action.run(() => (closing === WHOLE_DAY ? closeDay(placeId, date, parsed.data.reason) : closeSlot(closing, parsed.data.reason)), {
      done: (r) => (r.cancelled > 0 ? `已关闭，${r.cancelled}个预约已取消并通知居民` : '已关闭，没有需要取消的预约'),
    });
    if (!r) return;
    setClosing(null);
    void loadDay();
  };

  if (staffError && !placeId) {
    return (
      <Page className='desk'>
        <ErrorState message={staffError} onRetry={() => void desk.loadStaff()} />
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

  const closeForm = (
    <ReasonForm
      placeholder='请填写关闭原因（将通知已预约的居民）'
      error={action.formError}
      busy={action.busy}
      confirm='确认关闭'
      danger
      onCancel={() => setClosing(null)}
      onConfirm={(reason) => void submitClose(reason)}
    />
  );
  const isOpen = (s: { slot: { status: string } }) => s.slot.status !== 'closed' && s.slot.status !== 'past';
  const openSlots = day?.slots.filter(isOpen) ?? [];

  return (
    <Page className='desk'>
      <PlaceAndDay staff={staff} placeName={day?.place.name ?? deskPlaceName(placeId)} placeId={placeId} date={date} show={show} />
      <CheckIn placeId={placeId} onCheckedIn={() => void loadDay()} />
      <DeskMessage msg={action.msg ?? (reopened ? { ok: true, text: reopened } : null)} className='desk__msg' />
      {dialog}

      {dayError ? (
        <ErrorState message={dayError} onRetry={() => void loadDay()} />
      ) : !day ? (
        loading ? <Loading /> : null
      ) : day.slots.length === 0 ? (
        <Empty text='当天没有预约时段（非工作日或未安排坐班）' />
      ) : (
        <>
          {day.slots.map((item) => (
            <SlotCard key={item.slot.id} item={item} busy={action.busy} onNoShow={(b) => void noShow(b)}>
              {item.slot.status === 'closed' ? <Reopen label='重新开放' reopen={(r) => reopenSlot(item.slot.id, r)} onDone={afterReopen} /> : null}
              {isOpen(item) ? (
                closing === item.slot.id ? (
                  closeForm
                ) : (
                  <Btn className='btn btn--ghost btn--small desk-slot__close' onClick={() => fresh(item.slot.id)}>
                    关闭时段
                  </Btn>
                )
              ) : null}
            </SlotCard>
          ))}
          {day.slots.filter((s) => s.slot.status === 'closed').length > 1 ? (
            <Reopen label='重新开放当日已关闭的时段' reopen={(r) => reopenDay(placeId, date, r)} onDone={afterReopen} />
          ) : null}
          <DayLog log={day.log} />
          {openSlots.length > 1 ? (
            closing === WHOLE_DAY ? (
              <View className='card'>
                <Text className='card__title'>关闭当日全部时段</Text>
                {closeForm}
              </View>
            ) : (
              <Btn className='btn btn--danger btn--block' onClick={() => fresh(WHOLE_DAY)}>
                关闭当日全部时段
              </Btn>
            )
          ) : null}
        </>
      )}
    </Page>
  );
}
