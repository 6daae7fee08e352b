// Do the things a staff edit refers to exist? Regions, departments and items
// live in the same table, so every reference of one request is checked with a
// single BatchGet (per 100 keys), however many kinds it names.
import type { RegionLevel } from '../../shared/enums';
import type { KnownReferences } from '../domain/places';
import { batchGetAll } from './batch';
import { key, skPrefix } from './keys';

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
    if (item.pk === key.regionsPartition) found.regions.set(sk.slice(skPrefix.region.length), item.level as RegionLevel);
    else if (item.pk === key.departmentsPartition) found.departments.add(sk.slice(skPrefix.department.length));
    else if (item.pk === key.catalogPartition) found.services.add(sk.slice(skPrefix.service.length));
  }
  return found;
}
