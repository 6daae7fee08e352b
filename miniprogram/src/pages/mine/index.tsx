// 我的: who I am, elder mode, links to profile, contacts and the staff workbench.
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useCallback, useState } from 'react';
import { RESIDENT_TAG_LABELS } from '../../../../shared/enums';
import { loginResident, logoutResident } from '../../api/client';
import { errorMessage } from '../../api/errors';
import { getMe, saveElderMode } from '../../api/me';
import { listRegions } from '../../api/regions';
import { getToken } from '../../api/session';
import { Cell } from '../../components/Cell';
import { Page } from '../../components/Page';
import { Toggle } from '../../components/Toggle';
import { useAppState } from '../../store/app';
import { maskPhone } from '../../utils/format';
import { askPrivacyConsent } from '../../utils/privacy-gate';
import { indexRegions, regionLabel, type RegionIndex } from '../../utils/regions';
import './index.scss';
import { Btn } from '../../components/Btn';

// After 退出登录 the silent WeChat sign-in waits for a tap (until the app restarts).
let signedOut = false;

export default function Mine() {
  const me = useAppState((s) => s.me);
  const elder = useAppState((s) => s.elderMode);
  const [regions, setRegions] = useState<RegionIndex | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const refresh = useCallback(async (signIn: boolean) => {
    setError(null);
    listRegions().then(
      (r) => setRegions(indexRegions(r)),
      () => undefined, // names are a nicety; codes stay hidden
    );
    if (!getToken('resident') && !signIn) return;
    setBusy(true);
    try {
      askPrivacyConsent(await getMe());
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }, []);

  // In WeChat sign-in is silent (wx.login); in the browser it needs the demo picker, so wait for a tap.
  useDidShow(() => {
    void refresh(process.env.TARO_ENV !== 'h5' && !signedOut);
  });

  const signIn = async () => {
    signedOut = false;
    setError(null);
    setBusy(true);
    try {
      askPrivacyConsent((await loginResident()).me);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const toggleElder = (on: boolean) => {
    saveElderMode(on).catch((e: unknown) => {
      void Taro.showToast({ title: errorMessage(e), icon: 'none' });
    });
  };

  // A migrant worker's current place is a city outside the county (its name comes with the profile).
  const place = me?.currentPlaceName ?? (me && regions ? regionLabel(regions, me.currentRegionCode) : '');
  const home = me && regions ? regionLabel(regions, me.hometownRegionCode) : '';

  return (
    <Page className='mine'>
      <View className='card mine__profile'>
        {me ? (
          <>
            <View className='mine__avatar'>
              <Text>{me.name ? me.name.slice(0, 1) : '居'}</Text>
            </View>
            <View className='mine__who'>
              <Text className='mine__name'>{me.name || '未填写姓名'}</Text>
              <Text className='mine__status'>已登录{me.phone ? ` · ${maskPhone(me.phone)}` : ''}</Text>
              <Text className='mine__line'>现居住地：{place || (me.currentRegionCode ? '…' : '未填写')}</Text>
              {me.hometownRegionCode ? <Text className='mine__line'>户籍地：{home || '…'}</Text> : null}
              {me.tags.length > 0 ? (
                <View className='mine__tags'>
                  {me.tags.map((t) => (
                    <Text key={t} className='badge badge--blue'>
                      {RESIDENT_TAG_LABELS[t]}
                    </Text>
                  ))}
                </View>
              ) : null}
            </View>
          </>
        ) : (
          <View className='mine__who'>
            <Text className='mine__name'>尚未登录</Text>
            <Text className='mine__line'>登录后可查看包联干部、完善个人资料</Text>
            {busy ? (
              <Text className='muted'>正在登录…</Text>
            ) : (
              <Btn className='btn btn--primary mine__login' onClick={() => void signIn()}>
                {process.env.TARO_ENV === 'h5' ? '登录（选择演示居民）' : '微信一键登录'}
              </Btn>
            )}
          </View>
        )}
      </View>
      {error ? <Text className='form-error mine__error'>{error}</Text> : null}

      <View className='card'>
        <Toggle label='大字模式' hint='放大字号和按钮，看得清、点得准' on={elder} onChange={toggleElder} />
      </View>

      <Btn className='btn btn--primary btn--block mine__demand' onClick={() => void Taro.navigateTo({ url: '/packages/demand/new' })}>
        我要反映
      </Btn>

      <View className='card'>
        <Cell label='我的诉求' value='进度·答复·评价' onClick={() => void Taro.navigateTo({ url: '/packages/demand/mine' })} />
        <Cell label='我的预约' onClick={() => void Taro.navigateTo({ url: '/packages/booking/mine' })} />
        <Cell label='我的办件' onClick={() => void Taro.navigateTo({ url: '/packages/apply/mine' })} />
        <Cell label='我的评价' onClick={() => void Taro.navigateTo({ url: '/packages/rating/mine' })} />
        <Cell label='编辑个人资料' onClick={() => void Taro.navigateTo({ url: '/packages/profile/edit' })} />
        <Cell label='个人信息' value='导出·注销' onClick={() => void Taro.navigateTo({ url: '/packages/profile/data' })} />
        <Cell label='我的包联干部' onClick={() => void Taro.navigateTo({ url: '/packages/profile/contacts?section=cadre' })} />
        <Cell label='领导联系表' onClick={() => void Taro.navigateTo({ url: '/packages/profile/contacts?section=leaders' })} />
      </View>

      <View className='card'>
        <Cell label='工作人员入口' value='窗口·代办·督查' onClick={() => void Taro.navigateTo({ url: '/workbench/index/index' })} />
      </View>

      {me ? (
        <Btn
          className='btn btn--danger btn--block'
          onClick={() => {
            signedOut = true;
            logoutResident();
          }}
        >
          退出登录
        </Btn>
      ) : null}
    </Page>
  );
}
