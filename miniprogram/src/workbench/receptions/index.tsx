// 领导接待日 (department heads, admins): the reception days a head announces
// to residents — the dates (working days the server offers), the windows with
// their seats, the room, the directory entry and the cancel cut-off — and each
// saved date's 预约名单 (the day list, with each resident's topic). A head sets
// their own; an admin first chooses the head. A change that would strand
// bookings comes back as a 409 saying what to do, and the page reloads.
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { getReceptionHosts } from '../../api/posts';
import { Chip } from '../../components/Chip';
import { Page } from '../../components/Page';
import { Empty, ErrorState, Loading } from '../../components/States';
import { todayShanghai } from '../../utils/dates';
import { useAction } from '../../utils/useAction';
import { useLoad } from '../../utils/useLoad';
import { ActionResult } from '../cases';
import { ReceptionForm } from './form';
import '../cases.scss';
import './receptions.scss';

export default function Receptions() {
  // Again on coming back from a booking list where a day was closed.
  const { data, error, reload } = useLoad(getReceptionHosts, [], { staff: true, onShow: true });
  const [chosen, setChosen] = useState<string | null>(null);
  // The outcome outlives the form, which starts afresh from what the server now holds.
  const action = useAction(reload);

  if (error || !data) {
    return <Page className='receptions'>{error ? <ErrorState message={error} onRetry={reload} /> : <Loading />}</Page>;
  }
  if (data.hosts.length === 0) {
    return (
      <Page className='receptions'>
        <Empty text='领导接待日由县直部门负责人安排' />
      </Page>
    );
  }
  const host = data.hosts.find((h) => h.username === chosen) ?? data.hosts[0]!;
  return (
    <Page className='receptions'>
      {data.hosts.length > 1 ? (
        <View className='card'>
          <Text className='field__label'>为哪位部门负责人安排</Text>
          <View className='chips' aria-label='部门负责人'>
            {data.hosts.map((h) => (
              <Chip
                key={h.username}
                on={h.username === host.username}
                onClick={() => {
                  action.clear();
                  setChosen(h.username);
                }}
              >
                {h.name}（{h.departmentName}）
              </Chip>
            ))}
          </View>
        </View>
      ) : null}
      <Text className='case-summary'>
        {host.name}（{host.departmentName}）的接待日向群众公开，群众在“我的 → 领导联系表”中预约并写明事由
      </Text>
      <ActionResult msg={action.msg} />
      <ReceptionForm key={`${host.username}:${JSON.stringify(host.setting)}`} host={host} leaders={data.leaders} days={data.days} today={todayShanghai()} action={action} onSaved={reload} />
    </Page>
  );
}
