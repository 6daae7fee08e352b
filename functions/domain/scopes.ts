// Counter scopes: the sort keys of the running counters (satisfaction
// `SAT#…`, demand stats `DSTAT#…`, 包联 coverage `COVERAGE#…`) name whom a
// count is for: the county, a department, a staff member, a cadre, a town, a
// village, or the hot spots. The same names own a commitment card and are the
// demand queues' buckets. Built and read only here; the store writes them as sort keys.

const prefixes = { dept: 'DEPT#', staff: 'STAFF#', cadre: 'CADRE#', town: 'TOWN#', village: 'VILLAGE#' } as const;

/** A scope with an id in it (`DEPT#<id>`, `STAFF#<username>` …). */
export type IdScopeKind = keyof typeof prefixes;
export type ScopeKind = 'county' | 'spots' | IdScopeKind;

export const scope = {
  county: 'COUNTY',
  /** The demand counters' hot spots (`<domain>#<villageCode>` counters). */
  spots: 'SPOTS',
  dept: (id: string) => `${prefixes.dept}${id}`,
  /** A staff member's satisfaction and complaints (a cadre's card is theirs too). */
  staff: (username: string) => `${prefixes.staff}${username}`,
  /** A cadre's 包联 coverage. */
  cadre: (username: string) => `${prefixes.cadre}${username}`,
  town: (code: string) => `${prefixes.town}${code}`,
  village: (code: string) => `${prefixes.village}${code}`,
};

/** The id in a scope of this kind (`scopeId('dept', 'DEPT#x')` → `x`), or null when the scope is of another kind. */
export const scopeId = (kind: IdScopeKind, s: string): string | null => (s.startsWith(prefixes[kind]) ? s.slice(prefixes[kind].length) : null);

/** A scope's kind and its id (null for the county and the hot spots); null for a string that is no scope. */
export function parseScope(s: string): { kind: ScopeKind; id: string | null } | null {
  if (s === scope.county) return { kind: 'county', id: null };
  if (s === scope.spots) return { kind: 'spots', id: null };
  const kind = (Object.keys(prefixes) as IdScopeKind[]).find((k) => s.startsWith(prefixes[k]));
  return kind ? { kind, id: s.slice(prefixes[kind].length) } : null;
}

/** The queue an open demand's pointer sits in (`DEMANDS#OPEN`, sort key `<bucket>#<id>`). */
export const demandQueue = {
  intake: 'INTAKE',
  returned: 'RETURNED',
  dept: scope.dept,
};
