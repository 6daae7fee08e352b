// Satisfaction counter maths: what a rating adds to (or, replaced or voided,
// takes from) each scope's running counts, and the periods they count in.
// Pure; functions/store/satisfaction.ts turns the deltas into ADDs.
import { scope } from './scopes';

/** Counts of one month go into the month and its year: `M#2026-11`, `Y#2026`. */
export const monthPeriod = (month: string) => `M#${month}`;
export const yearPeriod = (year: string) => `Y#${year}`;
export const periodsOf = (month: string) => [monthPeriod(month), yearPeriod(month.slice(0, 4))];

/** Per scope (`COUNTY`, `DEPT#…`, `STAFF#…`, `TOWN#…`): counts to add and names to set beside them. */
export type Deltas = Map<string, { add: Record<string, number>; set: Record<string, string> }>;

/** What of a rating the counters need. */
export interface RatedFacts {
  level: number;
  isDefault: boolean;
  departmentId: string;
  departmentName: string;
  responsible: { username: string; name: string } | null;
  townCode: string | null;
  agent: { username: string; name: string } | null;
  agentLevel: number | null;
}

export function addDelta(d: Deltas, scope: string, attr: string, n: number, set: Record<string, string> = {}): Deltas {
  const entry = d.get(scope) ?? { add: {}, set: {} };
  entry.add[attr] = (entry.add[attr] ?? 0) + n;
  Object.assign(entry.set, set);
  d.set(scope, entry);
  return d;
}

/**
 * What one rating adds to (sign 1) or takes from (sign -1) each scope: its
 * level (or `defaults`) for the county, the department, the responsible
 * person and the town; the proxy agent's own level for the agent.
 */
export function ratingDeltas(r: RatedFacts, sign: 1 | -1, d: Deltas = new Map()): Deltas {
  const attr = r.isDefault ? 'defaults' : `l${r.level}`;
  addDelta(d, scope.county, attr, sign);
  addDelta(d, scope.dept(r.departmentId), attr, sign);
  if (r.responsible) {
    addDelta(d, scope.staff(r.responsible.username), attr, sign, { staffName: r.responsible.name, departmentId: r.departmentId, departmentName: r.departmentName });
  }
  if (r.townCode) addDelta(d, scope.town(r.townCode), attr, sign);
  if (r.agent && r.agentLevel) addDelta(d, scope.staff(r.agent.username), `l${r.agentLevel}`, sign, { staffName: r.agent.name, departmentName: '代办员' });
  return d;
}

/** A replacement moves the counts from the old rating to the new; scopes that net to zero drop out. */
export function replacementDeltas(prev: RatedFacts, next: RatedFacts): Deltas {
  return ratingDeltas(next, 1, ratingDeltas(prev, -1));
}
