// 我要反映: type (投诉/求助/咨询/建议/举报), domain, the text, up to 6 photos,
// the place (own village by default, a point where it matters) and 对部门匿名.
// Checked before sending with the same schema the server parses. A 咨询 first
// looks at the knowledge base and the catalogue: "这解答了您的问题吗？" closes it
// on the spot. One idempotency key per screen, reused on retry: a weak signal
// never files twice.
import { Input, Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { askConsent } from '../../utils/subscribe';
import { useState } from 'react';
import { DraftNotice } from '../../components/DraftNotice';
import { useDraft } from '../../utils/useDraft';
import {
  DEMAND_DOMAIN_LABELS,
  DEMAND_DOMAINS,
  DEMAND_TYPE_LABELS,
  DEMAND_TYPES,
  FileDemandRequest,
  type DemandDomain,
  type DemandType,
  type GeoPoint,
} from '../../../../shared/schemas/demands';
import { newIdempotencyKey } from '../../utils/idempotency';
import { consultAnswered, fileDemand, searchKnowledge } from '../../api/demands';
import { errorMessage, isApiError } from '../../api/errors';
import { getMe } from '../../api/me';
import { listRegions } from '../../api/regions';
import { Btn } from '../../components/Btn';
import { Choices } from '../../components/Choices';
import { Page } from '../../components/Page';
import { PhotosField } from '../../components/PhotosField';
import { RegionPicker } from '../../components/RegionPicker';
import { ErrorState, Loading } from '../../components/States';
import { Toggle } from '../../components/Toggle';
import { role } from '../../utils/a11y';
import type { Photo } from '../../utils/photos';
import { indexRegions, regionPath, type RegionIndex } from '../../utils/regions';
import { useLoad } from '../../utils/useLoad';
import { KnowledgeStep, type AnsweredBy, type Knowledge } from './parts';
import './demand.scss';

const MAX_DEMAND_PHOTOS = 6;
const ANONYMOUS_HINT = '承办部门看不到您的姓名和电话；督查人员仍可看到，以便核实和回访';

interface Form {
  type: DemandType | null;
  domain: DemandDomain | null;
  text: string;
  keyword: string;
  photos: Photo[];
  regionCode: string | null;
  point: GeoPoint | null;
  anonymous: boolean;
}
const EMPTY: Form = { type: null, domain: null, text: '', keyword: '', photos: [], regionCode: null, point: null, anonymous: false };

/** The village a resident lives in (their group's village), else the region itself. */
function ownVillage(index: RegionIndex, code: string | null | undefined): string | null {
  if (!code) return null;
  return regionPath(index, code).find((r) => r.level === 'village')?.code ?? code;
}

export default function FileDemand() {
  // Kept on the device as it is filled in, with its idempotency key: a retry after a
  // lost answer or a reload files at most once, and a dropped signal loses nothing.
  const draft = useDraft('demand:new', () => ({ idempotencyKey: newIdempotencyKey(), form: EMPTY }));
  const { idempotencyKey, form } = draft.value;
  const setForm = (fn: (f: Form) => Form, prefill = false) => draft.set((d) => ({ ...d, form: fn(d.form) }), prefill);
  const [uploads, setUploads] = useState(0);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  // The knowledge-base step of a 咨询: what was found, once looked up.
  const [found, setFound] = useState<Knowledge | null>(null);
  const set = (patch: Partial<Form>) => setForm((f) => ({ ...f, ...patch }));

  const { data, error, reload } = useLoad(async () => {
    const [me, regions] = await Promise.all([getMe(), listRegions()]);
    const index = indexRegions(regions);
    setForm((f) => (f.regionCode ? f : { ...f, regionCode: ownVillage(index, me.currentRegionCode ?? me.hometownRegionCode) }), true);
    return { index };
  }, []);

  const body = () => ({
    idempotencyKey,
    type: form.type,
    domain: form.domain,
    text: form.text,
    photos: form.photos.map((p) => p.key),
    place: { regionCode: form.regionCode ?? '', ...(form.point ? { point: form.point } : {}) },
    anonymous: form.anonymous,
  });

  const run = async (send: () => Promise<{ id: string }>, done: string) => {
    setBusy(true);
    setFailure(null);
    try {
      const d = await send();
      draft.clear();
      void Taro.showToast({ title: done, icon: 'success' });
      await Taro.redirectTo({ url: `/packages/demand/detail?id=${encodeURIComponent(d.id)}` });
    } catch (e) {
      setFailure(isApiError(e) && e.code === 'LOGIN_CANCELLED' ? '请先登录再提交' : errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const submit = async () => {
    if (busy || uploads > 0) return;
    if (!form.regionCode) {
      setFailure('请选择地点');
      return;
    }
    const parsed = FileDemandRequest.safeParse(body());
    if (!parsed.success) {
      setFailure(parsed.error.issues[0]?.message ?? '请检查填写的内容');
      return;
    }
    // WeChat shows the consent dialog only within the tap itself: ask before any request.
    void askConsent('file_demand');
    if (form.type === 'consult' && !found) {
      // Before a question goes to a department: has it been answered already?
      setBusy(true);
      setFailure(null);
      const k = form.keyword.trim();
      const hits = await searchKnowledge(k || undefined).catch(() => null);
      setBusy(false);
      const answers = (hits?.answers ?? []).filter((a) => k || a.domain === form.domain);
      if (hits && answers.length + hits.services.length > 0) {
        setFound({ answers, services: hits.services });
        return;
      }
    }
    await run(() => fileDemand(parsed.data), '已提交');
  };

  const answered = (by: AnsweredBy) =>
    void run(
      () => consultAnswered({ idempotencyKey, domain: form.domain!, question: form.text.trim().slice(0, 300), answeredBy: by, place: { regionCode: form.regionCode! } }),
      '问题已解答',
    );

  const choosePoint = async () => {
    try {
      const p = await Taro.chooseLocation({});
      set({ point: { lat: p.latitude, lng: p.longitude, ...(p.name || p.address ? { address: (p.name || p.address).slice(0, 100) } : {}) } });
    } catch {
      void Taro.showToast({ title: '未能获取位置，可在内容中写明地点', icon: 'none' });
    }
  };

  if (error || !data) {
    return <Page className='demand'>{error ? <ErrorState message={error} onRetry={reload} /> : <Loading />}</Page>;
  }

  return (
    <Page className='demand'>
      {draft.restored ? <DraftNotice onDiscard={draft.discard} /> : null}
      <View className='card'>
        <Choices label='反映类型' options={DEMAND_TYPES} labels={DEMAND_TYPE_LABELS} value={form.type} onChange={(type) => { set({ type }); setFound(null); }} />
        <Choices label='所属领域' options={DEMAND_DOMAINS} labels={DEMAND_DOMAIN_LABELS} value={form.domain} onChange={(domain) => { set({ domain }); setFound(null); }} />
      </View>

      <View className='card'>
        <View className='demand-field'>
          <Text className='field__label'>反映内容</Text>
          <Textarea
            className='demand-textarea'
            value={form.text}
            maxlength={1000}
            placeholder='请写清楚事情经过、时间和地点（可用输入法的语音输入）'
            aria-label='反映内容'
            onInput={(e) => set({ text: e.detail.value })}
          />
          <Text className='demand-count'>{form.text.trim().length}/1000</Text>
        </View>
        {form.type === 'consult' ? (
          <View className='demand-field'>
            <Text className='field__label'>关键词（选填，用于查找已有解答）</Text>
            <Input className='field__input' value={form.keyword} maxlength={50} placeholder='如：低保、养老保险' onInput={(e) => { set({ keyword: e.detail.value }); setFound(null); }} />
          </View>
        ) : null}
        <PhotosField label='照片' max={MAX_DEMAND_PHOTOS} value={form.photos} onChange={(f) => setForm((x) => ({ ...x, photos: f(x.photos) }))} onBusy={(b) => setUploads((n) => n + (b ? 1 : -1))} to={{ purpose: 'demand_photo' }} />
      </View>

      <View className='card'>
        <RegionPicker label='地点（默认本村）' index={data.index} value={form.regionCode} onChange={(regionCode) => set({ regionCode })} />
        <View className='demand-field'>
          {form.point ? <Text className='hint'>具体位置：{form.point.address ?? `${form.point.lat.toFixed(5)}, ${form.point.lng.toFixed(5)}`}</Text> : null}
          <Btn className='btn btn--ghost btn--small' onClick={() => (form.point ? set({ point: null }) : void choosePoint())}>
            {form.point ? '清除具体位置' : '标注具体位置（选填）'}
          </Btn>
        </View>
      </View>

      <View className='card'>
        <Toggle label='对部门匿名' hint={ANONYMOUS_HINT} on={form.anonymous} onChange={(anonymous) => set({ anonymous })} />
      </View>

      {failure ? (
        <Text className='form-error' {...role('alert')}>
          {failure}
        </Text>
      ) : null}

      {found ? (
        <KnowledgeStep found={found} busy={busy} onAnswered={answered} onContinue={() => void submit()} />
      ) : (
        <Btn className='btn btn--primary btn--block' disabled={busy || uploads > 0} onClick={() => void submit()}>
          {busy ? '正在提交…' : '提交'}
        </Btn>
      )}
    </Page>
  );
}
