// 满意度看板 (supervisor, admin): one month at a time (default: this month in
// Asia/Shanghai) — the county's satisfaction and good rates, counts per level
// (defaults apart), the ticket counters (超期 opens the overdue tickets), and
// departments (in the server's order), cadres and towns, each with its flags
// (约谈 / 不得评优提拔 / 倒数前三) and a six-month trend drawn with views, the
// rate of every month in words for screen readers.
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import { FLAG_LABELS, RATING_LEVEL_LABELS, RATING_LEVELS, type DashboardResponse, type Satisfaction } from '../../../../shared/schemas/ratings';
import { isMonth } from '../../../../shared/schemas/common';
import { errorMessage, isApiError } from '../../api/errors';
import { dashboard } from '../../api/tickets';
import { Btn } from '../../components/Btn';
import { Page } from '../../components/Page';
import { ErrorState, Loading } from '../../components/States';
import { role } from '../../utils/a11y';
import { todayShanghai } from '../../utils/dates';
import { addMonths, monthLabel, rateText } from '../../utils/tickets';
import '../cases.scss';
import '../tickets/tickets.scss';

type Row = DashboardResponse['departments'][number];
type StaffRow = DashboardResponse['staff'][number];

const LOW = 0.75;

const isLow = (rate: number | null) => rate !== null && rate < LOW;

function shortMonth(month: string): string {
  return `${Number(month.slice(5, 7))}月`;
}

/** Six bars, oldest first; each announces "2026-11 满意率 80.0%". */
export function Trend({ months, values }: { months: string[]; values: (number | null)[] }) {
  return (
    <View className='trend' aria-label='近六个月满意率' {...role('list')}>
      {months.map((m, i) => {
        const v = values[i] ?? null;
        const cls = v === null ? 'trend__bar trend__bar--none' : isLow(v) ? 'trend__bar trend__bar--low' : 'trend__bar';
        return (
          <View key={m} className='trend__col' aria-label={`${m} 满意率 ${rateText(v)}`} {...role('listitem')}>
            <View className={cls} style={{ height: v === null ? '4px' : `${Math.max(4, Math.round(v * 100))}%` }} />
            <Text className='trend__m'>{shortMonth(m)}</Text>
          </View>
        );
      })}
    </View>
  );
}

function Flags({ flags }: { flags: Row['flags'] }) {
  if (flags.length === 0) return null;
  return (
    <View className='dash-row__flags'>
      {flags.map((f) => (
        <Text key={f} className='badge badge--red' data-flag={f}>
          {FLAG_LABELS[f]}
        </Text>
      ))}
    </View>
  );
}

function counts(s: Satisfaction): string {
  return `评价${s.total}条${s.defaults > 0 ? ` · 默认评价${s.defaults}条` : ''}`;
}

/** A department, a cadre or a town: name, the month's rates and count, flags, trend. */
function DashRow({ row, months, sub, onClick }: { row: Row; months: string[]; sub?: string | null; onClick?: () => void }) {
  const s = row.month;
  return (
    <View className='dash-row' data-row={row.id}>
      <View className='dash-row__head' onClick={onClick} {...(onClick ? role('link') : {})}>
        <Text className='dash-row__name'>{row.name}</Text>
        <Text className={isLow(s.satisfactionRate) ? 'dash-row__rate dash-row__rate--low' : 'dash-row__rate'} aria-label={`${row.name} 满意率 ${rateText(s.satisfactionRate)}`}>
          {rateText(s.satisfactionRate)}
        </Text>
      </View>
      {sub ? <Text className='dash-row__line'>{sub}</Text> : null}
      <Text className='dash-row__line'>
        好评率 {rateText(s.goodRate)} · {counts(s)}
      </Text>
      <Text className='dash-row__line'>
        本年满意率 {rateText(row.year.satisfactionRate)}（{row.year.total}条）
      </Text>
      <Flags flags={row.flags} />
      <Trend months={months} values={row.trend} />
    </View>
  );
}

export default function SatisfactionDashboard() {
  const { params } = useRouter();
  const thisMonth = todayShanghai().slice(0, 7);
  const [month, setMonth] = useState(params.month && isMonth(params.month) ? params.month : thisMonth);
  const [data, setData] = useState<DashboardResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const seq = useRef(0);

  const load = useCallback(async (m: string) => {
    const n = ++seq.current;
    setError(null);
    setData(null);
    try {
      const res = await dashboard(m);
      if (n === seq.current) setData(res);
    } catch (e) {
      if (n === seq.current && !(isApiError(e) && e.status === 401)) setError(errorMessage(e));
    }
  }, []);

  useEffect(() => {
    void load(month);
  }, [load, month]);

  const go = (url: string) => void Taro.navigateTo({ url });

  const picker = (
    <View className='dash-month'>
      <Btn className='btn btn--ghost btn--small' onClick={() => setMonth(addMonths(month, -1))}>
        上个月
      </Btn>
      <Text className='dash-month__label' aria-live='polite'>
        {monthLabel(month)}
      </Text>
      <Btn className='btn btn--ghost btn--small' disabled={month >= thisMonth} onClick={() => month < thisMonth && setMonth(addMonths(month, 1))}>
        下个月
      </Btn>
    </View>
  );

  if (error) {
    return (
      <Page className='cases dash'>
        {picker}
        <ErrorState message={error} onRetry={() => void load(month)} />
      </Page>
    );
  }
  if (!data) {
    return (
      <Page className='cases dash'>
        {picker}
        <Loading />
      </Page>
    );
  }

  const county = data.county;
  const s = county.month;
  const t = data.tickets;
  return (
    <Page className='cases dash'>
      {picker}

      <View className='card dash-county'>
        <Text className='card__title'>全县 · {monthLabel(data.month)}</Text>
        <View className='dash-rates'>
          <View className='dash-rate'>
            <Text className='dash-rate__v'>{rateText(s.satisfactionRate)}</Text>
            <Text className='dash-rate__k'>满意率</Text>
          </View>
          <View className='dash-rate'>
            <Text className='dash-rate__v'>{rateText(s.goodRate)}</Text>
            <Text className='dash-rate__k'>好评率</Text>
          </View>
        </View>
        <View className='dash-levels'>
          {RATING_LEVELS.map((l) => (
            <Text key={l}>
              {RATING_LEVEL_LABELS[l]} {s.levels[l - 1] ?? 0}条
            </Text>
          ))}
        </View>
        <Text className='hint'>
          评价{s.total}条 · 默认评价{s.defaults}条（另计，不计入满意率）
        </Text>
        <Text className='hint'>
          本年满意率 {rateText(county.year.satisfactionRate)} · 好评率 {rateText(county.year.goodRate)}
        </Text>
        <Flags flags={county.flags} />
        <Trend months={data.months} values={county.trend} />
      </View>

      <View className='dash-counters'>
        <View className='dash-counter dash-counter--link' onClick={() => go('/workbench/tickets/index?view=open')} aria-label={`待整改${t.open}件`} {...role('link')}>
          <Text className='dash-counter__n'>{t.open}</Text>
          <Text className='dash-counter__k'>待整改</Text>
        </View>
        <View
          className={t.overdue > 0 ? 'dash-counter dash-counter--link dash-counter--alert' : 'dash-counter dash-counter--link'}
          onClick={() => go('/workbench/tickets/index?view=overdue')}
          aria-label={`超期${t.overdue}件`}
          {...role('link')}
        >
          <Text className='dash-counter__n'>{t.overdue}</Text>
          <Text className='dash-counter__k'>超期</Text>
        </View>
        <View className='dash-counter dash-counter--link' onClick={() => go('/workbench/tickets/index?view=appealed')} aria-label={`申诉${t.appealed}件`} {...role('link')}>
          <Text className='dash-counter__n'>{t.appealed}</Text>
          <Text className='dash-counter__k'>申诉</Text>
        </View>
      </View>

      <View className='card'>
        <Text className='card__title'>部门满意度</Text>
        {data.departments.length === 0 ? <Text className='hint'>暂无部门评价</Text> : null}
        {data.departments.map((d) => (
          <DashRow key={d.id} row={d} months={data.months} onClick={() => go(`/workbench/tickets/index?departmentId=${encodeURIComponent(d.id)}&view=open`)} />
        ))}
      </View>

      <View className='card'>
        <Text className='card__title'>干部满意度</Text>
        <Text className='hint'>满意率低于75%约谈，低于80%不得评优提拔</Text>
        {data.staff.length === 0 ? <Text className='hint'>暂无干部评价</Text> : null}
        {data.staff.map((p: StaffRow) => (
          <DashRow key={p.id} row={p} months={data.months} sub={p.departmentName} />
        ))}
      </View>

      <View className='card'>
        <Text className='card__title'>乡镇满意度</Text>
        {data.towns.length === 0 ? <Text className='hint'>暂无乡镇评价</Text> : null}
        {data.towns.map((r) => (
          <DashRow key={r.id} row={r} months={data.months} />
        ))}
      </View>
    </Page>
  );
}
