// 评价: rate a concluded case (一事一评) or an attended visit (一次一评).
// Five large buttons for the overall level; the four dimensions, pre-filled
// with it (each can be changed); for 不满意 / 非常不满意 the reasons (at least
// one; 其他 needs a comment); a comment; the proxy agent when there was one.
// 提交评价 posts with one idempotency key per screen (reused on retry). The
// resident's earlier rating of the same target, while still changeable, is
// loaded into the form (修改评价); once it can no longer change, it is shown.
import { Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import {
  BAD_REASON_LABELS,
  BAD_REASONS,
  RATING_DIMENSION_LABELS,
  RATING_DIMENSIONS,
  RATING_TARGET_LABELS,
  type BadReason,
  type Rating,
  type RatingDimension,
  type RatingLevel,
} from '../../../../shared/schemas/ratings';
import { newIdempotencyKey } from '../../api/booking';
import { errorMessage, isApiError } from '../../api/errors';
import { myRatings, rate } from '../../api/ratings';
import { Btn } from '../../components/Btn';
import { Chip } from '../../components/Chip';
import { Page } from '../../components/Page';
import { ErrorState, Loading } from '../../components/States';
import { role } from '../../utils/a11y';
import { formatInstant } from '../../utils/dates';
import { DATE_PENDING } from '../../utils/applications';
import { FieldError, isBad, LevelBadge, LevelChoice, levelLabel, param, reasonsText, refLabel, Row, TicketBadge, formatDay } from './parts';
import './rating.scss';

const COMMENT_MAX = 300;
const MINE_URL = '/packages/rating/mine';

type Target = 'application' | 'appointment';
type Dims = Record<RatingDimension, RatingLevel | null>;

const NO_DIMS: Dims = { efficiency: null, attitude: null, service: null, convenience: null };
const FIELD_KEYS = new Set(['level', 'reasons', 'comment', 'agentLevel', ...RATING_DIMENSIONS.map((d) => `dimensions.${d}`)]);

const changeable = (r: Rating, now = Date.now()) => r.changeableUntil !== null && Date.parse(r.changeableUntil) > now;

/** Why a given rating can no longer change. */
function lockedText(r: Rating, now = Date.now()): string {
  if (r.isDefault) return '逾期未评价，已默认“基本满意”，不能再修改。';
  const within24h = now < Date.parse(r.ratedAt) + 24 * 3600_000;
  if (within24h && r.ticket && r.ticket.status !== 'open' && r.ticket.status !== 'withdrawn') return '差评整改已开始处理，不能修改评价。';
  return '您已评价过，评价超过24小时后不能修改。';
}

export default function RatePage() {
  const { params } = useRouter();
  const targetType = param(params.targetType) as Target;
  const targetId = param(params.targetId);
  const valid = (targetType === 'application' || targetType === 'appointment') && targetId !== '';

  // One key for this screen: a retry after a lost answer rates at most once.
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [loading, setLoading] = useState(valid);
  const [title, setTitle] = useState(param(params.title));
  const [ref, setRef] = useState(param(params.ref));
  const [agent, setAgent] = useState(param(params.agent));
  const [hasAgent, setHasAgent] = useState(param(params.agent) !== '');
  const [earlier, setEarlier] = useState<Rating | null>(null);

  const [level, setLevel] = useState<RatingLevel | null>(null);
  const [dims, setDims] = useState<Dims>(NO_DIMS);
  const [touched, setTouched] = useState<Partial<Record<RatingDimension, boolean>>>({});
  const [reasons, setReasons] = useState<BadReason[]>([]);
  const [comment, setComment] = useState('');
  const [agentLevel, setAgentLevel] = useState<RatingLevel | null>(null);

  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<Rating | null>(null);

  // What the resident already said about this target (and the invitation's agent).
  const loadEarlier = useCallback(async () => {
    if (!valid) return;
    try {
      const mine = await myRatings();
      const invite = mine.pending.find((p) => p.targetType === targetType && p.targetId === targetId);
      const given = mine.ratings.find((r) => r.targetType === targetType && r.targetId === targetId);
      const found = invite ?? given;
      if (found) {
        setTitle((t) => t || found.serviceName);
        setRef((r) => r || found.reference);
      }
      if (invite?.agentName) {
        setAgent((a) => a || invite.agentName || '');
        setHasAgent(true);
      }
      if (given) {
        setEarlier(given);
        if (given.agentLevel !== null) setHasAgent(true);
        if (given.agentName) setAgent((a) => a || given.agentName || '');
        if (changeable(given)) {
          setLevel(given.level as RatingLevel);
          setDims(given.dimensions as Dims);
          setTouched({ efficiency: true, attitude: true, service: true, convenience: true });
          setReasons(given.reasons);
          setComment(given.comment ?? '');
          setAgentLevel(given.agentLevel as RatingLevel | null);
        }
      }
    } catch {
      // Only a convenience: the form works without it.
    } finally {
      setLoading(false);
    }
  }, [valid, targetType, targetId]);

  useEffect(() => {
    void loadEarlier();
  }, [loadEarlier]);

  const clearError = (...keys: string[]) =>
    setErrors((all) => {
      if (!keys.some((k) => k in all)) return all;
      const next = { ...all };
      for (const k of keys) delete next[k];
      return next;
    });

  const chooseLevel = (l: RatingLevel) => {
    setLevel(l);
    // Each dimension follows the overall level until the resident sets it.
    setDims((d) => {
      const next = { ...d };
      for (const k of RATING_DIMENSIONS) if (!touched[k] || next[k] === null) next[k] = l;
      return next;
    });
    clearError('level', ...RATING_DIMENSIONS.map((d) => `dimensions.${d}`));
    if (!isBad(l)) clearError('reasons', 'comment');
  };

  const chooseDim = (d: RatingDimension, l: RatingLevel) => {
    setDims((all) => ({ ...all, [d]: l }));
    setTouched((t) => ({ ...t, [d]: true }));
    clearError(`dimensions.${d}`);
  };

  const toggleReason = (r: BadReason) => {
    setReasons((all) => (all.includes(r) ? all.filter((x) => x !== r) : [...all, r]));
    clearError('reasons');
    if (r === 'other') clearError('comment');
  };

  const bad = level !== null && isBad(level);

  const check = (): Record<string, string> => {
    const e: Record<string, string> = {};
    const text = comment.trim();
    if (level === null) e.level = '请选择总体评价';
    if (bad && reasons.length === 0) e.reasons = '差评请选择原因';
    if (bad && reasons.includes('other') && !text) e.comment = '选择“其他”时请填写具体情况';
    if (text.length > COMMENT_MAX) e.comment = `评价内容不能超过${COMMENT_MAX}字`;
    if (hasAgent && agentLevel === null) e.agentLevel = '请评价代办员';
    return e;
  };

  const submit = async () => {
    if (busy || !valid) return;
    const e = check();
    setErrors(e);
    setConflict(false);
    if (Object.keys(e).length > 0 || level === null) {
      setFailure(null);
      return;
    }
    const text = comment.trim();
    setBusy(true);
    setFailure(null);
    try {
      const rating = await rate({
        targetType,
        targetId,
        idempotencyKey,
        level,
        dimensions: {
          efficiency: dims.efficiency ?? level,
          attitude: dims.attitude ?? level,
          service: dims.service ?? level,
          convenience: dims.convenience ?? level,
        },
        ...(bad ? { reasons: BAD_REASONS.filter((r) => reasons.includes(r)) } : {}),
        ...(text ? { comment: text } : {}),
        ...(hasAgent && agentLevel !== null ? { agentLevel } : {}),
      });
      setSaved(rating);
      Promise.resolve(Taro.pageScrollTo({ scrollTop: 0, duration: 0 })).catch(() => undefined);
    } catch (err) {
      if (isApiError(err) && err.code === 'LOGIN_CANCELLED') {
        setFailure('请先登录再提交评价');
      } else if (isApiError(err) && err.status === 400 && err.fields) {
        const shown: Record<string, string> = {};
        const others: string[] = [];
        for (const [k, v] of Object.entries(err.fields)) {
          if (FIELD_KEYS.has(k)) shown[k] = v;
          else others.push(v);
        }
        setErrors(shown);
        // The case had an agent this page did not know of: ask about them now.
        if (shown.agentLevel && !hasAgent) setHasAgent(true);
        // The server's message repeats its first field's: say it once, next to the field.
        const top = [...(Object.values(shown).includes(err.message) ? [] : [err.message]), ...others];
        setFailure(top.length > 0 ? top.join('；') : '请按提示修改后再提交');
      } else {
        setFailure(errorMessage(err));
        setConflict(isApiError(err) && err.status === 409);
      }
    } finally {
      setBusy(false);
    }
  };

  const goMine = () => void Taro.redirectTo({ url: MINE_URL });

  if (!valid) {
    return (
      <Page className='rating'>
        <ErrorState message='评价对象有误，请从办件或预约详情进入' />
      </Page>
    );
  }
  if (loading) {
    return (
      <Page className='rating'>
        <Loading />
      </Page>
    );
  }

  const head = (
    <View className='card rate-target'>
      <Text className='rate-target__kind badge badge--blue'>{RATING_TARGET_LABELS[targetType]}</Text>
      {title ? <Text className='rate-target__name'>{title}</Text> : null}
      {ref ? (
        <Text className='rate-target__line'>
          {refLabel(targetType)} {ref}
        </Text>
      ) : null}
    </View>
  );

  if (saved) {
    return (
      <Page className='rating'>
        <View className='card rate-done' {...role('status')}>
          <Text className='rate-done__title'>评价已提交</Text>
          <Text className='rate-done__line'>感谢您的评价，我们会持续改进服务。</Text>
          {saved.changeableUntil ? <Text className='rate-done__line'>可在 {formatInstant(saved.changeableUntil)} 前修改</Text> : null}
          {isBad(saved.level) ? <Text className='rate-done__bad'>差评已转交责任单位整改，请留意回访</Text> : null}
        </View>
        {head}
        <SavedRating rating={saved} agent={agent} />
        <Btn className='btn btn--primary btn--block' onClick={goMine}>
          查看我的评价
        </Btn>
      </Page>
    );
  }

  if (earlier && !changeable(earlier)) {
    return (
      <Page className='rating'>
        {head}
        <Text className='notice'>{lockedText(earlier)}</Text>
        <SavedRating rating={earlier} agent={agent} />
        <Btn className='btn btn--primary btn--block' onClick={goMine}>
          查看我的评价
        </Btn>
      </Page>
    );
  }

  return (
    <Page className='rating'>
      {head}
      {earlier ? (
        <Text className='notice'>
          您已评价过，可在 {formatInstant(earlier.changeableUntil ?? '')} 前修改，提交后以新评价为准。
        </Text>
      ) : null}

      <View className='card'>
        <Text className='card__title'>总体评价</Text>
        <LevelChoice name='总体评价' value={level} onChange={chooseLevel} big />
        <FieldError text={errors.level} />
      </View>

      <View className='card'>
        <Text className='card__title'>分项评价</Text>
        <Text className='hint'>已按总体评价预先选好，可逐项调整。</Text>
        {RATING_DIMENSIONS.map((d) => (
          <View key={d} className='rate-dim'>
            <View className='rate-dim__head'>
              <Text className='rate-dim__name'>{RATING_DIMENSION_LABELS[d]}</Text>
              {dims[d] !== null ? <Text className='rate-dim__value'>{levelLabel(dims[d]!)}</Text> : null}
            </View>
            <LevelChoice name={RATING_DIMENSION_LABELS[d]} value={dims[d]} onChange={(l) => chooseDim(d, l)} />
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
              <Chip key={r} on={reasons.includes(r)} onClick={() => toggleReason(r)}>
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
          <LevelChoice name='代办员评价' value={agentLevel} onChange={(l) => { setAgentLevel(l); clearError('agentLevel'); }} />
          <FieldError text={errors.agentLevel} />
        </View>
      ) : null}

      <View className='card'>
        <Text className='card__title'>{bad && reasons.includes('other') ? '具体情况（必填）' : '意见建议（选填）'}</Text>
        <Textarea
          className='rate-comment'
          value={comment}
          maxlength={COMMENT_MAX}
          placeholder='请写下您的意见和建议，300字以内'
          onInput={(e) => {
            setComment(e.detail.value);
            if (e.detail.value.trim()) clearError('comment');
          }}
        />
        <Text className='rate-comment__count'>
          {comment.length}/{COMMENT_MAX}
        </Text>
        <FieldError text={errors.comment} />
      </View>

      {failure ? (
        <View className='alert' {...role('alert')}>
          <Text className='alert__text'>{failure}</Text>
          {conflict ? (
            <Btn className='btn btn--ghost btn--small rate-alert__btn' onClick={goMine}>
              查看我的评价
            </Btn>
          ) : null}
        </View>
      ) : null}

      <Btn className='btn btn--primary btn--block' disabled={busy} onClick={() => void submit()}>
        {busy ? '正在提交…' : '提交评价'}
      </Btn>
    </Page>
  );
}

/** A given rating in full: level, dimensions, reasons, comment, agent, ticket. */
function SavedRating({ rating, agent }: { rating: Rating; agent: string }) {
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
