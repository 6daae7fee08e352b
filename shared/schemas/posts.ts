// AB posts (AB岗) and leaders' reception days (领导接待日).
import * as z from 'zod/mini';
import { DateString, Instant, PlaceId, RegionCode, SlotId, Text, Version } from './common';
import { StaffParams } from './accountability';
import { IdempotencyKey, ReceptionTopic, SlotWindow } from './appointments';
import { Leader } from './contacts';

const Username = StaffParams.shape.username;
const Person = z.object({ username: z.string(), name: z.string() });

// Reception days ---------------------------------------------------------------

export const ReceptionParams = z.object({ id: Username });

export const ReceptionInput = z.object({
  dates: z.array(DateString).check(z.minLength(1, '至少安排一个接待日'), z.maxLength(16, '接待日过多，最多16天')),
  windows: z.array(SlotWindow).check(z.minLength(1, '至少设置一个接待时段'), z.maxLength(12, '时段过多')),
  address: Text(100, { label: '接待地点', min: 2, required: '请填写接待地点' }),
  /** The leaders' directory entry this reception belongs to (领导干部公开联系表). */
  leaderId: z.optional(z.nullable(z.string().check(z.regex(/^[a-z0-9-]{1,64}$/, '领导编号格式不正确')))),
  cutoffMinutes: z.int().check(z.minimum(0, '取消截止时间不能为负'), z.maximum(2880, '取消截止时间过长')),
});
export type ReceptionInput = z.infer<typeof ReceptionInput>;

export const Reception = z.object({
  id: z.string(),
  placeId: PlaceId,
  name: z.string(),
  title: z.string(),
  departmentName: z.string(),
  leaderId: z.nullable(z.string()),
  address: z.string(),
  /** 09:00—11:30 */
  hours: z.string(),
  /** Announced days from today on, in order. */
  dates: z.array(DateString),
  nextDate: z.nullable(DateString),
});
export type Reception = z.infer<typeof Reception>;
export const ReceptionsResponse = z.object({ receptions: z.array(Reception) });
export type ReceptionsResponse = z.infer<typeof ReceptionsResponse>;

/** A receiving head as the workbench edits them: their reception as set (null: none announced yet). */
export const ReceptionHost = z.object({
  username: z.string(),
  name: z.string(),
  departmentName: z.string(),
  placeId: PlaceId,
  setting: z.nullable(
    z.object({
      /** From today on, in order. */
      dates: z.array(DateString),
      windows: z.array(SlotWindow),
      address: z.string(),
      leaderId: z.nullable(z.string()),
      cutoffMinutes: z.int(),
    }),
  ),
});
export type ReceptionHost = z.infer<typeof ReceptionHost>;
export const ReceptionHostsResponse = z.object({
  /** A head: themself; an admin: every department head of their region. */
  hosts: z.array(ReceptionHost),
  /** Directory entries a reception may belong to. */
  leaders: z.array(z.pick(Leader, { id: true, name: true, title: true })),
  /** The working days a reception may be announced on, from today (the page's choices). */
  days: z.array(DateString),
});
export type ReceptionHostsResponse = z.infer<typeof ReceptionHostsResponse>;

/** A reception booking: the slot and what the resident wants to raise (required). */
export const ReceptionBookRequest = z.object({
  slotId: SlotId,
  topic: ReceptionTopic,
  idempotencyKey: IdempotencyKey,
});
export type ReceptionBookRequest = z.infer<typeof ReceptionBookRequest>;

// AB posts -----------------------------------------------------------------------

export const BackupRequest = z.object({ backupUsername: z.nullable(Username) });
export const AbsenceRequest = z.object({
  date: DateString,
  reason: z.optional(Text(100, { label: '不在岗原因' })),
});
export const AbsenceParams = z.extend(StaffParams, { date: DateString });
export const AbsenceCancelRequest = z.object({ version: Version });

export const Absence = z.object({
  username: z.string(),
  date: DateString,
  reason: z.nullable(z.string()),
  markedBy: z.string(),
  markedAt: Instant,
  version: z.int(),
});
export type Absence = z.infer<typeof Absence>;

export const SERVED_VIA = ['self', 'backup', 'head', 'none'] as const;

/** One window post (A) on a day: its backup (B), A's absence, who serves it and what the desk says. */
export const Post = z.object({
  username: z.string(),
  name: z.string(),
  departmentId: z.nullable(z.string()),
  backup: z.nullable(Person),
  absence: z.nullable(Absence),
  servedBy: z.nullable(Person),
  via: z.enum(SERVED_VIA),
  label: z.string(),
  /** May this staff member set the backup and mark the absence. */
  mayManage: z.boolean(),
});
export type Post = z.infer<typeof Post>;

export const PostsQuery = z.object({ date: z.optional(DateString), regionCode: z.optional(RegionCode) });
export const PostsResponse = z.object({ date: DateString, regionCode: RegionCode, posts: z.array(Post) });
export type PostsResponse = z.infer<typeof PostsResponse>;

export const AbsencesQuery = z.object({ regionCode: z.optional(RegionCode) });
/** An absence from today on, with whose post it is and whether the viewer may withdraw it. */
export const UpcomingAbsence = z.extend(Absence, { name: z.string(), departmentId: z.nullable(z.string()), mayManage: z.boolean() });
export type UpcomingAbsence = z.infer<typeof UpcomingAbsence>;
export const AbsencesResponse = z.object({
  regionCode: RegionCode,
  today: DateString,
  /** The days an absence may be marked on: today, then the working days ahead. */
  days: z.array(DateString),
  absences: z.array(UpcomingAbsence),
});
export type AbsencesResponse = z.infer<typeof AbsencesResponse>;

/** The desk's public status today: every window and who serves it (never an empty window). */
export const DeskStatus = z.object({
  placeId: PlaceId,
  placeName: z.string(),
  date: DateString,
  windows: z.array(z.object({ postName: z.string(), servedByName: z.nullable(z.string()), via: z.enum(SERVED_VIA), label: z.string() })),
});
export type DeskStatus = z.infer<typeof DeskStatus>;
