// Open311 GeoReport v2 (public, read only): demand types × domains as
// services, public demands as service requests. Field names are the
// specification's; anonymous demands and 举报 are never listed, and no
// request carries who filed it, how to reach them, what they wrote or a point
// finer than the village.
import * as z from 'zod/mini';
import { Instant } from './common';
import { DEMAND_DOMAINS, DEMAND_TYPES } from './demands';

/** The types published as services (举报 never is). */
export const OPEN311_TYPES = DEMAND_TYPES.filter((t) => t !== 'report');
const CODE = `(${OPEN311_TYPES.join('|')})-(${DEMAND_DOMAINS.join('|')})`;
export const SERVICE_CODE_RE = new RegExp(`^${CODE}$`);

export const Open311Service = z.object({
  service_code: z.string(),
  service_name: z.string(),
  description: z.string(),
  metadata: z.boolean(),
  type: z.enum(['realtime', 'batch', 'blackbox']),
  keywords: z.string(),
  group: z.string(),
});
export const Open311Services = z.array(Open311Service);

export const Open311ServiceDefinition = z.object({ service_code: z.string(), attributes: z.array(z.unknown()) });

export const Open311Request = z.object({
  service_request_id: z.string(),
  status: z.enum(['open', 'closed']),
  status_notes: z.nullable(z.string()),
  service_name: z.string(),
  service_code: z.string(),
  description: z.nullable(z.string()),
  agency_responsible: z.nullable(z.string()),
  service_notice: z.nullable(z.string()),
  requested_datetime: z.string(),
  updated_datetime: z.string(),
  expected_datetime: z.nullable(z.string()),
  address: z.nullable(z.string()),
  address_id: z.nullable(z.string()),
  zipcode: z.nullable(z.string()),
  lat: z.nullable(z.number()),
  long: z.nullable(z.number()),
  media_url: z.nullable(z.string()),
});
export type Open311Request = z.infer<typeof Open311Request>;
export const Open311Requests = z.array(Open311Request);

export const Open311ServiceParams = z.object({
  code: z.string().check(z.regex(new RegExp(`^${CODE}\\.json$`), '服务代码不存在（应为 类型-领域.json）')),
});
export const Open311RequestParams = z.object({
  id: z.string().check(z.regex(/^[a-z0-9-]{8,64}\.json$/, '诉求编号格式不正确（应为 编号.json）')),
});

const CodeList = z.string().check(z.refine((s) => s.split(',').every((c) => SERVICE_CODE_RE.test(c)), '服务代码不存在'));
export const Open311RequestsQuery = z.object({
  service_code: z.optional(CodeList),
  status: z.optional(z.enum(['open', 'closed'], '状态应为 open 或 closed')),
  start_date: z.optional(Instant),
  end_date: z.optional(Instant),
});
