import * as z from 'zod/mini';
import { RESIDENT_TAGS, STAFF_ROLES } from '../enums';
import { Instant, MobilePhone, RegionCode, Text } from './common';
import { placeOf } from '../data/places-cn';

export const WechatLoginRequest = z.object({
  code: z.string().check(z.minLength(1, '缺少登录凭证'), z.maxLength(128, '登录凭证格式不正确')),
});
export type WechatLoginRequest = z.infer<typeof WechatLoginRequest>;

export const Me = z.object({
  id: z.string(),
  name: z.nullable(z.string()),
  phone: z.nullable(z.string()),
  currentRegionCode: z.nullable(RegionCode),
  hometownRegionCode: z.nullable(RegionCode),
  tags: z.array(z.enum(RESIDENT_TAGS)),
  elderMode: z.boolean(),
  /** Where a migrant worker lives and works outside the county: a city code from shared/data/places-cn.ts. */
  currentPlaceCode: z.optional(z.nullable(z.string())),
  /** 广东省 东莞市 */
  currentPlaceName: z.optional(z.nullable(z.string())),
  birthDate: z.optional(z.nullable(z.string())),
  /** Whether the resident agreed to the current privacy notice (else the app shows it before anything else). */
  privacyConsented: z.optional(z.boolean()),
  createdAt: Instant,
});
export type Me = z.infer<typeof Me>;

/** A city on the standard list (not free text). */
export const CityCode = z.string().check(
  z.regex(/^\d{6}$/, '请从列表中选择省市'),
  z.refine((c) => !!placeOf(c), '请从列表中选择省市'),
);

/** A birth date: a real day between 1900 and today. */
export const BirthDate = z.string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}$/, '出生日期格式应为 YYYY-MM-DD'),
  z.refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s && s >= '1900-01-01' && d.getTime() <= Date.now();
  }, '出生日期不存在'),
);

export const UpdateMeRequest = z.object({
  name: z.optional(Text(20, { label: '姓名', min: 1 })),
  phone: z.optional(z.nullable(MobilePhone)),
  currentRegionCode: z.optional(z.nullable(RegionCode)),
  hometownRegionCode: z.optional(z.nullable(RegionCode)),
  tags: z.optional(z.array(z.enum(RESIDENT_TAGS)).check(z.maxLength(RESIDENT_TAGS.length, '标签过多'))),
  elderMode: z.optional(z.boolean()),
  /** Living outside the county: the city (its province follows from it); the hometown still targets notices. */
  currentPlaceCode: z.optional(z.nullable(CityCode)),
  birthDate: z.optional(z.nullable(BirthDate)),
});
export type UpdateMeRequest = z.infer<typeof UpdateMeRequest>;

export const ResidentSession = z.object({ token: z.string(), expiresAt: Instant, me: Me });
export type ResidentSession = z.infer<typeof ResidentSession>;

export const StaffLoginRequest = z.object({
  username: Text(40, { label: '用户名', min: 1, required: '请输入用户名' }),
  password: z.string().check(z.minLength(1, '请输入密码'), z.maxLength(128, '密码过长')),
});
export type StaffLoginRequest = z.infer<typeof StaffLoginRequest>;

export const StaffProfile = z.object({
  username: z.string(),
  name: z.string(),
  role: z.enum(STAFF_ROLES),
  departmentId: z.nullable(z.string()),
  departmentName: z.nullable(z.string()),
  regionCode: RegionCode,
  regionName: z.string(),
  phone: z.nullable(z.string()),
});
export type StaffProfile = z.infer<typeof StaffProfile>;

export const StaffSession = z.object({ token: z.string(), expiresAt: Instant, staff: StaffProfile });
export type StaffSession = z.infer<typeof StaffSession>;
