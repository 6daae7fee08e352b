// Account deletions that were scheduled but not finished (the request's own
// run was cut short): every morning each one is carried out, well inside the
// 15 days promised. One Query of the sparse index of scheduled deletions.
import { log } from '../lib/log';
import { auditPrivacy, eraseResident, listScheduledDeletions } from '../store/privacy';

export async function sweepDeletions(now = new Date()): Promise<{ done: number }> {
  const scheduled = await listScheduledDeletions();
  for (const d of scheduled) {
    const done = await eraseResident(d, now.toISOString());
    await auditPrivacy({ kind: 'delete_done', residentId: d.residentId, at: done.completedAt!, requestId: 'deletion-sweep' });
  }
  log.info('privacy.deletion-sweep', { done: scheduled.length });
  return { done: scheduled.length };
}

export const handler = async () => sweepDeletions();
