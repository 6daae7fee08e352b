// The workbench home's counts: the plan for the role (domain), then every
// count at once.
import { httpHandler } from '../lib/http';
import { caseClock } from '../domain/application';
import { shanghaiDate } from '../domain/calendar';
import { homePlan, needsSupervision } from '../domain/workbench';
import { listOpenApplications } from '../store/applications';
import { loadCalendar } from '../store/calendar';
import { countBookingsAtRegionPoints, countOpenApplications, countOpenDemands, countOpenTickets, countOverdueCommitments } from '../store/home';

const none = Promise.resolve(null);

async function countOverdue(today: string): Promise<number> {
  const [open, cal] = await Promise.all([listOpenApplications(), loadCalendar()]);
  return open.filter((a) => needsSupervision(caseClock(a, today, cal))).length;
}

export const handler = httpHandler({
  'GET /admin/home': async ({ principal }) => {
    const plan = homePlan(principal);
    const date = shanghaiDate();
    const [appointmentsToday, queue, overdue, tickets, demands, commitmentsOverdue] = await Promise.all([
      plan.appointmentsRegion ? countBookingsAtRegionPoints(plan.appointmentsRegion, date) : none,
      plan.queue ? countOpenApplications(plan.queue) : none,
      plan.overdue ? countOverdue(date) : none,
      plan.tickets ? countOpenTickets(plan.tickets === 'all' ? undefined : plan.tickets.departmentId) : none,
      plan.demands ? countOpenDemands(plan.demands === 'all' ? undefined : plan.demands.bucket) : none,
      plan.commitmentsOverdue ? countOverdueCommitments(date) : none,
    ]);
    return { date, counts: { appointmentsToday, queue, overdue, tickets, demands, commitmentsOverdue } };
  },
});
