// 办件详情: the state, the legal clock (受理日, 承诺办结日, 法定时限, days left or
// overdue, the deemed-acceptance flag), the one-time notice of everything
// missing with 补齐材料, the proxy steps with the agent to call, the handler,
// the materials and the timeline (newest last, Asia/Shanghai time).
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import type { ApplicationDetail } from '../../../../shared/schemas/applications';
import { getApplication, withdrawApplication } from '../../api/applications';
import { errorMessage } from '../../api/errors';
import { Btn } from '../../components/Btn';
import { useConfirm } from '../../components/ConfirmDialog';
import { ClockCard, KV, MaterialsCard, Phone, ProxyCard, StateBadge, Timeline } from '../../components/CaseParts';
import { Page } from '../../components/Page';
import { ErrorState, Loading } from '../../components/States';
import { role } from '../../utils/a11y';
import { rateUrl } from '../../utils/ratings';
import { useLoad } from '../../utils/useLoad';
import { useState } from 'react';
import './apply.scss';

const NOTICE_TITLE = '一次性告知：请补齐以下材料';
/** Concluded cases the resident may rate (一事一评). */
const RATEABLE = new Set<ApplicationDetail['state']>(['approved', 'denied', 'rejected', 'delivered']);

export default function ApplicationDetailPage() {
  const { params } = useRouter();
  const id = decodeURIComponent(params.id ?? '');
  // Again on coming back from the supplement page.
  const { data: app, error, reload } = useLoad(() => getApplication(id), [id], { onShow: true, invalid: !id && '缺少办件编号', keep: `application:${id}`, personal: true });
  const [withdrawing, setWithdrawing] = useState(false);
  const { confirm, dialog } = useConfirm();

  if (error || !app) {
    return <Page className='apply'>{error ? <ErrorState message={error} onRetry={reload} /> : <Loading />}</Page>;
  }

  const awaiting = app.state === 'awaiting_materials';

  const withdraw = async (version: number) => {
    if (!(await confirm({ title: '撤回申请', content: '确定撤回这件申请吗？撤回后部门不再办理。', confirmText: '撤回', cancelText: '不撤回', danger: true }))) return;
    setWithdrawing(true);
    try {
      await withdrawApplication(app.id, { version });
      void Taro.showToast({ title: '已撤回', icon: 'success' });
    } catch (e) {
      void Taro.showToast({ title: errorMessage(e), icon: 'none' });
    } finally {
      setWithdrawing(false);
      reload(); // the new state, or what changed under us (a 409)
    }
  };

  return (
    <Page className='apply'>
      <View className='card case-head'>
        <Text className='case-head__name'>{app.serviceName}</Text>
        <View className='case-head__tags'>
          <StateBadge state={app.state} />
          {app.proxy ? <Text className='badge badge--orange'>全程代办</Text> : null}
        </View>
        <KV k='办件编号'>
          <Text>{app.caseNumber}</Text>
        </KV>
        <KV k='办理部门'>
          <Text>{app.departmentName}</Text>
        </KV>
        {app.handler ? (
          <KV k='经办人'>
            <Text>{app.handler.name}</Text>
            {app.handler.phone ? <Phone phone={app.handler.phone} who='经办人' /> : null}
          </KV>
        ) : null}
      </View>

      {awaiting ? (
        <View className='case-alert' {...role('alert')}>
          <Text className='case-alert__title'>{NOTICE_TITLE}</Text>
          <Text className='hint'>以下是需要补齐的全部材料，补齐后重新计算受理期限。</Text>
          {app.missing.map((m, i) => (
            <View key={`${i}-${m.name}`} className='case-alert__item'>
              <Text className='case-alert__name'>
                {i + 1}. {m.name}
              </Text>
              {m.note ? <Text className='case-alert__note'>{m.note}</Text> : null}
            </View>
          ))}
          <Btn
            className='btn btn--primary btn--block'
            onClick={() => void Taro.navigateTo({ url: `/packages/apply/supplement?id=${encodeURIComponent(app.id)}` })}
          >
            补齐材料
          </Btn>
        </View>
      ) : null}

      {RATEABLE.has(app.state) ? (
        <View className='card'>
          <Text className='card__title'>您的评价帮助我们改进服务（一事一评）</Text>
          <Btn
            className='btn btn--primary btn--block'
            onClick={() =>
              void Taro.navigateTo({
                url: rateUrl({
                  targetType: 'application',
                  targetId: app.id,
                  title: app.serviceName,
                  ref: app.caseNumber,
                  agent: app.proxy?.agent?.name,
                }),
              })
            }
          >
            评价本次办件
          </Btn>
        </View>
      ) : null}

      {app.withdrawable ? (
        <View className='card'>
          <Text className='hint'>受理前可以撤回申请；撤回后如需办理，请重新申请。</Text>
          <Btn className='btn btn--ghost btn--block' disabled={withdrawing} onClick={() => void withdraw(app.version)}>
            {withdrawing ? '正在撤回…' : '撤回申请'}
          </Btn>
        </View>
      ) : null}

      <ClockCard app={app} />
      {app.proxy ? <ProxyCard proxy={app.proxy} /> : null}
      <MaterialsCard materials={app.materials} />
      <Timeline events={app.events} />
      {dialog}
    </Page>
  );
}
