// 编辑个人资料: name, phone, current and hometown regions, tags, elder mode.
// What the resident changes is kept as a draft on the device (per account)
// until it is saved or thrown away, so a dropped signal loses nothing.
import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import { RESIDENT_TAGS, RESIDENT_TAG_LABELS, type ResidentTag } from '../../../../shared/enums';
import { UpdateMeRequest } from '../../../../shared/schemas/auth';
import { errorMessage, isApiError } from '../../api/errors';
import { getMe, updateMe } from '../../api/me';
import { listRegions } from '../../api/regions';
import { Chip } from '../../components/Chip';
import { Page } from '../../components/Page';
import { RegionPicker } from '../../components/RegionPicker';
import { ErrorState, Loading } from '../../components/States';
import { Toggle } from '../../components/Toggle';
import { DraftNotice } from '../../components/DraftNotice';
import { useDraft } from '../../utils/useDraft';
import { OutsidePlacePicker } from './place';
import { indexRegions, type RegionIndex } from '../../utils/regions';
import './edit.scss';
import { Btn } from '../../components/Btn';

interface Form {
  name: string;
  phone: string;
  currentRegionCode: string | null;
  hometownRegionCode: string | null;
  tags: ResidentTag[];
  elderMode: boolean;
  /** Lives outside the county (a migrant worker): the city, else null. */
  outside: boolean;
  currentPlaceCode: string | null;
}

export default function ProfileEdit() {
  const [regions, setRegions] = useState<RegionIndex | null>(null);
  // The profile as the server has it; the draft, once there is one, is shown instead.
  const [loaded, setLoaded] = useState<{ userId: string; form: Form } | null>(null);
  const draft = useDraft<Form | null>(loaded ? `profile:${loaded.userId}` : '', null);
  const form = draft.value ?? loaded?.form ?? null;
  const [loadError, setLoadError] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const load = useCallback(async () => {
    setLoadError(null);
    try {
      const [me, list] = await Promise.all([getMe(), listRegions()]);
      setRegions(indexRegions(list));
      setLoaded({ userId: me.id, form: {
        name: me.name ?? '',
        phone: me.phone ?? '',
        currentRegionCode: me.currentRegionCode,
        hometownRegionCode: me.hometownRegionCode,
        tags: [...me.tags],
        elderMode: me.elderMode,
        outside: !!me.currentPlaceCode,
        currentPlaceCode: me.currentPlaceCode ?? null,
      } });
    } catch (e) {
      setLoadError(errorMessage(e));
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  // Back to 我的 shortly after the toast, unless the resident already left.
  const leaving = useRef<ReturnType<typeof setTimeout>>();
  useEffect(() => () => clearTimeout(leaving.current), []);

  if (loadError) {
    return (
      <Page className='profile-edit'>
        <ErrorState message={loadError} onRetry={() => void load()} />
      </Page>
    );
  }
  if (!form || !regions) {
    return (
      <Page className='profile-edit'>
        <Loading />
      </Page>
    );
  }

  const patch = (p: Partial<Form>) => draft.set({ ...form, ...p });
  const discard = () => {
    draft.discard();
    setErrors({});
    setFormError(null);
  };
  const toggleTag = (t: ResidentTag) =>
    patch({ tags: form.tags.includes(t) ? form.tags.filter((x) => x !== t) : RESIDENT_TAGS.filter((x) => x === t || form.tags.includes(x)) });

  const save = async () => {
    setFormError(null);
    const parsed = UpdateMeRequest.safeParse({
      name: form.name.trim(),
      phone: form.phone.trim() || null,
      // In the county or outside it: the one chosen is sent, the other cleared.
      currentRegionCode: form.outside ? null : form.currentRegionCode,
      ...(form.outside ? { currentPlaceCode: form.currentPlaceCode } : {}),
      hometownRegionCode: form.hometownRegionCode,
      tags: form.tags,
      elderMode: form.elderMode,
    });
    if (form.outside && !form.currentPlaceCode) {
      setErrors({ currentPlaceCode: '请选择所在城市' });
      setFormError('请检查标红的内容');
      return;
    }
    if (!parsed.success) {
      const next: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0] ?? '_');
        next[key] ??= issue.message;
      }
      setErrors(next);
      setFormError('请检查标红的内容');
      return;
    }
    setErrors({});
    setSaving(true);
    try {
      await updateMe(parsed.data);
      draft.clear();
      void Taro.showToast({ title: '保存成功', icon: 'success' });
      leaving.current = setTimeout(() => void Taro.navigateBack().catch(() => undefined), 600);
    } catch (e) {
      if (isApiError(e) && e.fields) setErrors(e.fields);
      setFormError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Page className='profile-edit'>
      {draft.restored ? <DraftNotice onDiscard={discard} /> : null}
      <View className='card'>
        <View className='field'>
          <Text className='field__label'>姓名</Text>
          <Input className='field__input' value={form.name} maxlength={20} placeholder='请输入真实姓名' onInput={(e) => patch({ name: e.detail.value })} />
          {errors.name ? <Text className='field__error'>{errors.name}</Text> : null}
        </View>
        <View className='field'>
          <Text className='field__label'>手机号码</Text>
          <Input
            className='field__input'
            type='number'
            value={form.phone}
            maxlength={11}
            placeholder='11位手机号码（选填）'
            onInput={(e) => patch({ phone: e.detail.value })}
          />
          {errors.phone ? <Text className='field__error'>{errors.phone}</Text> : null}
        </View>
      </View>

      <View className='card'>
        <Toggle label='在县外居住（外出务工）' hint='选择所在省市' on={form.outside} onChange={(on) => patch({ outside: on })} />
        {form.outside ? (
          <OutsidePlacePicker value={form.currentPlaceCode} onChange={(code) => patch({ currentPlaceCode: code })} error={errors.currentPlaceCode} />
        ) : (
          <View className='field'>
            <RegionPicker
              label='现居住地'
              index={regions}
              value={form.currentRegionCode}
              onChange={(code) => patch({ currentRegionCode: code })}
              error={errors.currentRegionCode}
            />
          </View>
        )}
        <View className='field'>
          <RegionPicker
            label='户籍所在地（家乡）'
            placeholder='与现居住地相同可不填'
            index={regions}
            value={form.hometownRegionCode}
            onChange={(code) => patch({ hometownRegionCode: code })}
            error={errors.hometownRegionCode}
          />
        </View>
        <Text className='hint profile-edit__hint'>外出务工的居民请填写家乡，家乡的政策通知也会发给您。</Text>
      </View>

      <View className='card'>
        <Text className='field__label'>身份标签（可多选，用于精准推送政策）</Text>
        <View className='chips'>
          {RESIDENT_TAGS.map((t) => (
            <Chip key={t} on={form.tags.includes(t)} onClick={() => toggleTag(t)}>
              {form.tags.includes(t) ? `✓ ${RESIDENT_TAG_LABELS[t]}` : RESIDENT_TAG_LABELS[t]}
            </Chip>
          ))}
        </View>
        {errors.tags ? <Text className='field__error'>{errors.tags}</Text> : null}
      </View>

      <View className='card'>
        <Toggle label='大字模式' hint='放大字号和按钮' on={form.elderMode} onChange={(on) => patch({ elderMode: on })} />
      </View>

      {formError ? <Text className='form-error'>{formError}</Text> : null}
      <Btn className='btn btn--primary btn--block' disabled={saving} onClick={() => void save()}>
        {saving ? '正在保存…' : '保存'}
      </Btn>
    </Page>
  );
}
