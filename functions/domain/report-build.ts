// Assemble the 民情月报 from counters already read: six months of demand
// counters, two months of satisfaction counters, the items' performance and
// the unfinished tickets. Pure; the cost never depends on the number of demands.
import { DEMAND_CHANNELS, DEMAND_DOMAINS, DEMAND_GRADES, DEMAND_TYPES } from '../../shared/schemas/demands';
import type { MonthlyReport } from '../../shared/schemas/reports';
import {
  applicationOnTime, badReviews, hotSpots, isMonthClosed, previousMonth, receivedCells, sumBy, threeRates, unitFigures,
  type Counters, type MonthStats, type ReceivedCell,
} from './monthly-report';
import { scope, scopeId } from './scopes';

export interface ReportInput {
  month: string;
  now: Date;
  /** Demand counters of the six months ending with `month`, oldest first. */
  stats: { month: string; scopes: MonthStats }[];
  /** Satisfaction counters (SAT#M#…) of this month and last, scope → counters. */
  satisfaction: { current: MonthStats; previous: MonthStats };
  departments: { id: string; name: string }[];
  regionNames: Map<string, string>;
  items: { departmentId: string; concluded: number; onTime: number }[];
  openTickets: { departmentId: string; overdue: boolean }[];
  /** A department head: their department only (the county's totals stay). */
  onlyDepartment: string | null;
}

function counts<K extends string>(keys: readonly K[], cur: Map<K, number>, prev: Map<K, number>) {
  return keys.map((k) => ({ k, count: cur.get(k) ?? 0, previous: prev.get(k) ?? 0 })).filter((r) => r.count || r.previous);
}

export function buildMonthlyReport(input: ReportInput): MonthlyReport {
  const { month, stats, satisfaction, onlyDepartment } = input;
  const cur = stats[stats.length - 1]!.scopes;
  const prev = stats[stats.length - 2]?.scopes ?? {};
  const [c, p] = [receivedCells(cur[scope.county]), receivedCells(prev[scope.county])];
  const by = <K extends string>(keys: readonly K[], pick: (x: ReceivedCell) => K) => counts(keys, sumBy(c, pick), sumBy(p, pick));

  const cellKey = (x: ReceivedCell) => `${x.channel}|${x.domain}|${x.grade}` as string;
  const cellKeys = DEMAND_CHANNELS.flatMap((ch) => DEMAND_DOMAINS.flatMap((d) => DEMAND_GRADES.map((g) => `${ch}|${d}|${g}`)));
  const cells = counts(cellKeys, sumBy(c, cellKey), sumBy(p, cellKey)).map(({ k, count, previous }) => {
    const [channel, domain, grade] = k.split('|') as [ReceivedCell['channel'], ReceivedCell['domain'], ReceivedCell['grade']];
    return { channel, domain, grade, count, previous };
  });

  const deptName = new Map(input.departments.map((d) => [d.id, d.name]));
  const scopeIds = new Set([...Object.keys(cur), ...Object.keys(prev)]);
  const mine = (deptId: string) => onlyDepartment === null || deptId === onlyDepartment;
  const units = [...scopeIds]
    .filter((s) => { const dept = scopeId('dept', s); return dept !== null ? mine(dept) : onlyDepartment === null && scopeId('town', s) !== null; })
    .map((s) => {
      const dept = scopeId('dept', s);
      const kind = dept !== null ? 'department' as const : 'town' as const;
      const id = dept ?? scopeId('town', s)!;
      const name = (kind === 'department' ? deptName.get(id) : input.regionNames.get(id)) ?? id;
      return { kind, id, name, current: unitFigures(cur[s]), previous: unitFigures(prev[s]) };
    })
    .sort((a, b) => (a.kind === b.kind ? b.current.score - a.current.score || a.id.localeCompare(b.id) : a.kind === 'department' ? -1 : 1));

  const applications = applicationOnTime(input.items)
    .filter((a) => mine(a.departmentId) && a.concluded > 0)
    .map((a) => ({ ...a, name: deptName.get(a.departmentId) ?? a.departmentId }));

  const reviewDepts = new Set([
    ...[...Object.keys(satisfaction.current), ...Object.keys(satisfaction.previous)].map((s) => scopeId('dept', s)).filter((id): id is string => id !== null),
    ...input.openTickets.map((t) => t.departmentId),
  ]);
  const reviews = [...reviewDepts].filter(mine).sort().map((id) => {
    const open = input.openTickets.filter((t) => t.departmentId === id);
    return {
      departmentId: id, name: deptName.get(id) ?? id,
      badReviews: badReviews(satisfaction.current[scope.dept(id)]), previous: badReviews(satisfaction.previous[scope.dept(id)]),
      openTickets: open.length, overdueTickets: open.filter((t) => t.overdue).length,
    };
  }).filter((r) => r.badReviews || r.previous || r.openTickets);

  const spots = hotSpots(cur[scope.spots], prev[scope.spots]).map((s) => ({ ...s, villageName: input.regionNames.get(s.villageCode) ?? s.villageCode }));
  const trend = stats.map((s) => ({ month: s.month, ...threeRates(s.scopes[scope.county]), received: Number((s.scopes[scope.county] as Counters | undefined)?.received ?? 0) }));

  return {
    month, previousMonth: previousMonth(month), closed: isMonthClosed(month, input.now),
    county: { current: unitFigures(cur[scope.county]), previous: unitFigures(prev[scope.county]) },
    byChannel: by(DEMAND_CHANNELS, (x) => x.channel).map(({ k, ...r }) => ({ channel: k, ...r })),
    byDomain: by(DEMAND_DOMAINS, (x) => x.domain).map(({ k, ...r }) => ({ domain: k, ...r })),
    byGrade: by(DEMAND_GRADES, (x) => x.grade).map(({ k, ...r }) => ({ grade: k, ...r })),
    byType: by(DEMAND_TYPES, (x) => x.type).map(({ k, ...r }) => ({ type: k, ...r })),
    cells, units, applications, reviews, hotSpots: spots, trend,
  };
}
