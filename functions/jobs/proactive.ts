// 主动服务, every morning: residents for whom a rule fires (turning 70 this
// month: 老年人优待证; turning 80: 高龄津贴, with the item to apply for) get
// one reminder per rule per year, in their inbox and as a push; the key makes
// reruns harmless. Residents are found through the birth index (no Scan).
// Rules on certificates' end dates wait for those dates to be recorded.
import { shanghaiDate } from '../domain/calendar';
import { proactiveReminder } from '../domain/messages';
import { firedRules, PROACTIVE_RULES } from '../domain/notices';
import { log } from '../lib/log';
import { residentsBornIn } from '../store/audience';
import { writePush } from '../store/outbox';

export async function runProactive(now = new Date()): Promise<{ written: number; already: number }> {
  const today = shanghaiDate(now);
  const year = Number(today.slice(0, 4));
  const month = today.slice(5, 7);
  const ages = [...new Set(PROACTIVE_RULES.flatMap((r) => (r.when.type === 'turning' ? [r.when.age] : [])))];
  let written = 0;
  let already = 0;
  for (const age of ages) {
    for (const p of await residentsBornIn(`${year - age}-${month}`)) {
      for (const { rule, key } of firedRules({ residentId: p.residentId, birthDate: p.birthDate, expiries: {} }, today)) {
        const outcome = await writePush({ kind: 'resident', id: p.residentId }, proactiveReminder(rule, key), now.toISOString());
        if (outcome === 'written') written += 1;
        else already += 1;
      }
    }
  }
  log.info('proactive', { written, already });
  return { written, already };
}

export const handler = async () => runProactive();
