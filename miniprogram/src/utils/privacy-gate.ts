// After sign-in, a resident who has not agreed to the current privacy notice
// sees it before anything else (it asks again when the notice changes).
import Taro from '@tarojs/taro';
import type { Me } from '../../../shared/schemas/auth';

export const PRIVACY_URL = '/packages/profile/privacy';
let asking = false;

export function askPrivacyConsent(me: Me | null | undefined): void {
  if (!me || me.privacyConsented !== false || asking) return;
  asking = true;
  Promise.resolve(Taro.navigateTo({ url: PRIVACY_URL }))
    .catch(() => undefined)
    .finally(() => {
      asking = false;
    });
}
