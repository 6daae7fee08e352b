// Admin-published working-day calendars for years the official package does not know.
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { createCalendar, type Calendar, type YearSchedule } from '../domain/calendar';
import { db, tableName } from './client';
import { key } from './keys';
import { partition, queryAll } from './query';

export interface CalendarOverrideRecord extends YearSchedule {
  year: number;
  updatedAt: string;
  updatedBy: string;
}

export async function putCalendarOverride(rec: CalendarOverrideRecord): Promise<void> {
  await db().send(new PutCommand({ TableName: tableName(), Item: { ...key.calendarYear(rec.year), ...rec } }));
}

/** Every published override: a handful of items, one Query. */
export async function listCalendarOverrides(): Promise<CalendarOverrideRecord[]> {
  const items = await queryAll<CalendarOverrideRecord & { pk: string; sk: string }>(partition(key.calendarPartition));
  return items.map(({ year, holidays, workdays, updatedAt, updatedBy }) => ({ year, holidays, workdays, updatedAt, updatedBy }));
}

/** The official calendar with every published override: what deadlines and slots are computed on. */
export async function loadCalendar(): Promise<Calendar> {
  const overrides = await listCalendarOverrides();
  return createCalendar(Object.fromEntries(overrides.map((o) => [o.year, o])));
}
