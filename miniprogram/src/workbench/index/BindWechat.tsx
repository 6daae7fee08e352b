// 绑定微信: a staff member links their WeChat (wx.login, then POST
// /admin/me/wechat) so the morning digest reaches department heads as a push.
// The consent request for the digest comes first, within the tap (WeChat's rule).
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { bindStaffWechat } from '../../api/staff';
import { errorMessage } from '../../api/errors';
import { Btn } from '../../components/Btn';
import { role } from '../../utils/a11y';
import { requestConsent } from '../../utils/subscribe';

export function BindWechat({ isHead }: { isHead: boolean }) {
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const why = isHead ? '绑定后，每天早上在微信收到本部门的督办提醒' : '绑定后可在微信接收工作提醒';

  if (process.env.TARO_ENV === 'h5') {
    return (
      <View className='card'>
        <Text className='card__title'>绑定微信</Text>
        <Text className='hint'>绑定微信仅在微信小程序内可用，请在微信中打开“办事”工作台操作。</Text>
      </View>
    );
  }

  const bind = async () => {
    setBusy(true);
    setError(null);
    try {
      const results = isHead ? await requestConsent(['staff_digest']) : null;
      const { code } = await Taro.login();
      await bindStaffWechat(code, results ?? undefined);
      setDone(true);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className='card'>
      <Text className='card__title'>绑定微信</Text>
      <Text className='hint'>{done ? '已绑定本微信。' : why}</Text>
      {error ? (
        <Text className='alert__text' {...role('alert')}>
          {error}
        </Text>
      ) : null}
      <Btn className='btn btn--ghost btn--block' disabled={busy} onClick={() => void bind()}>
        {busy ? '正在绑定…' : done ? '重新绑定微信' : '绑定微信'}
      </Btn>
    </View>
  );
}
