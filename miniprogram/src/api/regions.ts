import { DepartmentsResponse, RegionsResponse, type Region } from '../../../shared/schemas/regions';
import { request } from './client';

let regionsCache: Promise<Region[]> | null = null;

/** The region tree rarely changes: fetched once per app run (a failure is not cached). */
export function listRegions(): Promise<Region[]> {
  if (!regionsCache) {
    regionsCache = request('GET /regions', {}, RegionsResponse).then(
      (r) => r.regions,
      (e: unknown) => {
        regionsCache = null;
        throw e;
      },
    );
  }
  return regionsCache;
}

export function clearRegionsCache(): void {
  regionsCache = null;
}

export function listDepartments() {
  return request('GET /departments', {}, DepartmentsResponse).then((r) => r.departments);
}
