// 民情月报: the monthly report from the running counters. Every figure comes
// with last month's, so the page and the CSV can show the change.
import * as z from 'zod/mini';
import { MonthString } from './common';
import { DEMAND_CHANNELS, DEMAND_DOMAINS, DEMAND_GRADES, DEMAND_TYPES } from './demands';

export const MonthlyReportQuery = z.object({ month: MonthString });

const Rate = z.nullable(z.number());
export const UnitFigures = z.object({
  received: z.number(),
  resolved: z.number(),
  unresolved: z.number(),
  score: z.number(),
  responseRate: Rate,
  resolutionRate: Rate,
  satisfactionRate: Rate,
  overdue: z.number(),
  returned: z.number(),
  reopened: z.number(),
  validComplaints: z.number(),
  defaultClosed: z.number(),
  label: z.nullable(z.enum(['satisfied', 'basic', 'dissatisfied'])),
});
export type UnitFigures = z.infer<typeof UnitFigures>;

const Count = z.object({ count: z.number(), previous: z.number() });
export const MonthlyReport = z.object({
  month: z.string(),
  previousMonth: z.string(),
  /** The month's last day is over (Asia/Shanghai); late events dated in it still count in it. */
  closed: z.boolean(),
  county: z.object({ current: UnitFigures, previous: UnitFigures }),
  byChannel: z.array(z.extend(Count, { channel: z.enum(DEMAND_CHANNELS) })),
  byDomain: z.array(z.extend(Count, { domain: z.enum(DEMAND_DOMAINS) })),
  byGrade: z.array(z.extend(Count, { grade: z.enum(DEMAND_GRADES) })),
  byType: z.array(z.extend(Count, { type: z.enum(DEMAND_TYPES) })),
  /** Channel × domain × grade, every non-empty cell of either month. */
  cells: z.array(z.extend(Count, { channel: z.enum(DEMAND_CHANNELS), domain: z.enum(DEMAND_DOMAINS), grade: z.enum(DEMAND_GRADES) })),
  units: z.array(z.object({
    kind: z.enum(['department', 'town']), id: z.string(), name: z.string(), current: UnitFigures, previous: UnitFigures,
  })),
  /** Applications concluded on time, from the items' running counters (since the items were created). */
  applications: z.array(z.object({ departmentId: z.string(), name: z.string(), concluded: z.number(), onTime: z.number(), onTimeRate: Rate })),
  /** Bad reviews (好差评 1–2) of the month and the unfinished rectification tickets. */
  reviews: z.array(z.object({
    departmentId: z.string(), name: z.string(), badReviews: z.number(), previous: z.number(), openTickets: z.number(), overdueTickets: z.number(),
  })),
  hotSpots: z.array(z.object({
    domain: z.enum(DEMAND_DOMAINS), villageCode: z.string(), villageName: z.string(), count: z.number(), previous: z.number(), change: z.number(),
  })),
  /** The county's three rates over the six months ending with this one. */
  trend: z.array(z.object({ month: z.string(), responseRate: Rate, resolutionRate: Rate, satisfactionRate: Rate, received: z.number() })),
});
export type MonthlyReport = z.infer<typeof MonthlyReport>;
