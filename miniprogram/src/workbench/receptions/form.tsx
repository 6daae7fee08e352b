// One head's reception days as a form, filled from what is set (or a first
// window of the morning). Checked with the server's schema and window rule
// before sending; dropping a saved date asks first (its bookings must be
// closed from the booking list, which tells the residents).
import { Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { ReceptionHost, ReceptionHostsResponse } from '../../../../shared/schemas/posts';
import { ReceptionInput } from '../../../../shared/schemas/posts';
import { windowErrors } from '../../../../shared/reception';
import { setReception } from '../../api/posts';
import { useConfirm } from '../../components/ConfirmDialog';
import { formatCutoff } from '../../utils/dates';
import { formatDayShort } from '../day-chips';
import type { Action } from '../../utils/useAction';
import { FormFooter } from '../cases';
import { ChoiceRow, DatesField, WindowsField, type WindowDraft } from './parts';

interface Draft {
  dates: string[];
  windows: WindowDraft[];
  address: string;
  leaderId: string | null;
  cutoffMinutes: number;
}

const CUTOFFS = [60, 120, 1440];

function draftOf(setting: ReceptionHost['setting']): Draft {
  if (!setting) return { dates: [], windows: [{ start: '09:00', end: '11:30', capacity: '5' }], address: '', leaderId: null, cutoffMinutes: 120 };
  return { ...setting, windows: setting.windows.map((w) => ({ ...w, capacity: String(w.capacity) })) };
}

export function ReceptionForm({ host, leaders, days, today, action, onSaved }: {
  host: ReceptionHost;
  leaders: ReceptionHostsResponse['leaders'];
  days: readonly string[];
  today: string;
  action: Action;
  onSaved: () => void;
}) {
  const saved = draftOf(host.setting);
  const [draft, setDraft] = useState(saved);
  const { confirm, dialog } = useConfirm();
  const set = (p: Partial<Draft>) => {
    action.setFormError(null);
    setDraft({ ...draft, ...p });
  };

  const save = async () => {
    if (action.busy) return;
    const parsed = ReceptionInput.safeParse({ ...draft, windows: draft.windows.map((w) => ({ ...w, capacity: Number(w.capacity) })) });
    if (!parsed.success) return action.setFormError(parsed.error.issues[0]?.message ?? '请检查填写的内容');
    const overlap = Object.values(windowErrors(parsed.data.windows))[0];
    if (overlap) return action.setFormError(overlap);
    const dropped = saved.dates.filter((d) => !draft.dates.includes(d));
    if (dropped.length > 0) {
      const sure = await confirm({
        title: '去掉接待日',
        content: `${dropped.map(formatDayShort).join('、')}将不再接待。已有群众预约的日期，请先在预约名单中关闭（系统会通知已预约的群众）。确定保存？`,
        confirmText: '保存',
        cancelText: '返回',
      });
      if (!sure) return;
    }
    const done = await action.run(() => setReception(host.username, parsed.data), {
      done: (r) => (r.nextDate ? `已保存，下一次接待：${formatDayShort(r.nextDate)}` : '已保存，暂无待接待的日期'),
    });
    if (done) onSaved();
  };

  const cutoffs = CUTOFFS.includes(draft.cutoffMinutes) ? CUTOFFS : [...CUTOFFS, draft.cutoffMinutes];
  return (
    <View>
      <DatesField dates={draft.dates} saved={saved.dates} days={days} today={today} placeId={host.placeId} onChange={(dates) => set({ dates })} />
      <WindowsField windows={draft.windows} onChange={(windows) => set({ windows })} />
      <View className='card'>
        <Text className='field__label'>接待地点</Text>
        <Input className='field__input' maxlength={100} value={draft.address} placeholder='如：县政务服务中心三楼领导接待室' aria-label='接待地点' onInput={(e) => set({ address: e.detail.value })} />
        <ChoiceRow
          label='对应“领导联系表”中的领导'
          options={[{ value: null as string | null, text: '不对应' }, ...leaders.map((l) => ({ value: l.id as string | null, text: `${l.title}${l.name}` }))]}
          value={draft.leaderId}
          onChange={(leaderId) => set({ leaderId })}
        />
        <ChoiceRow
          label='群众可取消预约的截止时间'
          options={cutoffs.map((m) => ({ value: m, text: `开始前${formatCutoff(m)}` }))}
          value={draft.cutoffMinutes}
          onChange={(cutoffMinutes) => set({ cutoffMinutes })}
        />
        <FormFooter error={action.formError} busy={action.busy} danger={false} confirm='保存接待安排' onCancel={() => {
            setDraft(saved);
            action.clear();
          }} onConfirm={() => void save()} />
      </View>
      {dialog}
    </View>
  );
}
