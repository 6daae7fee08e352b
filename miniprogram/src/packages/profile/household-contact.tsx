// Beside the paired cadre: when they last contacted my household, and a
// one-tap 未联系 report to the supervisor (once a month).
import { Text, View } from '@tarojs/components';
import { CONTACT_KIND_LABELS } from '../../../../shared/schemas/households';
import { getMyHousehold, reportNoContact } from '../../api/households';
import { Btn } from '../../components/Btn';
import { role } from '../../utils/a11y';
import { shanghaiDate } from '../../utils/format';
import { useAction } from '../../utils/useAction';
import { useLoad } from '../../utils/useLoad';

export function HouseholdContact() {
  const { data, reload, setData } = useLoad(getMyHousehold, []);
  const action = useAction(reload);
  if (!data?.householdId) return null;
  const last = data.lastContact;
  const report = () =>
    action.run(async () => setData(await reportNoContact()), { done: '已反映给督查人员，会尽快核实', errorTo: 'page' });
  return (
    <View className='contact__household'>
      <Text className='contact__phone'>
        最近一次联系您家：{last ? `${shanghaiDate(last.at)}（${CONTACT_KIND_LABELS[last.kind]}）` : '暂无记录'}
      </Text>
      {action.msg ? (
        <Text className={action.msg.ok ? 'hint' : 'form-error'} {...role(action.msg.ok ? 'status' : 'alert')}>
          {action.msg.text}
        </Text>
      ) : null}
      {data.reportedThisMonth ? (
        <Text className='hint'>本月已反映“未联系”，督查人员会核实</Text>
      ) : (
        <Btn className='btn btn--ghost btn--block' disabled={action.busy} onClick={() => void report()}>
          包联干部本月没联系我
        </Btn>
      )}
    </View>
  );
}
