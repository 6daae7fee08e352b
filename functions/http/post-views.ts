// AB posts and reception days as responses: a place's posts on a day (one
// Query of its staff, one of the day's absences) and a reception's view.
import type { Post, Reception, ReceptionHost } from '../../shared/schemas/posts';
import type { Calendar } from '../domain/calendar';
import { mayRunPosts, type Staff } from '../domain/access';
import { coveredBy, postFor, roster, servingLabel, type PostHolder, type Serving } from '../domain/posts';
import type { PlaceDef } from '../domain/places';
import { nextReceptionDate, receptionPlace, receptionPlaceId } from '../domain/reception';
import { listAbsences, listRegionPosts, serviceDepartments, type AbsenceRecord } from '../store/posts';
import type { ReceptionRecord } from '../store/reception';

export interface DayRoster {
  date: string;
  colleagues: PostHolder[];
  absences: Map<string, AbsenceRecord>;
  posts: Serving[];
}

/** Who serves each window post of a region's point on a day. */
export async function loadRoster(regionCode: string, date: string): Promise<DayRoster> {
  const [colleagues, absences] = await Promise.all([listRegionPosts(regionCode), listAbsences(date)]);
  const byUser = new Map(absences.map((a) => [a.username, a]));
  return { date, colleagues, absences: byUser, posts: roster(colleagues, new Set(byUser.keys())) };
}

const person = (p: PostHolder | null | undefined) => (p ? { username: p.username, name: p.name } : null);

export function toPost(s: Serving, r: DayRoster, viewer: Staff): Post {
  const backup = s.post.backupUsername ? r.colleagues.find((c) => c.username === s.post.backupUsername) : undefined;
  const absence = r.absences.get(s.post.username);
  return {
    username: s.post.username,
    name: s.post.name,
    departmentId: s.post.departmentId,
    backup: person(backup) ?? (s.post.backupUsername ? { username: s.post.backupUsername, name: s.post.backupUsername } : null),
    absence: absence ? { ...absence, reason: absence.reason ?? null } : null,
    servedBy: person(s.servedBy),
    via: s.via,
    label: servingLabel(s),
    mayManage: mayRunPosts(viewer, s.post),
  };
}

/** A head as the workbench edits their reception: the setting from today on. */
export function toReceptionHost(host: { username: string; name: string; departmentName: string }, r: ReceptionRecord | undefined, today: string): ReceptionHost {
  return {
    ...host,
    placeId: receptionPlaceId(host.username),
    setting: r
      ? { dates: r.dates.filter((d) => d >= today).sort(), windows: r.windows, address: r.address, leaderId: r.leaderId, cutoffMinutes: r.cutoffMinutes }
      : null,
  };
}

export function toReception(r: ReceptionRecord, today: string, cal: Calendar): Reception {
  const place = receptionPlace(r);
  const dates = [...r.dates].filter((d) => d >= today).sort();
  return {
    id: r.id,
    placeId: place.id,
    name: r.name,
    title: r.title,
    departmentName: r.departmentName,
    leaderId: r.leaderId,
    address: r.address,
    hours: place.hours,
    dates,
    nextDate: nextReceptionDate(dates, today, cal),
  };
}

/**
 * The bookings of a point's day that `username` serves for an absent
 * colleague (B's 代岗, or the head's): booking id → the colleague's name.
 */
export async function coveringOf(place: PlaceDef, date: string, username: string, bookings: { id: string; serviceCode: string }[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (place.kind !== 'point' || bookings.length === 0) return out;
  const r = await loadRoster(place.regionCode, date);
  const mine = coveredBy(r.posts, username);
  if (mine.length === 0) return out;
  const depts = await serviceDepartments([...new Set(bookings.map((b) => b.serviceCode))]);
  for (const b of bookings) {
    const post = postFor(depts.get(b.serviceCode) ?? null, r.posts);
    if (post && mine.includes(post)) out.set(b.id, post.post.name);
  }
  return out;
}

/**
 * The absent colleagues whose posts `viewer` serves on `date` (B's 代岗, or
 * the head's when B is out too): username → name. Only clerks and heads
 * serve at a window, so others cost nothing.
 */
export async function coveredColleagues(viewer: Staff, date: string): Promise<Map<string, string>> {
  if (viewer.role !== 'clerk' && viewer.role !== 'dept_head') return new Map();
  const r = await loadRoster(viewer.regionCode, date);
  return new Map(coveredBy(r.posts, viewer.username).map((s) => [s.post.username, s.post.name]));
}
