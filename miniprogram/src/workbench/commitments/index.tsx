// 承诺卡 (staff): a cadre's own cards, a department head's department's, or —
// for the supervisor and admins — every card, newest first, with how many
// commitments are done, overdue or waiting for their weekly update.
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { COMMITMENT_LIGHTS, COMMITMENT_LIGHT_LABELS, type Card } from '../../../../shared/schemas/commitments';
import { listCards } from '../../api/commitments';
import { getStaffMe } from '../../api/staff';
import { Btn } from '../../components/Btn';
import { CardHead } from '../../components/CommitmentParts';
import { LoadMore } from '../../components/LoadMore';
import { Page } from '../../components/Page';
import { Empty, ErrorState, Loading } from '../../components/States';
import { role } from '../../utils/a11y';
import { usePaged } from '../../utils/usePaged';
import { useLoad } from '../../utils/useLoad';
import { mayUse } from '../access';
import './commitments.scss';

/** "2项推进中 · 1项已超期": the card's lights at a glance. */
export function lightSummary(card: Card): string {
  return COMMITMENT_LIGHTS.map((l) => [l, card.commitments.filter((c) => c.light === l).length] as const)
    .filter(([, n]) => n > 0)
    .map(([l, n]) => `${n}项${COMMITMENT_LIGHT_LABELS[l]}`)
    .join(' · ');
}

export default function Cards() {
  const { data: me } = useLoad(getStaffMe, [], { staff: true });
  const all = me?.role === 'supervisor' || me?.role === 'admin';
  const list = usePaged((cursor) => listCards(all ? 'all' : 'mine', cursor), [all], { onShow: true, staff: true });
  if (list.error || !list.items) {
    return <Page className='wb-commitments'>{list.error ? <ErrorState message={list.error} onRetry={list.reload} /> : <Loading />}</Page>;
  }
  return (
    <Page className='wb-commitments'>
      {me && mayUse(me.role, 'POST /admin/commitments') ? (
        <Btn className='btn btn--primary btn--block' onClick={() => void Taro.navigateTo({ url: '/workbench/commitments/new' })}>
          发布承诺卡
        </Btn>
      ) : null}
      {list.items.length === 0 ? <Empty text='还没有承诺卡' /> : null}
      {list.items.map((card) => (
        <View key={card.id} className='card' onClick={() => void Taro.navigateTo({ url: `/workbench/commitments/card?id=${card.id}` })} {...role('link')}>
          <CardHead card={card} />
          <Text className='hint'>{lightSummary(card)}</Text>
        </View>
      ))}
      <LoadMore more={list.more} />
    </Page>
  );
}
