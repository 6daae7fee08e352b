// 超期督办 (supervisor): yellow (临期) and red (超期) cases across departments,
// in the server's order; a tap opens the case.
import { Text } from '@tarojs/components';
import { getOverdue } from '../../api/casework';
import { Page } from '../../components/Page';
import { Empty, ErrorState, Loading } from '../../components/States';
import { LoadMore } from '../../components/LoadMore';
import { usePaged } from '../../utils/usePaged';
import { CaseRow } from '../cases';
import '../cases.scss';

export default function Overdue() {
  const { items: list, error, reload, more } = usePaged((cursor) => getOverdue(cursor).then((r) => ({ items: r.applications, nextCursor: r.nextCursor })), [], { onShow: true, staff: true });

  if (error || !list) {
    return <Page className='cases'>{error ? <ErrorState message={error} onRetry={reload} /> : <Loading />}</Page>;
  }
  if (list.length === 0 && !more.hasMore) {
    return (
      <Page className='cases'>
        <Empty text='没有临期或超期的办件' />
      </Page>
    );
  }
  const red = list.filter((a) => a.clock.light === 'red').length;
  const yellow = list.filter((a) => a.clock.light === 'yellow').length;
  const depts = new Set(list.map((a) => a.departmentId)).size;
  return (
    <Page className='cases'>
      <Text className='case-summary'>
        超期{red}件 · 临期{yellow}件，涉及{depts}个部门
      </Text>
      {list.map((a) => (
        <CaseRow key={a.id} app={a} showDept />
      ))}
      <LoadMore more={more} />
    </Page>
  );
}
