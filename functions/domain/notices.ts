// Who a notice reaches, a person's age, and the proactive-service rules (as
// data). Pure: the fan-out job, the feed and the daily proactive job ask these.
import type { ResidentTag } from '../../shared/enums';
import type { PushMessage } from './messages';
import { asThing, outboxId } from './outbox';
import { ageOn } from './age';

export { ageOn, ageWarning } from './age';

export interface NoticeTarget {
  /** Region subtrees (county 6 digits, town 9, village 12, group 15). */
  regionCodes: string[];
  /** Any of these tags; empty = everyone in the regions. */
  tags: ResidentTag[];
  minAge: number | null;
  maxAge: number | null;
}

export interface Audience {
  /** Null when the current place is outside the county (a migrant worker's 东莞). */
  currentRegionCode: string | null;
  hometownRegionCode: string | null;
  tags: ResidentTag[];
  birthDate: string | null;
}

const LEVELS = [6, 9, 12, 15];

/** A region and every region above it, county first: `511999103001` → county, town, village. */
export const ancestorsOf = (code: string): string[] => LEVELS.filter((n) => n <= code.length).map((n) => code.slice(0, n));

/** Codes nest by prefix, so a subtree is a prefix. */
export const inSubtree = (code: string | null, root: string) => !!code && code.startsWith(root);

/** The person's regions that targeting looks at: where they live now and their hometown. */
export const homeRegions = (a: Pick<Audience, 'currentRegionCode' | 'hometownRegionCode'>): string[] =>
  [...new Set([a.currentRegionCode, a.hometownRegionCode].filter((c): c is string => !!c))];

/** Whether `a` is in the notice's audience on `today` (an unknown age never matches an age range). */
export function matchesTarget(t: NoticeTarget, a: Audience, today: string): boolean {
  const regions = homeRegions(a);
  if (!t.regionCodes.some((root) => regions.some((r) => inSubtree(r, root)))) return false;
  if (t.tags.length && !t.tags.some((tag) => a.tags.includes(tag))) return false;
  if (t.minAge === null && t.maxAge === null) return true;
  const age = a.birthDate ? ageOn(a.birthDate, today) : null;
  if (age === null) return false;
  return (t.minAge === null || age >= t.minAge) && (t.maxAge === null || age <= t.maxAge);
}

// ---------------------------------------------------------------- age

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** The birth date in an 18-digit resident ID number (checksum verified), or null. */
export function birthDateFromIdNumber(id: string): string | null {
  const s = id.toUpperCase();
  if (!/^\d{17}[\dX]$/.test(s)) return null;
  const sum = ID_WEIGHTS.reduce((acc, w, i) => acc + w * Number(s[i]), 0);
  if (ID_CHECK[sum % 11] !== s[17]) return null;
  const [y, m, d] = [Number(s.slice(6, 10)), Number(s.slice(10, 12)), Number(s.slice(12, 14))];
  // Birth years run far before the service's own calendar (2000–2099), so check the day here.
  const real = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || real.getUTCFullYear() !== y || real.getUTCMonth() !== m - 1 || real.getUTCDate() !== d) return null;
  return `${s.slice(6, 10)}-${s.slice(10, 12)}-${s.slice(12, 14)}`;
}

/** The birth date from the profile, else from the ID number. */
export const birthDateOf = (p: { birthDate?: string | null; idNumber?: string | null }): string | null =>
  p.birthDate ?? (p.idNumber ? birthDateFromIdNumber(p.idNumber) : null);

// ---------------------------------------------------------------- proactive rules

export type ProactiveWhen = { type: 'turning'; age: number } | { type: 'expiring'; certificate: string; withinDays: number };

export interface ProactiveRule {
  id: string;
  when: ProactiveWhen;
  /** The inbox title and the push's `thing` (≤ 20). */
  title: string;
  body: string;
  /** The item to apply for, linked from the message. */
  serviceCode: string | null;
}

/** 主动服务: the rules are data; adding one is a row here, not code. */
export const PROACTIVE_RULES: readonly ProactiveRule[] = [
  {
    id: 'elder-card-70',
    when: { type: 'turning', age: 70 },
    title: '可申领老年人优待证',
    body: '您本月年满70周岁，可到村便民服务站申领老年人优待证，享受免费乘坐城乡公交等优待。',
    serviceCode: 'QS-WJ-001',
  },
  {
    id: 'high-age-allowance-80',
    when: { type: 'turning', age: 80 },
    title: '可申领高龄津贴',
    body: '您本月年满80周岁，可申领高龄津贴，按月发放至社会保障卡；行动不便的可由包联干部上门代办。',
    serviceCode: 'QS-MZ-004',
  },
  {
    id: 'elder-card-renewal',
    when: { type: 'expiring', certificate: 'elder_card', withinDays: 30 },
    title: '老年人优待证即将到期',
    body: '您的老年人优待证将在30天内到期，请及时到村便民服务站办理换领。',
    serviceCode: 'QS-WJ-001',
  },
  {
    id: 'high-age-allowance-renewal',
    when: { type: 'expiring', certificate: 'high_age_allowance', withinDays: 30 },
    title: '高龄津贴资格即将到期',
    body: '您的高龄津贴资格将在30天内到期，请及时办理年度资格认证，以免津贴停发；行动不便的可请包联干部上门代办。',
    serviceCode: 'QS-MZ-004',
  },
  {
    id: 'disability-card-renewal',
    when: { type: 'expiring', certificate: 'disability_card', withinDays: 30 },
    title: '残疾人证即将到期',
    body: '您的残疾人证将在30天内到期，请及时到县残联或镇便民服务中心办理换领。',
    serviceCode: 'QS-CL-001',
  },
];

export interface ProactiveSubject {
  residentId: string;
  birthDate: string | null;
  /** Certificates and benefits with an end date: kind → `YYYY-MM-DD`. */
  expiries: Record<string, string>;
}

const dayNumber = (d: string) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) / 86_400_000;

/** Whether `rule` fires for `s` on `today` (Asia/Shanghai date). */
export function ruleFires(rule: ProactiveRule, s: ProactiveSubject, today: string): boolean {
  const w = rule.when;
  if (w.type === 'turning') {
    if (!s.birthDate) return false;
    return s.birthDate.slice(5, 7) === today.slice(5, 7) && Number(today.slice(0, 4)) - Number(s.birthDate.slice(0, 4)) === w.age;
  }
  const end = s.expiries[w.certificate];
  if (!end) return false;
  const left = dayNumber(end) - dayNumber(today);
  return left >= 0 && left <= w.withinDays;
}

/** Once per rule per person per year, whatever the reruns: the key the reminder's rows are written under. */
export const proactiveKey = (ruleId: string, residentId: string, today: string) => `${ruleId}-${residentId}-${today.slice(0, 4)}`;

/** The rules that fire for `s` today, each with its once-a-year key. */
export const firedRules = (s: ProactiveSubject, today: string, rules: readonly ProactiveRule[] = PROACTIVE_RULES) =>
  rules.filter((r) => ruleFires(r, s, today)).map((rule) => ({ rule, key: proactiveKey(rule.id, s.residentId, today) }));

// ---------------------------------------------------------------- notice lifecycle and fan-out plan

export type NoticeStatus = 'draft' | 'published' | 'withdrawn';
export type NoticeAction = 'edit' | 'publish' | 'withdraw';

/** The one table: a draft is edited and published; a published notice is withdrawn. */
const NOTICE_FLOW: Record<NoticeStatus, Partial<Record<NoticeAction, NoticeStatus>>> = {
  draft: { edit: 'draft', publish: 'published' },
  published: { withdraw: 'withdrawn' },
  withdrawn: {},
};
export const nextNoticeStatus = (from: NoticeStatus, action: NoticeAction): NoticeStatus | null => NOTICE_FLOW[from][action] ?? null;

/** One Query of the region index: a town's partition, the codes under a prefix. */
export interface MemberQuery {
  partition: string;
  prefix: string;
}

/**
 * The Queries that cover the target regions: a town or below is one Query in
 * the town's partition; the county is its own entries plus every town's.
 * Regions inside another target are dropped, so no one is paged twice.
 */
export function memberQueries(regionCodes: string[], townCodes: string[]): MemberQuery[] {
  const roots = [...new Set(regionCodes)].filter((c, _, all) => !all.some((o) => o !== c && c.startsWith(o))).sort();
  return roots.flatMap((root) =>
    root.length >= 9
      ? [{ partition: root.slice(0, 9), prefix: root }]
      : [{ partition: root, prefix: root }, ...townCodes.filter((t) => t.startsWith(root)).sort().map((t) => ({ partition: t, prefix: t }))],
  );
}

/** The inbox and push of a notice for one resident (id from the notice and the person: written once). */
export function noticeMessage(
  n: { id: string; kind: 'policy' | 'legal' | 'hometown' | 'reminder'; title: string; body: string; publishedAt: string; expiresOn: string | null },
  residentId: string,
  kindLabel: string,
): PushMessage {
  const summary = n.body.replace(/\s+/g, ' ').trim();
  return {
    id: outboxId.notice(n.id, residentId),
    kind: 'notice',
    title: n.title,
    body: [...summary].length > 80 ? [...summary].slice(0, 79).join('') + '…' : summary,
    page: `packages/notice/detail?id=${n.id}`,
    template: 'notice',
    data: { thing1: asThing(n.title), phrase2: kindLabel, date3: shanghaiDay(n.publishedAt) },
    noticeId: n.id,
    // Shown through the expiry day, Asia/Shanghai: gone from 00:00 the day after.
    expiresAt: n.expiresOn ? new Date(Date.parse(`${n.expiresOn}T00:00:00+08:00`) + 86_400_000).toISOString() : null,
  };
}

const shanghaiDay = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 10);
