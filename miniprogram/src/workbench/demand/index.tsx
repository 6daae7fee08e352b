// 诉求办理 (staff): the demand (type, grade, state, channel, the reporter only
// where this staff member may see them, the department and first handler),
// the clock with its light, the text and photos, the reply, the timeline,
// and the steps the server's `allowedActions` offers this person (plus
// publishing the reply to the knowledge base, for the roles the route
// allows). Each step posts with the demand's version; a 409 shows why and reloads.
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { DEMAND_CHANNEL_LABELS, DEMAND_DOMAIN_LABELS, DEMAND_TYPE_LABELS, STAFF_DEMAND_ACTIONS, type StaffDemandAction, type StaffDemandDetail } from '../../../../shared/schemas/demands';
import { getStaffMe } from '../../api/staff';
import { demandAction, getStaffDemand, publishKnowledge } from '../../api/staff-demands';
import { Btn } from '../../components/Btn';
import { KV, Phone } from '../../components/CaseParts';
import { DemandClockCard, DemandStateBadge, DemandTimeline, PhotoRow, ReplyCard } from '../../components/DemandParts';
import { Page } from '../../components/Page';
import { ErrorState, Loading } from '../../components/States';
import { formatInstant } from '../../utils/dates';
import { signDueText } from '../../utils/demands';
import { useAction } from '../../utils/useAction';
import { useLoad } from '../../utils/useLoad';
import { mayUse } from '../access';
import { ActionResult } from '../cases';
import { GradeBadge, reporterText } from '../demands/parts';
import { initialFields, StepForm, stepBody, STEP_LABELS, type DemandStep, type Fields } from './forms';
import '../demands.scss';

function Head({ d }: { d: StaffDemandDetail }) {
  const sign = signDueText(d);
  return (
    <View className='card case-head'>
      <Text className='case-head__name'>
        {DEMAND_TYPE_LABELS[d.type]} · {DEMAND_DOMAIN_LABELS[d.domain]}
      </Text>
      <View className='case-head__tags'>
        <DemandStateBadge state={d.state} />
        <GradeBadge grade={d.grade} />
        {d.anonymous ? <Text className='badge badge--outline'>对部门匿名</Text> : null}
      </View>
      <KV k='诉求编号'>
        <Text>{d.number}</Text>
      </KV>
      <KV k='来源'>
        <Text>
          {DEMAND_CHANNEL_LABELS[d.channel]} · {formatInstant(d.filedAt)}
        </Text>
      </KV>
      <KV k='反映人'>
        <Text>{reporterText(d)}</Text>
        {d.reporter?.phone ? <Phone phone={d.reporter.phone} who='反映人' /> : null}
      </KV>
      <KV k='地点'>
        <Text>{d.place.regionName ?? d.place.regionCode}</Text>
      </KV>
      <KV k='承办部门'>
        <Text>{d.department?.name ?? '待派单'}</Text>
      </KV>
      <KV k='首办责任人'>
        <Text>{d.handler?.name ?? '签收时指定'}</Text>
        {d.handler?.phone ? <Phone phone={d.handler.phone} who='首办责任人' /> : null}
      </KV>
      {sign ? <Text className='case-late'>{sign}</Text> : null}
      {d.suggestedDepartment && d.state === 'received' ? <Text className='hint'>建议派往：{d.suggestedDepartment.name}</Text> : null}
    </View>
  );
}

export default function DemandPage() {
  const { params } = useRouter();
  const id = decodeURIComponent(params.id ?? '');
  const { data, error, reload, setData } = useLoad(
    async () => {
      const [demand, me] = await Promise.all([getStaffDemand(id), getStaffMe()]);
      return { demand, me };
    },
    [id],
    { staff: true, invalid: !id && '缺少诉求编号' },
  );
  const [form, setForm] = useState<DemandStep | null>(null);
  const [fields, setFields] = useState<Fields | null>(null);
  // Someone acted first, or the step is no longer allowed: close the form and show the demand as it is now.
  const action = useAction(() => {
    setForm(null);
    reload();
  });

  if (error || !data) {
    return <Page className='cases demands'>{error ? <ErrorState message={error} onRetry={reload} /> : <Loading />}</Page>;
  }
  const { demand: d, me } = data;
  const steps: DemandStep[] = d.allowedActions.filter((a): a is StaffDemandAction => (STAFF_DEMAND_ACTIONS as readonly string[]).includes(a));
  if (d.reply && mayUse(me.role, 'POST /admin/demands/{id}/knowledge')) steps.push('publish');

  const open = (step: DemandStep) => {
    const f = initialFields(d, me.username);
    // Publishing starts from the demand and its reply, for the editor to tidy.
    if (step === 'publish') Object.assign(f, { text: d.text.slice(0, 300), result: d.reply?.text.slice(0, 2000) ?? '' });
    setFields(f);
    setForm(step);
    action.clear();
  };

  const submit = async () => {
    if (!form || !fields) return;
    const step = form;
    const done = await action.run(
      async () => {
        if (step === 'publish') await publishKnowledge(d.id, { question: fields.text.trim(), answer: fields.result.trim() });
        else setData({ demand: await demandAction(d.id, stepBody(step, d.version, fields)), me });
        return true;
      },
      { done: step === 'publish' ? '已发布到知识库' : `已${STEP_LABELS[step]}` },
    );
    if (done) setForm(null);
  };

  return (
    <Page className='cases demands'>
      <Head d={d} />
      <ActionResult msg={action.msg} />
      {steps.length > 0 ? (
        <View className='card'>
          {form && fields ? (
            <StepForm
              step={form}
              demand={d}
              fields={fields}
              set={(patch) => setFields((f) => (f ? { ...f, ...patch } : f))}
              error={action.formError}
              busy={action.busy}
              onCancel={() => setForm(null)}
              onConfirm={() => void submit()}
            />
          ) : (
            <>
              <Text className='card__title'>办理</Text>
              <View className='case-actions'>
                {steps.map((s, i) => (
                  <Btn key={s} className={i === 0 ? 'btn btn--primary' : 'btn btn--ghost'} disabled={action.busy} onClick={() => open(s)}>
                    {STEP_LABELS[s]}
                  </Btn>
                ))}
              </View>
            </>
          )}
        </View>
      ) : null}
      <DemandClockCard demand={d} />
      <View className='card'>
        <Text className='card__title'>反映内容</Text>
        <Text className='demand-text'>{d.text}</Text>
        <PhotoRow photos={d.photos} label='反映照片' />
      </View>
      {d.parent ? <Text className='hint'>已并入诉求 {d.parent.number}，随主件办理。</Text> : null}
      {d.reply ? <ReplyCard reply={d.reply} /> : null}
      {d.mergeCandidates.length > 0 ? <Text className='hint'>有{d.mergeCandidates.length}件相似诉求可并案（同领域、同村或500米内、近12周）。</Text> : null}
      <DemandTimeline events={d.events} />
    </Page>
  );
}
