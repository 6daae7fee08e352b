import * as z from 'zod/mini';
import { RESIDENT_TAGS, STAFF_ROLES } from '../enums';
import { Instant, MobilePhone, RegionCode, Text } from './common';

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
  createdAt: Instant,
});
export type Me = z.infer<typeof Me>;

export const UpdateMeRequest = z.object({
  name: z.optional(Text(20, { label: '姓名', min: 1 })),
  phone: z.optional(z.nullable(MobilePhone)),
  currentRegionCode: z.optional(z.nullable(RegionCode)),
  hometownRegionCode: z.optional(z.nullable(RegionCode)),
  tags: z.optional(z.array(z.enum(RESIDENT_TAGS)).check(z.maxLength(RESIDENT_TAGS.length, '标签过多'))),
  elderMode: z.optional(z.boolean()),
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
