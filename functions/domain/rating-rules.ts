// What makes a rating acceptable: the one home of the rule, kept free of
// server imports (no calendar, no env) so the rating form checks with it too
// (re-exported for the mini-program by shared/rating-rules.ts).
import type { BadReason } from '../../shared/schemas/ratings';

/** 不满意 and 非常不满意 are bad reviews: they need a reason and open a ticket. */
export const isBad = (level: number): boolean => level <= 2;

export interface RatingInput {
  level: number;
  reasons?: BadReason[];
  comment?: string;
  agentLevel?: number;
}

/** Field errors of a rating for a case with or without a proxy agent. */
export function ratingErrors(r: RatingInput, hasAgent: boolean): Record<string, string> {
  const errors: Record<string, string> = {};
  if (isBad(r.level) && !r.reasons?.length) errors.reasons = '差评请选择原因';
  if (!isBad(r.level) && r.reasons?.length) errors.reasons = '只有“不满意”和“非常不满意”需要选择原因';
  if (r.reasons?.includes('other') && !r.comment?.trim()) errors.comment = '选择“其他”时请填写具体情况';
  if (hasAgent && r.agentLevel === undefined) errors.agentLevel = '请评价代办员';
  if (!hasAgent && r.agentLevel !== undefined) errors.agentLevel = '该办件没有代办员';
  return errors;
}
