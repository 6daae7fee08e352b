// What a rectification ticket shows: its head, the review, the resident to
// call back, each recorded step, the appeal, and the timeline.
import { Text, View } from '@tarojs/components';
import { APPEAL_DECISION_LABELS, FOLLOW_UP_VIEW_LABELS, RATING_TARGET_LABELS, type TicketDetail } from '../../../../shared/schemas/ratings';
import { KV, Phone } from '../../components/CaseParts';
import { Timeline } from '../../components/Timeline';
import { formatDateLong, formatInstant } from '../../utils/dates';
import { ticketDueText, ticketEventLabel } from '../../utils/tickets';
import { LevelBadge, OverdueBadge, reasonsText, TicketStatusBadge } from '../tickets/parts';

type T = TicketDetail;

export function TicketHead({ ticket }: { ticket: T }) {
  return (
    <View className='card case-head'>
      <Text className='case-head__name'>{ticket.serviceName}</Text>
      <View className='case-head__tags'>
        <TicketStatusBadge status={ticket.status} />
        {ticket.overdue ? <OverdueBadge /> : null}
      </View>
      <KV k={ticket.targetType === 'application' ? '办件编号' : '预约码'}>
        <Text>{ticket.reference}</Text>
      </KV>
      <KV k='评价对象'>
        <Text>{RATING_TARGET_LABELS[ticket.targetType]}</Text>
      </KV>
      <KV k='责任部门'>
        <Text>{ticket.departmentName}</Text>
      </KV>
      <KV k='责任人'>
        <Text>{ticket.responsible?.name ?? '未确定'}</Text>
      </KV>
      <KV k='整改期限'>
        <Text className={ticket.overdue ? 'case-late' : undefined}>{ticketDueText(ticket)}</Text>
      </KV>
      <KV k='生成日期'>
        <Text>{formatDateLong(ticket.createdOn)}</Text>
      </KV>
    </View>
  );
}

/** The bad review and, for those who may call back, the resident. */
export function ReviewCards({ ticket }: { ticket: T }) {
  return (
    <>
      <View className='card'>
        <Text className='card__title'>居民评价</Text>
        <View className='case-card__tags'>
          <LevelBadge level={ticket.level} />
        </View>
        <KV k='差评原因'>
          <Text>{reasonsText(ticket.reasons)}</Text>
        </KV>
        {ticket.comment ? <Text className='ticket-comment'>{ticket.comment}</Text> : <Text className='hint'>居民未填写评价内容</Text>}
      </View>
      {ticket.resident ? (
        <View className='card'>
          <Text className='card__title'>回访居民</Text>
          <KV k='居民'>
            <Text>{ticket.resident.name}</Text>
            {ticket.resident.phone ? <Phone phone={ticket.resident.phone} who='居民' /> : null}
          </KV>
          {ticket.resident.phone ? null : <Text className='hint'>居民未留电话</Text>}
        </View>
      ) : null}
    </>
  );
}

/** One recorded step of the ticket (核实, 整改, 公开), once written. */
function RecordCard({ title, text }: { title: string; text: string | null | undefined }) {
  return text ? (
    <View className='card'>
      <Text className='card__title'>{title}</Text>
      <Text className='ticket-block__text'>{text}</Text>
    </View>
  ) : null;
}

/** What has been done so far: 核实, 整改, 回访, the public outcome, the appeal. */
export function TicketRecords({ ticket }: { ticket: T }) {
  const { followUp, appeal } = ticket;
  return (
    <>
      <RecordCard title='核实情况' text={ticket.verification} />
      <RecordCard title='整改措施' text={ticket.rectification} />
      {followUp ? (
        <View className='card'>
          <Text className='card__title'>电话回访</Text>
          <KV k='是否联系上'>
            <Text>{followUp.reached ? '已联系上' : '未联系上'}</Text>
          </KV>
          <KV k='居民意见'>
            <Text>{followUp.residentView ? FOLLOW_UP_VIEW_LABELS[followUp.residentView] : '未能了解'}</Text>
          </KV>
          <Text className='ticket-block__text'>{followUp.note}</Text>
          <Text className='ticket-block__meta'>回访时间 {formatInstant(followUp.at)}</Text>
        </View>
      ) : null}
      <RecordCard title='整改结果（已公开）' text={ticket.outcome} />
      {appeal ? (
        <View className='card'>
          <Text className='card__title'>申诉</Text>
          <Text className='ticket-block__text'>{appeal.reason}</Text>
          <Text className='ticket-block__meta'>
            {appeal.by} · {formatInstant(appeal.at)}
          </Text>
          <KV k='裁定'>
            <Text>{appeal.decision ? APPEAL_DECISION_LABELS[appeal.decision] : '待督查裁定'}</Text>
          </KV>
          {appeal.decisionNote ? <Text className='ticket-block__text'>{appeal.decisionNote}</Text> : null}
          {appeal.decidedBy ? <Text className='ticket-block__meta'>裁定人：{appeal.decidedBy}</Text> : null}
        </View>
      ) : null}
    </>
  );
}

/** 处理记录. */
export function TicketTimeline({ events }: { events: T['events'] }) {
  return <Timeline title='处理记录' events={events} label={(e) => ticketEventLabel(e.action)} lines={(e) => [e.actor]} />;
}
