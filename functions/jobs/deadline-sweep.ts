// Electronic supervision (电子监察): every morning, compute the clock of every
// open case and leave each department a digest of what is yellow, red or
// counted as accepted for want of an intake decision, and which of its
// bad-review rectification tickets are past their deadline. Department heads read it
// in the workbench (GET /admin/alerts); the supervisor sees all of it in
// GET /admin/overdue. Scheduled in serverless.yml; `npm run sweep` runs it locally.
import { caseClock } from '../domain/application';
import { shanghaiDate } from '../domain/calendar';
import { log } from '../lib/log';
import { staffDigest } from '../domain/messages';
import { listBoundHeads } from '../store/people';
import { writePush } from '../store/outbox';
import { listOpenApplications } from '../store/applications';
import { isTicketOverdue } from '../domain/ratings';
import { listOpenTickets } from '../store/tickets';
import { putAlertDigest, type AlertDigest } from '../store/alerts';
import { loadCalendar } from '../store/calendar';
import { listOpenDemands } from '../store/demands';
import { getDemandLimits } from '../store/demand-config';
import { demandClock } from '../domain/demands';

/** The digest as a push to each department head who bound WeChat (written once per head per day). */
async function pushDigest(d: AlertDigest, now: Date): Promise<void> {
  const count = d.red.length + d.yellow.length + d.deemedAccepted.length + d.overdueTickets.length + (d.demandsRed?.length ?? 0) + (d.demandsYellow?.length ?? 0);
  if (!count) return;
  for (const head of await listBoundHeads(d.departmentId)) {
    await writePush({ kind: 'staff', username: head.username }, staffDigest(d.departmentId, d.date, head.username, count), now.toISOString());
  }
}

export async function sweepDeadlines(now = new Date()): Promise<AlertDigest[]> {
  const [apps, tickets, cal, demands, limits] = await Promise.all([listOpenApplications(), listOpenTickets(), loadCalendar(), listOpenDemands(), getDemandLimits()]);
  const today = shanghaiDate(now);
  const digests = new Map<string, AlertDigest>();
  const digestOf = (departmentId: string) => {
    const d = digests.get(departmentId) ?? { departmentId, date: today, sweptAt: now.toISOString(), red: [], yellow: [], deemedAccepted: [], overdueTickets: [] };
    digests.set(departmentId, d);
    return d;
  };
  for (const t of tickets) if (isTicketOverdue(t, today)) digestOf(t.departmentId).overdueTickets.push(t.reference);
  for (const a of apps) {
    const clock = caseClock(a, today, cal);
    const d = digestOf(a.departmentId);
    if (clock.light === 'red') d.red.push(a.caseNumber);
    if (clock.light === 'yellow') d.yellow.push(a.caseNumber);
    if (clock.deemedAccepted) d.deemedAccepted.push(a.caseNumber);
  }
  // Demands at 75 % of their limit are about to go red; red ones are overdue.
  for (const dm of demands) {
    if (!dm.departmentId) continue;
    const light = demandClock(dm, now, cal, limits).light;
    if (light !== 'red' && light !== 'yellow') continue;
    const d = digestOf(dm.departmentId);
    (light === 'red' ? (d.demandsRed ??= []) : (d.demandsYellow ??= [])).push(dm.number);
  }
  for (const d of digests.values()) {
    await putAlertDigest(d);
    await pushDigest(d, now);
  }
  log.info('deadline.sweep', {
    open: apps.length,
    departments: digests.size,
    red: [...digests.values()].reduce((n, d) => n + d.red.length, 0),
    yellow: [...digests.values()].reduce((n, d) => n + d.yellow.length, 0),
    overdueTickets: [...digests.values()].reduce((n, d) => n + d.overdueTickets.length, 0),
  });
  return [...digests.values()];
}

export const handler = async () => {
  const digests = await sweepDeadlines();
  return { departments: digests.length };
};
