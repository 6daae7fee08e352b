// The 民情月报 as one CSV file: every table one after another, a title line
// before each, UTF-8 with a BOM so Excel opens the Chinese correctly.
import {
  DEMAND_CHANNEL_LABELS, DEMAND_DOMAIN_LABELS, DEMAND_GRADE_LABELS, DEMAND_TYPE_LABELS,
} from '../../shared/schemas/demands';
import type { MonthlyReport, UnitFigures } from '../../shared/schemas/reports';
import { SATISFACTION_LABEL_TEXT } from './monthly-report';

export const BOM = '\uFEFF';

/** One CSV field: quoted when it holds a comma, quote or line break; a leading =+-@ is defused (formula injection). */
export function csvField(v: string | number | null): string {
  if (v === null) return '';
  let s = String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const pct = (r: number | null) => (r === null ? null : `${(r * 100).toFixed(1)}%`);
const row = (cells: (string | number | null)[]) => cells.map(csvField).join(',');

const UNIT_HEAD = ['受理', '已解决', '未解决', '得分', '响应率', '解决率', '满意率', '超期答复', '退单', '重新打开', '查实有效投诉', '默认办结', '满意度评定'];
const unitCells = (f: UnitFigures) => [
  f.received, f.resolved, f.unresolved, f.score, pct(f.responseRate), pct(f.resolutionRate), pct(f.satisfactionRate),
  f.overdue, f.returned, f.reopened, f.validComplaints, f.defaultClosed, f.label ? SATISFACTION_LABEL_TEXT[f.label] : '暂无评价',
];

export function reportCsv(r: MonthlyReport): string {
  const lines: string[] = [];
  const table = (title: string, head: string[], rows: (string | number | null)[][]) => {
    if (lines.length) lines.push('');
    lines.push(row([`${title}（${r.month}，对比${r.previousMonth}）`]), row(head), ...rows.map(row));
  };
  table('全县汇总', ['月份', ...UNIT_HEAD], [[r.month, ...unitCells(r.county.current)], [r.previousMonth, ...unitCells(r.county.previous)]]);
  table('按渠道', ['渠道', '本月', '上月'], r.byChannel.map((x) => [DEMAND_CHANNEL_LABELS[x.channel], x.count, x.previous]));
  table('按领域', ['领域', '本月', '上月'], r.byDomain.map((x) => [DEMAND_DOMAIN_LABELS[x.domain], x.count, x.previous]));
  table('按等级', ['等级', '本月', '上月'], r.byGrade.map((x) => [DEMAND_GRADE_LABELS[x.grade], x.count, x.previous]));
  table('按类型', ['类型', '本月', '上月'], r.byType.map((x) => [DEMAND_TYPE_LABELS[x.type], x.count, x.previous]));
  table('渠道×领域×等级', ['渠道', '领域', '等级', '本月', '上月'], r.cells.map((x) => [
    DEMAND_CHANNEL_LABELS[x.channel], DEMAND_DOMAIN_LABELS[x.domain], x.grade, x.count, x.previous,
  ]));
  table('责任单位', ['单位', '类别', '月份', ...UNIT_HEAD], r.units.flatMap((u) => [
    [u.name, u.kind === 'department' ? '部门' : '乡镇', r.month, ...unitCells(u.current)],
    [u.name, u.kind === 'department' ? '部门' : '乡镇', r.previousMonth, ...unitCells(u.previous)],
  ]));
  table('办件按时办结率（累计）', ['部门', '办结', '按时办结', '按时办结率'], r.applications.map((a) => [a.name, a.concluded, a.onTime, pct(a.onTimeRate)]));
  table('差评与整改', ['部门', '本月差评', '上月差评', '未完成整改', '超期整改'], r.reviews.map((x) => [x.name, x.badReviews, x.previous, x.openTickets, x.overdueTickets]));
  table('热点（领域×村）', ['领域', '村', '本月', '上月', '变化'], r.hotSpots.map((h) => [DEMAND_DOMAIN_LABELS[h.domain], h.villageName, h.count, h.previous, h.change]));
  table('近六个月三率', ['月份', '受理', '响应率', '解决率', '满意率'], r.trend.map((t) => [t.month, t.received, pct(t.responseRate), pct(t.resolutionRate), pct(t.satisfactionRate)]));
  return BOM + lines.join('\r\n') + '\r\n';
}
