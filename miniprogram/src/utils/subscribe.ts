// Ask for subscribe-message consent right after the tap that makes it
// meaningful (book, apply, file a demand, follow notices): at most 3
// templates a call, the answer stored on the server (one-time consents are
// banked as credits). The H5 build has no requestSubscribeMessage: skip.
import Taro from '@tarojs/taro';
import { CONSENT_MOMENTS, PUSH_TEMPLATES, type ConsentMoment } from '../../../shared/push-templates';
import { saveSubscriptions } from '../api/notices';

type Answer = 'accept' | 'reject' | 'ban' | 'filter';

/** Never throws: a refused or missing consent only means no WeChat push (the inbox still has it). */
export async function askConsent(moment: ConsentMoment): Promise<void> {
  const ask = (Taro as unknown as { requestSubscribeMessage?: (o: { tmplIds: string[] }) => Promise<Record<string, string>> }).requestSubscribeMessage;
  if (typeof ask !== 'function' || process.env.TARO_ENV === 'h5') return;
  const ids = CONSENT_MOMENTS[moment].slice(0, 3).map((t) => PUSH_TEMPLATES[t].id);
  try {
    const res = await ask({ tmplIds: ids });
    const results: Record<string, Answer> = {};
    for (const id of ids) {
      const a = res[id];
      if (a === 'accept' || a === 'reject' || a === 'ban' || a === 'filter') results[id] = a;
    }
    if (Object.keys(results).length) await saveSubscriptions(results);
  } catch {
    /* the user closed the dialog, or the call is not allowed here: nothing to record */
  }
}
