// 主动服务, every morning: residents turning 70 this month (老年人优待证) or 80
// (高龄津贴, with the item to apply for), and holders of a certificate or
// benefit that ends within its rule's days (renew it), each get one reminder
// per rule per year, in their inbox and as a push; the key makes reruns
// harmless. Found through the birth index and the certificates' end-date
// index (no Scan).
import { addCalendarDays, shanghaiDate } from '../domain/calendar';
import { proactiveReminder } from '../domain/messages';
import { firedRules, PROACTIVE_RULES, type ProactiveSubject } from '../domain/notices';
import { log } from '../lib/log';
import { residentsBornIn } from '../store/audience';
import { certificatesEnding } from '../store/certificates';
import { writePush } from '../store/outbox';

export async function runProactive(now = new Date()): Promise<{ written: number; already: number }> {
  const today = shanghaiDate(now);
  const year = Number(today.slice(0, 4));
  const month = today.slice(5, 7);
  const ages = [...new Set(PROACTIVE_RULES.flatMap((r) => (r.when.type === 'turning' ? [r.when.age] : [])))];
  const subjects: ProactiveSubject[] = [];
  for (const age of ages) {
    for (const p of await residentsBornIn(`${year - age}-${month}`)) subjects.push({ residentId: p.residentId, birthDate: p.birthDate, expiries: {} });
  }
  // Expiring holdings, one subject per resident (no birth date here: the age rules fired above).
  const window = Math.max(0, ...PROACTIVE_RULES.flatMap((r) => (r.when.type === 'expiring' ? [r.when.withinDays] : [])));
  const holders = new Map<string, ProactiveSubject>();
  for (const h of window ? await certificatesEnding(today, addCalendarDays(today, window)) : []) {
    const s = holders.get(h.residentId) ?? { residentId: h.residentId, birthDate: null, expiries: {} };
    s.expiries[h.certificate] = h.endsOn;
    holders.set(h.residentId, s);
  }
  let written = 0;
  let already = 0;
  for (const subject of [...subjects, ...holders.values()]) {
    for (const { rule, key } of firedRules(subject, today)) {
      const outcome = await writePush({ kind: 'resident', id: subject.residentId }, proactiveReminder(rule, key), now.toISOString());
      if (outcome === 'written') written += 1;
      else already += 1;
    }
  }
  log.info('proactive', { written, already });
  return { written, already };
}

export const handler = async () => runProactive();
