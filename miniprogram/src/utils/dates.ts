// Calendar helpers in Asia/Shanghai (UTC+8, no DST) for appointments. Slot
// dates are already Shanghai calendar dates (`YYYY-MM-DD`); instants are UTC.
const HOUR = 3600_000;
const SHANGHAI = 8 * HOUR;
const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

function parts(date: string): [number, number, number] {
  const [y, m, d] = date.split('-').map(Number);
  return [y ?? 1970, m ?? 1, d ?? 1];
}

/** Today's date in Asia/Shanghai. */
export function todayShanghai(now: number = Date.now()): string {
  return new Date(now + SHANGHAI).toISOString().slice(0, 10);
}

export function addDays(date: string, n: number): string {
  const [y, m, d] = parts(date);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** 2026-03-05 → "四" */
export function weekday(date: string): string {
  const [y, m, d] = parts(date);
  return WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()] ?? '';
}

/** 2026-03-05 → "3月5日" */
export function formatDateShort(date: string): string {
  const [, m, d] = parts(date);
  return `${m}月${d}日`;
}

/** 2026-03-05 → "2026年3月5日 星期四" */
export function formatDateLong(date: string): string {
  const [y, m, d] = parts(date);
  return `${y}年${m}月${d}日 星期${weekday(date)}`;
}

/** A UTC instant as Shanghai wall time: "3月5日 07:00". */
export function formatInstant(iso: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return '';
  const s = new Date(t + SHANGHAI).toISOString();
  return `${formatDateShort(s.slice(0, 10))} ${s.slice(11, 16)}`;
}

/** The instant of a Shanghai date and `HH:mm`. */
export function shanghaiInstant(date: string, hhmm: string): number {
  const [y, m, d] = parts(date);
  const [h, min] = hhmm.split(':').map(Number);
  return Date.UTC(y, m - 1, d, h ?? 0, min ?? 0) - SHANGHAI;
}

/** Cut-off before the start: 120 → "2小时", 30 → "30分钟", 1440 → "24小时". */
export function formatCutoff(minutes: number): string {
  if (minutes > 0 && minutes % 60 === 0) return `${minutes / 60}小时`;
  return `${minutes}分钟`;
}

/** "09:00—10:00" */
export function formatSpan(start: string, end: string): string {
  return `${start}—${end}`;
}
