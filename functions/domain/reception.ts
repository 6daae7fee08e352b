// Leaders' reception days (领导接待日): a department head receives residents
// on announced dates; each date's windows are booked like any place's slots,
// and each booking says what it is about (the topic). Pure functions.
import type { Calendar } from './calendar';
import type { PlaceDef } from './places';
import { sortWindows, upcomingWorkingDays, windowErrors, workingDayProblem, type SlotWindow } from './schedule';

export const RECEPTION_PREFIX = 'reception-';
/** The workbench offers reception days this many calendar days ahead (two months). */
export const RECEPTION_DAYS_AHEAD = 60;
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
    else {
      const problem = workingDayProblem(d, cal);
      if (problem) errors[`dates.${i}`] = problem;
    }
    seen.add(d);
  });
  return { ...errors, ...windowErrors(input.windows) };
}

/** The first announced date from `today` on that is still a working day, or null. */
export function nextReceptionDate(dates: readonly string[], today: string, cal: Calendar): string | null {
  return [...dates].sort().find((d) => d >= today && cal.knows(Number(d.slice(0, 4))) && cal.isWorkingDay(d)) ?? null;
}

/** The days a head may announce, from today on (the workbench's choices; the server checks each with receptionErrors). */
export const receptionDays = (today: string, cal: Calendar): string[] => upcomingWorkingDays(today, RECEPTION_DAYS_AHEAD, cal);

/** A slot of the reception from today on as its counter stands: seats taken, and the capacity it was opened with. */
export interface HeldSlot {
  date: string;
  start: string;
  booked: number;
  capacity?: number;
}

/**
 * What a change of dates and windows would do to slots already opened: a
 * refusal when it would drop a booked slot (its date or its window) or leave
 * it fewer seats than booked — the residents must hear of it, so staff close
 * the slot or day first, which cancels and tells them. Otherwise the slots
 * whose capacity moves to the new window's, so the page and the seats agree.
 */
export function receptionChange(
  next: { dates: readonly string[]; windows: readonly SlotWindow[] },
  held: readonly HeldSlot[],
): { refused: string } | { seats: { date: string; start: string; capacity: number }[] } {
  const seats: { date: string; start: string; capacity: number }[] = [];
  for (const s of [...held].sort((a, b) => a.date.localeCompare(b.date) || a.start.localeCompare(b.start))) {
    const w = next.dates.includes(s.date) ? next.windows.find((x) => x.start === s.start) : undefined;
    if (s.booked > 0 && !w) return { refused: `${s.date} ${s.start} 已有${s.booked}人预约，不能取消；请先在预约名单中关闭该时段（系统会通知已预约的群众）` };
    if (w && w.capacity < s.booked) return { refused: `${s.date} ${s.start} 已有${s.booked}人预约，名额不能少于${s.booked}` };
    if (w && w.capacity !== s.capacity) seats.push({ date: s.date, start: s.start, capacity: w.capacity });
  }
  return { seats };
}

/** Is this booking a leader's reception (a topic, not a catalogue item)? */
export const isReceptionBooking = (a: { serviceCode: string }) => a.serviceCode === RECEPTION_SERVICE_CODE;

/** The leader (staff username) whose reception a reception place id belongs to. */
export const receptionHost = (placeId: string) => placeId.slice(RECEPTION_PREFIX.length);

/**
 * Field errors of moving a booking to a slot at `toPlaceId` with an optional
 * new topic: a reception booking stays with the same leader's reception (the
 * resident asked to see that leader), an ordinary booking never lands on a
 * reception, and only a reception booking has a topic.
 */
export function moveErrors(a: { serviceCode: string; placeId: string }, toPlaceId: string, topic?: string): Record<string, string> {
  if (isReceptionBooking(a)) {
    return toPlaceId === a.placeId ? {} : { slotId: '领导接待预约只能改约到同一位领导的其他接待时段' };
  }
  const errors: Record<string, string> = {};
  if (toPlaceId.startsWith(RECEPTION_PREFIX)) errors.slotId = '领导接待日请在“预约接待”中预约，不能由办事预约改约过去';
  if (topic !== undefined) errors.topic = '只有领导接待预约需要填写事由';
  return errors;
}
