import * as z from 'zod/mini';

/** A calendar date in Asia/Shanghai, `YYYY-MM-DD`. */
export const DateString = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD'));
/** An instant, UTC ISO-8601. */
export const Instant = z.string();
export const RegionCode = z.string().check(z.regex(/^\d{6,15}$/, '区划代码格式不正确'));
export const MobilePhone = z.string().check(z.regex(/^1[3-9]\d{9}$/, '请输入11位手机号码'));
export const Id = z.string().check(z.minLength(1, '不能为空'), z.maxLength(64, '过长'));

export const ErrorBody = z.object({
  code: z.string(),
  message: z.string(),
  fields: z.optional(z.record(z.string(), z.string())),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

export const OkResponse = z.object({ ok: z.literal(true) });
