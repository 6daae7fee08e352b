// 补齐材料: every material of the one-time notice to mark as provided (and,
// when uploads are available, photograph), a note; 提交补正 posts them with
// the case's version (someone acted meanwhile → 409: the server's message and
// the case as it is now).
import { Input, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { DraftNotice } from '../../components/DraftNotice';
import { useDraft } from '../../utils/useDraft';
import { getApplication, supplement } from '../../api/applications';
import { errorMessage, isApiError } from '../../api/errors';
import { Btn } from '../../components/Btn';
import { Page } from '../../components/Page';
import { ErrorState, Loading } from '../../components/States';
import { role } from '../../utils/a11y';
import { useLoad } from '../../utils/useLoad';
import { declared, EMPTY, MaterialDeclare, type Declared } from './parts';
import { PHOTOS_ENABLED } from './photos';
import './apply.scss';

export default function Supplement() {
  const { params } = useRouter();
  const id = decodeURIComponent(params.id ?? '');
  const { data: app, error, reload, setData: setApp } = useLoad(() => getApplication(id), [id], { invalid: !id && '缺少办件编号' });
  // Kept on the device as it is filled in (a reload or a dropped signal loses nothing).
  const draft = useDraft(id ? `supplement:${id}` : '', () => ({ decl: {} as Record<string, Declared>, note: '' }));
  const { decl, note } = draft.value;
  const setDecl = (fn: (all: Record<string, Declared>) => Record<string, Declared>) => draft.set((d) => ({ ...d, decl: fn(d.decl) }));
  const setNote = (text: string) => draft.set((d) => ({ ...d, note: text }));
  const [uploads, setUploads] = useState(0);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const update = (name: string) => (fn: (d: Declared) => Declared) => setDecl((all) => ({ ...all, [name]: fn(all[name] ?? EMPTY) }));
  const onBusy = (b: boolean) => setUploads((n) => n + (b ? 1 : -1));
  const toDetail = () => void Taro.redirectTo({ url: `/packages/apply/detail?id=${encodeURIComponent(id)}` });

  const submit = async () => {
    if (!app || busy || uploads > 0) return;
    const left = app.missing.filter((m) => !decl[m.name]?.provided).map((m) => m.name);
    if (left.length > 0) {
      setFailure(`请逐项确认已补齐：${left.join('、')}`);
      return;
    }
    const text = note.trim();
    if (text.length > 300) {
      setFailure('说明不能超过300字');
      return;
    }
    // The server takes the whole checklist again: the missing ones as declared
    // here, the rest as they were. Materials outside the item's list (named by
    // the window in free text) cannot be declared: they go in the note.
    const listed = new Set(app.materials.map((m) => m.name));
    const missing = new Set(app.missing.map((m) => m.name));
    const extra = app.missing.filter((m) => !listed.has(m.name)).map((m) => m.name);
    const fullNote = [extra.length > 0 ? `已补齐：${extra.join('、')}` : '', text].filter(Boolean).join('；');
    setBusy(true);
    setFailure(null);
    try {
      await supplement(app.id, {
        version: app.version,
        materials: app.materials.map((m) => (missing.has(m.name) ? declared(m.name, decl[m.name]) : { name: m.name, provided: m.provided, uploadKeys: [] })),
        ...(fullNote ? { note: fullNote.slice(0, 300) } : {}),
      });
      draft.clear();
      void Taro.showToast({ title: '补正材料已提交', icon: 'success' });
      toDetail();
    } catch (e) {
      setFailure(errorMessage(e));
      // Changed meanwhile (or no longer awaiting materials): show it as it is now.
      if (isApiError(e) && e.status === 409) getApplication(app.id).then(setApp, () => undefined);
    } finally {
      setBusy(false);
    }
  };

  if (error || !app) {
    return <Page className='apply'>{error ? <ErrorState message={error} onRetry={reload} /> : <Loading />}</Page>;
  }

  const header = (
    <View className='card apply-item'>
      <Text className='apply-item__name'>{app.serviceName}</Text>
      <Text className='apply-item__line'>办件编号 {app.caseNumber}</Text>
    </View>
  );

  if (app.state !== 'awaiting_materials') {
    return (
      <Page className='apply'>
        {header}
        {failure ? (
          <Text className='case-error' {...role('alert')}>
            {failure}
          </Text>
        ) : null}
        <Text className='apply-notice'>该办件当前无需补正材料。</Text>
        <Btn className='btn btn--primary btn--block' onClick={toDetail}>
          查看办件
        </Btn>
      </Page>
    );
  }

  return (
    <Page className='apply'>
      {draft.restored ? <DraftNotice onDiscard={draft.discard} /> : null}
      {header}
      <View className='card'>
        <Text className='card__title'>一次性告知：请补齐以下材料</Text>
        <Text className='hint'>请逐项确认已备齐，补齐后窗口将重新审查。</Text>
        {app.missing.map((m) => (
          <MaterialDeclare
            key={m.name}
            name={m.name}
            notes={m.note}
            photos={PHOTOS_ENABLED && app.materials.some((x) => x.name === m.name)}
            value={decl[m.name] ?? EMPTY}
            update={update(m.name)}
            onBusy={onBusy}
          />
        ))}
      </View>

      <View className='card'>
        <Text className='field__label'>补正说明（选填）</Text>
        <Input className='field__input' value={note} maxlength={300} placeholder='如有需要说明的情况，请填写' onInput={(e) => setNote(e.detail.value)} />
      </View>

      {failure ? (
        <Text className='form-error' {...role('alert')}>
          {failure}
        </Text>
      ) : null}

      <Btn className='btn btn--primary btn--block' disabled={busy || uploads > 0} onClick={() => void submit()}>
        {busy ? '正在提交…' : '提交补正'}
      </Btn>
    </Page>
  );
}
