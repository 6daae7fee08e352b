// One 包联 household: members, tags, the light, the 民情日记 (latest contacts),
// and recording a contact in a few taps. The form keeps a draft as the cadre
// types; a recorded contact goes into the phone's outbox first and is sent
// from there, so no signal in the village loses it and a resend counts once.
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { CONTACT_KIND_LABELS, CONTACT_OCCASION_LABELS, type Contact, type HouseholdSummary } from '../../../../shared/schemas/households';
import { getHousehold } from '../../api/households';
import { Btn } from '../../components/Btn';
import { Page } from '../../components/Page';
import { ErrorState, Loading } from '../../components/States';
import { heading } from '../../utils/a11y';
import { shanghaiDate } from '../../utils/format';
import { useLoad } from '../../utils/useLoad';
import { ContactForm } from '../households/contact-form';
import { Outbox } from '../households/outbox';
import { ContactLightBadge, lastContactText, TagBadges } from '../households/parts';
import '../households/households.scss';

export default function HouseholdPage() {
  const id = useRouter().params.id ?? '';
  const { data, error, reload } = useLoad(() => getHousehold(id), [id], { staff: true, onShow: true, invalid: !id && '缺少包联户编号' });

  if (error || !data) {
    return <Page className='cases households'>{error ? <ErrorState message={error} onRetry={reload} /> : <Loading />}</Page>;
  }
  return (
    <Page className='cases households'>
      <Members h={data.household} />
      {data.allowed?.length ? (
        <Btn className='btn btn--ghost btn--block' onClick={() => void Taro.navigateTo({ url: `/workbench/household/edit?id=${encodeURIComponent(id)}` })}>
          编辑成员与标签
        </Btn>
      ) : null}
      <Outbox onSent={reload} />
      {data.household.deactivated ? <Text className='household__meta'>该户已迁出/注销{data.household.deactivated.note ? `：${data.household.deactivated.note}` : ''}</Text> : <ContactForm household={data.household} onRecorded={reload} />}
      <Diary contacts={data.contacts} />
    </Page>
  );
}

function Members({ h }: { h: HouseholdSummary }) {
  return (
    <View className='card household'>
      <View className='household__head'>
        <Text className='household__name' {...heading(2)}>
          {h.headName}户
        </Text>
        <ContactLightBadge light={h.light} />
      </View>
      <Text className='household__meta'>{h.regionName}</Text>
      <Text className='household__meta'>最近联系：{lastContactText(h.lastContact)}</Text>
      <TagBadges tags={h.tags} />
      {h.members.map((m) => (
        <Text key={m.name} className='household__meta'>
          {m.name}（{m.relation}
          {m.age !== null ? `，${m.age}岁` : ''}）{m.note ? `：${m.note}` : ''}
        </Text>
      ))}
    </View>
  );
}

function Diary({ contacts }: { contacts: Contact[] }) {
  return (
    <View className='card'>
      <Text className='section-title' {...heading(2)}>
        民情日记
      </Text>
      {contacts.length === 0 ? <Text className='household__meta'>还没有联系记录</Text> : null}
      {contacts.map((c) => (
        <View key={c.id} className='household__diary'>
          <Text className='household__meta'>
            {shanghaiDate(c.at)} {CONTACT_KIND_LABELS[c.kind]} · {CONTACT_OCCASION_LABELS[c.occasion]} · {c.cadreName}
          </Text>
          {c.note ? <Text className='household__meta'>{c.note}</Text> : null}
          {c.demand ? <Text className='household__meta'>代为登记诉求 {c.demand.number}</Text> : null}
        </View>
      ))}
    </View>
  );
}
