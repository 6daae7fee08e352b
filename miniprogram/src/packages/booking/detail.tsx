// 预约详情: the booking code (big, letter-spaced, and as a QR code) to show at
// the window; cancel (with a confirm) or reschedule until the cut-off; a
// cancelled booking says who cancelled it and why.
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { cancelAppointment, getAppointment } from '../../api/booking';
import { errorMessage, isApiError } from '../../api/errors';
import { Btn } from '../../components/Btn';
import { useConfirm } from '../../components/ConfirmDialog';
import { Page } from '../../components/Page';
import { QrCode } from '../../components/QrCode';
import { ErrorState, Loading } from '../../components/States';
import { StatusBadge } from '../../components/StatusBadge';
import { role } from '../../utils/a11y';
import { cancelNote, rescheduleUrl } from '../../utils/booking';
import { rateUrl } from '../../utils/ratings';
import { formatDateLong, formatInstant, formatSpan } from '../../utils/dates';
import { useLoad } from '../../utils/useLoad';
import { Row } from './parts';
import './booking.scss';

export default function AppointmentDetail() {
  const { params } = useRouter();
  const id = decodeURIComponent(params.id ?? '');
  const { data: appt, error, reload, setData: setAppt } = useLoad(() => getAppointment(id), [id], { onShow: true, invalid: !id && '缺少预约编号', keep: `appointment:${id}`, personal: true });
  const [actionError, setActionError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { confirm, dialog } = useConfirm();

  const cancel = async () => {
    if (!appt || busy) return;
    const ok = await confirm({
      title: '取消预约',
      content: `确定取消 ${formatDateLong(appt.date)} ${formatSpan(appt.start, appt.end)} 的预约吗？`,
      confirmText: '确定取消',
      cancelText: '再想想',
      danger: true,
    });
    if (!ok) return;
    setBusy(true);
    setActionError(null);
    try {
      setAppt(await cancelAppointment(appt.id, appt.version));
      void Taro.showToast({ title: '已取消预约', icon: 'none' });
    } catch (e) {
      setActionError(errorMessage(e));
      // Past the cut-off or changed meanwhile: show what it is now.
      if (isApiError(e) && e.status === 409) {
        getAppointment(appt.id).then(setAppt, () => undefined);
      }
    } finally {
      setBusy(false);
    }
  };

  const reschedule = () => {
    if (appt) void Taro.navigateTo({ url: rescheduleUrl(appt) });
  };

  if (error || !appt) {
    return <Page className='booking'>{error ? <ErrorState message={error} onRetry={reload} /> : <Loading />}</Page>;
  }

  const booked = appt.status === 'booked';
  const canChange = booked && Date.now() < Date.parse(appt.cutoffAt);

  return (
    <Page className='booking'>
      <View className={booked ? 'card ticket' : 'card ticket ticket--off'}>
        <Text className='ticket__label'>预约码</Text>
        <Text className='ticket__code' aria-label={`预约码 ${appt.code}`}>
          {appt.code}
        </Text>
        {booked ? <QrCode text={appt.code} label={`预约码 ${appt.code} 的二维码`} /> : null}
        <View className='ticket__status'>
          <StatusBadge status={appt.status} />
        </View>
        {booked ? <Text className='hint ticket__hint'>请在预约时段到窗口出示预约码（或二维码）办理</Text> : null}
      </View>

      {appt.status === 'cancelled' ? (
        <View className='alert' {...role('alert')}>
          <Text className='alert__text'>{cancelNote(appt.cancelledBy, appt.cancelReason)}</Text>
        </View>
      ) : null}

      <View className='card'>
        <Row k='办理事项'>
          <Text>{appt.serviceName}</Text>
        </Row>
        {appt.topic ? (
          <Row k='接待事由'>
            <Text>{appt.topic}</Text>
          </Row>
        ) : null}
        <Row k='办理地点'>
          <Text>{appt.placeName}</Text>
        </Row>
        <Row k='地址'>
          <Text>{appt.placeAddress}</Text>
        </Row>
        <Row k='日期'>
          <Text>{formatDateLong(appt.date)}</Text>
        </Row>
        <Row k='时间'>
          <Text>{formatSpan(appt.start, appt.end)}</Text>
        </Row>
        {booked ? (
          <Row k='可取消至'>
            <Text>{formatInstant(appt.cutoffAt)}</Text>
          </Row>
        ) : null}
      </View>

      {actionError ? (
        <Text className='form-error' {...role('alert')}>
          {actionError}
        </Text>
      ) : null}
      {canChange ? (
        <View className='booking__actions'>
          <Btn className='btn btn--ghost btn--block' disabled={busy} onClick={reschedule}>
            改约
          </Btn>
          <Btn className='btn btn--danger btn--block' disabled={busy} onClick={() => void cancel()}>
            {busy ? '正在取消…' : '取消预约'}
          </Btn>
        </View>
      ) : booked ? (
        <Text className='hint booking__hint'>已过取消截止时间，如需变更请联系办理地点</Text>
      ) : null}
      {appt.status === 'checked_in' ? (
        <Btn
          className='btn btn--primary btn--block'
          onClick={() =>
            void Taro.navigateTo({
              url: rateUrl({ targetType: 'appointment', targetId: appt.id, title: appt.serviceName, ref: appt.code }),
            })
          }
        >
          评价本次办事
        </Btn>
      ) : null}
      {dialog}
    </Page>
  );
}
