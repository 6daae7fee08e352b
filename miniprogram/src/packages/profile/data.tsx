// 我的 → 个人信息: export everything held about me, or delete the account
// (typing 注销 to confirm); the answer says what was erased and what the law keeps, and why.
import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { AccountDeletion, PersonalDataExport } from '../../../../shared/schemas/privacy';
import { DELETE_CONFIRMATION } from '../../../../shared/schemas/privacy';
import { errorMessage } from '../../api/errors';
import { deleteMyAccount, exportMyData } from '../../api/privacy';
import { Btn } from '../../components/Btn';
import { Page } from '../../components/Page';
import './privacy.scss';

export default function PersonalData() {
  const [exported, setExported] = useState<PersonalDataExport | null>(null);
  const [deleted, setDeleted] = useState<AccountDeletion | null>(null);
  const [confirm, setConfirm] = useState('');
  const [busy, setBusy] = useState<'export' | 'delete' | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = async (what: 'export' | 'delete') => {
    setBusy(what);
    setError(null);
    try {
      if (what === 'export') setExported(await exportMyData());
      else setDeleted(await deleteMyAccount(confirm.trim()));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  const copy = () => {
    if (exported) void Taro.setClipboardData({ data: JSON.stringify(exported, null, 2) });
  };

  if (deleted) {
    return (
      <Page className='data'>
        <View className='card'>
          <Text className='section-title'>{deleted.message}</Text>
          <Text className='data__item'>已删除：</Text>
          {deleted.erased.map((e) => (
            <Text className='data__item' key={e.what}>· {e.what}</Text>
          ))}
        </View>
        {deleted.kept.length ? (
          <View className='card'>
            <Text className='section-title'>依法保留（已去除身份关联）</Text>
            {deleted.kept.map((k) => (
              <View key={k.what}>
                <Text className='data__item'>{k.what} {k.count} 条</Text>
                <Text className='data__reason'>{k.reason}</Text>
              </View>
            ))}
          </View>
        ) : null}
        <Btn className='btn btn--primary btn--block' onClick={() => void Taro.switchTab({ url: '/pages/index/index' })}>
          返回首页
        </Btn>
      </Page>
    );
  }

  return (
    <Page className='data'>
      <View className='card'>
        <Text className='section-title'>导出我的信息</Text>
        <Text className='hint'>包括个人资料、预约、办件及办理进度、评价、诉求和消息。</Text>
        <Btn className='btn btn--primary btn--block' disabled={busy !== null} onClick={() => void run('export')}>
          {busy === 'export' ? '正在导出…' : '导出'}
        </Btn>
        {exported ? (
          <View>
            <Text className='data__summary'>{exported.summary}</Text>
            <Btn className='btn btn--ghost btn--block' onClick={copy}>复制完整数据（JSON）</Btn>
          </View>
        ) : null}
      </View>
      <View className='card'>
        <Text className='section-title'>注销账号</Text>
        <Text className='hint'>注销后个人资料立即删除；办件档案等法律要求保存的记录会保留，但去除与您身份的关联。此操作不可撤销。</Text>
        <View className='field'>
          <Text className='field__label'>请输入“{DELETE_CONFIRMATION}”确认</Text>
          <Input className='field__input' value={confirm} maxlength={4} aria-label={`请输入${DELETE_CONFIRMATION}确认`} onInput={(e) => setConfirm(e.detail.value)} />
        </View>
        <Btn className='btn btn--danger btn--block' disabled={busy !== null || confirm.trim() !== DELETE_CONFIRMATION} onClick={() => void run('delete')}>
          {busy === 'delete' ? '正在注销…' : '注销账号'}
        </Btn>
      </View>
      {error ? <Text className='form-error'>{error}</Text> : null}
    </Page>
  );
}
