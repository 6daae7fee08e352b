// 部门办件 (clerk, department head): the department's open cases in the
// server's order (by deadline), each with its deadline light; a tap opens the case.
import { Text } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { getAlerts, getQueue } from '../../api/casework';
import { Page } from '../../components/Page';
import { Empty, ErrorState, Loading } from '../../components/States';
import { LoadMore } from '../../components/LoadMore';
import { usePaged } from '../../utils/usePaged';
import { CaseRow, lightSummary } from '../cases';
import '../cases.scss';

export default function Queue() {
  const { params } = useRouter();
  const departmentId = params.departmentId ? decodeURIComponent(params.departmentId) : undefined;
  // 电子监察: today's digest of the deadline sweep (department heads; clerks get 403 and see none).
  const [alerts, setAlerts] = useState<string | null>(null);

  // Again on coming back from a case that was acted on.
  const { items: list, error, reload, more } = usePaged(
    async (cursor) => {
      const page = await getQueue(departmentId, cursor);
      if (cursor) return { items: page.applications, nextCursor: page.nextCursor };
      getAlerts(departmentId)
        .then((a) => setAlerts(a.sweptAt ? `今日电子监察：超期 ${a.red.length} 件 · 临期 ${a.yellow.length} 件 · 视为受理 ${a.deemedAccepted.length} 件${a.overdueTickets.length ? ` · 差评整改超期 ${a.overdueTickets.length} 件` : ''}` : null))
        .catch(() => setAlerts(null));
      return { items: page.applications, nextCursor: page.nextCursor };
    },
    [departmentId],
    { onShow: true, staff: true },
  );

  if (error || !list) {
    return <Page className='cases'>{error ? <ErrorState message={error} onRetry={reload} /> : <Loading />}</Page>;
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
      <LoadMore more={more} />
    </Page>
  );
}
