import * as z from 'zod/mini';
import { REGION_LEVELS } from '../enums';
import { RegionCode } from './common';

export const Region = z.object({
  code: RegionCode,
  name: z.string(),
  level: z.enum(REGION_LEVELS),
  parentCode: z.nullable(RegionCode),
});
export type Region = z.infer<typeof Region>;

export const RegionsResponse = z.object({ regions: z.array(Region) });
export type RegionsResponse = z.infer<typeof RegionsResponse>;

export const Department = z.object({
  id: z.string(),
  name: z.string(),
  phone: z.optional(z.string()),
  address: z.optional(z.string()),
});
export type Department = z.infer<typeof Department>;

export const DepartmentsResponse = z.object({ departments: z.array(Department) });
export type DepartmentsResponse = z.infer<typeof DepartmentsResponse>;
