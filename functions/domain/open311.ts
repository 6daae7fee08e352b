// Open311 GeoReport v2: which demands are public and how one reads there.
// Pure; a 12345 office's habits: anonymous demands and 举报 stay out, and a
// request names the village, the department and the outcome, never the
// reporter, their contact, their words or a point that could find their door.
import { DEMAND_DOMAIN_LABELS, DEMAND_STATE_LABELS, DEMAND_TYPE_LABELS, type DemandDomain, type DemandState, type DemandType } from '../../shared/schemas/demands';
import { OPEN311_TYPES, type Open311Request } from '../../shared/schemas/open311';

export const OPEN311_DEFAULT_DAYS = 90;
export const OPEN311_MAX_DAYS = 90;
export const OPEN311_MAX_REQUESTS = 200;

export const isPublicDemand = (d: { anonymous: boolean; type: DemandType }) => !d.anonymous && d.type !== 'report';

export const serviceCode = (type: DemandType, domain: DemandDomain) => `${type}-${domain}`;
export function parseServiceCode(code: string): { type: DemandType; domain: DemandDomain } {
  const i = code.indexOf('-');
  return { type: code.slice(0, i) as DemandType, domain: code.slice(i + 1) as DemandDomain };
}

export function open311Services() {
  return OPEN311_TYPES.flatMap((type) => (Object.keys(DEMAND_DOMAIN_LABELS) as DemandDomain[]).map((domain) => ({
    service_code: serviceCode(type, domain),
    service_name: `${DEMAND_TYPE_LABELS[type]}·${DEMAND_DOMAIN_LABELS[domain]}`,
    description: `群众${DEMAND_TYPE_LABELS[type]}：${DEMAND_DOMAIN_LABELS[domain]}`,
    metadata: false,
    type: 'realtime' as const,
    keywords: [DEMAND_TYPE_LABELS[type], DEMAND_DOMAIN_LABELS[domain]].join(','),
    group: DEMAND_DOMAIN_LABELS[domain],
  })));
}

export const open311Status = (state: DemandState): 'open' | 'closed' => (state === 'closed' || state === 'merged' ? 'closed' : 'open');

export interface PublicDemandFacts {
  id: string;
  type: DemandType;
  domain: DemandDomain;
  state: DemandState;
  departmentName: string | null;
  replyResult: string | null;
  filedAt: string;
  updatedAt: string;
  /** The reply deadline (a Shanghai date), or null when not running or unknown. */
  replyDueOn: string | null;
  villageCode: string | null;
  villageName: string | null;
}

/** One request as GeoReport v2 lists it. */
export function toOpen311Request(d: PublicDemandFacts): Open311Request {
  const notes = d.state === 'closed' && d.replyResult ? `${DEMAND_STATE_LABELS[d.state]}：${d.replyResult}` : DEMAND_STATE_LABELS[d.state];
  return {
    service_request_id: d.id,
    status: open311Status(d.state),
    status_notes: notes,
    service_name: `${DEMAND_TYPE_LABELS[d.type]}·${DEMAND_DOMAIN_LABELS[d.domain]}`,
    service_code: serviceCode(d.type, d.domain),
    description: null,
    agency_responsible: d.departmentName,
    service_notice: null,
    requested_datetime: d.filedAt,
    updated_datetime: d.updatedAt,
    expected_datetime: d.replyDueOn ? `${d.replyDueOn}T23:59:59+08:00` : null,
    address: d.villageName,
    address_id: d.villageCode,
    zipcode: null,
    lat: null,
    long: null,
    media_url: null,
  };
}

/** The window to list: default the last 90 days; never more than 90 days; null when the end is before the start. */
export function open311Window(now: Date, start?: string, end?: string): { from: string; to: string } | null {
  const to = end ? new Date(end) : now;
  const from = start ? new Date(start) : new Date(to.getTime() - OPEN311_DEFAULT_DAYS * 86_400_000);
  if (from > to || to.getTime() - from.getTime() > OPEN311_MAX_DAYS * 86_400_000) return null;
  return { from: from.toISOString(), to: to.toISOString() };
}
