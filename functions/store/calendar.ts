// Admin-published working-day calendars for years the official package does not know.
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { createCalendar, officialYearRange, type Calendar, type YearSchedule } from '../domain/calendar';
import { db, tableName } from './client';
import { cached, forget } from './cache';
import { key } from './keys';
import { partition, queryAll } from './query';

export interface CalendarOverrideRecord extends YearSchedule {
  year: number;
  updatedAt: string;
  updatedBy: string;
}

export async function putCalendarOverride(rec: CalendarOverrideRecord): Promise<void> {
  await db().send(new PutCommand({ TableName: tableName(), Item: { ...key.calendarYear(rec.year), ...rec } }));
  forget(CALENDAR);
}

const decodeOverride = ({ year, holidays, workdays, updatedAt, updatedBy }: Record<string, unknown>) =>
  ({ year, holidays, workdays, updatedAt, updatedBy }) as CalendarOverrideRecord;

/** Every published override: a handful of items, one Query. */
export async function listCalendarOverrides(): Promise<CalendarOverrideRecord[]> {
  const items = await queryAll<Record<string, unknown>>(partition(key.calendarPartition));
  return items.map(decodeOverride);
}

/** The official calendar with these published overrides: what deadlines and slots are computed on. */
const calendarOf = (overrides: CalendarOverrideRecord[]) => createCalendar(Object.fromEntries(overrides.map((o) => [o.year, o])));

const CALENDAR = 'calendar';

/** The official calendar with every published override (cached per container, store/cache.ts). */
export function loadCalendar(): Promise<Calendar> {
  return cached(CALENDAR, async () => calendarOf(await listCalendarOverrides()));
}

/**
 * The keys of every year only an override can give, up to three years after
 * `today`: a case's deadlines fall at most 365 + 60 working days after today
 * (pauses only count up to today), so a clock needs no later year. Lets a
 * caller read the calendar in a BatchGet together with other items.
 */
export function overrideYearKeys(today: string): Record<string, unknown>[] {
  const first = Math.max(...officialYearRange()) + 1;
  const last = Number(today.slice(0, 4)) + 3;
  return Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => key.calendarYear(first + i));
}

/** The calendar from the items of such a BatchGet (other items are ignored). */
export const calendarFromItems = (items: Record<string, unknown>[]): Calendar =>
  calendarOf(items.filter((i) => i.pk === key.calendarPartition).map(decodeOverride));
