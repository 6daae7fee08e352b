// 民情月报: read the month's running counters (and five months before it for
// the trend), never the demands, so the cost stays the same at any volume.
import { isTicketOverdue, trailingMonths } from '../domain/ratings';
import { shanghaiDate } from '../domain/calendar';
import type { MonthStats } from '../domain/monthly-report';
import { buildMonthlyReport } from '../domain/report-build';
import { reportCsv } from '../domain/report-csv';
import { httpHandler, type StaffPrincipal } from '../lib/http';
import { getDemandStats } from '../store/demand-stats';
import { getMonthSatisfaction, type SatisfactionItem } from '../store/satisfaction';
import { listOpenTickets } from '../store/tickets';
import { listDepartments, listRegions } from '../store/reference';
import { listItemPerformance } from '../store/services';
import { ownDepartment } from '../domain/access';


/** Scope → its counts (the names stored beside them left out). */
const byScope = (items: SatisfactionItem[]): MonthStats =>
  Object.fromEntries(items.map((i) => [i.scope, Object.fromEntries(Object.entries(i).filter((e): e is [string, number] => typeof e[1] === 'number'))]));

/** Twelve reads whatever the month holds: 6 months of demand counters, 2 of satisfaction, departments, regions, items, open tickets. */
async function monthlyReport(month: string, p: StaffPrincipal) {
  const months = trailingMonths(month, 6);
  const now = new Date();
  const [stats, satCur, satPrev, departments, regions, items, tickets] = await Promise.all([
    Promise.all(months.map(async (m) => ({ month: m, scopes: await getDemandStats(m) }))),
    getMonthSatisfaction(month),
    getMonthSatisfaction(months[4]!),
    listDepartments(),
    listRegions(),
    listItemPerformance(),
    listOpenTickets(),
  ]);
  const today = shanghaiDate(now);
  return buildMonthlyReport({
    month, now, stats,
    satisfaction: { current: byScope(satCur), previous: byScope(satPrev) },
    departments, regionNames: new Map(regions.map((r) => [r.code, r.name])), items,
    openTickets: tickets.map((t) => ({ departmentId: t.departmentId, overdue: isTicketOverdue(t, today) })),
    // A department head sees their own department beside the county's totals.
    onlyDepartment: ownDepartment(p),
  });
}

export const handler = httpHandler({
  'GET /admin/reports/monthly': async ({ query, principal }) => monthlyReport(query.month, principal),
  'GET /admin/reports/monthly.csv': async ({ query, principal }) => reportCsv(await monthlyReport(query.month, principal)),
});
