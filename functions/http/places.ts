import { notFound } from '../lib/errors';
import { httpHandler } from '../lib/http';
import { handles, placeDays, pointPlace, sessionDates, sortByNearness } from '../domain/places';
import { shanghaiDate } from '../domain/calendar';
import { listSlotCounters } from '../store/slots';
import { listRovingDays, listServicePoints } from '../store/points';
import { listDepartments, listRegions } from '../store/reference';
import { getService } from '../store/services';
import { placeUses } from '../store/uses';
import { loadCalendar } from '../store/calendar';
import { loadPlace, placeResponse, rovingDef, toPlace } from './place-views';

export const MAX_DAYS = 42;

export const handler = httpHandler({
  'GET /services/{code}/places': async ({ params, query }) => {
    const [item, points, roving, regions, depts, uses] = await Promise.all([
      getService(params.code),
      listServicePoints(),
      listRovingDays(),
      listRegions(),
      listDepartments(),
      placeUses(params.code),
    ]);
    if (!item) throw notFound('事项不存在');
    const regionNames = new Map(regions.map((r) => [r.code, r.name]));
    const deptNames = new Map(depts.map((d) => [d.id, d.name]));
    const defs = [...points.map(pointPlace), ...roving.map((r) => rovingDef(r, deptNames, regionNames))].filter((p) => handles(p, item));
    const places = defs.map((d) => toPlace(d, regionNames, d.departmentId ? deptNames.get(d.departmentId) ?? null : null, query.regionCode));
    // Nearest first; within the same nearness, where this item is booked most.
    return { places: sortByNearness(places, uses) };
  },

  'GET /places/{placeId}/slots': async ({ params, query }) => {
    const [def, cal] = await Promise.all([loadPlace(params.placeId), loadCalendar()]);
    if (!def) throw notFound('办理地点不存在');
    const now = new Date();
    const from = query.from && query.from > shanghaiDate(now) ? query.from : shanghaiDate(now);
    const days = Math.min(Number(query.days ?? 14), MAX_DAYS);
    const dates = sessionDates(def, from, days, cal);
    const [place, counters] = await Promise.all([
      placeResponse(def),
      dates.length ? listSlotCounters(def.id, dates[0]!, dates[dates.length - 1]!) : Promise.resolve([]),
    ]);
    return { place, days: placeDays(def, dates, counters, now).filter((d) => d.slots.length) };
  },
});
