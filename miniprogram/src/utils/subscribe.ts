// Ask for subscribe-message consent right after the tap that makes it
// meaningful (book, apply, file a demand, follow notices): at most 3
// templates a call, the answer stored on the server (one-time consents are
// banked as credits). The H5 build has no requestSubscribeMessage: skip.
import Taro from '@tarojs/taro';
import { CONSENT_MOMENTS, PUSH_TEMPLATES, type ConsentMoment, type PushTemplate } from '../../../shared/push-templates';
import { saveSubscriptions } from '../api/notices';

export type Answer = 'accept' | 'reject' | 'ban' | 'filter';

/**
 * Ask WeChat for consent to `templates` (call it first thing in a tap); the
 * answers by template id, or null where the call does not exist (H5) or fails.
 */
export async function requestConsent(templates: readonly PushTemplate[]): Promise<Record<string, Answer> | null> {
  const ask = (Taro as unknown as { requestSubscribeMessage?: (o: { tmplIds: string[] }) => Promise<Record<string, string>> }).requestSubscribeMessage;
  if (typeof ask !== 'function' || process.env.TARO_ENV === 'h5') return null;
  const ids = templates.slice(0, 3).map((t) => PUSH_TEMPLATES[t].id);
  try {
    const res = await ask({ tmplIds: ids });
    const results: Record<string, Answer> = {};
    for (const id of ids) {
      const a = res[id];
      if (a === 'accept' || a === 'reject' || a === 'ban' || a === 'filter') results[id] = a;
    }
    return Object.keys(results).length ? results : null;
  } catch {
    return null; // the user closed the dialog, or the call is not allowed here: nothing to record
  }
}

/** Never throws: a refused or missing consent only means no WeChat push (the inbox still has it). */
export async function askConsent(moment: ConsentMoment): Promise<void> {
  const results = await requestConsent(CONSENT_MOMENTS[moment]);
  if (!results) return;
  try {
    await saveSubscriptions(results);
  } catch {
    /* not recorded: the next moment asks again */
  }
}
