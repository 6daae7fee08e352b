// Demands, every night: a reply left unevaluated for 7 days closes as
// 基本满意, flagged as a default and counted apart; a request for information
// left unanswered for 5 working days resumes the clock. One Query each of the
// sparse due index (GSI2), then one transaction per demand through the same
// step as a person's; someone acting meanwhile wins (a stale save is skipped).
import { shanghaiDate } from '../domain/calendar';
import { log } from '../lib/log';
import { AppError } from '../lib/errors';
import { loadCalendar } from '../store/calendar';
import { getDemandLimits } from '../store/demand-config';
import { listDemandsDue, type DemandRecord } from '../store/demands';
import { saveStep, takeStep, type StepInput } from '../http/demand-steps';

const SYSTEM = { name: '系统', role: '系统' };

export async function sweepDemands(now = new Date()): Promise<{ defaultClosed: number; resumed: number }> {
  const today = shanghaiDate(now);
  const [toClose, toResume, cal, limits] = await Promise.all([listDemandsDue('EVAL', today), listDemandsDue('RESUME', today), loadCalendar(), getDemandLimits()]);
  const run = async (d: DemandRecord, input: Omit<StepInput, 'actor' | 'viewer' | 'now' | 'cal' | 'limits'>) => {
    try {
      await saveStep(d, takeStep(d, { ...input, actor: SYSTEM, viewer: null, now, cal, limits }));
      return 1;
    } catch (err) {
      if (err instanceof AppError && err.status === 409) return 0;
      throw err;
    }
  };
  let defaultClosed = 0;
  for (const d of toClose) defaultClosed += await run(d, { action: 'default_close', evaluation: { solved: true, satisfaction: 'basic', comment: null, isDefault: true } });
  let resumed = 0;
  for (const d of toResume) resumed += await run(d, { action: 'auto_resume' });
  log.info('demand.sweep', { due: toClose.length, defaultClosed, paused: toResume.length, resumed });
  return { defaultClosed, resumed };
}

export const handler = async () => sweepDemands();
