// 首页: greeting, search, category grid, contact shortcuts, the free-proxy note.
import { Input, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { SERVICE_CATEGORIES, SERVICE_CATEGORY_LABELS, type ServiceCategory } from '../../../../shared/enums';
import { unreadCount } from '../../api/notices';
import { getToken } from '../../api/session';
import { Page } from '../../components/Page';
import { setState, useAppState } from '../../store/app';
import { role } from '../../utils/a11y';
import { greeting } from '../../utils/format';
import './index.scss';
import { Btn } from '../../components/Btn';

const CATEGORY_ICONS: Record<ServiceCategory, string> = {
  social_security: '保',
  civil_affairs: '助',
  household: '证',
  agriculture: '农',
  housing: '房',
  health: '医',
  education: '学',
  business: '商',
  elderly_disabled: '老',
  other: '更',
};

/** Unread messages, once signed in (the home page never asks to sign in for it). */
function useUnread(): number {
  const [n, setN] = useState(0);
  useDidShow(() => {
    if (!getToken('resident')) return;
    unreadCount()
      .then((r) => setN(r.unread))
      .catch(() => undefined);
  });
  return n;
}

export default function Home() {
  const me = useAppState((s) => s.me);
  const [q, setQ] = useState('');
  const unread = useUnread();

  const goCatalogue = (pending: { q?: string; category?: ServiceCategory }) => {
    setState({ pendingSearch: pending });
    void Taro.switchTab({ url: '/pages/services/index' });
  };

  return (
    <Page className='home'>
      <View className='home__hero'>
        <Text className='home__greeting'>
          {greeting()}，{me?.name ?? '居民朋友'}
        </Text>
        <Text className='home__sub'>县政务服务 · 办事指南一次说清</Text>
        <View className='search home__search'>
          <Input
            className='search__input'
            value={q}
            placeholder='搜索事项，如：养老保险、低保'
            confirmType='search'
            onInput={(e) => setQ(e.detail.value)}
            onConfirm={() => goCatalogue({ q: q.trim() })}
          />
          <Btn className='btn btn--primary' onClick={() => goCatalogue({ q: q.trim() })}>
            搜索
          </Btn>
        </View>
      </View>

      <View className='card home__inbox' onClick={() => void Taro.navigateTo({ url: '/packages/notice/index' })} {...role('link')}>
        <Text className='home__inbox-title'>消息</Text>
        <Text className='hint home__inbox-hint'>家乡通知、办件进度、预约变动</Text>
        {unread ? (
          <Text className='home__badge' aria-label={`未读 ${unread} 条`}>
            {unread > 99 ? '99+' : unread}
          </Text>
        ) : null}
      </View>

      <View className='card home__demand' onClick={() => void Taro.navigateTo({ url: '/packages/demand/new' })} {...role('link')}>
        <Text className='home__demand-title'>我要反映</Text>
        <Text className='hint'>投诉、求助、咨询、建议、举报，件件有回音</Text>
      </View>

      <Text className='section-title'>事项分类</Text>
      <View className='card home__grid'>
        {SERVICE_CATEGORIES.map((c) => (
          <View key={c} className='home__cat' onClick={() => goCatalogue({ category: c })}>
            <Text className='home__cat-icon'>{CATEGORY_ICONS[c]}</Text>
            <Text className='home__cat-label'>{SERVICE_CATEGORY_LABELS[c]}</Text>
          </View>
        ))}
      </View>

      <View className='home__shortcuts'>
        <View className='card home__shortcut' onClick={() => void Taro.navigateTo({ url: '/packages/profile/contacts?section=cadre' })}>
          <Text className='home__shortcut-title'>我的包联干部</Text>
          <Text className='hint'>有事找干部，一个电话</Text>
        </View>
        <View className='card home__shortcut' onClick={() => void Taro.navigateTo({ url: '/packages/profile/contacts?section=leaders' })}>
          <Text className='home__shortcut-title'>领导联系表</Text>
          <Text className='hint'>公开电话与分管工作</Text>
        </View>
      </View>

      <View
        className='card home__shortcut home__public'
        onClick={() => void Taro.navigateTo({ url: '/packages/rating/public' })}
        {...role('link')}
      >
        <Text className='home__shortcut-title'>满意度公示</Text>
        <Text className='hint'>各部门好差评满意率与差评整改结果</Text>
      </View>

      <View
        className='card home__shortcut home__public home__commitments'
        onClick={() => void Taro.navigateTo({ url: '/packages/commitments/index' })}
        {...role('link')}
      >
        <Text className='home__shortcut-title'>承诺公示</Text>
        <Text className='hint'>包联干部和部门的服务承诺、每周进展</Text>
      </View>

      <View className='card home__note'>
        <Text className='home__note-title'>全程代办免费</Text>
        <Text className='home__note-text'>
          行动不便、外出务工或不熟悉流程的居民，可请包联干部或镇村代办员全程代办：代收材料、代为提交、代领结果并送回，不收取任何费用。
        </Text>
      </View>
    </Page>
  );
}
