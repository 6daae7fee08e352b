// Appointment wording shared by the resident and the staff pages (zh-CN).
import type { Appointment, Slot } from '../../../shared/schemas/appointments';
import { isReceptionBooking, receptionHost } from '../../../shared/reception';
import { formatCutoff } from './dates';

/** 剩余3个名额 / 已满 / 已关闭（原因） / 已结束 */
export function slotState(slot: Slot): string {
  if (slot.status === 'open') return `剩余${slot.remaining}个名额`;
  if (slot.status === 'full') return '已满';
  if (slot.status === 'closed') return slot.closeReason ? `已关闭（${slot.closeReason}）` : '已关闭';
  return '已结束';
}

/** "开始前2小时可取消" */
export function cancelRule(minutes: number): string {
  return minutes > 0 ? `开始前${formatCutoff(minutes)}可取消` : '开始前均可取消';
}

/** Why a booking was cancelled: "工作人员取消：坐班临时取消" / "您已取消". */
export function cancelNote(by: 'resident' | 'staff' | null, reason: string | null): string {
  if (by === 'staff') return `工作人员取消：${reason || '未说明原因'}`;
  return reason ? `您已取消：${reason}` : '您已取消';
}

/** Where 改约 of a booking opens: its leader's reception page, or the slots of its place, in reschedule mode. */
export function rescheduleUrl(a: Pick<Appointment, 'id' | 'serviceCode' | 'placeId'>): string {
  const reschedule = `reschedule=${encodeURIComponent(a.id)}`;
  return isReceptionBooking(a)
    ? `/packages/booking/reception?id=${encodeURIComponent(receptionHost(a.placeId))}&${reschedule}`
    : `/packages/booking/slots?code=${encodeURIComponent(a.serviceCode)}&placeId=${encodeURIComponent(a.placeId)}&${reschedule}`;
}
