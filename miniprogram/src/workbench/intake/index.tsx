// 代群众登记 (staff): a demand from the hotline, a walk-in, a household visit
// by the paired cadre or the opinion book, entered on the resident's behalf
// with the channel recorded (a cadre can do it from the field on the phone).
// Checked with the schema the server parses; one idempotency key per screen.
import { Input, Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import {
  DEMAND_CHANNEL_LABELS,
  DEMAND_DOMAIN_LABELS,
  DEMAND_DOMAINS,
  DEMAND_GRADE_LABELS,
  DEMAND_GRADES,
  DEMAND_TYPE_LABELS,
  DEMAND_TYPES,
  IntakeDemandRequest,
  STAFF_CHANNELS,
  type DemandDomain,
  type DemandGrade,
  type DemandType,
} from '../../../../shared/schemas/demands';
import { newIdempotencyKey } from '../../utils/idempotency';
import { errorMessage } from '../../api/errors';
import { listRegions } from '../../api/regions';
import { getStaffMe } from '../../api/staff';
import { intakeDemand } from '../../api/staff-demands';
import { Btn } from '../../components/Btn';
import { Choices } from '../../components/Choices';
import { Page } from '../../components/Page';
import { RegionPicker } from '../../components/RegionPicker';
import { ErrorState, Loading } from '../../components/States';
import { Toggle } from '../../components/Toggle';
import { role } from '../../utils/a11y';
import { indexRegions } from '../../utils/regions';
import { useLoad } from '../../utils/useLoad';
import '../demands.scss';

type Channel = (typeof STAFF_CHANNELS)[number];
interface Form {
  channel: Channel | null;
  type: DemandType | null;
  domain: DemandDomain | null;
  grade: DemandGrade;
  text: string;
  regionCode: string | null;
  anonymous: boolean;
  name: string;
  phone: string;
}

export default function Intake() {
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [form, setForm] = useState<Form>({ channel: null, type: null, domain: null, grade: 'B', text: '', regionCode: null, anonymous: false, name: '', phone: '' });
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const set = (patch: Partial<Form>) => setForm((f) => ({ ...f, ...patch }));

  const { data, error, reload } = useLoad(
    async () => {
      const [me, regions] = await Promise.all([getStaffMe(), listRegions()]);
      // Where the staff member works is the likeliest place; they change it as needed.
      setForm((f) => (f.regionCode ? f : { ...f, regionCode: me.regionCode }));
      return { index: indexRegions(regions) };
    },
    [],
    { staff: true },
  );

  const submit = async () => {
    if (busy) return;
    const parsed = IntakeDemandRequest.safeParse({
      idempotencyKey,
      channel: form.channel,
      type: form.type,
      domain: form.domain,
      grade: form.grade,
      text: form.text,
      place: { regionCode: form.regionCode ?? '' },
      anonymous: form.anonymous,
      reporter: { name: form.name, ...(form.phone.trim() ? { phone: form.phone.trim() } : {}) },
    });
    if (!parsed.success) {
      setFailure(form.regionCode ? (parsed.error.issues[0]?.message ?? '请检查填写的内容') : '请选择地点');
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      const d = await intakeDemand(parsed.data);
      void Taro.showToast({ title: '已登记', icon: 'success' });
      await Taro.redirectTo({ url: `/workbench/demand/index?id=${encodeURIComponent(d.id)}` });
    } catch (e) {
      setFailure(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  if (error || !data) {
    return <Page className='cases demands'>{error ? <ErrorState message={error} onRetry={reload} /> : <Loading />}</Page>;
  }

  return (
    <Page className='cases demands'>
      <View className='card'>
        <Choices label='来源渠道' options={STAFF_CHANNELS} labels={DEMAND_CHANNEL_LABELS} value={form.channel} onChange={(channel) => set({ channel })} />
        <Choices label='反映类型' options={DEMAND_TYPES} labels={DEMAND_TYPE_LABELS} value={form.type} onChange={(type) => set({ type })} />
        <Choices label='所属领域' options={DEMAND_DOMAINS} labels={DEMAND_DOMAIN_LABELS} value={form.domain} onChange={(domain) => set({ domain })} />
        <Choices label='等级' options={DEMAND_GRADES} labels={DEMAND_GRADE_LABELS} value={form.grade} onChange={(grade) => set({ grade })} />
      </View>
      <View className='card'>
        <View className='demand-field'>
          <Text className='field__label'>反映内容</Text>
          <Textarea className='demand-textarea' value={form.text} maxlength={1000} placeholder='记录群众反映的事情经过、时间和地点' aria-label='反映内容' onInput={(e) => set({ text: e.detail.value })} />
        </View>
        <RegionPicker label='地点' index={data.index} value={form.regionCode} onChange={(regionCode) => set({ regionCode })} />
      </View>
      <View className='card'>
        <View className='demand-field'>
          <Text className='field__label'>反映人姓名</Text>
          <Input className='field__input' value={form.name} maxlength={30} placeholder='请输入姓名' onInput={(e) => set({ name: e.detail.value })} />
        </View>
        <View className='demand-field'>
          <Text className='field__label'>联系电话（选填）</Text>
          <Input className='field__input' type='number' value={form.phone} maxlength={13} placeholder='手机或座机' onInput={(e) => set({ phone: e.detail.value })} />
        </View>
        <Toggle label='对部门匿名' hint='承办部门看不到反映人；督查人员和登记人可以看到' on={form.anonymous} onChange={(anonymous) => set({ anonymous })} />
      </View>
      {failure ? (
        <Text className='form-error' {...role('alert')}>
          {failure}
        </Text>
      ) : null}
      <Btn className='btn btn--primary btn--block' disabled={busy} onClick={() => void submit()}>
        {busy ? '正在登记…' : '登记诉求'}
      </Btn>
    </Page>
  );
}
