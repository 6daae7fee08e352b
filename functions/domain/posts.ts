// AB posts (AB岗): every window clerk (A) has a backup (B) of the same unit,
// so a window is never left empty. Who serves a post on a day follows from the
// day's absences alone: A, else B, else the unit's head. Pure functions.
import type { StaffRole } from '../../shared/enums';
import type { Calendar } from './calendar';
import { addDays, upcomingWorkingDays, workingDayProblem } from './schedule';
import { scope } from './scopes';
import { townOf } from './regions';

export interface PostHolder {
  username: string;
  name: string;
  role: StaffRole;
  departmentId: string | null;
  regionCode: string;
  backupUsername?: string | null;
}

/** A clerk's unit: their department, or for a town desk's comprehensive window (no department) their town. */
export const unitOf = (p: Pick<PostHolder, 'departmentId' | 'regionCode'>): string =>
  p.departmentId ?? scope.town(townOf(p.regionCode) ?? p.regionCode);

/** Only window clerks hold a post; heads are the last resort, agents are out in the villages. */
export const holdsPost = (p: Pick<PostHolder, 'role'>): boolean => p.role === 'clerk';

export type ServedVia = 'self' | 'backup' | 'head' | 'none';

export interface Serving {
  /** The post's own clerk (A). */
  post: PostHolder;
  servedBy: PostHolder | null;
  via: ServedVia;
}

/**
 * Who serves post `owner` on a day: A when present; B when A is absent and B
 * is not; the head of A's unit when both are (the one with the smallest
 * username, so every reader agrees); nobody only when the head is out too.
 * `colleagues` are the staff of A's place (A, B and the heads among them).
 */
export function whoServes(owner: PostHolder, absent: ReadonlySet<string>, colleagues: readonly PostHolder[]): Serving {
  if (!absent.has(owner.username)) return { post: owner, servedBy: owner, via: 'self' };
  const backup = owner.backupUsername ? colleagues.find((c) => c.username === owner.backupUsername) : undefined;
  if (backup && !absent.has(backup.username)) return { post: owner, servedBy: backup, via: 'backup' };
  const head = colleagues
    .filter((c) => c.role === 'dept_head' && unitOf(c) === unitOf(owner) && !absent.has(c.username))
    .sort((a, b) => a.username.localeCompare(b.username))[0];
  return head ? { post: owner, servedBy: head, via: 'head' } : { post: owner, servedBy: null, via: 'none' };
}

/** Every post of a place on a day, in username order. */
export const roster = (colleagues: readonly PostHolder[], absent: ReadonlySet<string>): Serving[] =>
  colleagues
    .filter(holdsPost)
    .sort((a, b) => a.username.localeCompare(b.username))
    .map((p) => whoServes(p, absent, colleagues));

/**
 * The post that serves a booking of an item of `departmentId` (null: a
 * reception or an unknown item) at a place: the clerk of that department,
 * else the comprehensive window (a clerk without a department), else none.
 */
export function postFor(departmentId: string | null, posts: readonly Serving[]): Serving | undefined {
  return (departmentId ? posts.find((s) => s.post.departmentId === departmentId) : undefined) ?? posts.find((s) => s.post.departmentId === null);
}

/** The posts someone covers today for an absent colleague (B's 代岗, or the head's). */
export const coveredBy = (posts: readonly Serving[], username: string): Serving[] =>
  posts.filter((s) => s.via !== 'self' && s.servedBy?.username === username);

/**
 * Field errors of a backup choice: B exists, is a window clerk of A's unit at
 * A's place, and is not A. null clears the backup.
 */
export function backupErrors(clerk: PostHolder, backupUsername: string | null, backup: PostHolder | undefined): Record<string, string> {
  if (backupUsername === null) return {};
  if (backupUsername === clerk.username) return { backupUsername: '不能指定本人为自己的B岗' };
  if (!backup) return { backupUsername: 'B岗人员不存在' };
  if (!holdsPost(backup)) return { backupUsername: 'B岗应为窗口工作人员' };
  if (unitOf(backup) !== unitOf(clerk)) return { backupUsername: 'B岗应为同一部门（同一便民服务中心）的窗口工作人员' };
  // B covers A's window in person: same hall, so B already runs its desk.
  if (backup.regionCode !== clerk.regionCode) return { backupUsername: 'B岗应与本人在同一办理地点' };
  return {};
}

/** What the desk's public status says of a post (never empty: someone or where to go). */
export function servingLabel(s: Serving): string {
  switch (s.via) {
    case 'self':
      return `${s.post.name}在岗`;
    case 'backup':
      return `${s.servedBy!.name}代岗（B岗），${s.post.name}今日不在岗`;
    case 'head':
      return `${s.servedBy!.name}（部门负责人）代岗，${s.post.name}今日不在岗`;
    case 'none':
      return '本窗口今日由中心综合窗口代为受理';
  }
}

/** Absences are marked at most this many calendar days ahead (the roster beyond is guesswork). */
export const ABSENCE_DAYS_AHEAD = 30;

/**
 * Field errors of the day an absence is marked for: never a past day; today
 * whatever the calendar says (the hall is open if someone is at the window);
 * a later day a working day within ABSENCE_DAYS_AHEAD.
 */
export function absenceErrors(date: string, today: string, cal: Calendar): Record<string, string> {
  if (date < today) return { date: '不能登记已经过去的日期' };
  if (date === today) return {};
  if (date > addDays(today, ABSENCE_DAYS_AHEAD)) return { date: `只能登记${ABSENCE_DAYS_AHEAD}天以内的不在岗` };
  const problem = workingDayProblem(date, cal);
  return problem ? { date: problem } : {};
}

/** The days an absence may be marked on, in order: today, then the working days ahead (the AB岗 page's date choices). */
export const absenceDays = (today: string, cal: Calendar): string[] => [today, ...upcomingWorkingDays(addDays(today, 1), ABSENCE_DAYS_AHEAD - 1, cal)];
