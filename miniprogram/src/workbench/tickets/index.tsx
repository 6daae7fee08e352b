// 差评整改 (staff): rectification tickets opened by bad reviews. Department
// staff see their department's tickets (待处理 / 全部); supervisors and
// admins the overdue ones and the appeals awaiting a decision across the
// county, with a department filter. A tap opens the ticket.
import { Text, View } from '@tarojs/components';
import { useDidShow, useRouter } from '@tarojs/taro';
import { useCallback, useState } from 'react';
import type { StaffProfile } from '../../../../shared/schemas/auth';
import { errorMessage, isApiError } from '../../api/errors';
import { getStaffMe } from '../../api/staff';
import { listTickets, type TicketView } from '../../api/tickets';
import { Chip } from '../../components/Chip';
import { Page } from '../../components/Page';
import { LoadMore } from '../../components/LoadMore';
import { Empty, ErrorState, Loading } from '../../components/States';
import { usePaged } from '../../utils/usePaged';
import { TicketRow } from './parts';
import { oversees } from '../access';
import '../cases.scss';
import './tickets.scss';

const DEPT_TABS: { view: TicketView; label: string }[] = [
  { view: 'open', label: '待处理' },
  { view: 'all', label: '全部' },
];
const SUPERVISOR_TABS: { view: TicketView; label: string }[] = [
  { view: 'overdue', label: '超期' },
  { view: 'appealed', label: '申诉待裁定' },
  { view: 'open', label: '待整改' },
];
const EMPTY: Record<TicketView, string> = {
  open: '暂无待处理的整改单',
  all: '暂无整改单',
  overdue: '没有超期的整改单',
  appealed: '没有待裁定的申诉',
};

const isOverseer = (s: StaffProfile | null) => oversees(s?.role);

export default function Tickets() {
  const { params } = useRouter();
  const routeDept = params.departmentId ? decodeURIComponent(params.departmentId) : undefined;
  const routeView = params.view as TicketView | undefined;
  const [staff, setStaff] = useState<StaffProfile | null>(null);
  const [view, setView] = useState<TicketView | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Counts the page's showings: the list loads again on coming back from a ticket that was acted on.
  const [shows, setShows] = useState(0);

  const load = useCallback(async () => {
    setError(null);
    try {
      const me = staff ?? (await getStaffMe());
      setStaff(me);
      const tabs = isOverseer(me) ? SUPERVISOR_TABS : DEPT_TABS;
      setView((v) => v ?? (routeView && tabs.some((t) => t.view === routeView) ? routeView : tabs[0]!.view));
      setShows((n) => n + 1);
    } catch (e) {
      // 401: the request module is already taking us to the login page.
      if (!(isApiError(e) && e.status === 401)) setError(errorMessage(e));
    }
  }, [staff, routeView]);

  useDidShow(() => {
    void load();
  });

  const overseer = isOverseer(staff);
  const tabs = overseer ? SUPERVISOR_TABS : DEPT_TABS;

  return (
    <Page className='cases tickets'>
      {staff ? (
        <View className='chips tickets__tabs' aria-label='整改单分类'>
          {tabs.map((t) => (
            <Chip key={t.view} on={t.view === view} onClick={() => setView(t.view)}>
              {t.label}
            </Chip>
          ))}
        </View>
      ) : null}
      {error ? (
        <ErrorState message={error} onRetry={() => void load()} />
      ) : !view ? (
        <Loading />
      ) : (
        // A fresh list per view: 加载中… rather than the last view's tickets.
        <TicketList key={view} view={view} departmentId={routeDept} overseer={overseer} shows={shows} />
      )}
    </Page>
  );
}

function TicketList({ view, departmentId, overseer, shows }: { view: TicketView; departmentId?: string; overseer: boolean; shows: number }) {
  const [dept, setDept] = useState<string | null>(null);
  const { items: list, error, reload, more } = usePaged(
    (cursor) => listTickets({ departmentId, view, cursor }).then((r) => ({ items: r.tickets, nextCursor: r.nextCursor })),
    [shows],
    { staff: true },
  );
  if (error) return <ErrorState message={error} onRetry={reload} />;
  if (!list) return <Loading />;
  const depts = Array.from(new Map(list.map((t) => [t.departmentId, t.departmentName])).entries());
  const shown = dept ? list.filter((t) => t.departmentId === dept) : list;
  const late = shown.filter((t) => t.overdue).length;
  return (
    <>
      {overseer && depts.length > 1 ? (
        <View className='chips tickets__depts' aria-label='按部门筛选'>
          <Chip on={dept === null} onClick={() => setDept(null)}>
            全部部门
          </Chip>
          {depts.map(([id, name]) => (
            <Chip key={id} on={dept === id} onClick={() => setDept(id)}>
              {name}
            </Chip>
          ))}
        </View>
      ) : null}
      {shown.length === 0 && !more.hasMore ? (
        <Empty text={EMPTY[view]} />
      ) : (
        <>
          <Text className='case-summary'>
            {more.hasMore ? `已加载${shown.length}件` : `共${shown.length}件`}
            {late > 0 ? ` · 超期${late}件` : ''}
            {!overseer && shown[0] ? ` · ${shown[0].departmentName}` : ''}
          </Text>
          {shown.map((t) => (
            <TicketRow key={t.id} ticket={t} showDept={overseer} />
          ))}
        </>
      )}
      <LoadMore more={more} />
    </>
  );
}
