// Catalogue search: keyword, category, department and "can be handled at this
// level or nearer to the resident".
import { REGION_LEVELS, type RegionLevel } from '../../shared/enums';
import type { ServicesQuery } from '../../shared/schemas/catalog';

export interface SearchableItem {
  code: string;
  name: string;
  departmentId: string;
  departmentName: string;
  category: string;
  handlingLevel: RegionLevel;
  keywords: string[];
  serves: string;
  /** Bookings and applications so far: long lists show the most-used first. */
  uses?: number;
}

/** county 0 … group 3: a larger rank is nearer to the resident. */
export const levelRank = (level: RegionLevel) => REGION_LEVELS.indexOf(level);

/** An item delegated to `handlingLevel` can be done there and at every level above it. */
export const handledAt = (handlingLevel: RegionLevel, level: RegionLevel) => levelRank(handlingLevel) >= levelRank(level);

function score(item: SearchableItem, words: string[]): number {
  let total = 0;
  for (const w of words) {
    if (item.name.includes(w)) total += 10;
    else if (item.keywords.some((k) => k.includes(w) || w.includes(k))) total += 6;
    else if (item.code.toLowerCase() === w || item.departmentName.includes(w)) total += 4;
    else if (item.serves.includes(w)) total += 2;
    else return 0; // every word must match somewhere
  }
  return total;
}

const byUse = (a: SearchableItem, b: SearchableItem) => (b.uses ?? 0) - (a.uses ?? 0);

/** Filter and rank: the most-used first (with a keyword, the best matches first, then the most-used); then by category and code. */
export function searchCatalog<T extends SearchableItem>(items: T[], q: ServicesQuery): T[] {
  const words = (q.q ?? '').trim().toLowerCase().split(/\s+/).filter(Boolean);
  const filtered = items.filter(
    (i) =>
      (!q.category || i.category === q.category) &&
      (!q.departmentId || i.departmentId === q.departmentId) &&
      (!q.level || handledAt(i.handlingLevel, q.level)),
  );
  if (!words.length) {
    return filtered.sort((a, b) => byUse(a, b) || a.category.localeCompare(b.category) || a.code.localeCompare(b.code));
  }
  return filtered
    .map((item) => ({ item, s: score(item, words) }))
    .filter((x) => x.s > 0)
    .sort((a, b) => b.s - a.s || byUse(a.item, b.item) || a.item.code.localeCompare(b.item.code))
    .map((x) => x.item);
}
