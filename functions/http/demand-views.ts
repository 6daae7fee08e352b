// Demand records → responses: the clock for now, the caller's allowed
// actions, the reporter only where the caller may see them, photo links.
import type { Demand, DemandDetail, DemandLimits } from '../../shared/schemas/demands';
import type { Calendar } from '../domain/calendar';
import { allowedDemandActions, demandClock, DemandRuleError, type DemandFacts, type Viewer } from '../domain/demands';
import { conflict } from '../lib/errors';
import type { DemandEventRecord, DemandRecord } from '../store/demands';
import { presignDownload } from '../store/uploads';

export const facts = (d: DemandRecord): DemandFacts => ({
  type: d.type, state: d.state, residentId: d.residentId, departmentId: d.departmentId, binding: d.binding, returnedBy: d.returnedBy,
  extension: d.extension, redone: d.redone, closedAt: d.closedAt, evaluated: d.evaluations.length > 0, parentId: d.parentId,
});

/** Run a domain check; its refusal is a 409 in Chinese. */
export function ruled<T>(f: () => T): T {
  try {
    return f();
  } catch (err) {
    if (err instanceof DemandRuleError) throw conflict(err.message, 'ILLEGAL_TRANSITION');
    throw err;
  }
}

export interface ViewContext {
  viewer: Viewer;
  now: Date;
  cal: Calendar;
  limits: DemandLimits;
  /** May the caller see who filed it? */
  showReporter: boolean;
  regionNames?: Map<string, string>;
  parent?: DemandRecord | null;
}

export const clockOf = (d: DemandRecord, now: Date, cal: Calendar, limits: DemandLimits) => demandClock(d, now, cal, limits);

const photos = (keys: string[], now: Date) => Promise.all(keys.map(async (k) => ({ key: k, url: (await presignDownload(k, now)).url })));

function replyView(d: DemandRecord) {
  const r = d.replies[d.replies.length - 1];
  // Reply photo links are signed in the detail; lists carry the keys.
  return r ? { at: r.at, text: r.text, result: r.result, photos: r.photoKeys.map((k) => ({ key: k, url: '' })), by: r.by } : null;
}

export function toDemand(d: DemandRecord, v: ViewContext): Demand {
  const clock = clockOf(d, v.now, v.cal, v.limits);
  return {
    id: d.id,
    number: d.number,
    type: d.type,
    domain: d.domain,
    grade: d.grade,
    channel: d.channel,
    text: d.text,
    place: { regionCode: d.regionCode, regionName: v.regionNames?.get(d.regionCode) ?? null, point: d.point },
    anonymous: d.anonymous,
    reporter: v.showReporter ? d.reporter : null,
    state: d.state,
    department: d.departmentId ? { id: d.departmentId, name: d.departmentName ?? '', phone: d.departmentPhone } : null,
    handler: d.handler && { name: d.handler.name, phone: d.handler.phone },
    clock,
    extension: d.extension,
    reply: replyView(d),
    evaluations: d.evaluations,
    redone: d.redone,
    reopened: d.reopened,
    defaultClosed: d.defaultClosed,
    parentId: d.parentId,
    allowedActions: allowedDemandActions(facts(d), v.viewer, { now: v.now, overdue: clock.light === 'red', parentState: v.parent?.state ?? null }),
    filedAt: d.filedAt,
    closedAt: d.closedAt,
    updatedAt: d.updatedAt,
    version: d.version,
  };
}

const sortEvents = (events: DemandEventRecord[]) => [...events].sort((a, b) => a.at.localeCompare(b.at));

async function signedReply(d: DemandRecord, now: Date) {
  const r = replyView(d);
  return r && { ...r, photos: await photos(d.replies[d.replies.length - 1]!.photoKeys, now) };
}

/** The detail: the timeline, signed photo links, and for a merged demand the parent's progress and reply. */
export async function toDetail(d: DemandRecord, events: DemandEventRecord[], v: ViewContext, parentEvents: DemandEventRecord[] = []): Promise<DemandDetail> {
  const p = v.parent;
  return {
    ...toDemand(d, v),
    reply: await signedReply(d, v.now),
    photos: await photos(d.photoKeys, v.now),
    events: sortEvents(events),
    parent: p
      ? { id: p.id, number: p.number, state: p.state, clock: clockOf(p, v.now, v.cal, v.limits), reply: await signedReply(p, v.now), events: sortEvents(parentEvents) }
      : null,
  };
}

const LIGHT_ORDER = { red: 0, yellow: 1, green: 2, pending: 3, paused: 4, done: 5 } as const;

/** The queue's order: grade A first, then red, yellow, then the nearest deadline. */
export function byUrgency(a: Demand, b: Demand): number {
  return (a.grade === 'A' ? 0 : 1) - (b.grade === 'A' ? 0 : 1)
    || LIGHT_ORDER[a.clock.light] - LIGHT_ORDER[b.clock.light]
    || (a.clock.replyDueOn ?? '9999').localeCompare(b.clock.replyDueOn ?? '9999')
    || a.filedAt.localeCompare(b.filedAt);
}
