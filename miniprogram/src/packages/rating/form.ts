// The rating form's state and its rules, apart from the page: a reducer over
// what the resident chose (kept as a draft on the device), the checks (the
// server's own `ratingErrors`), the request body, and how a refusal reads.
import { BAD_REASONS, RATING_DIMENSIONS, type BadReason, type RateRequest, type Rating, type RatingDimension, type RatingLevel } from '../../../../shared/schemas/ratings';
import { isBad, ratingErrors } from '../../../../shared/rating-rules';
import { isApiError } from '../../api/errors';

export const COMMENT_MAX = 300;

export type Target = 'application' | 'appointment';
export type Dims = Record<RatingDimension, RatingLevel | null>;
export type FieldErrors = Record<string, string>;

/** What the resident chose; the idempotency key travels with it so a retry after a reload still rates once. */
export interface RatingForm {
  idempotencyKey: string;
  level: RatingLevel | null;
  dims: Dims;
  /** Dimensions set by hand: they no longer follow the overall level. */
  touched: Partial<Record<RatingDimension, boolean>>;
  reasons: BadReason[];
  comment: string;
  agentLevel: RatingLevel | null;
}

export const emptyForm = (idempotencyKey: string): RatingForm => ({
  idempotencyKey,
  level: null,
  dims: { efficiency: null, attitude: null, service: null, convenience: null },
  touched: {},
  reasons: [],
  comment: '',
  agentLevel: null,
});

export type FormChange =
  | { type: 'level'; level: RatingLevel }
  | { type: 'dim'; dim: RatingDimension; level: RatingLevel }
  | { type: 'reason'; reason: BadReason }
  | { type: 'comment'; text: string }
  | { type: 'agent'; level: RatingLevel }
  /** The resident's earlier rating, still changeable: 修改评价 starts from it. */
  | { type: 'earlier'; rating: Rating };

const ALL_TOUCHED = Object.fromEntries(RATING_DIMENSIONS.map((d) => [d, true]));

export function rateReducer(f: RatingForm, c: FormChange): RatingForm {
  switch (c.type) {
    case 'level': {
      // Each dimension follows the overall level until the resident sets it.
      const dims = { ...f.dims };
      for (const d of RATING_DIMENSIONS) if (!f.touched[d] || dims[d] === null) dims[d] = c.level;
      return { ...f, level: c.level, dims };
    }
    case 'dim':
      return { ...f, dims: { ...f.dims, [c.dim]: c.level }, touched: { ...f.touched, [c.dim]: true } };
    case 'reason':
      return { ...f, reasons: f.reasons.includes(c.reason) ? f.reasons.filter((r) => r !== c.reason) : [...f.reasons, c.reason] };
    case 'comment':
      return { ...f, comment: c.text };
    case 'agent':
      return { ...f, agentLevel: c.level };
    case 'earlier': {
      const r = c.rating;
      return { ...f, level: r.level as RatingLevel, dims: r.dimensions as Dims, touched: ALL_TOUCHED, reasons: r.reasons, comment: r.comment ?? '', agentLevel: r.agentLevel as RatingLevel | null };
    }
  }
}

/** The field messages a change answers (cleared as the resident fixes them). */
export function answered(c: FormChange): string[] {
  switch (c.type) {
    case 'level':
      return ['level', ...RATING_DIMENSIONS.map((d) => `dimensions.${d}`), ...(isBad(c.level) ? [] : ['reasons', 'comment'])];
    case 'dim':
      return [`dimensions.${c.dim}`];
    case 'reason':
      return c.reason === 'other' ? ['reasons', 'comment'] : ['reasons'];
    case 'comment':
      return c.text.trim() ? ['comment'] : [];
    case 'agent':
      return ['agentLevel'];
    case 'earlier':
      return [];
  }
}

export const isBadForm = (f: RatingForm): boolean => f.level !== null && isBad(f.level);

/** The request, or null before an overall level is chosen; reasons only for a bad review, the agent only when there is one. */
export function rateBody(f: RatingForm, targetType: Target, targetId: string, hasAgent: boolean): RateRequest | null {
  if (f.level === null) return null;
  const level = f.level;
  const comment = f.comment.trim();
  return {
    targetType,
    targetId,
    idempotencyKey: f.idempotencyKey,
    level,
    dimensions: {
      efficiency: f.dims.efficiency ?? level,
      attitude: f.dims.attitude ?? level,
      service: f.dims.service ?? level,
      convenience: f.dims.convenience ?? level,
    },
    ...(isBad(level) ? { reasons: BAD_REASONS.filter((r) => f.reasons.includes(r)) } : {}),
    ...(comment ? { comment } : {}),
    ...(hasAgent && f.agentLevel !== null ? { agentLevel: f.agentLevel } : {}),
  };
}

/** What is wrong before sending: the server's own rules, plus what only a form can miss. */
export function formErrors(f: RatingForm, hasAgent: boolean): FieldErrors {
  if (f.level === null) return hasAgent && f.agentLevel === null ? { level: '请选择总体评价', agentLevel: '请评价代办员' } : { level: '请选择总体评价' };
  const e = ratingErrors(rateBody(f, 'application', '', hasAgent)!, hasAgent);
  if (f.comment.trim().length > COMMENT_MAX) e.comment = `评价内容不能超过${COMMENT_MAX}字`;
  return e;
}

const FIELD_KEYS = new Set(['level', 'reasons', 'comment', 'agentLevel', ...RATING_DIMENSIONS.map((d) => `dimensions.${d}`)]);

/**
 * A 400 with field messages: those of the form's fields go next to them, the
 * rest into the line above the button (the server's message repeats its first
 * field's: said once, next to the field). Null for any other failure.
 */
export function refusal(err: unknown): { fields: FieldErrors; message: string } | null {
  if (!isApiError(err) || err.status !== 400 || !err.fields) return null;
  const fields: FieldErrors = {};
  const others: string[] = [];
  for (const [k, v] of Object.entries(err.fields)) {
    if (FIELD_KEYS.has(k)) fields[k] = v;
    else others.push(v);
  }
  const top = [...(Object.values(fields).includes(err.message) ? [] : [err.message]), ...others];
  return { fields, message: top.length > 0 ? top.join('；') : '请按提示修改后再提交' };
}

export const changeable = (r: Rating, now = Date.now()) => r.changeableUntil !== null && Date.parse(r.changeableUntil) > now;

/** Why a given rating can no longer change. */
export function lockedText(r: Rating, now = Date.now()): string {
  if (r.isDefault) return '逾期未评价，已默认“基本满意”，不能再修改。';
  const within24h = now < Date.parse(r.ratedAt) + 24 * 3600_000;
  if (within24h && r.ticket && r.ticket.status !== 'open' && r.ticket.status !== 'withdrawn') return '差评整改已开始处理，不能修改评价。';
  return '您已评价过，评价超过24小时后不能修改。';
}
