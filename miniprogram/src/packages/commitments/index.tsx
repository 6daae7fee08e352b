// 承诺公示 (public, no sign-in): the service-commitment cards of one village or
// town — each commitment's light, deadline, weekly progress and result — and,
// for residents of the village, rating a finished commitment. Opens on the
// resident's own village (where they live, else their home), or the one in the URL.
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { getPublicCards } from '../../api/commitments';
import { getMe } from '../../api/me';
import { listRegions } from '../../api/regions';
import { getToken } from '../../api/session';
import { CardHead, CommitmentItem } from '../../components/CommitmentParts';
import { Page } from '../../components/Page';
import { RegionPicker } from '../../components/RegionPicker';
import { Empty, ErrorState, Loading } from '../../components/States';
import { useAppState } from '../../store/app';
import { indexRegions } from '../../utils/regions';
import { useLoad } from '../../utils/useLoad';
import { RateCommitment } from './rate';
import './commitments.scss';

/** The page is per village or town: a group stands for its village, the county for nothing. */
const pageRegion = (code: string | null | undefined): string | null => (code && code.length >= 9 ? code.slice(0, Math.min(code.length, 12)) : null);

export default function Commitments() {
  const { params } = useRouter();
  const me = useAppState((s) => s.me);
  const [chosen, setChosen] = useState<string | null>(null);
  const code = chosen ?? pageRegion(params.region) ?? pageRegion(me?.currentRegionCode) ?? pageRegion(me?.hometownRegionCode);
  // A signed-in resident opening the page straight from a link: their village comes from their profile.
  useLoad(() => (getToken('resident') && !me ? getMe() : Promise.resolve(null)), []);
  const regions = useLoad(listRegions, [], { keep: 'regions' });
  const page = useLoad(() => getPublicCards(code!), [code], { invalid: !code && '请选择要查看的村（社区）或镇' });
  const index = regions.data ? indexRegions(regions.data) : null;

  return (
    <Page className='commitments'>
      {index ? (
        <View className='card'>
          <RegionPicker label='查看哪个村（社区）或镇' index={index} value={code} onChange={(c) => setChosen(pageRegion(c))} placeholder='请选择村（社区）或镇' />
        </View>
      ) : null}
      {!code ? (
        <Text className='hint commitments__note'>请选择要查看的村（社区）或镇</Text>
      ) : page.error ? (
        <ErrorState message={page.error} onRetry={page.reload} />
      ) : !page.data ? (
        <Loading />
      ) : (
        <>
          <Text className='section-title'>{page.data.region.name} 服务承诺</Text>
          <Text className='hint commitments__note'>包联干部和部门公开承诺，每周更新进展；超过7天未更新显示“待更新”。本村居民可对已完成的承诺评价。</Text>
          {page.data.cards.length === 0 ? <Empty text='暂无公开的承诺' /> : null}
          {page.data.cards.map((card) => (
            <View key={card.id} className='card commit-card'>
              <CardHead card={card} />
              {card.commitments.map((c) => (
                <CommitmentItem key={c.n} c={c}>
                  {c.light === 'done' ? <RateCommitment cardId={card.id} c={c} onRated={page.reload} /> : null}
                </CommitmentItem>
              ))}
            </View>
          ))}
        </>
      )}
    </Page>
  );
}
