// 民情月报 (supervisor, admin; a department head: their department and the
// county): one month from the running counters, each figure against last
// month, bar charts of domains and departments, the six-month trend of the
// three rates, the tables, a CSV download and a print-friendly layout.
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { DEMAND_DOMAIN_LABELS } from '../../../../shared/schemas/demands';
import { isMonth } from '../../../../shared/schemas/common';
import { errorMessage } from '../../api/errors';
import { downloadMonthlyCsv, monthlyReport } from '../../api/reports';
import { Btn } from '../../components/Btn';
import { Page } from '../../components/Page';
import { ErrorState, Loading } from '../../components/States';
import { todayShanghai } from '../../utils/dates';
import { addMonths, monthLabel, rateText } from '../../utils/tickets';
import { useLoad } from '../../utils/useLoad';
import { breakdownRows, DomainChart, LABEL_TEXT, Table, TrendChart, UnitChart, UnitFigureGrid } from './parts';
import '../cases.scss';
import '../tickets/tickets.scss';
import './report.scss';

export default function MonthlyReportPage() {
  const { params } = useRouter();
  const lastMonth = addMonths(todayShanghai().slice(0, 7), -1);
  const [month, setMonth] = useState(params.month && isMonth(params.month) ? params.month : lastMonth);
  const { data, error, reload } = useLoad(() => monthlyReport(month), [month]);
  const [note, setNote] = useState<string | null>(null);

  const download = async () => {
    setNote(null);
    try {
      await downloadMonthlyCsv(month);
      setNote('已下载');
    } catch (e) {
      setNote(errorMessage(e));
    }
  };

  const bar = (
    <View className='dash-month report-noprint'>
      <Btn className='btn btn--ghost btn--small' onClick={() => setMonth(addMonths(month, -1))}>上个月</Btn>
      <Text className='dash-month__label' aria-live='polite'>{monthLabel(month)}</Text>
      <Btn className='btn btn--ghost btn--small' disabled={month >= todayShanghai().slice(0, 7)} onClick={() => setMonth(addMonths(month, 1))}>下个月</Btn>
    </View>
  );
  if (error) return <Page className='cases report'>{bar}<ErrorState message={error} onRetry={reload} /></Page>;
  if (!data) return <Page className='cases report'>{bar}<Loading /></Page>;
  const r = data;

  return (
    <Page className='cases report'>
      {bar}
      <View className='report-actions report-noprint'>
        <Btn className='btn btn--small' onClick={() => void download()}>下载CSV</Btn>
        {process.env.TARO_ENV === 'h5' ? <Btn className='btn btn--ghost btn--small' onClick={() => window.print()}>打印</Btn> : null}
        {note ? <Text className='hint' aria-live='polite'>{note}</Text> : null}
      </View>

      <View className='card'>
        <Text className='card__title'>民情月报 · {monthLabel(r.month)}（对比{monthLabel(r.previousMonth)}）</Text>
        <Text className='hint'>{r.closed ? '本月已结束；迟到的本月事件仍计入本月' : '本月尚未结束，数据随办理实时累计'}</Text>
        <UnitFigureGrid cur={r.county.current} prev={r.county.previous} />
      </View>

      <View className='card'>
        <Text className='card__title'>诉求领域</Text>
        <DomainChart r={r} />
        <Table name='breakdown' head={['分类', '项目', '本月', '上月']} rows={breakdownRows(r)} />
      </View>

      <View className='card'>
        <Text className='card__title'>责任单位</Text>
        <UnitChart r={r} />
        <Table
          name='units'
          head={['单位', '受理', '解决', '未解决', '得分', '响应率', '解决率', '满意率', '超期', '退单', '重开', '有效投诉', '评定']}
          rows={r.units.map((u) => [
            u.name, u.current.received, u.current.resolved, u.current.unresolved, `${u.current.score}（上月${u.previous.score}）`,
            rateText(u.current.responseRate), rateText(u.current.resolutionRate), rateText(u.current.satisfactionRate),
            u.current.overdue, u.current.returned, u.current.reopened, u.current.validComplaints, u.current.label ? LABEL_TEXT[u.current.label] : '暂无评价',
          ])}
        />
      </View>

      <View className='card'>
        <Text className='card__title'>近六个月三率</Text>
        <TrendChart r={r} />
      </View>

      <View className='card'>
        <Text className='card__title'>热点（下月主动服务候选）</Text>
        <Table name='hotspots' head={['领域', '村', '本月', '上月', '变化']} rows={r.hotSpots.map((h) => [DEMAND_DOMAIN_LABELS[h.domain], h.villageName, h.count, h.previous, h.change > 0 ? `+${h.change}` : h.change])} />
      </View>

      <View className='card'>
        <Text className='card__title'>办件按时办结率（累计）</Text>
        <Table name='applications' head={['部门', '办结', '按时', '按时率']} rows={r.applications.map((a) => [a.name, a.concluded, a.onTime, rateText(a.onTimeRate)])} />
      </View>

      <View className='card'>
        <Text className='card__title'>差评与整改</Text>
        <Table name='reviews' head={['部门', '本月差评', '上月差评', '未完成整改', '超期整改']} rows={r.reviews.map((x) => [x.name, x.badReviews, x.previous, x.openTickets, x.overdueTickets])} />
      </View>
    </Page>
  );
}
