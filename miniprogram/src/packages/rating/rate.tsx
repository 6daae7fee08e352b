// 评价: rate a concluded case (一事一评) or an attended visit (一次一评).
// The form (./rate-parts) is kept as a draft on the device while the resident
// chooses and types, restored after a reload until it is sent or discarded.
// 提交评价 checks with the server's own rules first, then posts with one
// idempotency key per draft (reused on retry). The resident's earlier rating
// of the same target, while still changeable, is loaded into the form
// (修改评价); once it can no longer change, it is shown.
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { Rating } from '../../../../shared/schemas/ratings';
import { newIdempotencyKey } from '../../utils/idempotency';
import { ApiError, isApiError } from '../../api/errors';
import { rate } from '../../api/ratings';
import { Btn } from '../../components/Btn';
import { DraftNotice } from '../../components/DraftNotice';
import { Page } from '../../components/Page';
import { ErrorState, Loading } from '../../components/States';
import { role } from '../../utils/a11y';
import { formatInstant } from '../../utils/dates';
import { useAction } from '../../utils/useAction';
import { useDraft } from '../../utils/useDraft';
import { answered, changeable, emptyForm, formErrors, lockedText, rateBody, rateReducer, refusal, type FieldErrors, type FormChange, type Target } from './form';
import { isBad, param } from './parts';
import { RateHead, RatingFields, SavedRating } from './rate-parts';
import { useRateTarget } from './target';
import './rating.scss';

const MINE_URL = '/packages/rating/mine';
const goMine = () => void Taro.redirectTo({ url: MINE_URL });

export default function RatePage() {
  const { params } = useRouter();
  const targetType = param(params.targetType) as Target;
  const targetId = param(params.targetId);
  const valid = (targetType === 'application' || targetType === 'appointment') && targetId !== '';

  const draft = useDraft(valid ? `rate:${targetType}:${targetId}` : '', () => emptyForm(newIdempotencyKey()));
  const fillFrom = (earlier: Rating | null) => {
    if (earlier && changeable(earlier)) draft.set((f) => rateReducer(f, { type: 'earlier', rating: earlier }), true);
  };
  // 修改评价 starts from the earlier rating, unless the resident's own draft came back.
  const target = useRateTarget(targetType, targetId, { title: param(params.title), reference: param(params.ref), agent: param(params.agent) }, valid, (earlier) => {
    if (!draft.restored) fillFrom(earlier);
  });
  const form = draft.value;
  const [errors, setErrors] = useState<FieldErrors>({});
  const [conflict, setConflict] = useState(false);
  const [saved, setSaved] = useState<Rating | null>(null);
  // A 409 (no longer changeable, rated elsewhere): the message, and a way to 我的评价.
  const action = useAction(() => setConflict(true));

  const { earlier } = target;
  const change = (c: FormChange) => {
    draft.set((f) => rateReducer(f, c));
    const keys = answered(c);
    setErrors((all) => (keys.some((k) => k in all) ? Object.fromEntries(Object.entries(all).filter(([k]) => !keys.includes(k))) : all));
  };

  const discard = () => {
    draft.discard();
    setErrors({});
    action.clear();
    fillFrom(earlier);
  };

  /** A refusal of the form reads next to its fields; a cancelled login asks to sign in. */
  const explain = (err: unknown): unknown => {
    const r = refusal(err);
    if (r) {
      setErrors(r.fields);
      // The case had an agent this page did not know of: ask about them now.
      if (r.fields.agentLevel) target.askAboutAgent();
      return new ApiError(400, 'VALIDATION', r.message);
    }
    return isApiError(err) && err.code === 'LOGIN_CANCELLED' ? new ApiError(err.status, err.code, '请先登录再提交评价') : err;
  };

  const submit = async () => {
    const e = formErrors(form, target.hasAgent);
    const body = rateBody(form, targetType, targetId, target.hasAgent);
    setErrors(e);
    setConflict(false);
    if (Object.keys(e).length > 0 || !body) {
      action.clear();
      return;
    }
    const rating = await action.run(() => rate(body).catch((err: unknown) => Promise.reject(explain(err))), { errorTo: 'page' });
    if (!rating) return;
    draft.clear();
    setSaved(rating);
    Promise.resolve(Taro.pageScrollTo({ scrollTop: 0, duration: 0 })).catch(() => undefined);
  };

  if (!valid) {
    return (
      <Page className='rating'>
        <ErrorState message='评价对象有误，请从办件或预约详情进入' />
      </Page>
    );
  }
  if (target.loading) {
    return (
      <Page className='rating'>
        <Loading />
      </Page>
    );
  }

  const head = <RateHead targetType={targetType} title={target.title} reference={target.reference} />;
  const toMine = (
    <Btn className='btn btn--primary btn--block' onClick={goMine}>
      查看我的评价
    </Btn>
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
        <SavedRating rating={saved} agent={target.agent} />
        {toMine}
      </Page>
    );
  }

  if (earlier && !changeable(earlier)) {
    return (
      <Page className='rating'>
        {head}
        <Text className='notice'>{lockedText(earlier)}</Text>
        <SavedRating rating={earlier} agent={target.agent} />
        {toMine}
      </Page>
    );
  }

  const failure = action.msg && !action.msg.ok ? action.msg.text : null;
  return (
    <Page className='rating'>
      {head}
      {draft.restored ? <DraftNotice onDiscard={discard} /> : null}
      {earlier ? <Text className='notice'>您已评价过，可在 {formatInstant(earlier.changeableUntil ?? '')} 前修改，提交后以新评价为准。</Text> : null}
      <RatingFields form={form} errors={errors} agent={target.agent} hasAgent={target.hasAgent} change={change} />
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
      <Btn className='btn btn--primary btn--block' disabled={action.busy} onClick={() => void submit()}>
        {action.busy ? '正在提交…' : '提交评价'}
      </Btn>
    </Page>
  );
}
