// 在线申请: the item's materials as a checklist (我已备齐 and, when uploads are
// available, photos per material), 全程代办（免费） when the item allows it, a
// note; 提交申请 posts the application with one idempotency key per screen
// (reused on retry, so a lost answer never files twice) and opens the case.
import { Input, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { apply } from '../../api/applications';
import { newIdempotencyKey } from '../../utils/idempotency';
import { getService } from '../../api/catalog';
import { errorMessage, isApiError } from '../../api/errors';
import { Btn } from '../../components/Btn';
import { DraftNotice } from '../../components/DraftNotice';
import { Page } from '../../components/Page';
import { askConsent } from '../../utils/subscribe';
import { ErrorState, Loading } from '../../components/States';
import { Toggle } from '../../components/Toggle';
import { role } from '../../utils/a11y';
import { formatPromise } from '../../utils/format';
import { useDraft } from '../../utils/useDraft';
import { useLoad } from '../../utils/useLoad';
import { declared, EMPTY, MaterialDeclare, materialSpec, type Declared } from './parts';
import { PHOTOS_ENABLED } from './photos';
import './apply.scss';

const PROXY_HINT = '由您的包联干部或镇代办员全程代办，不收取任何费用';

export default function Apply() {
  const { params } = useRouter();
  const code = decodeURIComponent(params.code ?? '');
  const { data: item, error, reload } = useLoad(() => getService(code), [code], { invalid: !code && '缺少事项编码', keep: code ? `service:${code}` : undefined });
  // Kept on the device as it is filled in (a dropped signal or a reload loses nothing). The
  // idempotency key travels with it: a retry after a lost answer files at most once, even after a reload.
  const draft = useDraft(code ? `apply:${code}` : '', () => ({
    idempotencyKey: newIdempotencyKey(),
    decl: {} as Record<string, Declared>,
    proxy: false,
    note: '',
  }));
  const { idempotencyKey, decl, proxy, note } = draft.value;
  const setDecl = (fn: (all: Record<string, Declared>) => Record<string, Declared>) => draft.set((d) => ({ ...d, decl: fn(d.decl) }));
  const setProxy = (on: boolean) => draft.set((d) => ({ ...d, proxy: on }));
  const setNote = (text: string) => draft.set((d) => ({ ...d, note: text }));
  const [uploads, setUploads] = useState(0);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const update = (name: string) => (fn: (d: Declared) => Declared) => setDecl((all) => ({ ...all, [name]: fn(all[name] ?? EMPTY) }));
  const onBusy = (b: boolean) => setUploads((n) => n + (b ? 1 : -1));

  const submit = async () => {
    if (!item || busy || uploads > 0) return;
    const text = note.trim();
    if (text.length > 300) {
      setFailure('备注不能超过300字');
      return;
    }
    // WeChat only shows the consent dialog within the tap itself: ask before the request.
    void askConsent('apply');
    setBusy(true);
    setFailure(null);
    try {
      const app = await apply({
        serviceCode: item.code,
        idempotencyKey,
        materials: item.materials.map((m) => declared(m.name, decl[m.name])),
        proxy: item.proxy && proxy,
        ...(text ? { note: text } : {}),
      });
      draft.clear();
      void Taro.showToast({ title: '申请已提交', icon: 'success' });
      await Taro.redirectTo({ url: `/packages/apply/detail?id=${encodeURIComponent(app.id)}` });
    } catch (e) {
      // Signing in was cancelled: nothing was sent, nothing to say but that.
      setFailure(isApiError(e) && e.code === 'LOGIN_CANCELLED' ? '请先登录再提交申请' : errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  if (error || !item) {
    return <Page className='apply'>{error ? <ErrorState message={error} onRetry={reload} /> : <Loading />}</Page>;
  }
  if (!item.online) {
    return (
      <Page className='apply'>
        <View className='card apply-item'>
          <Text className='apply-item__name'>{item.name}</Text>
          <Text className='apply-item__line'>{item.departmentName}</Text>
        </View>
        <Text className='apply-notice'>该事项暂不支持网上申请，请到窗口办理{item.proxy ? '，或请包联干部免费代办' : ''}。</Text>
      </Page>
    );
  }

  const required = item.materials.filter((m) => m.required);
  const missingRequired = required.filter((m) => !decl[m.name]?.provided).length;

  return (
    <Page className='apply'>
      {draft.restored ? <DraftNotice onDiscard={draft.discard} /> : null}
      <View className='card apply-item'>
        <Text className='apply-item__name'>{item.name}</Text>
        <Text className='apply-item__line'>{item.departmentName}</Text>
        <Text className='apply-item__line'>{formatPromise(item.type, item.promisedDays)} · 法定{item.statutoryDays}个工作日</Text>
      </View>

      <View className='card'>
        <Text className='card__title'>材料清单</Text>
        <Text className='hint'>
          {item.materials.length > 0
            ? `共 ${item.materials.length} 项，其中必须 ${required.length} 项。请逐项确认已备齐${PHOTOS_ENABLED ? '，可拍照上传' : ''}。`
            : '本事项无需提交材料。'}
        </Text>
        {item.materials.map((m) => (
          <MaterialDeclare
            key={m.name}
            name={m.name}
            required={m.required}
            spec={materialSpec(m)}
            notes={m.notes}
            value={decl[m.name] ?? EMPTY}
            update={update(m.name)}
            onBusy={onBusy}
          />
        ))}
      </View>

      {item.proxy ? (
        <View className='card'>
          <Toggle label='全程代办（免费）' hint={PROXY_HINT} on={proxy} onChange={setProxy} />
        </View>
      ) : null}

      <View className='card'>
        <Text className='field__label'>备注（选填）</Text>
        <Input className='field__input' value={note} maxlength={300} placeholder='如有需要说明的情况，请填写' onInput={(e) => setNote(e.detail.value)} />
      </View>

      {missingRequired > 0 ? (
        <Text className='apply-notice'>
          还有 {missingRequired} 项必须材料未备齐{proxy ? '，代办员会上门帮您收集' : '，窗口将一次性告知需补齐的材料'}。
        </Text>
      ) : null}

      {failure ? (
        <Text className='form-error' {...role('alert')}>
          {failure}
        </Text>
      ) : null}

      <Btn className='btn btn--primary btn--block' disabled={busy || uploads > 0} onClick={() => void submit()}>
        {busy ? '正在提交…' : '提交申请'}
      </Btn>
    </Page>
  );
}
