// 包联干部 and the leaders' public directory, with tap-to-call; each leader
// with a reception day shows the next one and 预约接待 (领导接待日).
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import type { Reception } from '../../../../shared/schemas/posts';
import { getContacts } from '../../api/contacts';
import { getReceptions } from '../../api/reception';
import { formatDateLong } from '../../utils/dates';
import { Page } from '../../components/Page';
import { Empty, ErrorState, Loading } from '../../components/States';
import { useLoad } from '../../utils/useLoad';
import { HouseholdContact } from './household-contact';
import './contacts.scss';
import { Btn } from '../../components/Btn';

function call(phoneNumber: string) {
  Taro.makePhoneCall({ phoneNumber }).catch(() => undefined); // the user cancelled
}

/** A leader's next reception day and the way to book it. */
function ReceptionLine({ r }: { r: Reception }) {
  return (
    <View className='contact__reception'>
      <Text className='contact__duties'>
        {r.nextDate ? `接待日：${formatDateLong(r.nextDate)} ${r.hours}` : '近期暂无接待日安排'}
      </Text>
      {r.nextDate ? (
        <Btn className='btn btn--primary btn--block' onClick={() => void Taro.navigateTo({ url: `/packages/booking/reception?id=${encodeURIComponent(r.id)}` })}>
          预约接待
        </Btn>
      ) : null}
    </View>
  );
}

export default function Contacts() {
  const { params } = useRouter();
  const leadersFirst = params.section === 'leaders';
  const { data, error, reload } = useLoad(getContacts, []);
  // Public: the directory still shows if this fails.
  const receptions = useLoad(getReceptions, []).data?.receptions ?? [];

  if (error || !data) {
    return <Page className='contacts'>{error ? <ErrorState message={error} onRetry={reload} /> : <Loading />}</Page>;
  }

  const listed = new Set(data.leaders.map((l) => l.id));
  const unlisted = receptions.filter((r) => !r.leaderId || !listed.has(r.leaderId));

  const cadre = (
    <View key='cadre'>
      <Text className='section-title'>我的包联干部</Text>
      {data.pairedCadre ? (
        <View className='card contact contact--cadre'>
          <Text className='contact__name'>{data.pairedCadre.name}</Text>
          {data.pairedCadre.departmentName ? <Text className='contact__title'>{data.pairedCadre.departmentName}</Text> : null}
          <Text className='contact__duties'>{data.pairedCadre.duties}</Text>
          <Text className='contact__phone'>电话：{data.pairedCadre.phone}</Text>
          <Btn className='btn btn--primary btn--block' onClick={() => call(data.pairedCadre!.phone)}>
            拨打电话
          </Btn>
          <Text className='hint contact__note'>可请包联干部全程代办，免费。</Text>
          <Btn className='btn btn--ghost btn--block' onClick={() => void Taro.navigateTo({ url: '/packages/commitments/index' })}>
            本村服务承诺公示
          </Btn>
          <HouseholdContact />
        </View>
      ) : (
        <View className='card'>
          <Text className='hint'>暂未为您分配包联干部。请先在“个人资料”中填写现居住地，或联系所在村（社区）。</Text>
        </View>
      )}
    </View>
  );

  const leaders = (
    <View key='leaders'>
      <Text className='section-title'>领导联系表</Text>
      {data.leaders.length === 0 ? (
        <Empty text='暂无公开联系人' />
      ) : (
        data.leaders.map((l) => (
          <View className='card contact' key={l.id}>
            <View className='contact__row'>
              <View className='contact__main'>
                <Text className='contact__name'>{l.name}</Text>
                <Text className='contact__title'>{l.title}</Text>
              </View>
              <Btn className='btn btn--ghost btn--small' onClick={() => call(l.phone)}>
                拨打
              </Btn>
            </View>
            <Text className='contact__duties'>分管：{l.duties}</Text>
            <Text className='contact__phone'>电话：{l.phone}</Text>
            {receptions
              .filter((r) => r.leaderId === l.id)
              .map((r) => (
                <ReceptionLine key={r.id} r={r} />
              ))}
          </View>
        ))
      )}
      {unlisted.length > 0 ? <Text className='section-title'>部门负责人接待日</Text> : null}
      {unlisted.map((r) => (
        <View className='card contact' key={r.id}>
          <Text className='contact__name'>{r.name}</Text>
          <Text className='contact__title'>{r.title}</Text>
          <ReceptionLine r={r} />
        </View>
      ))}
    </View>
  );

  return <Page className='contacts'>{leadersFirst ? [leaders, cadre] : [cadre, leaders]}</Page>;
}
