// 我的包联户 (the cadre, in the field): each household with its light (本月已联系 /
// 待联系 / 逾期), tags (五必访 first), the last contact; overdue first. Contacts
// recorded without signal wait here and are sent when the signal returns.
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { ContactLight, HouseholdSummary } from '../../../../shared/schemas/households';
import { listHouseholds } from '../../api/households';
import { Btn } from '../../components/Btn';
import { Chip } from '../../components/Chip';
import { Page } from '../../components/Page';
import { Empty, ErrorState, Loading } from '../../components/States';
import { role } from '../../utils/a11y';
import { useLoad } from '../../utils/useLoad';
import { Outbox } from './outbox';
import { ContactLightBadge, lastContactText, TagBadges } from './parts';
import './households.scss';

type Filter = 'all' | ContactLight | 'must';
const FILTERS: Record<Filter, string> = { all: '全部', overdue: '逾期', due: '待联系', done: '已联系', must: '五必访' };
const ORDER: ContactLight[] = ['overdue', 'due', 'done'];

export default function Households() {
  const [filter, setFilter] = useState<Filter>('all');
  const { data, error, reload } = useLoad(() => listHouseholds({ limit: '100' }), [], { staff: true, onShow: true });

  if (error || !data) {
    return <Page className='cases households'>{error ? <ErrorState message={error} onRetry={reload} /> : <Loading />}</Page>;
  }
  const shown = data.households
    .filter((h) => filter === 'all' || (filter === 'must' ? h.mustVisit : h.light === filter))
    .sort((a, b) => ORDER.indexOf(a.light) - ORDER.indexOf(b.light));

  return (
    <Page className='cases households'>
      <View className='card household__counts'>
        {ORDER.map((l) => (
          <View key={l} className='household__count'>
            <Text className='household__number'>{data.counts[l]}</Text>
            <ContactLightBadge light={l} />
          </View>
        ))}
      </View>
      <Outbox onSent={reload} />
      <Btn className='btn btn--primary btn--block' onClick={() => void Taro.navigateTo({ url: '/workbench/household/edit' })}>
        新增包联户
      </Btn>
      <View className='chips' aria-label='筛选'>
        {(Object.keys(FILTERS) as Filter[]).map((f) => (
          <Chip key={f} on={f === filter} onClick={() => setFilter(f)}>
            {FILTERS[f]}
          </Chip>
        ))}
      </View>
      {shown.length ? shown.map((h) => <HouseholdRow key={h.id} h={h} />) : <Empty text='没有符合条件的农户' />}
    </Page>
  );
}

function HouseholdRow({ h }: { h: HouseholdSummary }) {
  const open = () => void Taro.navigateTo({ url: `/workbench/household/index?id=${encodeURIComponent(h.id)}` });
  return (
    <View className='card household' data-household={h.id}>
      <View onClick={open} {...role('link')}>
      <View className='household__head'>
        <Text className='household__name'>{h.headName}户</Text>
        <ContactLightBadge light={h.light} />
      </View>
      <Text className='household__meta'>
        {h.regionName} · {h.members.length}人
      </Text>
      <Text className='household__meta'>最近联系：{lastContactText(h.lastContact)}</Text>
      <TagBadges tags={h.tags} />
      </View>
    </View>
  );
}
