// 我的预约: the resident's bookings, upcoming first; a tap opens the booking.
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { Appointment } from '../../../../shared/schemas/appointments';
import { listAppointments } from '../../api/booking';
import { Btn } from '../../components/Btn';
import { Page } from '../../components/Page';
import { Empty, ErrorState, Loading } from '../../components/States';
import { StatusBadge } from '../../components/StatusBadge';
import { role } from '../../utils/a11y';
import { formatDateLong, formatSpan } from '../../utils/dates';
import { LoadMore } from '../../components/LoadMore';
import { usePaged } from '../../utils/usePaged';
import './booking.scss';

/** Active bookings soonest first, then the rest most recent first. */
function ordered(list: Appointment[]): Appointment[] {
  const when = (a: Appointment) => `${a.date} ${a.start}`;
  const active = list.filter((a) => a.status === 'booked').sort((a, b) => when(a).localeCompare(when(b)));
  const rest = list.filter((a) => a.status !== 'booked').sort((a, b) => when(b).localeCompare(when(a)));
  return active.concat(rest);
}

export default function MyAppointments() {
  // Again on coming back from a booking that was cancelled or moved.
  const { items, error, reload, more } = usePaged((cursor) => listAppointments(cursor).then((r) => ({ items: r.appointments, nextCursor: r.nextCursor })), [], { onShow: true, keep: 'appointments', personal: true });

  if (error || !items) {
    return <Page className='booking'>{error ? <ErrorState message={error} onRetry={reload} /> : <Loading />}</Page>;
  }
  if (items.length === 0) {
    return (
      <Page className='booking'>
        <Empty text='您还没有预约' />
        <Btn className='btn btn--primary btn--block' onClick={() => void Taro.switchTab({ url: '/pages/services/index' })}>
          去办事
        </Btn>
      </Page>
    );
  }
  return (
    <Page className='booking'>
      {ordered(items).map((a) => (
        <View
          key={a.id}
          className={a.status === 'booked' ? 'card appt' : 'card appt appt--done'}
          onClick={() => void Taro.navigateTo({ url: `/packages/booking/detail?id=${encodeURIComponent(a.id)}` })}
          {...role('link')}
        >
          <View className='appt__head'>
            <Text className='appt__name'>{a.serviceName}</Text>
            <StatusBadge status={a.status} />
          </View>
          <Text className='appt__when'>
            {formatDateLong(a.date)} {formatSpan(a.start, a.end)}
          </Text>
          <Text className='appt__line'>{a.placeName}</Text>
          {a.status === 'booked' ? <Text className='appt__line'>预约码 {a.code}</Text> : null}
        </View>
      ))}
      <LoadMore more={more} />
    </Page>
  );
}
