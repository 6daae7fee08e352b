// Demo AB posts and reception days: each window clerk paired with a B-post
// backup of the same unit, one absence today (赵丽 away, 钱芳 covers), and
// three department heads' reception days over the coming weeks (the dates the
// calendar knows, so a rerun next month announces that month's).
import { createCalendar, shanghaiDate } from '../../functions/domain/calendar';
import { addDays } from '../../functions/domain/schedule';
import type { SlotWindow } from '../../functions/domain/schedule';
import { getStaff } from '../../functions/store/people';
import { markAbsent, setBackup } from '../../functions/store/posts';
import { putReception } from '../../functions/store/reception';
import { getDepartment, listLeaders } from '../../functions/store/reference';

/** A → B, both ways: each covers the other. */
export const backupPairs: [string, string][] = [
  ['clerk-mz', 'clerk-mz2'],
  ['clerk-rs', 'clerk-rs2'],
  ['clerk-gaotan', 'clerk-gaotan2'],
  ['clerk-xiangyang', 'clerk-xiangyang2'],
];

export const demoAbsence = { username: 'clerk-mz', reason: '参加全市社会救助业务培训' };

interface ReceptionSeed {
  host: string;
  leaderId: string;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  /** Every n-th week. */
  every: number;
  address: string;
  windows: SlotWindow[];
}

export const receptionSeeds: ReceptionSeed[] = [
  { host: 'mz-chen', leaderId: 'mz-head', weekday: 3, every: 1, address: '县政务服务中心三楼领导接待室', windows: [{ start: '09:00', end: '10:00', capacity: 3 }, { start: '10:00', end: '11:30', capacity: 4 }] },
  { host: 'rs-liu', leaderId: 'rs-head', weekday: 4, every: 1, address: '县政务服务中心三楼领导接待室', windows: [{ start: '09:00', end: '11:00', capacity: 5 }] },
  { host: 'yb-he', leaderId: 'yb-head', weekday: 5, every: 2, address: '县医保局一楼接待室', windows: [{ start: '14:30', end: '16:30', capacity: 4 }] },
];

/** The host's next six reception days from tomorrow: their weekday, every n-th week, working days the calendar knows. */
export function receptionDates(seed: Pick<ReceptionSeed, 'weekday' | 'every'>, today: string, cal = createCalendar()): string[] {
  const out: string[] = [];
  let week = 0;
  for (let i = 1; i <= 84 && out.length < 6; i++) {
    const d = addDays(today, i);
    if (new Date(`${d}T00:00:00Z`).getUTCDay() !== seed.weekday) continue;
    if (week++ % seed.every !== 0) continue;
    if (cal.knows(Number(d.slice(0, 4))) && cal.isWorkingDay(d)) out.push(d);
  }
  return out;
}

export async function seedPosts(): Promise<{ backups: number; receptions: number; absences: number }> {
  for (const [a, b] of backupPairs) {
    await setBackup(a, b);
    await setBackup(b, a);
  }
  const today = shanghaiDate();
  const now = new Date().toISOString();
  const away = (await getStaff(demoAbsence.username))!;
  const absences = (await markAbsent({ ...demoAbsence, date: today, markedBy: 'mz-chen', markedAt: now, version: 1 }, away.regionCode)) === 'marked' ? 1 : 0;
  const leaders = await listLeaders();
  for (const r of receptionSeeds) {
    const host = (await getStaff(r.host))!;
    const dept = host.departmentId ? await getDepartment(host.departmentId) : undefined;
    await putReception({
      id: host.username,
      name: host.name,
      title: leaders.find((l) => l.id === r.leaderId)?.title ?? `${dept?.name ?? ''}负责人`,
      departmentId: host.departmentId!,
      departmentName: dept?.name ?? host.departmentId!,
      leaderId: r.leaderId,
      regionCode: host.regionCode,
      address: r.address,
      dates: receptionDates(r, today),
      windows: r.windows,
      cutoffMinutes: 120,
      updatedAt: now,
      updatedBy: 'seed',
    });
  }
  return { backups: backupPairs.length * 2, receptions: receptionSeeds.length, absences };
}
