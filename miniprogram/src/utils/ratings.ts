// The address of the rating page (packages/rating/rate). Kept free of imports
// so the case and booking pages can link to it without pulling in the
// ratings schemas.
export interface RateTarget {
  targetType: 'application' | 'appointment';
  targetId: string;
  /** The service name, for display. */
  title?: string;
  /** Case number or booking code, for display. */
  ref?: string;
  /** The proxy agent's name, when the resident also rates the agent. */
  agent?: string | null;
}

export function rateUrl(t: RateTarget): string {
  const q: string[] = [`targetType=${t.targetType}`, `targetId=${encodeURIComponent(t.targetId)}`];
  if (t.title) q.push(`title=${encodeURIComponent(t.title)}`);
  if (t.ref) q.push(`ref=${encodeURIComponent(t.ref)}`);
  if (t.agent) q.push(`agent=${encodeURIComponent(t.agent)}`);
  return `/packages/rating/rate?${q.join('&')}`;
}
