// 新增包联户 (no id) and 编辑 (with id): the register fields; for the town desk
// and the supervisor also 改派 to another paired cadre of the village and
// 迁出/注销 with a reason. Checked with the server's schema before sending; a
// new household keeps a draft and one idempotency key, an edit sends the
// version it read (409: reloaded and shown as it is now).
import { Input, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import {
  CreateHouseholdRequest, DEACTIVATION_REASON_LABELS, DEACTIVATION_REASONS, UpdateHouseholdRequest, type HouseholdSummary,
} from '../../../../shared/schemas/households';
import { createHousehold, deactivateHousehold, getCoverage, getHousehold, updateHousehold } from '../../api/households';
import { listRegions } from '../../api/regions';
import { getStaffMe } from '../../api/staff';
import { Btn } from '../../components/Btn';
import { Chip } from '../../components/Chip';
import { Choices } from '../../components/Choices';
import { useConfirm } from '../../components/ConfirmDialog';
import { DraftNotice } from '../../components/DraftNotice';
import { Page } from '../../components/Page';
import { ErrorState, Loading } from '../../components/States';
import { newIdempotencyKey } from '../../utils/idempotency';
import { role } from '../../utils/a11y';
import { indexRegions, regionPath, type RegionIndex } from '../../utils/regions';
import { useAction } from '../../utils/useAction';
import { useDraft } from '../../utils/useDraft';
import { useLoad } from '../../utils/useLoad';
import { ActionResult, FormFooter } from '../cases';
import { emptyFields, fieldsOf, registerBody, RegisterForm, type RegisterFields } from './register-form';
import '../households/households.scss';

const firstIssue = (r: { success: boolean; error?: { issues: { message: string }[] } }) => r.error?.issues[0]?.message ?? '请检查填写的内容';

export default function HouseholdRegisterPage() {
  const id = useRouter().params.id ?? '';
  const regions = useLoad(listRegions, [], { keep: 'regions' });
  const me = useLoad(getStaffMe, [], { staff: true });
  const found = useLoad(() => (id ? getHousehold(id) : Promise.resolve(null)), [id], { staff: true });
  const error = regions.error ?? me.error ?? found.error;
  if (error) return <Page className='cases households'><ErrorState message={error} onRetry={() => { regions.reload(); me.reload(); found.reload(); }} /></Page>;
  if (!regions.data || !me.data || (id && !found.data)) return <Page className='cases households'><Loading /></Page>;
  const index = indexRegions(regions.data);
  if (!found.data) return <NewHousehold index={index} home={me.data.role === 'agent' ? me.data.regionCode : null} />;
  return <EditHousehold key={found.data.household.version} index={index} h={found.data.household} allowed={found.data.allowed ?? []} onStale={found.reload} />;
}

function NewHousehold({ index, home }: { index: RegionIndex; home: string | null }) {
  const draft = useDraft<RegisterFields>('household:new', emptyFields(home));
  const [cadre, setCadre] = useState('');
  const [key] = useState(newIdempotencyKey);
  const action = useAction();
  const submit = async () => {
    const parsed = CreateHouseholdRequest.safeParse({ idempotencyKey: key, ...(cadre.trim() ? { cadreUsername: cadre.trim() } : {}), ...registerBody(draft.value) });
    if (!parsed.success) return action.setFormError(firstIssue(parsed));
    const h = await action.run(() => createHousehold(parsed.data));
    if (!h) return undefined;
    draft.discard();
    return Taro.redirectTo({ url: `/workbench/household/index?id=${encodeURIComponent(h.id)}` });
  };
  return (
    <Page className='cases households'>
      {draft.restored ? <DraftNotice onDiscard={draft.discard} /> : null}
      {home ? null : <CadreField value={cadre} onChange={setCadre} townCode={townOf(index, draft.value.regionCode)} hint='为哪位包联干部新增' />}
      <RegisterForm value={draft.value} index={index} onChange={(f) => draft.set(f)} />
      <ActionResult msg={action.msg} />
      <FormFooter error={action.formError} busy={action.busy} danger={false} confirm={action.busy ? '正在保存…' : '新增包联户'} onCancel={() => void Taro.navigateBack()} onConfirm={() => void submit()} />
    </Page>
  );
}

function EditHousehold({ index, h, allowed, onStale }: { index: RegionIndex; h: HouseholdSummary; allowed: string[]; onStale: () => void }) {
  const [fields, setFields] = useState(() => fieldsOf(h));
  const [cadre, setCadre] = useState(h.cadreUsername);
  const action = useAction(onStale);
  const save = async () => {
    const parsed = UpdateHouseholdRequest.safeParse({ version: h.version, ...registerBody(fields), ...(cadre.trim() !== h.cadreUsername ? { cadreUsername: cadre.trim() } : {}) });
    if (!parsed.success) return action.setFormError(firstIssue(parsed));
    if (await action.run(() => updateHousehold(h.id, parsed.data))) void Taro.navigateBack();
    return undefined;
  };
  return (
    <Page className='cases households'>
      <Text className='section-title'>编辑 {h.headName}户</Text>
      <RegisterForm value={fields} index={index} onChange={setFields} />
      {allowed.includes('reassign') ? <CadreField value={cadre} onChange={setCadre} townCode={townOf(index, fields.regionCode)} hint='改派给本村的另一位包联干部' /> : null}
      <ActionResult msg={action.msg} />
      <FormFooter error={action.formError} busy={action.busy} danger={false} confirm={action.busy ? '正在保存…' : '保存'} onCancel={() => void Taro.navigateBack()} onConfirm={() => void save()} />
      {allowed.includes('deactivate') ? <Deactivate h={h} onStale={onStale} /> : null}
    </Page>
  );
}

/** The town a region lies in (the cadres offered are that town's). */
const townOf = (index: RegionIndex, code: string | null): string | null => regionPath(index, code).find((r) => r.level === 'town')?.code ?? null;

/**
 * The paired cadre, chosen from those the viewer's coverage lists (town staff:
 * their town's; the supervisor: all), the household's town only once it has
 * one. Whether the cadre's area holds the village is the server's to say (409).
 */
function CadreField({ value, onChange, hint, townCode }: { value: string; onChange: (v: string) => void; hint: string; townCode: string | null }) {
  const coverage = useLoad(() => getCoverage(), [], { staff: true });
  const cadres = (coverage.data?.rows ?? []).filter((r) => r.level === 'cadre' && (!townCode || r.townCode === townCode));
  return (
    <View className='card' {...role('group')} aria-label='包联干部'>
      <Text className='field__label'>包联干部</Text>
      {coverage.error ? <ErrorState message={coverage.error} onRetry={coverage.reload} /> : !coverage.data ? <Loading /> : null}
      {coverage.data && cadres.length === 0 ? <Text className='hint'>本镇暂无包联干部</Text> : null}
      <View className='chips'>
        {cadres.map((r) => (
          <Chip key={r.code} on={value === r.code} onClick={() => onChange(r.code)}>
            {r.name}
          </Chip>
        ))}
      </View>
      <Text className='hint'>{hint}</Text>
    </View>
  );
}

function Deactivate({ h, onStale }: { h: HouseholdSummary; onStale: () => void }) {
  const [reason, setReason] = useState<(typeof DEACTIVATION_REASONS)[number] | null>(null);
  const [note, setNote] = useState('');
  const { confirm, dialog } = useConfirm();
  const action = useAction(onStale);
  const submit = async () => {
    if (!reason) return action.setFormError('请选择注销原因');
    const ok = await confirm({ title: '迁出/注销', content: `${h.headName}户将移出包联名单，不再计入覆盖户数；记录保留。`, confirmText: '确认注销', danger: true });
    if (ok && (await action.run(() => deactivateHousehold(h.id, { version: h.version, reason, ...(note.trim() ? { note } : {}) })))) void Taro.navigateBack({ delta: 2 });
    return undefined;
  };
  return (
    <View className='card'>
      <Text className='section-title'>迁出/注销</Text>
      <Choices label='原因' options={DEACTIVATION_REASONS} labels={DEACTIVATION_REASON_LABELS} value={reason} onChange={setReason} />
      <Input className='field__input' maxlength={200} value={note} placeholder='说明（选填），如迁往何处' aria-label='注销说明' onInput={(e) => setNote(e.detail.value)} />
      <ActionResult msg={action.msg} />
      {action.formError ? <Text className='field__error'>{action.formError}</Text> : null}
      <Btn className='btn btn--danger btn--block' disabled={action.busy} onClick={() => void submit()}>
        迁出/注销
      </Btn>
      {dialog}
    </View>
  );
}
