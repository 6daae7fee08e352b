// Record a contact: how (走访 / 电话 / 微信), why (例行 / 三必到 / 五必访), a
// short 民情日记, and the household's request filed on their behalf. Checked
// with the schema the server parses; queued on the phone before it is sent.
import { Text, Textarea, View } from '@tarojs/components';
import {
  CONTACT_KIND_LABELS, CONTACT_KINDS, CONTACT_OCCASION_LABELS, CONTACT_OCCASIONS, RecordContactRequest,
  type ContactKind, type ContactOccasion, type HouseholdSummary,
} from '../../../../shared/schemas/households';
import {
  DEMAND_DOMAIN_LABELS, DEMAND_DOMAINS, DEMAND_TYPE_LABELS, DEMAND_TYPES, type DemandDomain, type DemandType,
} from '../../../../shared/schemas/demands';
import { ApiError } from '../../api/errors';
import { Btn } from '../../components/Btn';
import { Choices } from '../../components/Choices';
import { DraftNotice } from '../../components/DraftNotice';
import { Toggle } from '../../components/Toggle';
import { role } from '../../utils/a11y';
import { dropContact, queueContact, queuedContacts } from '../../utils/contact-outbox';
import { newIdempotencyKey } from '../../utils/idempotency';
import { useAction } from '../../utils/useAction';
import { useDraft } from '../../utils/useDraft';
import { ActionResult } from '../cases';
import { sendQueuedContacts } from './outbox';

interface Form {
  kind: ContactKind | null;
  occasion: ContactOccasion | null;
  note: string;
  withDemand: boolean;
  type: DemandType | null;
  domain: DemandDomain | null;
  text: string;
  reporterName: string | null;
}
const EMPTY: Form = { kind: null, occasion: null, note: '', withDemand: false, type: null, domain: null, text: '', reporterName: null };

export const SAVED_OFFLINE = '没有信号：已保存在手机上，有信号时自动发送（不会重复记录）';

export function ContactForm({ household: h, onRecorded }: { household: HouseholdSummary; onRecorded: () => void }) {
  const draft = useDraft<Form>(`contact:${h.id}`, EMPTY);
  const form = draft.value;
  const set = (patch: Partial<Form>) => draft.set((f) => ({ ...f, ...patch }));
  const action = useAction();

  const submit = () => {
    const parsed = RecordContactRequest.safeParse({
      idempotencyKey: newIdempotencyKey(), kind: form.kind, occasion: form.occasion, contactedAt: new Date().toISOString(),
      ...(form.note.trim() ? { note: form.note } : {}),
      ...(form.withDemand ? { demand: { type: form.type, domain: form.domain, text: form.text, ...(form.reporterName ? { reporterName: form.reporterName } : {}) } } : {}),
    });
    if (!parsed.success) return action.setFormError(parsed.error.issues[0]?.message ?? '请检查填写的内容');
    const body = { ...parsed.data, contactedAt: parsed.data.contactedAt! };
    return action.run(async () => {
      // Kept before the first try: a dropped signal or a closed app never loses it.
      queueContact({ householdId: h.id, headName: h.headName, body });
      draft.discard();
      await sendQueuedContacts();
      const mine = queuedContacts().find((q) => q.body.idempotencyKey === body.idempotencyKey);
      if (mine?.refused) {
        dropContact(body.idempotencyKey);
        throw new ApiError(400, 'REFUSED', mine.refused);
      }
      if (!mine) onRecorded();
      return mine ? SAVED_OFFLINE : '已记录';
    }, { done: (text) => text });
  };

  return (
    <View className='card'>
      <Text className='section-title'>记录联系</Text>
      {draft.restored ? <DraftNotice onDiscard={draft.discard} /> : null}
      <Choices label='联系方式' options={CONTACT_KINDS} labels={CONTACT_KIND_LABELS} value={form.kind} onChange={(kind) => set({ kind })} />
      <Choices label='联系事由' options={CONTACT_OCCASIONS} labels={CONTACT_OCCASION_LABELS} value={form.occasion} onChange={(occasion) => set({ occasion })} />
      <View className='demand-field'>
        <Text className='field__label'>民情日记（选填）</Text>
        <Textarea className='demand-textarea' value={form.note} maxlength={500} placeholder='家里情况、群众说了什么' aria-label='民情日记' onInput={(e) => set({ note: e.detail.value })} />
      </View>
      <Toggle label='群众反映了问题' hint='代为登记诉求（包联走访），与本次联系关联' on={form.withDemand} onChange={(withDemand) => set({ withDemand })} />
      {form.withDemand ? (
        <>
          <Choices label='反映人' options={h.members.map((m) => m.name)} labels={Object.fromEntries(h.members.map((m) => [m.name, m.name]))} value={form.reporterName ?? h.headName} onChange={(reporterName) => set({ reporterName })} />
          <Choices label='反映类型' options={DEMAND_TYPES} labels={DEMAND_TYPE_LABELS} value={form.type} onChange={(type) => set({ type })} />
          <Choices label='所属领域' options={DEMAND_DOMAINS} labels={DEMAND_DOMAIN_LABELS} value={form.domain} onChange={(domain) => set({ domain })} />
          <View className='demand-field'>
            <Text className='field__label'>反映内容</Text>
            <Textarea className='demand-textarea' value={form.text} maxlength={1000} placeholder='群众反映的问题和诉求' aria-label='反映内容' onInput={(e) => set({ text: e.detail.value })} />
          </View>
        </>
      ) : null}
      {action.formError ? (
        <Text className='field__error' {...role('alert')}>
          {action.formError}
        </Text>
      ) : null}
      <ActionResult msg={action.msg} />
      <Btn className='btn btn--primary btn--block' disabled={action.busy} onClick={() => void submit()}>
        {action.busy ? '正在记录…' : '记录本次联系'}
      </Btn>
    </View>
  );
}
