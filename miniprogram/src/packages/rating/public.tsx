// 满意度公示 (public, no sign-in): the county's satisfaction this year (满意率,
// 好评率, the number of ratings; default ratings counted apart), each
// department's rates with its warnings (约谈, 不得评优提拔, 倒数前三), and
// recent bad reviews with how they were rectified. No reviewer is ever named
// (the API carries no identities, and no comments).
import { Text, View } from '@tarojs/components';
import { FLAG_LABELS, RATING_LEVEL_LABELS, RATING_LEVELS, type Satisfaction } from '../../../../shared/schemas/ratings';
import { publicSatisfaction } from '../../api/ratings';
import { Page } from '../../components/Page';
import { Empty, ErrorState, Loading } from '../../components/States';
import { useLoad } from '../../utils/useLoad';
import { monthLabel } from '../../utils/tickets';
import { LevelBadge, percent, reasonsText, Row, TicketBadge } from './parts';
import './rating.scss';

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <View className='stat' aria-label={`${label} ${value}`}>
      <Text className='stat__value'>{value}</Text>
      <Text className='stat__label'>{label}</Text>
    </View>
  );
}

function LevelCounts({ s }: { s: Satisfaction }) {
  return (
    <View className='level-counts'>
      {RATING_LEVELS.map((l) => (
        <Text key={l} className='level-counts__item'>
          {RATING_LEVEL_LABELS[l]} {s.levels[l - 1] ?? 0}
        </Text>
      ))}
    </View>
  );
}

export default function PublicSatisfaction() {
  const { data, error, reload } = useLoad(publicSatisfaction, []);

  if (error || !data) {
    return <Page className='rating'>{error ? <ErrorState message={error} onRetry={reload} /> : <Loading />}</Page>;
  }

  const { county } = data;
  return (
    <Page className='rating'>
      <View className='card county'>
        <Text className='county__title'>{data.year}年 全县政务服务满意度</Text>
        <View className='county__stats'>
          <Stat label='满意率' value={percent(county.satisfactionRate)} />
          <Stat label='好评率' value={percent(county.goodRate)} />
          <Stat label='评价数' value={`${county.total}条`} />
        </View>
        {county.total > 0 ? <LevelCounts s={county} /> : null}
        <Text className='hint county__defaults'>另有默认评价{county.defaults}条（逾期未评价，默认“基本满意”），单独统计，不计入满意率</Text>
      </View>
      <Text className='hint rating__note'>满意率为“基本满意”及以上评价的占比，好评率为“满意”及以上的占比。评价人信息一律不公开。</Text>

      <Text className='section-title'>各部门满意度</Text>
      {data.departments.length === 0 ? (
        <Empty text='暂无评价' />
      ) : (
        data.departments.map((d) => (
          <View key={d.id} className={d.flags.length > 0 ? 'card dept dept--flagged' : 'card dept'} aria-label={d.name}>
            <Text className='dept__name'>{d.name}</Text>
            {d.flags.length > 0 ? (
              <View className='dept__flags'>
                {d.flags.map((f) => (
                  <Text key={f} className='badge badge--red'>
                    {FLAG_LABELS[f]}
                  </Text>
                ))}
              </View>
            ) : null}
            <Row k='满意率'>
              <Text className='dept__rate'>{percent(d.year.satisfactionRate)}</Text>
            </Row>
            <Row k='好评率'>
              <Text>{percent(d.year.goodRate)}</Text>
            </Row>
            <Row k='评价数'>
              <Text>
                {d.year.total}条{d.year.defaults > 0 ? `（另有默认评价${d.year.defaults}条）` : ''}
              </Text>
            </Row>
          </View>
        ))
      )}

      <Text className='section-title'>近期差评及整改</Text>
      {data.recentBadReviews.length === 0 ? (
        <Empty text='近期没有差评' />
      ) : (
        data.recentBadReviews.map((b, i) => (
          <View key={`${b.month}-${i}`} className='card bad-review'>
            <View className='bad-review__head'>
              {/* The month only, and the item only where it cannot point at one household (the server decides). */}
              <Text className='bad-review__date'>{monthLabel(b.month)}</Text>
              <LevelBadge level={b.level} />
            </View>
            {b.serviceName ? <Text className='bad-review__name'>{b.serviceName}</Text> : null}
            <Text className='rating__line'>{b.departmentName}</Text>
            {b.reasons.length > 0 ? <Text className='rating__line'>差评原因：{reasonsText(b.reasons)}</Text> : null}
            <View className='bad-review__status'>
              <Text className='rating__line'>整改进度</Text>
              <TicketBadge status={b.status} />
            </View>
            {b.outcome ? (
              <View className='outcome'>
                <Text className='outcome__text'>整改结果：{b.outcome}</Text>
              </View>
            ) : null}
          </View>
        ))
      )}
    </Page>
  );
}
