// Pieces of the workbench demand pages (诉求, 诉求办理, 代群众登记).
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { DEMAND_CHANNEL_LABELS, DEMAND_DOMAIN_LABELS, DEMAND_TYPE_LABELS, type Demand } from '../../../../shared/schemas/demands';
import { LightBadge } from '../../components/CaseParts';
import { DemandStateBadge } from '../../components/DemandParts';
import { role } from '../../utils/a11y';
import { demandDueText, demandLeftText, signDueText } from '../../utils/demands';

export function openDemand(id: string): void {
  void Taro.navigateTo({ url: `/workbench/demand/index?id=${encodeURIComponent(id)}` });
}

export function GradeBadge({ grade }: { grade: Demand['grade'] }) {
  return grade === 'A' ? (
    <Text className='badge badge--red' data-grade='A' aria-label='A级：紧急或涉及多人'>
      A级
    </Text>
  ) : (
    <Text className='badge badge--gray' data-grade='B'>
      B级
    </Text>
  );
}

/** Who reported it, as this staff member may see it (an anonymous demand hides them from the department). */
export const reporterText = (d: Demand) => (d.reporter ? d.reporter.name : '匿名（对部门保密）');

/** One demand in a staff list: type, grade, state, number, department, reporter, light, deadline. */
export function DemandRow({ d }: { d: Demand }) {
  const left = demandLeftText(d);
  const sign = signDueText(d);
  return (
    <View className={`card case-card case-card--${d.clock.light}`} data-demand={d.number} data-grade={d.grade}>
      <View className='case-card__link' onClick={() => openDemand(d.id)} {...role('link')}>
        <View className='case-card__head'>
          <Text className='case-card__name'>
            {DEMAND_TYPE_LABELS[d.type]} · {DEMAND_DOMAIN_LABELS[d.domain]}
          </Text>
          <DemandStateBadge state={d.state} />
        </View>
        <Text className='case-card__no'>
          诉求编号 {d.number} · {DEMAND_CHANNEL_LABELS[d.channel]}
        </Text>
        <Text className='case-card__line'>{d.text.length > 40 ? `${d.text.slice(0, 40)}…` : d.text}</Text>
        <Text className='case-card__line'>
          反映人：{reporterText(d)} · 承办：{d.department?.name ?? '待派单'}
        </Text>
        <View className='case-card__tags'>
          <GradeBadge grade={d.grade} />
          <LightBadge light={d.clock.light} />
          {left ? <Text className={d.clock.light === 'red' ? 'case-late' : 'case-card__line'}>{left}</Text> : null}
        </View>
        {sign ? <Text className='case-late'>{sign}</Text> : null}
        <Text className='case-card__due'>答复期限 {demandDueText(d)}</Text>
      </View>
    </View>
  );
}
