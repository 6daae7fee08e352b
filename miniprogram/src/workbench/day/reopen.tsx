// 重新开放 a closed slot or day: a reason (recorded on the place's log), then
// the seats are free again. Residents whose bookings the closure cancelled
// are not rebooked; the hint says so before the staff member confirms.
import { useState } from 'react';
import { ReopenRequest } from '../../../../shared/schemas/appointments';
import { Btn } from '../../components/Btn';
import { useAction } from '../../utils/useAction';
import { ReasonForm } from './parts';

export function Reopen({ label, reopen, onDone }: { label: string; reopen: (reason: string) => Promise<{ reopened: number }>; onDone: (text: string) => void }) {
  const [open, setOpen] = useState(false);
  const action = useAction();

  const submit = async (reason: string) => {
    const parsed = ReopenRequest.safeParse({ reason });
    if (!parsed.success) return action.setFormError(parsed.error.issues[0]?.message ?? '请填写重新开放的原因');
    const r = await action.run(() => reopen(parsed.data.reason));
    if (!r) return undefined;
    setOpen(false);
    return onDone(`已重新开放${r.reopened > 1 ? ` ${r.reopened} 个时段` : ''}，名额可重新预约；已取消的预约不会自动恢复`);
  };

  if (!open) {
    return (
      <Btn className='btn btn--ghost btn--small desk-slot__close' onClick={() => setOpen(true)}>
        {label}
      </Btn>
    );
  }
  return (
    <ReasonForm
      placeholder='请填写重新开放的原因'
      hint='因关闭被取消的预约不会自动恢复，居民可重新预约'
      // Any refusal, a 409 included, stays in the form.
      error={action.formError ?? (action.msg?.ok === false ? action.msg.text : null)}
      busy={action.busy}
      confirm='确认开放'
      onCancel={() => setOpen(false)}
      onConfirm={(reason) => void submit(reason)}
    />
  );
}
