// H5 only: the browser has no wx.login, so the demo asks the fake WeChat
// server for its residents, gets a login code for the chosen one and runs
// the same code → POST /auth/wechat exchange as the mini-program.
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import * as z from 'zod/mini';
import { cancelPickerLogin, exchangeCode, finishPickerLogin, requestUrl } from '../../api/client';
import { errorMessage } from '../../api/errors';
import { FAKE_WECHAT_BASE } from '../../config';
import { Page } from '../../components/Page';
import { Empty, ErrorState, Loading } from '../../components/States';
import './index.scss';

/** The H5 router's page slide (300 ms) and its delay, with a margin. */
const SLIDE_IN_MS = 450;
import { Btn } from '../../components/Btn';

const DemoUsers = z.array(z.object({ openid: z.string(), label: z.string() }));
type DemoUser = z.infer<typeof DemoUsers>[number];
const DemoCode = z.object({ code: z.string() });

export default function DemoLogin() {
  const [users, setUsers] = useState<DemoUser[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const done = useRef(false);
  // Taro's H5 router hides the page below only once this page has slid in; going back before that
  // leaves the page below hidden (a blank 我的), so the return waits for the slide to end.
  const openedAt = useRef(Date.now());

  const load = useCallback(async () => {
    setError(null);
    try {
      setUsers(await requestUrl(`${FAKE_WECHAT_BASE}/dev/users`, {}, DemoUsers));
    } catch (e) {
      setError(errorMessage(e));
    }
  }, []);

  useEffect(() => {
    void load();
    // Leaving without choosing: whoever was waiting for a sign-in gets a cancellation.
    return () => {
      if (!done.current) cancelPickerLogin();
    };
  }, [load]);

  const choose = async (u: DemoUser) => {
    setBusy(u.openid);
    setError(null);
    try {
      const { code } = await requestUrl(`${FAKE_WECHAT_BASE}/dev/code`, { method: 'POST', body: { openid: u.openid } }, DemoCode);
      const session = await exchangeCode(code);
      done.current = true;
      if (finishPickerLogin(session)) {
        await new Promise((r) => setTimeout(r, Math.max(0, SLIDE_IN_MS - (Date.now() - openedAt.current))));
        // Meanwhile the resident may have gone elsewhere (a tab): going back then would undo their step.
        const pages = Taro.getCurrentPages();
        if ((pages[pages.length - 1]?.route ?? '').includes('packages/login')) {
          await Taro.navigateBack().catch(() => Taro.switchTab({ url: '/pages/mine/index' }));
        }
      } else {
        await Taro.switchTab({ url: '/pages/mine/index' });
      }
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Page className='demo-login'>
      <View className='card'>
        <Text className='card__title'>选择演示居民</Text>
        <Text className='hint'>浏览器演示环境没有微信授权：请选择一位演示居民，系统将模拟微信登录。</Text>
      </View>
      {error ? <ErrorState message={error} onRetry={users ? undefined : () => void load()} /> : null}
      {!users && !error ? <Loading /> : null}
      {users && users.length === 0 ? <Empty text='没有可用的演示居民' /> : null}
      {users?.map((u) => (
        <Btn
          key={u.openid}
          className='btn btn--ghost btn--block demo-login__user'
          disabled={busy !== null}
          onClick={() => void choose(u)}
        >
          {busy === u.openid ? `${u.label}（登录中…）` : u.label}
        </Btn>
      ))}
    </Page>
  );
}
