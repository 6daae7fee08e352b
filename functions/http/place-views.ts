// Loading places (points and roving schedules) with the names a response needs.
import type { Place } from '../../shared/schemas/appointments';
import { nearness, pointPlace, rovingPlace, type PlaceDef } from '../domain/places';
import { ROVING_PREFIX } from '../domain/schedule';
import { RECEPTION_PREFIX, receptionPlace } from '../domain/reception';
import { getReception } from '../store/reception';
import { getRovingDay, getServicePoint, type RovingDayRecord } from '../store/points';
import { getDepartment, getRegions } from '../store/reference';

export function rovingDef(r: RovingDayRecord, deptNames: Map<string, string>, regionNames: Map<string, string>): PlaceDef {
  const town = regionNames.get(r.townCode) ?? '';
  return rovingPlace(r, { department: deptNames.get(r.departmentId) ?? r.departmentId, town });
}

/** A place by id, or undefined. */
export async function loadPlace(placeId: string): Promise<PlaceDef | undefined> {
  if (placeId.startsWith(RECEPTION_PREFIX)) {
    const r = await getReception(placeId.slice(RECEPTION_PREFIX.length));
    return r && receptionPlace(r);
  }
  if (placeId.startsWith(ROVING_PREFIX)) {
    const r = await getRovingDay(placeId.slice(ROVING_PREFIX.length));
    if (!r) return undefined;
    const [dept, regions] = await Promise.all([getDepartment(r.departmentId), getRegions([r.townCode])]);
    return rovingDef(r, new Map(dept ? [[dept.id, dept.name]] : []), new Map([...regions].map(([c, x]) => [c, x.name])));
  }
  const p = await getServicePoint(placeId);
  return p && pointPlace(p);
}

export function toPlace(def: PlaceDef, regionNames: Map<string, string>, deptName: string | null, residentRegion?: string | null): Place {
  return {
    id: def.id,
    kind: def.kind,
    name: def.name,
    level: def.level,
    regionCode: def.regionCode,
    regionName: regionNames.get(def.regionCode) ?? '',
    address: def.address,
    phone: def.phone,
    hours: def.hours,
    departmentName: deptName,
    nearness: nearness(def, residentRegion),
    cutoffMinutes: def.cutoffMinutes,
  };
}

/** The response shape of one place (region and department names looked up). */
export async function placeResponse(def: PlaceDef): Promise<Place> {
  const [regions, dept] = await Promise.all([
    getRegions([def.regionCode]),
    def.departmentId ? getDepartment(def.departmentId) : undefined,
  ]);
  return toPlace(def, new Map([...regions].map(([c, r]) => [c, r.name])), dept?.name ?? null);
}
