// 立案核查 (supervisor, admin): the 投诉 not yet investigated, each with the
// staff member it is about (their account name) to open the investigation.
import { Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { Demand } from '../../../../shared/schemas/demands';
import { errorMessage } from '../../api/errors';
import { openComplaint } from '../../api/reports';
import { Btn } from '../../components/Btn';
import { role } from '../../utils/a11y';

function OpenRow({ d, onOpened }: { d: Demand; onOpened: () => void }) {
  const [username, setUsername] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const open = async () => {
    setBusy(true);
    setError(null);
    try {
      await openComplaint(d.id, username.trim());
      onOpened();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className='dash-row' data-open={d.id}>
      <Text className='dash-row__name'>诉求 {d.number}{d.department ? ` · ${d.department.name}` : ''}</Text>
      <Text className='dash-row__line'>{d.text}</Text>
      <Input className='field__input' value={username} maxlength={40} placeholder='被投诉工作人员的账号' aria-label={`诉求 ${d.number} 被投诉工作人员的账号`} onInput={(e) => setUsername(e.detail.value)} />
      <Btn className='btn btn--small' disabled={busy || !username.trim()} onClick={() => void open()}>立案核查</Btn>
      {error ? <Text className='form-error' {...role('alert')}>{error}</Text> : null}
    </View>
  );
}

export function OpenInvestigations({ demands, onOpened }: { demands: Demand[]; onOpened: () => void }) {
  return (
    <View className='card'>
      <Text className='card__title'>待立案核查的投诉</Text>
      {demands.length === 0 ? <Text className='hint'>暂无</Text> : null}
      {demands.map((d) => <OpenRow key={d.id} d={d} onOpened={onOpened} />)}
    </View>
  );
}
