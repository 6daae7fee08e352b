// Leaders' reception days (领导接待日): a department head receives residents
// on announced dates; each date's windows are booked like any place's slots,
// and each booking says what it is about (the topic). Pure functions.
import type { Calendar } from './calendar';
import type { PlaceDef } from './places';
import { sortWindows, windowErrors, type SlotWindow } from './schedule';

export const RECEPTION_PREFIX = 'reception-';
/** At most this many announced dates at a time (a year of monthly days, or a quarter of weekly ones). */
export const MAX_RECEPTION_DATES = 16;
/** A reception booking's service code: it is about a topic, not a catalogue item. */
export const RECEPTION_SERVICE_CODE = 'RECEPTION';

export interface ReceptionShape {
  /** The receiving leader's staff username. */
  id: string;
  name: string;
  title: string;
  departmentId: string;
  departmentName: string;
  /** The leaders' directory entry this reception belongs to, if they are listed. */
  leaderId: string | null;
  regionCode: string;
  address: string;
  dates: string[];
  windows: SlotWindow[];
  cutoffMinutes: number;
}

export const receptionPlaceId = (hostUsername: string) => `${RECEPTION_PREFIX}${hostUsername}`;

export function receptionPlace(r: ReceptionShape): PlaceDef {
  const windows = sortWindows(r.windows);
  return {
    id: receptionPlaceId(r.id),
    kind: 'reception',
    name: `${r.title}${r.name}接待日`,
    level: 'county',
    regionCode: r.regionCode,
    address: r.address,
    phone: '',
    hours: `${windows[0]?.start ?? ''}—${windows[windows.length - 1]?.end ?? ''}`,
    departmentId: r.departmentId,
    serviceCodes: [],
    rule: null,
    dates: r.dates,
    hostUsername: r.id,
    windows,
    cutoffMinutes: r.cutoffMinutes,
  };
}

/**
 * Field errors of announced reception dates: each a working day (a leader
 * does not receive on a holiday), from today on, none twice; and windows that
 * fit. `known` says whether the calendar knows a date's year.
 */
export function receptionErrors(input: { dates: string[]; windows: SlotWindow[] }, today: string, cal: Calendar): Record<string, string> {
  const errors: Record<string, string> = {};
  const seen = new Set<string>();
  input.dates.forEach((d, i) => {
    if (seen.has(d)) errors[`dates.${i}`] = `${d} 重复`;
    else if (d < today) errors[`dates.${i}`] = `${d} 已经过去`;
    else if (!cal.knows(Number(d.slice(0, 4)))) errors[`dates.${i}`] = `${d.slice(0, 4)} 年的工作日历尚未发布`;
    else if (!cal.isWorkingDay(d)) errors[`dates.${i}`] = `${d} 不是工作日`;
    seen.add(d);
  });
  return { ...errors, ...windowErrors(input.windows) };
}

/** The first announced date from `today` on that is still a working day, or null. */
export function nextReceptionDate(dates: readonly string[], today: string, cal: Calendar): string | null {
  return [...dates].sort().find((d) => d >= today && cal.knows(Number(d.slice(0, 4))) && cal.isWorkingDay(d)) ?? null;
}
