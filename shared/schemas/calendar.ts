import * as z from 'zod/mini';
import { DateString, Instant, MAX_YEAR, MIN_YEAR, YearString } from './common';

export const CalendarYearParams = z.object({
  year: YearString,
});

/** An admin-published schedule for a year: holidays and make-up working days. */
export const CalendarOverrideRequest = z.object({
  holidays: z.array(DateString).check(z.maxLength(60, '节假日过多')),
  workdays: z.array(DateString).check(z.maxLength(30, '调休上班日过多')),
});
export type CalendarOverrideRequest = z.infer<typeof CalendarOverrideRequest>;

export const CalendarYear = z.object({
  year: z.int().check(z.minimum(MIN_YEAR), z.maximum(MAX_YEAR)),
  source: z.enum(['official', 'override']),
  holidays: z.array(DateString),
  workdays: z.array(DateString),
  updatedAt: z.nullable(Instant),
  updatedBy: z.nullable(z.string()),
});
export type CalendarYear = z.infer<typeof CalendarYear>;
