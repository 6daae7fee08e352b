// Personal data rules (PIPL): the privacy notice and when consent is current,
// what deleting an account erases and what the law makes us keep (and why),
// and the readable summary of an export. Pure: the store does the I/O.
import type { FullView, PrivacyNotice } from '../../shared/schemas/privacy';
import type { StaffRole } from '../../shared/enums';

/** Bump the version whenever the text changes in substance: every resident is asked again. */
export const PRIVACY_NOTICE: PrivacyNotice = {
  version: '2026-12-01',
  title: '办事小程序个人信息保护告知',
  effectiveOn: '2026-12-01',
  sections: [
    { heading: '我们收集什么', body: '微信身份标识、您填写的姓名、手机号、出生日期、现居地与户籍地，以及您的预约、办件、评价、诉求和消息记录。' },
    { heading: '用来做什么', body: '仅用于为您办理政务服务事项、预约、推送办理进度和政策通知、回访评价，不用于其他目的，不向第三方提供。' },
    { heading: '工作人员如何看到', body: '工作人员在列表中只能看到打码的手机号和证件号，确需办理时才能查看完整信息，每次查看都会留痕，接受督查。' },
    { heading: '保存多久', body: '个人资料保存至您注销账号；办件档案按政务服务档案管理规定保存，注销后只保留法律要求的内容。' },
    { heading: '您的权利', body: '您可在“我的 → 个人信息”中导出我们保存的全部个人信息，或注销账号；注销后 15 日内删除或匿名化您的个人信息。' },
  ],
};

export interface ConsentRecord {
  version: string;
  consentedAt: string;
}

export const consentIsCurrent = (c: ConsentRecord | null | undefined): boolean => c?.version === PRIVACY_NOTICE.version;

/** The legal limit for carrying out a deletion (PIPL art. 47; our promise in the notice). */
export const DELETION_DAYS = 15;
export const deletionDueBy = (requestedAt: string): string => new Date(Date.parse(requestedAt) + DELETION_DAYS * 86_400_000).toISOString();

/** How a deleted resident's name reads on the records that stay. */
export const ERASED_NAME = '已注销用户';

/** Why each kind of kept record stays, said to the resident. */
export const RETENTION_REASONS = {
  applications: '办件档案须按《政务服务事项档案管理》规定保存：保留申请人姓名与办理过程，已删除手机号，与您的账号不再关联。',
  demands: '诉求工单属政务服务便民热线档案，须留存备查：已删除您的姓名和手机号，与您的账号不再关联。',
  ratings: '评价计入部门满意度统计，须保持统计真实：已删除评语，仅保留分数，与您的账号不再关联。',
  appointments: '预约记录用于服务网点的名额核对：已与您的账号解除关联，不含姓名和手机号。',
} as const;

export type KeptKind = keyof typeof RETENTION_REASONS;

export interface Holdings {
  appointments: number;
  applications: number;
  ratings: number;
  invites: number;
  demands: number;
  inbox: number;
  /** Absent on deletions scheduled before certificates were recorded. */
  certificates?: number;
}

/** What a deletion erases and keeps, for the resident's answer and the audit record. */
export function deletionOutcome(h: Holdings) {
  const erased = [
    { what: '个人资料（姓名、手机号、出生日期、现居地、户籍地、标签）', count: 1 },
    { what: '微信身份关联', count: 1 },
    { what: '消息', count: h.inbox },
    { what: '证照和待遇的到期记录', count: h.certificates ?? 0 },
    { what: '待评价邀请', count: h.invites },
    { what: '订阅消息授权', count: 1 },
  ];
  const kept = (['applications', 'demands', 'ratings', 'appointments'] as const)
    .filter((k) => h[k] > 0)
    .map((k) => ({ what: KEPT_LABELS[k], count: h[k], reason: RETENTION_REASONS[k] }));
  return { erased, kept };
}

const KEPT_LABELS: Record<KeptKind, string> = { applications: '办件档案', demands: '诉求工单', ratings: '评价分数', appointments: '预约记录' };

/** 139****5678; an 18-digit ID number keeps its region and check digit only. */
export const maskIdNumber = (id: string | null | undefined): string => (id ? `${id.slice(0, 6)}********${id.slice(-4)}` : '');

export interface ExportCounts extends Omit<Holdings, 'invites'> {
  name: string | null;
  phone: string | null;
  consent: ConsentRecord | null;
}

/** The readable zh-CN summary that travels with the JSON export. */
export function exportSummary(c: ExportCounts, exportedAt: string): string {
  const lines = [
    `个人信息导出（${exportedAt.slice(0, 10)}）`,
    `姓名：${c.name ?? '未填写'}；手机号：${c.phone ?? '未填写'}`,
    c.consent ? `已同意隐私政策（版本 ${c.consent.version}，${c.consent.consentedAt.slice(0, 10)}）` : '尚未同意当前隐私政策',
    `预约 ${c.appointments} 条，办件 ${c.applications} 件（含办理进度），评价 ${c.ratings} 条，诉求 ${c.demands} 件，消息 ${c.inbox} 条，证照和待遇 ${c.certificates ?? 0} 项。`,
    '完整内容见 data 部分（JSON）。如有疑问，可拨打 12345 或到便民服务中心咨询。',
  ];
  return lines.join('\n');
}

export interface Viewer {
  username: string;
  role: StaffRole;
}

/** The log entries for records a staff member was shown with a phone or ID number in full (none for records without one). */
export function fullViews(viewer: Viewer, recordType: FullView['recordType'], records: { id: string; phone?: string | null; idNumber?: string | null }[], at: string): FullView[] {
  return records.flatMap((r) => {
    const fields = [r.phone ? 'phone' : null, r.idNumber ? 'idNumber' : null].filter((f): f is string => !!f);
    return fields.length ? [{ at, username: viewer.username, role: viewer.role, recordType, recordId: r.id, fields }] : [];
  });
}
