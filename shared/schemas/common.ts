import * as z from 'zod/mini';

// ---------------------------------------------------------------- dates and times
// A pattern alone lets 2026-02-30 or 25:61 through, and the backend then
// either fails on an Invalid Date or quietly writes a day that never comes.
// Every date, time, month, year and slot id of the contract is checked here
// against the real calendar.

/** Years the service works in: the calendar and the ids have four digits starting 20. */
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2099;

const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** `YYYY-MM-DD` that exists on the calendar, in the supported years. */
export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return y >= MIN_YEAR && y <= MAX_YEAR && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

/** `HH:mm`, 00:00–23:59. */
export const isTimeOfDay = (s: string) => /^([01]\d|2[0-3]):[0-5]\d$/.test(s);

/** `YYYY-MM` in the supported years. */
export const isMonth = (s: string) => /^\d{4}-\d{2}$/.test(s) && isCalendarDate(`${s}-01`);

/** `YYYY` in the supported years. */
export const isYear = (s: string) => /^\d{4}$/.test(s) && Number(s) >= MIN_YEAR && Number(s) <= MAX_YEAR;

/** An ISO-8601 instant with an offset (`Z` or `+08:00`) on a real date and time. */
export function isInstant(s: string): boolean {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/.exec(s);
  return !!m && isCalendarDate(m[1]!) && isTimeOfDay(m[2]!);
}

/** A calendar date in Asia/Shanghai, `YYYY-MM-DD`. */
export const DateString = z.string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD'),
  z.refine(isCalendarDate, '日期不存在，请检查年月日'),
);
/** A wall-clock time of day in Asia/Shanghai, `HH:mm`. */
export const TimeOfDay = z.string().check(
  z.regex(/^\d{2}:\d{2}$/, '时间格式应为 HH:mm（00:00—23:59）'),
  z.refine(isTimeOfDay, '时间格式应为 HH:mm（00:00—23:59）'),
);
/** A calendar month, `YYYY-MM`. */
export const MonthString = z.string().check(z.regex(/^\d{4}-\d{2}$/, '月份格式应为 YYYY-MM'), z.refine(isMonth, '月份不存在'));
/** A calendar year, `YYYY` (as in a path). */
export const YearString = z.string().check(
  z.regex(/^\d{4}$/, `年份格式不正确（${MIN_YEAR}—${MAX_YEAR}）`),
  z.refine(isYear, `年份格式不正确（${MIN_YEAR}—${MAX_YEAR}）`),
);
/** An instant, UTC ISO-8601. */
export const Instant = z.string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/, '时间格式应为 ISO-8601'),
  z.refine(isInstant, '时间格式应为 ISO-8601'),
);

/** A department's id (`civil-affairs`), as in a query filter. */
export const DepartmentId = z.string().check(z.regex(/^[a-z0-9-]{2,64}$/, '部门编号格式不正确'));

/** A place: a service point id, or `roving-<rule id>` for a roving office schedule. */
export const PlaceId = z.string().check(z.regex(/^[a-z0-9-]{2,64}$/, '办理地点编号格式不正确'));

export interface SlotIdParts {
  placeId: string;
  date: string;
  /** HH:mm */
  start: string;
}

/** `<placeId>~<YYYY-MM-DD>~<HHmm>` split and checked, or undefined when it names no real slot time. */
export function parseSlotIdParts(slotId: string): SlotIdParts | undefined {
  const m = /^([a-z0-9-]{2,64})~(\d{4}-\d{2}-\d{2})~(\d{2})(\d{2})$/.exec(slotId);
  if (!m) return undefined;
  const start = `${m[3]}:${m[4]}`;
  return isCalendarDate(m[2]!) && isTimeOfDay(start) ? { placeId: m[1]!, date: m[2]!, start } : undefined;
}

/** `<placeId>~<YYYY-MM-DD>~<HHmm>` on a real date and time of day. */
export const SlotId = z.string().check(
  z.regex(/^[a-z0-9-]{2,64}~\d{4}-\d{2}-\d{2}~\d{4}$/, '时段编号格式不正确'),
  z.refine((s) => parseSlotIdParts(s) !== undefined, '时段的日期或时间不存在'),
);

// ---------------------------------------------------------------- numbers

/** Optimistic-concurrency version the editor saw. */
export const Version = z.int().check(z.minimum(1, '版本号应为正整数'), z.maximum(1_000_000_000, '版本号过大'));

// ---------------------------------------------------------------- text
// Names and notes are shown on staff screens and read aloud at windows:
// control characters, unpaired surrogates and bidi overrides (which can make
// 张三 display as someone else) are refused, surrounding spaces trimmed.

/** Why a string may not be stored as text, or null when it may. `multiline` allows tab and line breaks. */
export function textProblem(s: string, multiline = false): string | null {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x09 || c === 0x0a || c === 0x0d) {
      if (!multiline) return '不能包含换行或制表符';
      continue;
    }
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) return '不能包含控制字符';
    if ((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) return '不能包含文字方向控制符';
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i += 1;
        continue;
      }
      return '包含无效字符';
    }
    if (c >= 0xdc00 && c <= 0xdfff) return '包含无效字符';
  }
  return null;
}

export interface TextOptions {
  /** What it is, for the messages: 姓名, 地址. */
  label?: string;
  /** Minimum length after trimming (0 allows empty). */
  min?: number;
  /** Free text (notes, descriptions) may span lines; names may not. */
  multiline?: boolean;
  /** Message when shorter than `min` (default 请填写<label>). */
  required?: string;
}

/** Free or single-line text: trimmed, `min`–`max` characters, no control, bidi or broken characters. */
export function Text(max: number, opts: TextOptions = {}) {
  const label = opts.label ?? '内容';
  const min = opts.min ?? 0;
  const checks = [
    z.trim(),
    ...(min > 0 ? [z.minLength(min, opts.required ?? (min === 1 ? `请填写${label}` : `${label}至少${min}个字`))] : []),
    z.maxLength(max, `${label}不能超过${max}字`),
    z.superRefine((s: string, ctx) => {
      const problem = textProblem(s, opts.multiline);
      if (problem) ctx.issues.push({ code: 'custom', message: `${label}${problem}`, input: s });
    }),
  ];
  return z.string().check(...checks);
}

/** A single-line name or label (at least one character). */
export const Name = (max: number, label = '名称', min = 1) => Text(max, { label, min });

/** Stored text as it comes back in a response: any string (legacy rows may predate the text rules). */
export const StoredText = z.string();

export const RegionCode = z.string().check(z.regex(/^\d{6,15}$/, '区划代码格式不正确'));
export const MobilePhone = z.string().check(z.regex(/^1[3-9]\d{9}$/, '请输入11位手机号码'));
export const Id = z.string().check(z.minLength(1, '不能为空'), z.maxLength(64, '过长'));

export const ErrorBody = z.object({
  code: z.string(),
  message: z.string(),
  fields: z.optional(z.record(z.string(), z.string())),
  /** 429: seconds until another attempt is allowed (also the Retry-After header). */
  retryAfter: z.optional(z.number()),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

/** What API Gateway itself answers (its authorizers, throttling, size limit): no `code`, English. */
export const GatewayErrorBody = z.object({ message: z.string() });

export const OkResponse = z.object({ ok: z.literal(true) });

// ---------------------------------------------------------------- paging
// Every list that grows pages with an opaque cursor: the response carries
// `nextCursor` (null on the last page) and the next request sends it back as
// `cursor`. The server checks it belongs to the same list.

export const PAGE_LIMIT_DEFAULT = 20;
export const PAGE_LIMIT_MAX = 100;
const BAD_CURSOR = '翻页参数无效，请从第一页重新加载';
export const PageQuery = z.object({
  cursor: z.optional(z.string().check(z.minLength(1, BAD_CURSOR), z.maxLength(1024, BAD_CURSOR), z.regex(/^[A-Za-z0-9_-]+$/, BAD_CURSOR))),
  limit: z.optional(z.string().check(z.regex(/^([1-9]|[1-9]\d|100)$/, `每页条数应为1-${PAGE_LIMIT_MAX}`))),
});
export type PageQuery = z.infer<typeof PageQuery>;
/** The next page's cursor; null when this page is the last. */
export const NextCursor = z.nullable(z.string());

