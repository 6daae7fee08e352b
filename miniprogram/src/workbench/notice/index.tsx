// 编辑通知: a draft's kind, title, body, target and expiry; 预览人数 (how many
// residents it reaches), 保存草稿, 发布 (after confirming the count), 撤回; the
// reach of a published notice. Confirmations are drawn by the page (they
// scale in elder mode); a 409 (someone else changed it) reloads the notice.
import { Input, Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { NOTICE_KINDS, NOTICE_KIND_LABELS, NOTICE_STATUS_LABELS, NoticeInput, type Notice } from '../../../../shared/schemas/notices';
import { listRegions } from '../../api/regions';
import { createNotice, getNotice, previewNotice, publishNotice, updateNotice, withdrawNotice } from '../../api/staff-notices';
import { Btn } from '../../components/Btn';
import { Chip } from '../../components/Chip';
import { useConfirm } from '../../components/ConfirmDialog';
import { Page } from '../../components/Page';
import { ErrorState, Loading } from '../../components/States';
import { indexRegions } from '../../utils/regions';
import { useAction } from '../../utils/useAction';
import { useLoad } from '../../utils/useLoad';
import { ReachLine, TargetForm } from './parts';
import './notice.scss';

type Draft = NoticeInput;
const EMPTY: Draft = { kind: 'policy', title: '', body: '', target: { regionCodes: [], tags: [], minAge: null, maxAge: null }, expiresOn: null };
const draftOf = (n: Notice): Draft => ({ kind: n.kind, title: n.title, body: n.body, target: n.target, expiresOn: n.expiresOn });

export default function NoticeEditor() {
  const { id } = useRouter().params;
  const [notice, setNotice] = useState<Notice | null>(null);
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [count, setCount] = useState<number | null>(null);
  const { data: regions, error, reload } = useLoad(
    async () => {
      const [list, n] = await Promise.all([listRegions(), id ? getNotice(id) : Promise.resolve(null)]);
      if (n) {
        setNotice(n);
        setDraft(draftOf(n));
      }
      return indexRegions(list);
    },
    [id],
    { staff: true },
  );
  const action = useAction(reload);
  const { confirm, dialog } = useConfirm();
  if (error || !regions) return <Page className='wb-notice'>{error ? <ErrorState message={error} onRetry={reload} /> : <Loading />}</Page>;

  const editable = !notice || notice.status === 'draft';
  const patch = (p: Partial<Draft>) => {
    setDraft({ ...draft, ...p });
    if (p.target) setCount(null);
  };
  const { busy, run } = action;
  /** Check with the same schema as the server, then save (create or update). */
  const save = async (): Promise<Notice | null> => {
    const parsed = NoticeInput.safeParse(draft);
    if (!parsed.success) {
      action.setFormError(parsed.error.issues[0]?.message ?? '请检查填写的内容');
      return null;
    }
    const saved = notice ? await updateNotice(notice.id, { ...parsed.data, version: notice.version }) : await createNotice(parsed.data);
    setNotice(saved);
    return saved;
  };
  const preview = () => run(async () => setCount((await previewNotice(draft.target)).targeted));
  const publish = () =>
    run(async () => {
      const targeted = (await previewNotice(draft.target)).targeted;
      setCount(targeted);
      if (!(await confirm({ title: '确认发布', content: `将发送给 ${targeted} 位居民，发布后不能修改，可以撤回。`, confirmText: '发布' }))) return;
      const saved = await save();
      if (!saved) return;
      setNotice(await publishNotice(saved.id, saved.version));
      void Taro.showToast({ title: '已发布', icon: 'success' });
    });
  const withdraw = () =>
    run(async () => {
      if (!notice || !(await confirm({ title: '撤回通知', content: '撤回后居民的消息列表将不再显示。', confirmText: '撤回', danger: true }))) return;
      setNotice(await withdrawNotice(notice.id, notice.version));
    });

  const failure = action.formError ?? (action.msg?.ok === false ? action.msg.text : null);
  return (
    <Page className='wb-notice'>
      {notice ? (
        <View className='card'>
          <Text className='badge badge--blue'>{NOTICE_STATUS_LABELS[notice.status]}</Text>
          {notice.status !== 'draft' ? <ReachLine notice={notice} /> : null}
        </View>
      ) : null}
      <View className='card'>
        <Text className='field__label'>类别</Text>
        <View className='chips'>
          {NOTICE_KINDS.map((k) => (
            <Chip key={k} on={draft.kind === k} onClick={() => editable && patch({ kind: k })}>
              {NOTICE_KIND_LABELS[k]}
            </Chip>
          ))}
        </View>
        <Text className='field__label'>标题</Text>
        <Input className='field__input' maxlength={40} disabled={!editable} value={draft.title} placeholder='40字以内' onInput={(e) => patch({ title: e.detail.value })} />
        <Text className='field__label'>正文</Text>
        <Textarea className='field__input' maxlength={5000} disabled={!editable} value={draft.body} placeholder='通知正文' onInput={(e) => patch({ body: e.detail.value })} />
        <Text className='field__label'>有效期至（选填，YYYY-MM-DD）</Text>
        <Input className='field__input' disabled={!editable} value={draft.expiresOn ?? ''} placeholder='如 2026-12-31，不填则长期有效' onInput={(e) => patch({ expiresOn: e.detail.value.trim() || null })} />
      </View>
      <TargetForm target={draft.target} onChange={(target) => patch({ target })} regions={regions} disabled={!editable} />
      {count !== null ? <Text className='wb-notice__count'>将发送给 {count} 位居民</Text> : null}
      {failure ? <Text className='form-error'>{failure}</Text> : null}
      {dialog}
      {editable ? (
        <>
          <Btn className='btn btn--ghost btn--block' disabled={busy || !draft.target.regionCodes.length} onClick={() => void preview()}>
            预览人数
          </Btn>
          <Btn className='btn btn--ghost btn--block' disabled={busy} onClick={() => void run(async () => void (await save()))}>
            保存草稿
          </Btn>
          <Btn className='btn btn--primary btn--block' disabled={busy || !draft.target.regionCodes.length} onClick={() => void publish()}>
            发布
          </Btn>
        </>
      ) : null}
      {notice?.status === 'published' ? (
        <Btn className='btn btn--danger btn--block' disabled={busy} onClick={() => void withdraw()}>
          撤回
        </Btn>
      ) : null}
    </Page>
  );
}
