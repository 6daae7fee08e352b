// Pieces of the 民情月报 page: a figure with last month's beside it, the
// tables, and the SVG charts (as images, with their numbers in words for
// screen readers and in the tables below them).
import { Image, Text, View } from '@tarojs/components';
import { scrollRegion } from '../../utils/a11y';
import { DEMAND_CHANNEL_LABELS, DEMAND_DOMAIN_LABELS, DEMAND_GRADE_LABELS, DEMAND_TYPE_LABELS } from '../../../../shared/schemas/demands';
import type { MonthlyReport, UnitFigures } from '../../../../shared/schemas/reports';
import { barChartSvg, lineChartSvg, svgDataUri } from '../../utils/charts';
import { rateText } from '../../utils/tickets';

export const LABEL_TEXT = { satisfied: '满意', basic: '基本满意', dissatisfied: '不满意' } as const;

function change(cur: number | null, prev: number | null, rate = false): string {
  if (cur === null || prev === null) return '';
  // Rates change in percentage points, counts and scores to one decimal.
  const d = Math.round((cur - prev) * (rate ? 1000 : 10)) / 10;
  if (d === 0) return '持平';
  return `${d > 0 ? '↑' : '↓'}${Math.abs(d)}${rate ? '个百分点' : ''}`;
}

/** One figure: this month, last month and the change. */
export function Figure({ k, cur, prev, rate }: { k: string; cur: number | null; prev: number | null; rate?: boolean }) {
  const show = (v: number | null) => (rate ? rateText(v) : String(v ?? '—'));
  return (
    <View className='report-fig' data-figure={k}>
      <Text className='report-fig__v'>{show(cur)}</Text>
      <Text className='report-fig__k'>{k}</Text>
      <Text className='report-fig__p'>上月 {show(prev)} {change(cur, prev, rate)}</Text>
    </View>
  );
}

export function UnitFigureGrid({ cur, prev }: { cur: UnitFigures; prev: UnitFigures }) {
  return (
    <View className='report-figs'>
      <Figure k='受理' cur={cur.received} prev={prev.received} />
      <Figure k='已解决' cur={cur.resolved} prev={prev.resolved} />
      <Figure k='未解决' cur={cur.unresolved} prev={prev.unresolved} />
      <Figure k='得分' cur={cur.score} prev={prev.score} />
      <Figure k='响应率' cur={cur.responseRate} prev={prev.responseRate} rate />
      <Figure k='解决率' cur={cur.resolutionRate} prev={prev.resolutionRate} rate />
      <Figure k='满意率' cur={cur.satisfactionRate} prev={prev.satisfactionRate} rate />
      <Figure k='超期答复' cur={cur.overdue} prev={prev.overdue} />
      <Figure k='退单' cur={cur.returned} prev={prev.returned} />
      <Figure k='重新打开' cur={cur.reopened} prev={prev.reopened} />
      <Figure k='查实有效投诉' cur={cur.validComplaints} prev={prev.validComplaints} />
    </View>
  );
}

export function Chart({ svg, label }: { svg: string; label: string }) {
  // The words go on the img itself (a label on Taro's wrapper div is not read).
  return <Image className='report-chart' src={svgDataUri(svg)} mode='widthFix' imgProps={{ alt: label }} />;
}

export function DomainChart({ r }: { r: MonthlyReport }) {
  const rows = r.byDomain.map((d) => ({ label: DEMAND_DOMAIN_LABELS[d.domain], value: d.count, previous: d.previous }));
  const words = rows.map((x) => `${x.label}${x.value}件`).join('，');
  return rows.length ? <Chart svg={barChartSvg(rows)} label={`按领域：${words}`} /> : <Text className='hint'>本月暂无诉求</Text>;
}

export function UnitChart({ r }: { r: MonthlyReport }) {
  const rows = r.units.filter((u) => u.kind === 'department').map((u) => ({ label: u.name, value: u.current.received, previous: u.previous.received }));
  return rows.length ? <Chart svg={barChartSvg(rows)} label={`各部门受理：${rows.map((x) => `${x.label}${x.value}件`).join('，')}`} /> : null;
}

export function TrendChart({ r }: { r: MonthlyReport }) {
  const months = r.trend.map((t) => t.month);
  const svg = lineChartSvg(months, [
    { label: '响应率', color: '#1f6feb', values: r.trend.map((t) => t.responseRate) },
    { label: '解决率', color: '#2da44e', values: r.trend.map((t) => t.resolutionRate) },
    { label: '满意率', color: '#d4a72c', values: r.trend.map((t) => t.satisfactionRate) },
  ]);
  const words = r.trend.map((t) => `${t.month} 响应率${rateText(t.responseRate)} 解决率${rateText(t.resolutionRate)} 满意率${rateText(t.satisfactionRate)}`).join('；');
  return <Chart svg={svg} label={`近六个月三率：${words}`} />;
}

/** A small table: a header row and rows of cells. */
export function Table({ head, rows, name }: { head: string[]; rows: (string | number)[][]; name: string }) {
  return (
    <View className='report-table' data-table={name} {...scrollRegion(`表格：${head.join('、')}`)}>
      <View className='report-table__row report-table__row--head'>
        {head.map((h) => <Text key={h} className='report-table__cell'>{h}</Text>)}
      </View>
      {rows.map((row, i) => (
        <View key={i} className='report-table__row'>
          {row.map((c, j) => <Text key={j} className='report-table__cell'>{String(c)}</Text>)}
        </View>
      ))}
      {rows.length === 0 ? <Text className='hint'>暂无</Text> : null}
    </View>
  );
}

export const breakdownRows = (r: MonthlyReport) => [
  ...r.byChannel.map((x) => ['渠道', DEMAND_CHANNEL_LABELS[x.channel], x.count, x.previous]),
  ...r.byGrade.map((x) => ['等级', DEMAND_GRADE_LABELS[x.grade], x.count, x.previous]),
  ...r.byType.map((x) => ['类型', DEMAND_TYPE_LABELS[x.type], x.count, x.previous]),
];
