import * as z from 'zod/mini';
import { ITEM_TYPES, MATERIAL_FORMATS, REGION_LEVELS, SERVICE_CATEGORIES } from '../enums';
import { Instant } from './common';

export const ServiceCode = z.string().check(z.regex(/^[A-Z0-9-]{3,32}$/, '事项编码应为3-32位大写字母、数字或连字符'));

export const Material = z.object({
  name: z.string().check(z.minLength(1, '请填写材料名称'), z.maxLength(100, '材料名称过长')),
  required: z.boolean(),
  copies: z.int().check(z.minimum(0, '份数不能为负'), z.maximum(20, '份数过多')),
  format: z.enum(MATERIAL_FORMATS),
  notes: z.optional(z.string().check(z.maxLength(300, '说明过长'))),
  sample: z.optional(z.string().check(z.maxLength(300, '样例说明过长'))),
});
export type Material = z.infer<typeof Material>;

/** The performance of an item computed from real cases (running aggregates). */
export const ItemStats = z.object({
  concluded: z.int(),
  onTimeRate: z.nullable(z.number()),
  medianDays: z.nullable(z.number()),
});
export type ItemStats = z.infer<typeof ItemStats>;

/** Fields staff edit; the rest is derived. */
export const ServiceItemInput = z.object({
  name: z.string().check(z.minLength(2, '事项名称至少2个字'), z.maxLength(60, '事项名称过长')),
  departmentId: z.string().check(z.minLength(1, '请选择部门')),
  category: z.enum(SERVICE_CATEGORIES),
  serves: z.string().check(z.minLength(1, '请填写服务对象'), z.maxLength(200, '服务对象过长')),
  description: z.string().check(z.maxLength(1000, '事项说明过长')),
  basis: z.optional(z.string().check(z.maxLength(500, '设定依据过长'))),
  handlingLevel: z.enum(REGION_LEVELS),
  statutoryDays: z.int().check(z.minimum(0, '法定时限不能为负'), z.maximum(365, '法定时限过长')),
  promisedDays: z.int().check(z.minimum(0, '承诺时限不能为负'), z.maximum(365, '承诺时限过长')),
  type: z.enum(ITEM_TYPES),
  materials: z.array(Material).check(z.maxLength(40, '材料过多')),
  feeYuan: z.number().check(z.minimum(0, '收费不能为负')),
  feeNote: z.optional(z.string().check(z.maxLength(200, '收费说明过长'))),
  visits: z.int().check(z.minimum(0, '到现场次数不能为负'), z.maximum(5, '到现场次数过多')),
  appointment: z.boolean(),
  online: z.boolean(),
  proxy: z.boolean(),
  keywords: z.array(z.string().check(z.maxLength(20, '关键词过长'))).check(z.maxLength(20, '关键词过多')),
});
export type ServiceItemInput = z.infer<typeof ServiceItemInput>;

export const ServiceItemCreate = z.extend(ServiceItemInput, { code: ServiceCode });
export type ServiceItemCreate = z.infer<typeof ServiceItemCreate>;

/** Update with optimistic concurrency: `version` is the one the editor saw. */
export const ServiceItemUpdate = z.extend(ServiceItemInput, { version: z.int().check(z.minimum(1)) });
export type ServiceItemUpdate = z.infer<typeof ServiceItemUpdate>;

export const ServiceItem = z.extend(ServiceItemInput, {
  code: ServiceCode,
  departmentName: z.string(),
  stats: ItemStats,
  version: z.int(),
  updatedAt: Instant,
});
export type ServiceItem = z.infer<typeof ServiceItem>;

export const ServiceSummary = z.pick(ServiceItem, {
  code: true,
  name: true,
  departmentId: true,
  departmentName: true,
  category: true,
  handlingLevel: true,
  type: true,
  promisedDays: true,
  visits: true,
  appointment: true,
  online: true,
  proxy: true,
});
export type ServiceSummary = z.infer<typeof ServiceSummary>;

export const ServicesQuery = z.object({
  q: z.optional(z.string().check(z.maxLength(40, '搜索词过长'))),
  category: z.optional(z.enum(SERVICE_CATEGORIES)),
  departmentId: z.optional(z.string().check(z.maxLength(64))),
  level: z.optional(z.enum(REGION_LEVELS)),
});
export type ServicesQuery = z.infer<typeof ServicesQuery>;

export const ServicesResponse = z.object({ items: z.array(ServiceSummary), total: z.int() });
export type ServicesResponse = z.infer<typeof ServicesResponse>;

export const ServiceCodeParams = z.object({ code: ServiceCode });
