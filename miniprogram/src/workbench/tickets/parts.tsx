// Pieces shared by the workbench rating pages (差评整改, 整改单).
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import {
  BAD_REASON_LABELS,
  RATING_LEVEL_LABELS,
  TICKET_STATUS_LABELS,
  type RatingLevel,
  type Ticket,
  type TicketStatus,
} from '../../../../shared/schemas/ratings';
import { role } from '../../utils/a11y';
import { TICKET_STATUS_CLASS, ticketDueText } from '../../utils/tickets';

export function openTicket(id: string): void {
  void Taro.navigateTo({ url: `/workbench/ticket/index?id=${encodeURIComponent(id)}` });
}

export function TicketStatusBadge({ status }: { status: TicketStatus }) {
  return (
    <Text className={TICKET_STATUS_CLASS[status]} data-status={status}>
      {TICKET_STATUS_LABELS[status]}
    </Text>
  );
}

export function LevelBadge({ level }: { level: number }) {
  return (
    <Text className={level <= 2 ? 'badge badge--red' : 'badge badge--gray'} data-level={level}>
      {RATING_LEVEL_LABELS[level as RatingLevel]}
    </Text>
  );
}

export function OverdueBadge() {
  return (
    <Text className='badge badge--red ticket-overdue' aria-label='整改已超期'>
      已超期
    </Text>
  );
}

export function reasonsText(reasons: Ticket['reasons']): string {
  return reasons.length ? reasons.map((r) => BAD_REASON_LABELS[r]).join('、') : '未选择原因';
}

/** One ticket in a list: service, reference, level, reasons, status, deadline, responsible person. */
export function TicketRow({ ticket, showDept }: { ticket: Ticket; showDept?: boolean }) {
  return (
    <View className={ticket.overdue ? 'card ticket-card ticket-card--overdue' : 'card ticket-card'} data-ticket={ticket.id}>
      <View className='ticket-card__link' onClick={() => openTicket(ticket.id)} {...role('link')}>
        <View className='case-card__head'>
          <Text className='case-card__name'>{ticket.serviceName}</Text>
          <TicketStatusBadge status={ticket.status} />
        </View>
        <Text className='case-card__no'>{ticket.targetType === 'application' ? '办件编号' : '预约码'} {ticket.reference}</Text>
        {showDept ? <Text className='case-card__line'>责任部门：{ticket.departmentName}</Text> : null}
        <View className='case-card__tags'>
          <LevelBadge level={ticket.level} />
          <Text className='case-card__line ticket-card__reasons'>{reasonsText(ticket.reasons)}</Text>
        </View>
        <View className='ticket-card__due'>
          <Text className={ticket.overdue ? 'case-late' : 'case-card__due'}>整改期限 {ticketDueText(ticket)}</Text>
          {ticket.overdue ? <OverdueBadge /> : null}
        </View>
        <Text className='case-card__line'>责任人：{ticket.responsible?.name ?? '未确定'}</Text>
      </View>
    </View>
  );
}
