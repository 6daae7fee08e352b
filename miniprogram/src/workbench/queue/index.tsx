// 部门办件 (clerk, department head): the department's open cases in the
// server's order (by deadline), each with its deadline light; a tap opens the case.
import { Text } from '@tarojs/components';
import { useDidShow, useRouter } from '@tarojs/taro';
import { useCallback, useState } from 'react';
import type { Application } from '../../../../shared/schemas/applications';
import { getAlerts, getQueue } from '../../api/casework';
import { errorMessage, isApiError } from '../../api/errors';
import { Page } from '../../components/Page';
import { Empty, ErrorState, Loading } from '../../components/States';
import { CaseRow, lightSummary } from '../cases';
import '../cases.scss';

export default function Queue() {
  const { params } = useRouter();
  const departmentId = params.departmentId ? decodeURIComponent(params.departmentId) : undefined;
  const [list, setList] = useState<Application[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  // 电子监察: today's digest of the deadline sweep (department heads; clerks get 403 and see none).
  const [alerts, setAlerts] = useState<string | null>(null);

  const load = useCallback(async () => {
    setError(null);
    try {
      setList((await getQueue(departmentId)).applications);
      getAlerts(departmentId)
        .then((a) => setAlerts(a.sweptAt ? `今日电子监察：超期 ${a.red.length} 件 · 临期 ${a.yellow.length} 件 · 视为受理 ${a.deemedAccepted.length} 件` : null))
        .catch(() => setAlerts(null));
    } catch (e) {
      // 401: the request module is already taking us to the login page.
      if (!(isApiError(e) && e.status === 401)) setError(errorMessage(e));
    }
  }, [departmentId]);

  // Again on coming back from a case that was acted on.
  useDidShow(() => {
    void load();
  });

  if (error) {
    return (
      <Page className='cases'>
        <ErrorState message={error} onRetry={() => void load()} />
      </Page>
    );
  }
  if (!list) {
    return (
      <Page className='cases'>
        <Loading />
      </Page>
    );
  }
  if (list.length === 0) {
    return (
      <Page className='cases'>
        <Empty text='本部门暂无待办件' />
      </Page>
    );
  }
  return (
    <Page className='cases'>
      {alerts ? <Text className='case-summary case-summary--alert'>{alerts}</Text> : null}
      <Text className='case-summary'>
        {list[0]!.departmentName} · {lightSummary(list)}（按办理期限排序）
      </Text>
      {list.map((a) => (
        <CaseRow key={a.id} app={a} />
      ))}
    </Page>
  );
}
