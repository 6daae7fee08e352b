// Valid complaints (查实有效), the accountability ladder and the department
// apologies: what the supervisor, the named staff member and the department
// head send and see. The rules are functions/domain/accountability.ts.
import * as z from 'zod/mini';
import { DateString, Instant, NextCursor, Text, Version } from './common';

export const COMPLAINT_STATUSES = ['investigating', 'valid', 'not_valid'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];
export const COMPLAINT_STATUS_LABELS: Record<ComplaintStatus, string> = {
  investigating: '核查中',
  valid: '查实有效',
  not_valid: '查无实据',
};

export const LADDER_ACTIONS = ['admonish', 'find_incompetent', 'training', 'transfer', 'warning', 'sanction', 'propose_dismissal'] as const;
export const APOLOGY_KINDS = ['private', 'public'] as const;
export const COMPLAINT_ACTIONS = ['state_case', 'decide'] as const;

const Username = z.string().check(z.regex(/^[a-z0-9._-]{2,40}$/, '工作人员账号格式不正确'));
const Finding = Text(1000, { label: '核查结论', min: 5, required: '请写明核查结论（至少5个字）', multiline: true });

export const ComplaintParams = z.object({ id: z.string().check(z.regex(/^[a-z0-9-]{8,64}$/, '投诉编号格式不正确')) });
export const StaffParams = z.object({ username: Username });
export const ApologyParams = z.object({ id: z.string().check(z.regex(/^\d{4}-[a-z0-9-]{2,64}-[12]$/, '致歉编号格式不正确')) });

export const OpenComplaintRequest = z.object({
  /** The staff member the complaint is about. */
  staffUsername: Username,
});
export const StatementRequest = z.object({
  text: Text(1000, { label: '情况说明', min: 5, required: '请写明情况说明（至少5个字）', multiline: true }),
  version: Version,
});
export const DecisionRequest = z.object({
  valid: z.boolean(),
  finding: Finding,
  evidence: z.array(Text(200, { label: '证据', min: 1 })).check(z.maxLength(10, '证据最多10项')),
  version: Version,
});
export const LadderActionRequest = z.object({
  complaintId: ComplaintParams.shape.id,
  action: z.enum(LADDER_ACTIONS),
  note: z.optional(Text(500, { label: '说明', multiline: true })),
});
export const ApologyDoneRequest = z.object({
  note: Text(500, { label: '致歉情况', min: 2, required: '请写明致歉情况', multiline: true }),
});

export const ComplaintCase = z.object({
  id: z.string(),
  demandId: z.string(),
  demandNumber: z.string(),
  staff: z.object({ username: z.string(), name: z.string() }),
  department: z.nullable(z.object({ id: z.string(), name: z.string() })),
  status: z.enum(COMPLAINT_STATUSES),
  statement: z.nullable(z.object({ text: z.string(), at: Instant })),
  finding: z.nullable(z.string()),
  evidence: z.array(z.string()),
  openedAt: Instant,
  decidedAt: z.nullable(Instant),
  /** The ladder step this complaint put the person on (valid only; the supervisor and the person see it). */
  ladderStep: z.nullable(z.number()),
  allowedActions: z.array(z.enum(COMPLAINT_ACTIONS)),
  version: z.number(),
});
export type ComplaintCase = z.infer<typeof ComplaintCase>;
export const ComplaintsResponse = z.object({ complaints: z.array(ComplaintCase), nextCursor: NextCursor });

export const LadderEntry = z.object({
  complaintId: z.string(),
  decidedOn: DateString,
  step: z.number(),
  actions: z.array(z.object({ action: z.enum(LADDER_ACTIONS), doneAt: z.nullable(Instant), note: z.nullable(z.string()) })),
});
export const LadderPerson = z.object({
  username: z.string(),
  name: z.string(),
  department: z.nullable(z.object({ id: z.string(), name: z.string() })),
  /** Valid complaints in the rolling two years. */
  count: z.number(),
  step: z.number(),
  stepLabel: z.nullable(z.string()),
  owed: z.array(z.object({ complaintId: z.string(), step: z.number(), action: z.enum(LADDER_ACTIONS) })),
  entries: z.array(LadderEntry),
});
export type LadderPerson = z.infer<typeof LadderPerson>;
export const Apology = z.object({
  id: z.string(),
  year: z.string(),
  department: z.object({ id: z.string(), name: z.string() }),
  kind: z.enum(APOLOGY_KINDS),
  complaintId: z.string(),
  demandNumber: z.string(),
  dueOn: z.nullable(DateString),
  overdue: z.boolean(),
  doneAt: z.nullable(Instant),
  note: z.nullable(z.string()),
});
export type Apology = z.infer<typeof Apology>;
export const AccountabilityResponse = z.object({ people: z.array(LadderPerson), apologies: z.array(Apology) });
export type AccountabilityResponse = z.infer<typeof AccountabilityResponse>;
