import { Text } from '@tarojs/components';
import { APPOINTMENT_STATUS_LABELS, type AppointmentStatus } from '../../../shared/schemas/appointments';

const STATUS_BADGE: Record<AppointmentStatus, string> = {
  booked: 'badge badge--blue',
  checked_in: 'badge badge--green',
  cancelled: 'badge badge--gray',
  no_show: 'badge badge--red',
};

/** An appointment's status: 已预约 / 已签到 / 已取消 / 未到场. */
export function StatusBadge({ status }: { status: AppointmentStatus }) {
  return <Text className={STATUS_BADGE[status]}>{APPOINTMENT_STATUS_LABELS[status]}</Text>;
}
