// 整改单 (staff): the bad review (level, reasons, comment), the resident to
// call back (department heads and supervisors), the responsible person, the
// deadline, what has been done so far (核实 / 整改 / 回访 / 公开的整改结果 /
// 申诉), the timeline, and only the actions this staff member may take now
// (the server's `allowedActions`: the person a review names may appeal but
// never handle their own ticket), each a form with a note, posted with
// the ticket's version. A 409 (illegal now, someone acted first, already
// appealed) shows the server's message and reloads the ticket.
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { APPEAL_DECISION_LABELS } from '../../../../shared/schemas/ratings';
import { decideAppeal, getTicket, ticketAction } from '../../api/tickets';
import { Btn } from '../../components/Btn';
import { Page } from '../../components/Page';
import { ErrorState, Loading } from '../../components/States';
import { TICKET_STEP_BUTTONS, type TicketStep } from '../../utils/tickets';
import { useAction } from '../../utils/useAction';
import { useLoad } from '../../utils/useLoad';
import { ActionResult } from '../cases';
import { NO_FIELDS, stepFieldsError, TicketStepForm, type StepFields } from './form';
import { ReviewCards, TicketHead, TicketRecords, TicketTimeline } from './parts';
import '../cases.scss';
import '../tickets/tickets.scss';

const DONE: Record<TicketStep, string> = {
  verify: '已提交核实情况',
  rectify: '已提交整改措施',
  follow_up: '已记录回访',
  publish: '整改结果已公开',
  appeal: '已提交申诉，等待督查裁定',
  decide: '已裁定',
};

export default function TicketPage() {
  const { params } = useRouter();
  const id = decodeURIComponent(params.id ?? '');
  const { data: ticket, error, reload, setData: setTicket } = useLoad(() => getTicket(id), [id], { staff: true, invalid: !id && '缺少整改单编号' });
  // The open form and its fields.
  const [form, setForm] = useState<TicketStep | null>(null);
  const [fields, setFields] = useState<StepFields>(NO_FIELDS);
  // Illegal now, someone acted first, or already appealed: show the ticket as it is now.
  const action = useAction(() => {
    setForm(null);
    reload();
  });

  const openForm = (step: TicketStep) => {
    setForm(step);
    setFields(NO_FIELDS);
    action.clear();
  };

  const submit = async () => {
    if (!ticket || !form) return;
    const missing = stepFieldsError(form, fields);
    if (missing) {
      action.setFormError(missing);
      return;
    }
    const step = form;
    const { note, reached, view, decision } = fields;
    const text = note.trim();
    const next = await action.run(
      () =>
        step === 'decide'
          ? decideAppeal(ticket.id, { decision: decision!, version: ticket.version, note: text })
          : ticketAction(ticket.id, {
              action: step,
              version: ticket.version,
              note: text,
              ...(step === 'follow_up' ? { followUp: { reached, residentView: reached ? view : null } } : {}),
            }),
      { done: step === 'decide' ? `已裁定：${APPEAL_DECISION_LABELS[decision!]}` : DONE[step] },
    );
    if (next) {
      setTicket(next);
      setForm(null);
    }
  };

  if (error || !ticket) {
    return <Page className='cases tickets'>{error ? <ErrorState message={error} onRetry={reload} /> : <Loading />}</Page>;
  }

  const steps = ticket.allowedActions;
  return (
    <Page className='cases tickets'>
      <TicketHead ticket={ticket} />
      <ActionResult msg={action.msg} />

      {steps.length > 0 ? (
        <View className='card'>
          {form ? (
            <TicketStepForm
              step={form}
              fields={fields}
              set={(patch) => setFields((f) => ({ ...f, ...patch }))}
              error={action.formError}
              busy={action.busy}
              onCancel={() => setForm(null)}
              onConfirm={() => void submit()}
            />
          ) : (
            <>
              <Text className='card__title'>整改操作</Text>
              <View className='case-actions'>
                {steps.map((s, i) => (
                  <Btn key={s} className={s === 'appeal' ? 'btn btn--ghost' : i === 0 ? 'btn btn--primary' : 'btn btn--ghost'} disabled={action.busy} onClick={() => openForm(s)}>
                    {TICKET_STEP_BUTTONS[s]}
                  </Btn>
                ))}
              </View>
            </>
          )}
        </View>
      ) : null}

      <ReviewCards ticket={ticket} />
      <TicketRecords ticket={ticket} />
      <TicketTimeline events={ticket.events} />
    </Page>
  );
}
