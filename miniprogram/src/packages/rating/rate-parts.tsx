// The rating page's parts: what is rated, the form's cards, and a given rating in full.
import { Text, Textarea, View } from '@tarojs/components';
import {
  BAD_REASON_LABELS,
  BAD_REASONS,
  RATING_DIMENSION_LABELS,
  RATING_DIMENSIONS,
  RATING_TARGET_LABELS,
  type Rating,
} from '../../../../shared/schemas/ratings';
import { Chip } from '../../components/Chip';
import { DATE_PENDING } from '../../utils/applications';
import { COMMENT_MAX, isBadForm, type FieldErrors, type FormChange, type RatingForm, type Target } from './form';
import { FieldError, formatDay, LevelBadge, LevelChoice, levelLabel, reasonsText, refLabel, Row, TicketBadge } from './parts';

/** The service and its case number or booking code. */
export function RateHead({ targetType, title, reference }: { targetType: Target; title: string; reference: string }) {
  return (
    <View className='card rate-target'>
      <Text className='rate-target__kind badge badge--blue'>{RATING_TARGET_LABELS[targetType]}</Text>
      {title ? <Text className='rate-target__name'>{title}</Text> : null}
      {reference ? (
        <Text className='rate-target__line'>
          {refLabel(targetType)} {reference}
        </Text>
      ) : null}
    </View>
  );
}

/**
 * The form: five large buttons for the overall level; the four dimensions,
 * pre-filled with it; for a bad review the reasons; the agent when there was
 * one; a comment (required when 其他 is a reason).
 */
export function RatingFields({ form, errors, agent, hasAgent, change }: {
  form: RatingForm;
  errors: FieldErrors;
  agent: string;
  hasAgent: boolean;
  change: (c: FormChange) => void;
}) {
  const bad = isBadForm(form);
  return (
    <>
      <View className='card'>
        <Text className='card__title'>总体评价</Text>
        <LevelChoice name='总体评价' value={form.level} onChange={(level) => change({ type: 'level', level })} big />
        <FieldError text={errors.level} />
      </View>

      <View className='card'>
        <Text className='card__title'>分项评价</Text>
        <Text className='hint'>已按总体评价预先选好，可逐项调整。</Text>
        {RATING_DIMENSIONS.map((d) => (
          <View key={d} className='rate-dim'>
            <View className='rate-dim__head'>
              <Text className='rate-dim__name'>{RATING_DIMENSION_LABELS[d]}</Text>
              {form.dims[d] !== null ? <Text className='rate-dim__value'>{levelLabel(form.dims[d]!)}</Text> : null}
            </View>
            <LevelChoice name={RATING_DIMENSION_LABELS[d]} value={form.dims[d]} onChange={(level) => change({ type: 'dim', dim: d, level })} />
            <FieldError text={errors[`dimensions.${d}`]} />
          </View>
        ))}
      </View>

      {bad ? (
        <View className='card rate-reasons'>
          <Text className='card__title'>差评原因（可多选）</Text>
          <Text className='hint'>请至少选择一项，责任单位将据此核实整改。</Text>
          <View className='chips'>
            {BAD_REASONS.map((r) => (
              <Chip key={r} on={form.reasons.includes(r)} onClick={() => change({ type: 'reason', reason: r })}>
                {BAD_REASON_LABELS[r]}
              </Chip>
            ))}
          </View>
          <FieldError text={errors.reasons} />
        </View>
      ) : null}

      {hasAgent ? (
        <View className='card'>
          <Text className='card__title'>{agent ? `评价代办员 ${agent}` : '评价代办员'}</Text>
          <LevelChoice name='代办员评价' value={form.agentLevel} onChange={(level) => change({ type: 'agent', level })} />
          <FieldError text={errors.agentLevel} />
        </View>
      ) : null}

      <View className='card'>
        <Text className='card__title'>{bad && form.reasons.includes('other') ? '具体情况（必填）' : '意见建议（选填）'}</Text>
        <Textarea
          className='rate-comment'
          value={form.comment}
          maxlength={COMMENT_MAX}
          placeholder='请写下您的意见和建议，300字以内'
          onInput={(e) => change({ type: 'comment', text: e.detail.value })}
        />
        <Text className='rate-comment__count'>
          {form.comment.length}/{COMMENT_MAX}
        </Text>
        <FieldError text={errors.comment} />
      </View>
    </>
  );
}

/** A given rating in full: level, dimensions, reasons, comment, agent, ticket. */
export function SavedRating({ rating, agent }: { rating: Rating; agent: string }) {
  return (
    <View className='card'>
      <Row k='总体评价'>
        <LevelBadge level={rating.level} />
        {rating.isDefault ? <Text className='badge badge--gray'>默认评价</Text> : null}
      </Row>
      {RATING_DIMENSIONS.map((d) => (
        <Row key={d} k={RATING_DIMENSION_LABELS[d]}>
          <Text>{levelLabel(rating.dimensions[d])}</Text>
        </Row>
      ))}
      {rating.reasons.length > 0 ? (
        <Row k='差评原因'>
          <Text>{reasonsText(rating.reasons)}</Text>
        </Row>
      ) : null}
      {rating.comment ? (
        <Row k='意见建议'>
          <Text>{rating.comment}</Text>
        </Row>
      ) : null}
      {rating.agentLevel !== null ? (
        <Row k={agent ? `代办员 ${agent}` : '代办员'}>
          <Text>{levelLabel(rating.agentLevel)}</Text>
        </Row>
      ) : null}
      {rating.ticket ? (
        <Row k='整改'>
          <TicketBadge status={rating.ticket.status} />
          {rating.ticket.dueOn ? (
            <Text className='rate-line'>整改期限 {formatDay(rating.ticket.dueOn)}</Text>
          ) : rating.ticket.dueOnPending ? (
            <Text className='rate-line'>整改期限 {DATE_PENDING}</Text>
          ) : null}
        </Row>
      ) : null}
    </View>
  );
}
