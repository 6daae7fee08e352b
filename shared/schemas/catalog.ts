import * as z from 'zod/mini';
import { CERTIFICATES, ITEM_TYPES, MATERIAL_FORMATS, REGION_LEVELS, SERVICE_CATEGORIES } from '../enums';
import { DepartmentId, Instant, StoredText, Text, Version } from './common';

export const ServiceCode = z.string().check(z.regex(/^[A-Z0-9-]{3,32}$/, '事项编码应为3-32位大写字母、数字或连字符'));

export const Material = z.object({
  name: Text(100, { label: '材料名称', min: 1 }),
  required: z.boolean(),
  copies: z.int().check(z.minimum(0, '份数不能为负'), z.maximum(20, '份数过多')),
  format: z.enum(MATERIAL_FORMATS),
  notes: z.optional(Text(300, { label: '说明', multiline: true })),
  sample: z.optional(Text(300, { label: '样例说明', multiline: true })),
});
export type Material = z.infer<typeof Material>;

/** The largest fee an item may state (元): well above any county administrative charge. */
export const MAX_FEE_YUAN = 100_000;

/** The performance of an item computed from real cases (running aggregates). */
export const ItemStats = z.object({
  concluded: z.int(),
  onTimeRate: z.nullable(z.number().check(z.minimum(0), z.maximum(1))),
  medianDays: z.nullable(z.number().check(z.minimum(0))),
});
export type ItemStats = z.infer<typeof ItemStats>;

/** A certificate or benefit an item grants, valid for whole months from the conclusion. */
export const CertificateGrant = z.object({
  certificate: z.enum(CERTIFICATES),
  validMonths: z.int({ error: '有效期应为整月数' }).check(z.minimum(1, '有效期至少1个月'), z.maximum(240, '有效期最长240个月')),
});
export type CertificateGrant = z.infer<typeof CertificateGrant>;

const Age = z.int({ error: '年龄应为整数' }).check(z.minimum(0, '年龄应为0-150'), z.maximum(150, '年龄应为0-150'));

/** Fields staff edit; the rest is derived. */
export const ServiceItemInput = z.object({
  name: Text(60, { label: '事项名称', min: 2 }),
  departmentId: Text(64, { label: '部门', min: 1, required: '请选择部门' }),
  category: z.enum(SERVICE_CATEGORIES),
  serves: Text(200, { label: '服务对象', min: 1, multiline: true }),
  description: Text(1000, { label: '事项说明', multiline: true }),
  basis: z.optional(Text(500, { label: '设定依据', multiline: true })),
  handlingLevel: z.enum(REGION_LEVELS),
  statutoryDays: z.int().check(z.minimum(0, '法定时限不能为负'), z.maximum(365, '法定时限过长')),
  promisedDays: z.int().check(z.minimum(0, '承诺时限不能为负'), z.maximum(365, '承诺时限过长')),
  type: z.enum(ITEM_TYPES),
  materials: z.array(Material).check(z.maxLength(40, '材料过多')),
  feeYuan: z.number().check(
    z.minimum(0, '收费不能为负'),
    z.maximum(MAX_FEE_YUAN, `收费不能超过${MAX_FEE_YUAN}元`),
    z.refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, '收费最多精确到分'),
  ),
  feeNote: z.optional(Text(200, { label: '收费说明', multiline: true })),
  visits: z.int().check(z.minimum(0, '到现场次数不能为负'), z.maximum(5, '到现场次数过多')),
  appointment: z.boolean(),
  online: z.boolean(),
  proxy: z.boolean(),
  keywords: z.array(Text(20, { label: '关键词' })).check(z.maxLength(20, '关键词过多')),
  /** The stated age condition (e.g. 高龄津贴 80+): the item page warns a resident outside it, never blocks. */
  minAge: z.optional(z.nullable(Age)),
  maxAge: z.optional(z.nullable(Age)),
  /** What an approved case grants and for how long: its end date drives the renewal reminder. */
  grants: z.optional(z.nullable(CertificateGrant)),
});
export type ServiceItemInput = z.infer<typeof ServiceItemInput>;

/** On the inputs only (an object with a refinement cannot be extended). */
const ageRangeInOrder = z.refine<{ minAge?: number | null; maxAge?: number | null }>((t) => t.minAge == null || t.maxAge == null || t.minAge <= t.maxAge, {
  message: '最小年龄不能大于最大年龄',
  path: ['minAge'],
});

export const ServiceItemCreate = z.extend(ServiceItemInput, { code: ServiceCode }).check(ageRangeInOrder);
export type ServiceItemCreate = z.infer<typeof ServiceItemCreate>;

/** Update with optimistic concurrency: `version` is the one the editor saw. */
export const ServiceItemUpdate = z.extend(ServiceItemInput, { version: Version }).check(ageRangeInOrder);
export type ServiceItemUpdate = z.infer<typeof ServiceItemUpdate>;

/** A material as stored and returned: text as it was saved (rows may predate the text rules). */
const StoredMaterial = z.extend(Material, { name: StoredText, notes: z.optional(StoredText), sample: z.optional(StoredText) });

export const ServiceItem = z.extend(ServiceItemInput, {
  name: StoredText,
  serves: StoredText,
  description: StoredText,
  basis: z.optional(StoredText),
  feeNote: z.optional(StoredText),
  keywords: z.array(StoredText),
  materials: z.array(StoredMaterial),
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
  q: z.optional(Text(40, { label: '搜索词' })),
  category: z.optional(z.enum(SERVICE_CATEGORIES)),
  departmentId: z.optional(DepartmentId),
  level: z.optional(z.enum(REGION_LEVELS)),
});
export type ServicesQuery = z.infer<typeof ServicesQuery>;

export const ServicesResponse = z.object({ items: z.array(ServiceSummary), total: z.int() });
export type ServicesResponse = z.infer<typeof ServicesResponse>;

export const ServiceCodeParams = z.object({ code: ServiceCode });
