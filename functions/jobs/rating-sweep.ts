// Default ratings (默认评价): every morning, each case or visit whose 7 days to
// rate have passed is recorded as 基本满意, flagged as a default and counted
// apart from real ratings. One Query of the invitations that fell due (GSI2),
// then one transaction each; a resident rating meanwhile wins.
import { DEFAULT_LEVEL } from '../domain/ratings';
import { shanghaiDate } from '../domain/calendar';
import { log } from '../lib/log';
import { listInvitesDueBefore, recordDefaultRating } from '../store/ratings';

export async function sweepDefaultRatings(now = new Date()): Promise<{ recorded: number; skipped: number }> {
  const today = shanghaiDate(now);
  const due = await listInvitesDueBefore(today);
  let recorded = 0;
  for (const { dueOn: _due, ...ctx } of due) {
    const outcome = await recordDefaultRating({
      ...ctx,
      level: DEFAULT_LEVEL,
      dimensions: { efficiency: DEFAULT_LEVEL, attitude: DEFAULT_LEVEL, service: DEFAULT_LEVEL, convenience: DEFAULT_LEVEL },
      reasons: [],
      comment: null,
      agentLevel: null,
      isDefault: true,
      ratedAt: now.toISOString(),
      month: today.slice(0, 7),
      ticketId: null,
      ticket: null,
      voided: false,
      version: 1,
    });
    if (outcome === 'recorded') recorded += 1;
  }
  log.info('rating.default-sweep', { due: due.length, recorded });
  return { recorded, skipped: due.length - recorded };
}

export const handler = async () => sweepDefaultRatings();
