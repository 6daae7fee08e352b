// A demand's running counters (民情月报, the three rates): what each event
// ADDs to which scope, in the month it happens in (Asia/Shanghai). Pure;
// functions/store/demand-stats.ts writes them in the step's transaction.
import type { DemandChannel, DemandDomain, DemandGrade, DemandSatisfaction, DemandType } from '../../shared/schemas/demands';
import { shanghaiDate } from './calendar';
import { spotCounter, villageOfRegion } from './monthly-report';
import { scope } from './scopes';

/** What happened, for the running counters (民情月报, the three rates). */
export type CounterEvent =
  | { kind: 'received'; channel: DemandChannel; domain: DemandDomain; grade: DemandGrade; type: DemandType }
  | { kind: 'assigned'; channel: DemandChannel; domain: DemandDomain; grade: DemandGrade; type: DemandType }
  | { kind: 'signed'; inTime: boolean }
  | { kind: 'replied'; inTime: boolean }
  | { kind: 'evaluated'; solved: boolean; satisfaction: DemandSatisfaction; isDefault: boolean }
  | { kind: 'redone' }
  | { kind: 'reopened' }
  | { kind: 'returned' }
  | { kind: 'answered' }
  | { kind: 'merged' };

export interface CounterUpdate {
  /** `COUNTY`, `DEPT#<id>`, `TOWN#<code>`. */
  scope: string;
  adds: Record<string, number>;
}

/** The month (Asia/Shanghai) an event counts in. */
export const counterMonth = (at: string) => shanghaiDate(new Date(at)).slice(0, 7);

/**
 * The ADDs an event makes, per scope. Intake counts for the county and the
 * town; a dispatch counts as received by the department; the rest for every
 * scope the demand has. Defaults are counted apart from real evaluations, so
 * silence neither lifts nor sinks a rate.
 */
export function demandCounters(e: CounterEvent, where: { departmentId: string | null; townCode: string | null; regionCode?: string | null }): CounterUpdate[] {
  const county = scope.county;
  const town = where.townCode ? scope.town(where.townCode) : null;
  const dept = where.departmentId ? scope.dept(where.departmentId) : null;
  const scopes = (list: (string | null)[]) => list.filter((s): s is string => s !== null);
  const to = (list: (string | null)[], adds: Record<string, number>) => scopes(list).map((scope) => ({ scope, adds }));
  switch (e.kind) {
    case 'received':
    case 'assigned': {
      const adds = { received: 1, [`recv_${e.channel}_${e.domain}_${e.grade}_${e.type}`]: 1 };
      if (e.kind === 'assigned') return to([dept], adds);
      // Hot spots (民情月报): domain × village on one SPOTS item of the month.
      const village = villageOfRegion(where.regionCode);
      return [...to([county, town], adds), ...(village ? [{ scope: scope.spots, adds: { [spotCounter(e.domain, village)]: 1 } }] : [])];
    }
    case 'signed':
      return to([county, town, dept], { signed: 1, signedInTime: e.inTime ? 1 : 0 });
    case 'replied':
      return to([county, town, dept], { replied: 1, repliedInTime: e.inTime ? 1 : 0 });
    case 'evaluated':
      return to([county, town, dept], e.isDefault
        ? { defaultClosed: 1, [`default_${e.satisfaction}`]: 1 }
        : { evaluated: 1, [e.solved ? 'solved' : 'unsolved']: 1, [`sat_${e.satisfaction}`]: 1 });
    case 'returned':
      return to([dept], { returned: 1 });
    default:
      return to([county, town, dept], { [e.kind]: 1 });
  }
}
