// 我的诉求: the resident's demands, newest first: type and domain, number,
// state, the department, the deadline light; a tap opens the demand.
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { DEMAND_DOMAIN_LABELS, DEMAND_TYPE_LABELS } from '../../../../shared/schemas/demands';
import { listDemands } from '../../api/demands';
import { Btn } from '../../components/Btn';
import { LightBadge } from '../../components/CaseParts';
import { DemandStateBadge } from '../../components/DemandParts';
import { LoadMore } from '../../components/LoadMore';
import { Page } from '../../components/Page';
import { Empty, ErrorState, Loading } from '../../components/States';
import { role } from '../../utils/a11y';
import { demandDueText, demandLeftText } from '../../utils/demands';
import { usePaged } from '../../utils/usePaged';
import './demand.scss';

const fileNew = () => void Taro.navigateTo({ url: '/packages/demand/new' });

export default function MyDemands() {
  // Again on coming back from a demand that moved on.
  const { items, error, reload, more } = usePaged((cursor) => listDemands(cursor).then((r) => ({ items: r.demands, nextCursor: r.nextCursor })), [], { onShow: true, keep: 'demands', personal: true });

  if (error || !items) {
    return <Page className='demand'>{error ? <ErrorState message={error} onRetry={reload} /> : <Loading />}</Page>;
  }
  return (
    <Page className='demand'>
      <Btn className='btn btn--primary btn--block' onClick={fileNew}>
        我要反映
      </Btn>
      {items.length === 0 ? <Empty text='您还没有反映过诉求' /> : null}
      {items.map((d) => {
        const left = demandLeftText(d);
        return (
          <View
            key={d.id}
            className={`card case-card case-card--${d.clock.light}`}
            data-demand={d.number}
            onClick={() => void Taro.navigateTo({ url: `/packages/demand/detail?id=${encodeURIComponent(d.id)}` })}
            {...role('link')}
          >
            <View className='case-card__head'>
              <Text className='case-card__name'>
                {DEMAND_TYPE_LABELS[d.type]} · {DEMAND_DOMAIN_LABELS[d.domain]}
              </Text>
              <DemandStateBadge state={d.state} />
            </View>
            <Text className='case-card__no'>诉求编号 {d.number}</Text>
            <Text className='case-card__line'>承办部门：{d.department?.name ?? '待派单'}</Text>
            <View className='case-card__tags'>
              <LightBadge light={d.clock.light} />
              {left ? <Text className={d.clock.light === 'red' ? 'case-late' : 'case-card__line'}>{left}</Text> : null}
            </View>
            <Text className='case-card__due'>答复期限 {demandDueText(d)}</Text>
            {d.allowedActions.includes('provide_info') ? <Text className='case-late'>请补充情况</Text> : null}
            {d.allowedActions.includes('evaluate') ? <Text className='case-late'>请评价答复</Text> : null}
          </View>
        );
      })}
      <LoadMore more={more} />
    </Page>
  );
}
