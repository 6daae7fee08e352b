// 整改单 (staff): the bad review (level, reasons, comment), the resident to
// call back (department heads and supervisors), the responsible person, the
// deadline, what has been done so far (核实 / 整改 / 回访 / 公开的整改结果 /
// 申诉), the timeline, and only the actions this staff member may take now
// (the server's `allowedActions`: the person a review names may appeal but
// never handle their own ticket), each a form with a note, posted with
// the ticket's version. A 409 (illegal now, someone acted first, already
// appealed) shows the server's message and reloads the ticket.
import { Text, Textarea, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import {
  APPEAL_DECISION_LABELS,
  FOLLOW_UP_VIEW_LABELS,
  FOLLOW_UP_VIEWS,
  RATING_TARGET_LABELS,
  type FollowUpView,
} from '../../../../shared/schemas/ratings';
import { errorMessage, isApiError } from '../../api/errors';
import { decideAppeal, getTicket, ticketAction, type AppealDecision } from '../../api/tickets';
import { Btn } from '../../components/Btn';
import { KV, Phone } from '../../components/CaseParts';
import { Chip } from '../../components/Chip';
import { Page } from '../../components/Page';
import { ErrorState, Loading } from '../../components/States';
import { Toggle } from '../../components/Toggle';
import { role } from '../../utils/a11y';
import { formatDateLong, formatInstant } from '../../utils/dates';
import {
  noteError,
  TICKET_NOTE_LABELS,
  TICKET_NOTE_PLACEHOLDERS,
  TICKET_STEP_BUTTONS,
  TICKET_SUBMIT_LABELS,
  ticketDueText,
  ticketEventLabel,
  type TicketStep,
} from '../../utils/tickets';
import { useLoad } from '../../utils/useLoad';
import { LevelBadge, OverdueBadge, reasonsText, TicketStatusBadge } from '../tickets/parts';
import { type ActionMessage, ActionResult, FormFooter } from '../cases';
import '../cases.scss';
import '../tickets/tickets.scss';

type Decision = AppealDecision['decision'];
const DECISION_CHOICES: { value: Decision; label: string }[] = [
  { value: 'upheld', label: '申诉成立' },
  { value: 'dismissed', label: '申诉不成立' },
];
const DONE: Record<TicketStep, string> = {
  verify: '已提交核实情况',
  rectify: '已提交整改措施',
  follow_up: '已记录回访',
  publish: '整改结果已公开',
  appeal: '已提交申诉，等待督查裁定',
  decide: '已裁定',
};

/** One recorded step of the ticket (核实, 整改, 公开), once written. */
function RecordCard({ title, text }: { title: string; text: string | null | undefined }) {
  return text ? (
    <View className='card'>
      <Text className='card__title'>{title}</Text>
      <Text className='ticket-block__text'>{text}</Text>
    </View>
  ) : null;
}

export default function TicketPage() {
  const { params } = useRouter();
  const id = decodeURIComponent(params.id ?? '');
  const { data: ticket, error, reload, setData: setTicket } = useLoad(() => getTicket(id), [id], { staff: true, invalid: !id && '缺少整改单编号' });
  const [msg, setMsg] = useState<ActionMessage>(null);
  const [busy, setBusy] = useState(false);
  // The open form and its fields.
  const [form, setForm] = useState<TicketStep | null>(null);
  const [note, setNote] = useState('');
  const [reached, setReached] = useState(true);
  const [view, setView] = useState<FollowUpView | null>(null);
  const [decision, setDecision] = useState<Decision | null>(null);
  const [formError, setFormError] = useState<string | null>(null);

  const openForm = (step: TicketStep) => {
    setForm(step);
    setNote('');
    setReached(true);
    setView(null);
    setDecision(null);
    setFormError(null);
    setMsg(null);
  };

  const submit = async () => {
    if (!ticket || !form || busy) return;
    const bad = noteError(note);
    if (bad) {
      setFormError(bad);
      return;
    }
    if (form === 'follow_up' && reached && !view) {
      setFormError('请选择居民意见');
      return;
    }
    if (form === 'decide' && !decision) {
      setFormError('请选择裁定结果');
      return;
    }
    const text = note.trim();
    const step = form;
    setBusy(true);
    setFormError(null);
    setMsg(null);
    try {
      const next =
        step === 'decide'
          ? await decideAppeal(ticket.id, { decision: decision!, version: ticket.version, note: text })
          : await ticketAction(ticket.id, {
              action: step,
              version: ticket.version,
              note: text,
              ...(step === 'follow_up' ? { followUp: { reached, residentView: reached ? view : null } } : {}),
            });
      setTicket(next);
      setForm(null);
      setMsg({ ok: true, text: step === 'decide' ? `已裁定：${APPEAL_DECISION_LABELS[decision!]}` : DONE[step] });
    } catch (e) {
      const message = errorMessage(e);
      if (isApiError(e) && e.status === 409) {
        // Illegal now, someone acted first, or already appealed: show the ticket as it is now.
        setForm(null);
        setMsg({ ok: false, text: message });
        reload();
      } else {
        setFormError(message);
      }
    } finally {
      setBusy(false);
    }
  };

  if (error || !ticket) {
    return <Page className='cases tickets'>{error ? <ErrorState message={error} onRetry={reload} /> : <Loading />}</Page>;
  }

  const steps = ticket.allowedActions;
  const events = ticket.events
    .map((e, i) => ({ e, i }))
    .sort((a, b) => Date.parse(a.e.at) - Date.parse(b.e.at) || a.i - b.i)
    .map((x) => x.e);
  const appeal = ticket.appeal;

  const formView = form ? (
    <View className='case-form ticket-form'>
      <Text className='card__title'>{TICKET_STEP_BUTTONS[form]}</Text>
      {form === 'appeal' ? <Text className='hint'>仅限恶意评价或错误评价；每张整改单只能申诉一次，由督查裁定。</Text> : null}
      {form === 'follow_up' ? (
        <>
          <Toggle label='是否联系上' hint={reached ? '已联系上居民' : '未联系上居民'} on={reached} onChange={setReached} />
          {/* The resident's view only when they were reached. */}
          {reached ? (
            <>
              <Text className='case-form__label'>居民意见</Text>
              <View className='chips' aria-label='居民意见'>
                {FOLLOW_UP_VIEWS.map((v) => (
                  <Chip key={v} on={view === v} onClick={() => setView(v)}>
                    {FOLLOW_UP_VIEW_LABELS[v]}
                  </Chip>
                ))}
              </View>
            </>
          ) : null}
        </>
      ) : null}
      {form === 'decide' ? (
        <>
          <Text className='case-form__label'>裁定结果</Text>
          <View className='chips' aria-label='裁定结果'>
            {DECISION_CHOICES.map((c) => (
              <Chip key={c.value} on={decision === c.value} onClick={() => setDecision(c.value)}>
                {c.label}
              </Chip>
            ))}
          </View>
          {decision ? <Text className='hint'>{APPEAL_DECISION_LABELS[decision]}</Text> : null}
        </>
      ) : null}
      <Text className='case-form__label'>{TICKET_NOTE_LABELS[form]}</Text>
      <Textarea
        className='ticket-textarea'
        value={note}
        maxlength={500}
        placeholder={TICKET_NOTE_PLACEHOLDERS[form]}
        aria-label={TICKET_NOTE_LABELS[form]}
        onInput={(e) => setNote(e.detail.value)}
      />
      <Text className='ticket-count'>{note.trim().length}/500</Text>
      {form === 'publish' ? <Text className='ticket-public'>提交后，整改结果将向评价的居民和社会公开。</Text> : null}
      <FormFooter error={formError} busy={busy} danger={form === 'appeal'} confirm={TICKET_SUBMIT_LABELS[form]} onCancel={() => setForm(null)} onConfirm={() => void submit()} />
    </View>
  ) : null;

  return (
    <Page className='cases tickets'>
      <View className='card case-head'>
        <Text className='case-head__name'>{ticket.serviceName}</Text>
        <View className='case-head__tags'>
          <TicketStatusBadge status={ticket.status} />
          {ticket.overdue ? <OverdueBadge /> : null}
        </View>
        <KV k={ticket.targetType === 'application' ? '办件编号' : '预约码'}>
          <Text>{ticket.reference}</Text>
        </KV>
        <KV k='评价对象'>
          <Text>{RATING_TARGET_LABELS[ticket.targetType]}</Text>
        </KV>
        <KV k='责任部门'>
          <Text>{ticket.departmentName}</Text>
        </KV>
        <KV k='责任人'>
          <Text>{ticket.responsible?.name ?? '未确定'}</Text>
        </KV>
        <KV k='整改期限'>
          <Text className={ticket.overdue ? 'case-late' : undefined}>{ticketDueText(ticket)}</Text>
        </KV>
        <KV k='生成日期'>
          <Text>{formatDateLong(ticket.createdOn)}</Text>
        </KV>
      </View>

      <ActionResult msg={msg} />

      {steps.length > 0 ? (
        <View className='card'>
          {formView ?? (
            <>
              <Text className='card__title'>整改操作</Text>
              <View className='case-actions'>
                {steps.map((s, i) => (
                  <Btn key={s} className={s === 'appeal' ? 'btn btn--ghost' : i === 0 ? 'btn btn--primary' : 'btn btn--ghost'} disabled={busy} onClick={() => openForm(s)}>
                    {TICKET_STEP_BUTTONS[s]}
                  </Btn>
                ))}
              </View>
            </>
          )}
        </View>
      ) : null}

      <View className='card'>
        <Text className='card__title'>居民评价</Text>
        <View className='case-card__tags'>
          <LevelBadge level={ticket.level} />
        </View>
        <KV k='差评原因'>
          <Text>{reasonsText(ticket.reasons)}</Text>
        </KV>
        {ticket.comment ? <Text className='ticket-comment'>{ticket.comment}</Text> : <Text className='hint'>居民未填写评价内容</Text>}
      </View>

      {ticket.resident ? (
        <View className='card'>
          <Text className='card__title'>回访居民</Text>
          <KV k='居民'>
            <Text>{ticket.resident.name}</Text>
            {ticket.resident.phone ? <Phone phone={ticket.resident.phone} who='居民' /> : null}
          </KV>
          {ticket.resident.phone ? null : <Text className='hint'>居民未留电话</Text>}
        </View>
      ) : null}

      <RecordCard title='核实情况' text={ticket.verification} />
      <RecordCard title='整改措施' text={ticket.rectification} />
      {ticket.followUp ? (
        <View className='card'>
          <Text className='card__title'>电话回访</Text>
          <KV k='是否联系上'>
            <Text>{ticket.followUp.reached ? '已联系上' : '未联系上'}</Text>
          </KV>
          <KV k='居民意见'>
            <Text>{ticket.followUp.residentView ? FOLLOW_UP_VIEW_LABELS[ticket.followUp.residentView] : '未能了解'}</Text>
          </KV>
          <Text className='ticket-block__text'>{ticket.followUp.note}</Text>
          <Text className='ticket-block__meta'>回访时间 {formatInstant(ticket.followUp.at)}</Text>
        </View>
      ) : null}
      <RecordCard title='整改结果（已公开）' text={ticket.outcome} />
      {appeal ? (
        <View className='card'>
          <Text className='card__title'>申诉</Text>
          <Text className='ticket-block__text'>{appeal.reason}</Text>
          <Text className='ticket-block__meta'>
            {appeal.by} · {formatInstant(appeal.at)}
          </Text>
          <KV k='裁定'>
            <Text>{appeal.decision ? APPEAL_DECISION_LABELS[appeal.decision] : '待督查裁定'}</Text>
          </KV>
          {appeal.decisionNote ? <Text className='ticket-block__text'>{appeal.decisionNote}</Text> : null}
          {appeal.decidedBy ? <Text className='ticket-block__meta'>裁定人：{appeal.decidedBy}</Text> : null}
        </View>
      ) : null}

      <View className='card'>
        <Text className='card__title'>处理记录</Text>
        {events.length === 0 ? <Text className='hint'>暂无记录</Text> : null}
        <View className='timeline' {...role('list')}>
          {events.map((e, i) => (
            <View key={`${e.at}-${i}`} className={i === events.length - 1 ? 'timeline__item timeline__item--last' : 'timeline__item'} {...role('listitem')}>
              <View className='timeline__dot' />
              <View className='timeline__body'>
                <View className='timeline__head'>
                  <Text className='timeline__action'>{ticketEventLabel(e.action)}</Text>
                  <Text className='timeline__time'>{formatInstant(e.at)}</Text>
                </View>
                <Text className='timeline__line'>{e.actor}</Text>
                {e.note ? <Text className='timeline__note'>{e.note}</Text> : null}
              </View>
            </View>
          ))}
        </View>
      </View>
    </Page>
  );
}
