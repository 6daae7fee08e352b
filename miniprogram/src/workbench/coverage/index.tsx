// 包联覆盖 (the supervisor's dashboard; a town's desk sees its town): per month,
// for the county, each town, village and cadre, households contacted, overdue,
// 五必访 visited, 三必到 attended, demands raised in visits and resolved; the
// rows under coverage flagged first; residents' 未联系 reports.
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { CoverageLevel, CoverageRow, NoContactReport } from '../../../../shared/schemas/households';
import { getCoverage } from '../../api/households';
import { Chip } from '../../components/Chip';
import { Page } from '../../components/Page';
import { Empty, ErrorState, Loading } from '../../components/States';
import { heading } from '../../utils/a11y';
import { formatRate, shanghaiDate } from '../../utils/format';
import { useLoad } from '../../utils/useLoad';
import '../households/households.scss';

const LEVEL_LABELS: Record<CoverageLevel, string> = { county: '全县', town: '乡镇', village: '村', cadre: '包联干部' };

export default function Coverage() {
  const [level, setLevel] = useState<CoverageLevel>('cadre');
  const { data, error, reload } = useLoad(() => getCoverage(), [], { staff: true, onShow: true });

  if (error || !data) {
    return <Page className='cases households'>{error ? <ErrorState message={error} onRetry={reload} /> : <Loading />}</Page>;
  }
  const levels = (Object.keys(LEVEL_LABELS) as CoverageLevel[]).filter((l) => data.rows.some((r) => r.level === l));
  const rows = data.rows.filter((r) => r.level === level);
  const flagged = data.rows.filter((r) => r.level === 'cadre' && r.flags.length).length;
  return (
    <Page className='cases households'>
      <View className='card'>
        <Text className='section-title' {...heading(2)}>
          {data.month} 包联覆盖{data.monthEnded ? '（已结束）' : '（本月进行中）'}
        </Text>
        <Text className='household__meta'>每户每月至少联系一次；红框为未达标：有逾期未联系户、月底未全覆盖或群众反映未联系。</Text>
        {flagged ? <Text className='case-late'>{flagged}名包联干部未达标</Text> : null}
      </View>
      <NoContactReports reports={data.noContactReports} />
      <View className='chips' aria-label='层级'>
        {levels.map((l) => (
          <Chip key={l} on={l === level} onClick={() => setLevel(l)}>
            {LEVEL_LABELS[l]}
          </Chip>
        ))}
      </View>
      {rows.length ? rows.map((r) => <Row key={`${r.level}-${r.code}`} r={r} />) : <Empty text='暂无包联数据' />}
    </Page>
  );
}

function Row({ r }: { r: CoverageRow }) {
  return (
    <View className={r.flags.length ? 'card coverage-row--flagged' : 'card'} data-coverage={r.code}>
      <View className='household__head'>
        <Text className='household__name'>{r.name}</Text>
        <Text className={r.flags.length ? 'badge badge--red' : 'badge badge--green'}>{r.rate === null ? '—' : formatRate(r.rate)}</Text>
      </View>
      <Text className='household__meta'>
        已联系 {r.contacted}/{r.households} 户 · 逾期 {r.overdue} 户
      </Text>
      <Text className='household__meta'>
        五必访 {r.mustVisitVisited}/{r.mustVisitHouseholds} 户 · 三必到 {r.eventsAttended} 次
      </Text>
      <Text className='household__meta'>
        走访收集诉求 {r.demandsRaised} 件 · 已办结 {r.demandsResolved} 件
      </Text>
      {r.flags.length ? <Text className='case-late'>{r.flags.join('；')}</Text> : null}
    </View>
  );
}

function NoContactReports({ reports }: { reports: NoContactReport[] }) {
  if (!reports.length) return null;
  return (
    <View className='card coverage-row--flagged'>
      <Text className='section-title' {...heading(2)}>
        群众反映未联系（{reports.length}）
      </Text>
      {reports.map((r) => (
        <Text key={`${r.householdId}-${r.at}`} className='household__meta'>
          {shanghaiDate(r.at)} {r.residentName ?? r.headName}（{r.regionName}）反映包联干部{r.cadreName}未联系；
          系统最近联系记录：{r.lastContactAt ? shanghaiDate(r.lastContactAt) : '无'}
        </Text>
      ))}
    </View>
  );
}
