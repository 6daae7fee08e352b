// 我的评价: 待评价 (what the resident is invited to rate, soonest due first,
// with the day after which 基本满意 is recorded by default) and 已评价
// (newest first: level, reasons, comment, and for a bad review the
// rectification ticket with its due date and published outcome; 修改评价
// while the rating can still change).
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { Rating, RatingInvite } from '../../../../shared/schemas/ratings';
import { myRatings } from '../../api/ratings';
import { Btn } from '../../components/Btn';
import { Page } from '../../components/Page';
import { Empty, ErrorState, Loading } from '../../components/States';
import { formatInstant } from '../../utils/dates';
import { shanghaiDate } from '../../utils/format';
import { rateUrl } from '../../utils/ratings';
import { DATE_PENDING } from '../../utils/applications';
import { LoadMore } from '../../components/LoadMore';
import { usePaged } from '../../utils/usePaged';
import { formatDay, isBad, LevelBadge, reasonsText, refLabel, TicketBadge } from './parts';
import './rating.scss';

export default function MyRatings() {
  // 待评价 come whole with the first page; 已评价 a page at a time, newest first.
  const [pending, setPending] = useState<RatingInvite[]>([]);
  // Again on coming back from the rate page.
  const { items: ratings, error, reload, more } = usePaged(
    async (cursor) => {
      const r = await myRatings(cursor);
      if (!cursor) setPending(r.pending.slice().sort((a, b) => a.dueOn.localeCompare(b.dueOn)));
      return { items: r.ratings.slice().sort((a, b) => Date.parse(b.ratedAt) - Date.parse(a.ratedAt)), nextCursor: r.nextCursor };
    },
    [],
    { onShow: true },
  );

  if (error || !ratings) {
    return <Page className='rating'>{error ? <ErrorState message={error} onRetry={reload} /> : <Loading />}</Page>;
  }
  const data = { pending, ratings };
  if (data.pending.length === 0 && data.ratings.length === 0) {
    return (
      <Page className='rating'>
        <Empty text='暂无评价' />
        <Text className='hint rating__center'>办件办结或到窗口办事后，可在这里评价</Text>
      </Page>
    );
  }

  const now = Date.now();
  return (
    <Page className='rating'>
      {data.pending.length > 0 ? (
        <View className='rating-section' aria-label='待评价'>
          <Text className='section-title'>待评价（{data.pending.length}）</Text>
          {data.pending.map((p) => (
            <InviteCard key={`${p.targetType}-${p.targetId}`} invite={p} />
          ))}
        </View>
      ) : null}

      <View className='rating-section' aria-label='已评价'>
        <Text className='section-title'>已评价</Text>
        {data.ratings.length === 0 ? <Empty text='暂无评价' /> : data.ratings.map((r) => <RatingCard key={r.id} rating={r} now={now} />)}
        <LoadMore more={more} />
      </View>
    </Page>
  );
}

function InviteCard({ invite }: { invite: RatingInvite }) {
  return (
    <View className='card invite'>
      <Text className='invite__name'>{invite.serviceName}</Text>
      <Text className='rating__line'>
        {refLabel(invite.targetType)} {invite.reference}
      </Text>
      <Text className='rating__line'>{invite.departmentName}</Text>
      {invite.agentName ? <Text className='rating__line'>代办员 {invite.agentName}</Text> : null}
      <Text className='invite__due'>请在 {formatDay(invite.dueOn)} 前评价，逾期默认“基本满意”</Text>
      <Btn
        className='btn btn--primary btn--block invite__btn'
        onClick={() =>
          void Taro.navigateTo({
            url: rateUrl({
              targetType: invite.targetType,
              targetId: invite.targetId,
              title: invite.serviceName,
              ref: invite.reference,
              agent: invite.agentName,
            }),
          })
        }
      >
        去评价
      </Btn>
    </View>
  );
}

function RatingCard({ rating, now }: { rating: Rating; now: number }) {
  const canChange = rating.changeableUntil !== null && Date.parse(rating.changeableUntil) > now;
  const ticket = rating.ticket;
  return (
    <View className={isBad(rating.level) ? 'card given given--bad' : 'card given'}>
      <View className='given__head'>
        <Text className='given__name'>{rating.serviceName}</Text>
        <View className='given__tags'>
          <LevelBadge level={rating.level} />
          {rating.isDefault ? <Text className='badge badge--gray'>默认评价</Text> : null}
        </View>
      </View>
      <Text className='rating__line'>
        {refLabel(rating.targetType)} {rating.reference}
      </Text>
      <Text className='rating__line'>
        {rating.departmentName} · {formatDay(shanghaiDate(rating.ratedAt))}
        {rating.isDefault ? ' 逾期未评价，默认“基本满意”' : ' 评价'}
      </Text>
      {rating.reasons.length > 0 ? <Text className='given__reasons'>差评原因：{reasonsText(rating.reasons)}</Text> : null}
      {rating.comment ? <Text className='given__comment'>“{rating.comment}”</Text> : null}

      {ticket ? (
        <View className='given__ticket'>
          <View className='given__ticket-head'>
            <Text className='given__ticket-title'>差评整改</Text>
            <TicketBadge status={ticket.status} />
          </View>
          {ticket.dueOn ? <Text className='rating__line'>整改期限 {formatDay(ticket.dueOn)}</Text> : ticket.dueOnPending ? <Text className='rating__line'>整改期限 {DATE_PENDING}</Text> : null}
          {ticket.outcome ? (
            <View className='outcome'>
              <Text className='outcome__text'>整改结果：{ticket.outcome}</Text>
              {ticket.outcomeAt ? <Text className='outcome__at'>{formatInstant(ticket.outcomeAt)}</Text> : null}
            </View>
          ) : null}
        </View>
      ) : null}

      {canChange ? (
        <View className='given__change'>
          <Text className='rating__line'>可在 {formatInstant(rating.changeableUntil!)} 前修改</Text>
          <Btn
            className='btn btn--ghost btn--block'
            onClick={() =>
              void Taro.navigateTo({
                url: rateUrl({ targetType: rating.targetType, targetId: rating.targetId, title: rating.serviceName, ref: rating.reference, agent: rating.agentName }),
              })
            }
          >
            修改评价
          </Btn>
        </View>
      ) : null}
    </View>
  );
}
