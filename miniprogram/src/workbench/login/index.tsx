// Staff sign-in for the workbench.
import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { StaffLoginRequest } from '../../../../shared/schemas/auth';
import { errorMessage, isApiError } from '../../api/errors';
import { staffLogin } from '../../api/staff';
import { Page } from '../../components/Page';
import './index.scss';
import { Btn } from '../../components/Btn';

export default function StaffLogin() {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    setFormError(null);
    const parsed = StaffLoginRequest.safeParse({ username, password });
    if (!parsed.success) {
      const next: Record<string, string> = {};
      for (const issue of parsed.error.issues) next[String(issue.path[0] ?? '_')] ??= issue.message;
      setErrors(next);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      await staffLogin(parsed.data);
      await Taro.redirectTo({ url: '/workbench/index/index' });
    } catch (e) {
      if (isApiError(e) && e.fields) setErrors(e.fields);
      setFormError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page className='staff-login'>
      <View className='staff-login__brand'>
        <Text className='staff-login__title'>办事 · 工作台</Text>
        <Text className='staff-login__sub'>窗口人员、代办员、部门负责人、督查人员登录</Text>
      </View>
      <View className='card'>
        <View className='field'>
          <Text className='field__label'>用户名</Text>
          <Input className='field__input' value={username} placeholder='请输入用户名' onInput={(e) => setUsername(e.detail.value)} />
          {errors.username ? <Text className='field__error'>{errors.username}</Text> : null}
        </View>
        <View className='field'>
          <Text className='field__label'>密码</Text>
          <Input
            className='field__input'
            password
            value={password}
            placeholder='请输入密码'
            confirmType='done'
            onInput={(e) => setPassword(e.detail.value)}
            onConfirm={() => void submit()}
          />
          {errors.password ? <Text className='field__error'>{errors.password}</Text> : null}
        </View>
        {formError ? <Text className='form-error'>{formError}</Text> : null}
        <Btn className='btn btn--primary btn--block' disabled={busy} onClick={() => void submit()}>
          {busy ? '正在登录…' : '登录'}
        </Btn>
      </View>
      <Text className='hint staff-login__foot'>账号由系统管理员分配；忘记密码请联系管理员重置。</Text>
    </Page>
  );
}
