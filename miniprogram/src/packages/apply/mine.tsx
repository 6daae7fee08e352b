// 我的办件: the resident's applications, newest first: case number, item,
// state, the deadline light and the promised date; a tap opens the case.
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { Application } from '../../../../shared/schemas/applications';
import { listApplications } from '../../api/applications';
import { Btn } from '../../components/Btn';
import { dueLine, LightBadge, StateBadge } from '../../components/CaseParts';
import { Page } from '../../components/Page';
import { Empty, ErrorState, Loading } from '../../components/States';
import { role } from '../../utils/a11y';
import { remainingText } from '../../utils/applications';
import { LoadMore } from '../../components/LoadMore';
import { usePaged } from '../../utils/usePaged';
import './apply.scss';

function newestFirst(list: Application[]): Application[] {
  return list.slice().sort((a, b) => Date.parse(b.submittedAt) - Date.parse(a.submittedAt));
}

export default function MyApplications() {
  // Again on coming back from a case that moved on.
  const { items, error, reload, more } = usePaged((cursor) => listApplications(cursor).then((r) => ({ items: r.applications, nextCursor: r.nextCursor })), [], { onShow: true, keep: 'applications', personal: true });

  if (error || !items) {
    return <Page className='apply'>{error ? <ErrorState message={error} onRetry={reload} /> : <Loading />}</Page>;
  }
  if (items.length === 0) {
    return (
      <Page className='apply'>
        <Empty text='您还没有办件' />
        <Btn className='btn btn--primary btn--block' onClick={() => void Taro.switchTab({ url: '/pages/services/index' })}>
          去办事
        </Btn>
      </Page>
    );
  }
  return (
    <Page className='apply'>
      {newestFirst(items).map((a) => {
        const left = remainingText(a.clock);
        return (
          <View
            key={a.id}
            className={`card case-card case-card--${a.clock.light}`}
            onClick={() => void Taro.navigateTo({ url: `/packages/apply/detail?id=${encodeURIComponent(a.id)}` })}
            {...role('link')}
          >
            <View className='case-card__head'>
              <Text className='case-card__name'>{a.serviceName}</Text>
              <StateBadge state={a.state} />
            </View>
            <Text className='case-card__no'>办件编号 {a.caseNumber}</Text>
            <View className='case-card__tags'>
              <LightBadge light={a.clock.light} />
              {left ? <Text className='case-card__line'>{left}</Text> : null}
            </View>
            <Text className='case-card__due'>{dueLine(a)}</Text>
            {a.state === 'awaiting_materials' ? <Text className='case-late'>请补齐材料</Text> : null}
          </View>
        );
      })}
      <LoadMore more={more} />
    </Page>
  );
}
