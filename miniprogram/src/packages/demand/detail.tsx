// 诉求详情: the state, the department and the person responsible (name, office
// phone), the deadline with its light (待定 when the calendar is unpublished),
// what was reported, the reply with photos, the evaluations and the whole
// timeline. A merged demand shows the parent's progress and reply. The steps
// offered are the server's `allowedActions`, never a rule restated here.
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { DEMAND_CHANNEL_LABELS, DEMAND_DOMAIN_LABELS, DEMAND_SATISFACTION_LABELS, DEMAND_TYPE_LABELS, type DemandDetail } from '../../../../shared/schemas/demands';
import { getDemand } from '../../api/demands';
import { KV, Phone } from '../../components/CaseParts';
import { DemandClockCard, DemandStateBadge, DemandTimeline, PhotoRow, ReplyCard } from '../../components/DemandParts';
import { Page } from '../../components/Page';
import { ErrorState, Loading } from '../../components/States';
import { role } from '../../utils/a11y';
import { formatInstant } from '../../utils/dates';
import { infoQuestion } from '../../utils/demands';
import { useLoad } from '../../utils/useLoad';
import { EvaluationForm, InfoForm, ReopenForm, type StepProps } from './forms';
import './demand.scss';

function Head({ d }: { d: DemandDetail }) {
  return (
    <View className='card case-head'>
      <Text className='case-head__name'>
        {DEMAND_TYPE_LABELS[d.type]} · {DEMAND_DOMAIN_LABELS[d.domain]}
      </Text>
      <View className='case-head__tags'>
        <DemandStateBadge state={d.state} />
        {d.anonymous ? <Text className='badge badge--outline'>对部门匿名</Text> : null}
      </View>
      <KV k='诉求编号'>
        <Text>{d.number}</Text>
      </KV>
      <KV k='反映时间'>
        <Text>
          {formatInstant(d.filedAt)} · {DEMAND_CHANNEL_LABELS[d.channel]}
        </Text>
      </KV>
      <KV k='承办部门'>
        <Text>{d.department?.name ?? '待派单'}</Text>
        {d.department?.phone ? <Phone phone={d.department.phone} who='承办部门' /> : null}
      </KV>
      <KV k='首办责任人'>
        <Text>{d.handler?.name ?? (d.department ? '待部门签收后确定' : '派单后确定')}</Text>
        {d.handler?.phone ? <Phone phone={d.handler.phone} who='首办责任人' /> : null}
      </KV>
      {d.place.regionName ? (
        <KV k='地点'>
          <Text>
            {d.place.regionName}
            {d.place.point?.address ? ` · ${d.place.point.address}` : ''}
          </Text>
        </KV>
      ) : null}
    </View>
  );
}

function Evaluations({ d }: { d: DemandDetail }) {
  if (d.evaluations.length === 0) return null;
  return (
    <View className='card'>
      <Text className='card__title'>我的评价</Text>
      {d.evaluations.map((e, i) => (
        <View key={e.at} className='demand-field' data-evaluation={i + 1}>
          <Text>
            {i === 0 ? '第一次评价' : '第二次评价'}：{e.solved ? '已解决' : '未解决'} · {DEMAND_SATISFACTION_LABELS[e.satisfaction]}
            {e.isDefault ? '（逾期未评价，默认）' : ''}
          </Text>
          {e.comment ? <Text className='hint'>{e.comment}</Text> : null}
        </View>
      ))}
    </View>
  );
}

export default function DemandDetailPage() {
  const { params } = useRouter();
  const id = decodeURIComponent(params.id ?? '');
  const { data: d, error, reload, setData } = useLoad(() => getDemand(id), [id], { invalid: !id && '缺少诉求编号', keep: `demand:${id}`, personal: true });
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);

  if (error || !d) {
    return <Page className='demand'>{error ? <ErrorState message={error} onRetry={reload} /> : <Loading />}</Page>;
  }

  const step: StepProps = {
    demand: d,
    onDone: (next, text) => {
      setData(next);
      setMsg({ ok: true, text });
    },
    onConflict: (text) => {
      setMsg({ ok: false, text });
      reload();
    },
  };
  const can = (a: DemandDetail['allowedActions'][number]) => d.allowedActions.includes(a);
  const parent = d.parent;

  return (
    <Page className='demand'>
      <Head d={d} />
      {msg ? (
        <Text className={msg.ok ? 'case-ok-msg' : 'case-error'} {...role(msg.ok ? 'status' : 'alert')}>
          {msg.text}
        </Text>
      ) : null}

      {can('provide_info') ? <InfoForm {...step} question={infoQuestion(d.events)} /> : null}
      {can('evaluate') ? <EvaluationForm key={d.version} {...step} /> : null}

      {parent ? (
        <View className='card demand-parent' {...role('note')}>
          <Text className='card__title'>已并案办理</Text>
          <Text className='hint'>
            您的诉求已与同类诉求（编号 {parent.number}）合并办理，以下是合并后的办理进度和答复。
          </Text>
          <KV k='办理状态'>
            <DemandStateBadge state={parent.state} />
          </KV>
        </View>
      ) : null}
      <DemandClockCard demand={parent ? { ...d, clock: parent.clock, state: parent.state, extension: null } : d} />
      {parent?.reply ? <ReplyCard reply={parent.reply} /> : d.reply ? <ReplyCard reply={d.reply} /> : null}
      <Evaluations d={d} />
      {can('reopen') ? <ReopenForm {...step} /> : null}

      <View className='card'>
        <Text className='card__title'>反映内容</Text>
        <Text className='demand-text'>{d.text}</Text>
        <PhotoRow photos={d.photos} label='反映照片' />
      </View>
      {parent ? <DemandTimeline events={parent.events} title='并案后的办理进度' /> : null}
      <DemandTimeline events={d.events} />
    </Page>
  );
}
