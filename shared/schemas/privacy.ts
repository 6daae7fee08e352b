// Personal data (PIPL): the privacy notice and consent, the export of
// everything held about a resident, deleting the account, and the log of
// staff views of full phone and ID numbers.
import * as z from 'zod/mini';
import { STAFF_ROLES } from '../enums';
import { Instant, NextCursor } from './common';

export const PrivacyNotice = z.object({
  version: z.string(),
  title: z.string(),
  effectiveOn: z.string(),
  /** Short paragraphs, shown in order. */
  sections: z.array(z.object({ heading: z.string(), body: z.string() })),
});
export type PrivacyNotice = z.infer<typeof PrivacyNotice>;

export const PrivacyConsentRequest = z.object({
  version: z.string().check(z.minLength(1, '请先阅读隐私政策'), z.maxLength(32, '隐私政策版本不正确')),
});
export type PrivacyConsentRequest = z.infer<typeof PrivacyConsentRequest>;

export const PrivacyConsent = z.object({ version: z.string(), consentedAt: Instant, current: z.boolean() });
export type PrivacyConsent = z.infer<typeof PrivacyConsent>;

/** What was erased, or kept and why (the resident is told both). */
export const DataDisposition = z.object({ what: z.string(), count: z.int(), reason: z.optional(z.string()) });
export type DataDisposition = z.infer<typeof DataDisposition>;

export const PersonalDataExport = z.object({
  exportedAt: Instant,
  /** Readable zh-CN summary of the same data. */
  summary: z.string(),
  data: z.object({
    profile: z.record(z.string(), z.unknown()),
    privacyConsent: z.nullable(z.object({ version: z.string(), consentedAt: z.string() })),
    appointments: z.array(z.record(z.string(), z.unknown())),
    applications: z.array(z.record(z.string(), z.unknown())),
    ratings: z.array(z.record(z.string(), z.unknown())),
    demands: z.array(z.record(z.string(), z.unknown())),
    inbox: z.array(z.record(z.string(), z.unknown())),
    /** Certificates and benefits on record, with their end dates. */
    certificates: z.array(z.object({ certificate: z.string(), grantedOn: z.string(), endsOn: z.string(), caseId: z.string() })),
  }),
});
export type PersonalDataExport = z.infer<typeof PersonalDataExport>;

/** Deleting the account needs the word typed back, so a stray tap cannot do it. */
export const DELETE_CONFIRMATION = '注销';
export const DeleteAccountRequest = z.object({
  confirm: z.string().check(z.refine((s) => s === DELETE_CONFIRMATION, `请输入“${DELETE_CONFIRMATION}”确认注销`)),
});
export type DeleteAccountRequest = z.infer<typeof DeleteAccountRequest>;

export const AccountDeletion = z.object({
  status: z.enum(['scheduled', 'done']),
  requestedAt: Instant,
  /** The legal limit: 15 days after the request. */
  dueBy: Instant,
  completedAt: z.nullable(Instant),
  erased: z.array(DataDisposition),
  kept: z.array(DataDisposition),
  message: z.string(),
});
export type AccountDeletion = z.infer<typeof AccountDeletion>;

export const FULL_VIEW_RECORDS = ['application', 'demand'] as const;
export const FullView = z.object({
  at: Instant,
  username: z.string(),
  role: z.enum(STAFF_ROLES),
  recordType: z.enum(FULL_VIEW_RECORDS),
  recordId: z.string(),
  /** What was shown in full: phone, idNumber. */
  fields: z.array(z.string()),
});
export type FullView = z.infer<typeof FullView>;

export const FullViewsResponse = z.object({ views: z.array(FullView), nextCursor: NextCursor });
export type FullViewsResponse = z.infer<typeof FullViewsResponse>;
