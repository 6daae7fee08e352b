// The privacy notice, shown after sign-in until the resident agrees to the
// current version (and again when it changes). Declining signs out here.
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { logoutResident } from '../../api/client';
import { errorMessage } from '../../api/errors';
import { agreeToPrivacy, getPrivacyNotice } from '../../api/privacy';
import { Btn } from '../../components/Btn';
import { Page } from '../../components/Page';
import { ErrorState, Loading } from '../../components/States';
import { useLoad } from '../../utils/useLoad';
import './privacy.scss';

const leave = () => Taro.navigateBack().catch(() => Taro.switchTab({ url: '/pages/mine/index' }));

export default function Privacy() {
  const { data, error, reload } = useLoad(getPrivacyNotice, []);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);

  if (error || !data) return <Page className='privacy'>{error ? <ErrorState message={error} onRetry={reload} /> : <Loading />}</Page>;

  const agree = async () => {
    setBusy(true);
    setFailed(null);
    try {
      await agreeToPrivacy(data.version);
      await leave();
    } catch (e) {
      setFailed(errorMessage(e));
      reload(); // a 409 means the notice changed while it was open
    } finally {
      setBusy(false);
    }
  };

  const decline = () => {
    logoutResident();
    void leave();
  };

  return (
    <Page className='privacy'>
      <View className='card'>
        <Text className='section-title privacy__title'>{data.title}</Text>
        <Text className='hint'>版本 {data.version}，自 {data.effectiveOn} 起施行</Text>
      </View>
      <View className='card'>
        {data.sections.map((s) => (
          <View className='privacy__section' key={s.heading}>
            <Text className='card__title privacy__heading'>{s.heading}</Text>
            <Text className='privacy__body'>{s.body}</Text>
          </View>
        ))}
      </View>
      {failed ? <Text className='form-error'>{failed}</Text> : null}
      <View className='privacy__actions'>
        <Btn className='btn btn--primary btn--block' disabled={busy} onClick={() => void agree()}>
          {busy ? '正在提交…' : '同意并继续'}
        </Btn>
        <Btn className='btn btn--ghost btn--block' disabled={busy} onClick={decline}>
          不同意（退出登录）
        </Btn>
      </View>
    </Page>
  );
}
