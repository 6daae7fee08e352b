// Helpers over the flat region list (county → town → village → group).
import type { Region } from '../../../shared/schemas/regions';

export interface RegionIndex {
  byCode: Map<string, Region>;
  children: Map<string | null, Region[]>;
}

export function indexRegions(regions: readonly Region[]): RegionIndex {
  const byCode = new Map<string, Region>();
  const children = new Map<string | null, Region[]>();
  for (const r of regions) {
    byCode.set(r.code, r);
    const list = children.get(r.parentCode) ?? [];
    list.push(r);
    children.set(r.parentCode, list);
  }
  for (const list of children.values()) list.sort((a, b) => a.code.localeCompare(b.code));
  return { byCode, children };
}

/** The chain from the root down to `code` (empty when unknown). */
export function regionPath(index: RegionIndex, code: string | null | undefined): Region[] {
  const path: Region[] = [];
  let cur = code ? index.byCode.get(code) : undefined;
  const seen = new Set<string>();
  while (cur && !seen.has(cur.code)) {
    seen.add(cur.code);
    path.unshift(cur);
    cur = cur.parentCode ? index.byCode.get(cur.parentCode) : undefined;
  }
  return path;
}

/** "城关镇 / 东关村 / 一组" (the county is left out when there is only one). */
export function regionLabel(index: RegionIndex, code: string | null | undefined): string {
  const path = regionPath(index, code);
  if (path.length === 0) return '';
  const singleRoot = (index.children.get(null)?.length ?? 0) === 1;
  const shown = singleRoot && path.length > 1 ? path.slice(1) : path;
  return shown.map((r) => r.name).join(' / ');
}
