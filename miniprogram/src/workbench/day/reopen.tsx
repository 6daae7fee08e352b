// 重新开放 a closed slot or day: a reason (recorded on the place's log), then
// the seats are free again. Residents whose bookings the closure cancelled
// are not rebooked; the hint says so before the staff member confirms.
import { Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { ReopenRequest } from '../../../../shared/schemas/appointments';
import { errorMessage } from '../../api/errors';
import { Btn } from '../../components/Btn';
import { role } from '../../utils/a11y';

export function Reopen({ label, reopen, onDone }: { label: string; reopen: (reason: string) => Promise<{ reopened: number }>; onDone: (text: string) => void }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const parsed = ReopenRequest.safeParse({ reason });
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? '请填写重新开放的原因');
    setBusy(true);
    setError(null);
    try {
      const r = await reopen(parsed.data.reason);
      setOpen(false);
      onDone(`已重新开放${r.reopened > 1 ? ` ${r.reopened} 个时段` : ''}，名额可重新预约；已取消的预约不会自动恢复`);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  if (!open) {
    return (
      <Btn className='btn btn--ghost btn--small desk-slot__close' onClick={() => setOpen(true)}>
        {label}
      </Btn>
    );
  }
  return (
    <View className='desk-close'>
      <Input className='field__input' value={reason} placeholder='请填写重新开放的原因' onInput={(e) => setReason(e.detail.value)} />
      <Text className='hint'>因关闭被取消的预约不会自动恢复，居民可重新预约</Text>
      {error ? (
        <Text className='field__error' {...role('alert')}>
          {error}
        </Text>
      ) : null}
      <View className='desk-close__actions'>
        <Btn className='btn btn--ghost btn--small' onClick={() => setOpen(false)}>
          取消
        </Btn>
        <Btn className='btn btn--primary btn--small' disabled={busy} onClick={() => void submit()}>
          确认开放
        </Btn>
      </View>
    </View>
  );
}
