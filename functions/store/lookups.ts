// Do the things a staff edit refers to exist? Regions, departments and items
// live in the same table, so every reference of one request is checked with a
// single BatchGet (per 100 keys), however many kinds it names.
import type { RegionLevel } from '../../shared/enums';
import type { KnownReferences } from '../domain/places';
import { batchGetAll } from './batch';
import { key } from './keys';

export interface ReferenceQuery {
  regions?: string[];
  departments?: string[];
  services?: string[];
}

export async function findReferences(q: ReferenceQuery): Promise<KnownReferences> {
  const keys = [
    ...(q.regions ?? []).map((c) => key.region(c)),
    ...(q.departments ?? []).map((id) => key.department(id)),
    ...(q.services ?? []).map((c) => key.service(c)),
  ];
  const found: KnownReferences = { regions: new Map(), departments: new Set(), services: new Set() };
  for (const item of await batchGetAll(keys)) {
    const sk = String(item.sk);
    if (item.pk === 'REGIONS') found.regions.set(sk.slice('REGION#'.length), item.level as RegionLevel);
    else if (item.pk === 'DEPARTMENTS') found.departments.add(sk.slice('DEPT#'.length));
    else if (item.pk === 'CATALOG') found.services.add(sk.slice('SERVICE#'.length));
  }
  return found;
}
