// 诉求 (staff): 本部门 (the department's queue), 待派单 (waiting for a first
// taker, 首问) for everyone; the supervisor's 全部 / 超期临期 / 退单待裁定 /
// 延期待审批 / 默认办结. The server sends each list most urgent first (grade A,
// then red, yellow, the nearest deadline). 代群众登记 enters one from another channel.
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useCallback, useState } from 'react';
import type { StaffProfile } from '../../../../shared/schemas/auth';
import { errorMessage, isApiError } from '../../api/errors';
import { getStaffMe } from '../../api/staff';
import { listStaffDemands, type DemandView } from '../../api/staff-demands';
import { Btn } from '../../components/Btn';
import { Chip } from '../../components/Chip';
import { LoadMore } from '../../components/LoadMore';
import { Page } from '../../components/Page';
import { Empty, ErrorState, Loading } from '../../components/States';
import { usePaged } from '../../utils/usePaged';
import { DemandRow } from './parts';
import { oversees } from '../access';
import '../demands.scss';

const LABELS: Record<DemandView, string> = {
  queue: '本部门',
  intake: '待派单',
  all: '全部',
  overdue: '超期临期',
  returns: '退单待裁定',
  extensions: '延期待审批',
  defaults: '默认办结',
};
const EMPTY: Record<DemandView, string> = {
  queue: '本部门暂无待办诉求',
  intake: '暂无待派单的诉求',
  all: '暂无办理中的诉求',
  overdue: '没有超期或临期的诉求',
  returns: '没有待裁定的退单',
  extensions: '没有待审批的延期申请',
  defaults: '没有默认办结的诉求',
};

/** The lists a staff member gets: the supervisor's views are theirs alone (the server refuses the others). */
function viewsOf(s: StaffProfile): DemandView[] {
  if (oversees(s.role)) return ['all', 'returns', 'extensions', 'overdue', 'intake', 'defaults'];
  return s.departmentId ? ['queue', 'intake'] : ['intake'];
}

export default function Demands() {
  const [staff, setStaff] = useState<StaffProfile | null>(null);
  const [view, setView] = useState<DemandView | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Counts the page's showings: the list loads again on coming back from a demand that was acted on.
  const [shows, setShows] = useState(0);

  const load = useCallback(async () => {
    setError(null);
    try {
      const me = staff ?? (await getStaffMe());
      setStaff(me);
      setView((v) => v ?? viewsOf(me)[0]!);
      setShows((n) => n + 1);
    } catch (e) {
      // 401: the request module is already taking us to the login page.
      if (!(isApiError(e) && e.status === 401)) setError(errorMessage(e));
    }
  }, [staff]);

  useDidShow(() => {
    void load();
  });

  return (
    <Page className='cases demands'>
      <Btn className='btn btn--primary btn--block' onClick={() => void Taro.navigateTo({ url: '/workbench/intake/index' })}>
        代群众登记诉求
      </Btn>
      {staff ? (
        <View className='chips' aria-label='诉求分类'>
          {viewsOf(staff).map((v) => (
            <Chip key={v} on={v === view} onClick={() => setView(v)}>
              {LABELS[v]}
            </Chip>
          ))}
        </View>
      ) : null}
      {error ? <ErrorState message={error} onRetry={() => void load()} /> : !view ? <Loading /> : <DemandList key={view} view={view} shows={shows} />}
    </Page>
  );
}

function DemandList({ view, shows }: { view: DemandView; shows: number }) {
  const { items: list, error, reload, more } = usePaged(
    (cursor) => listStaffDemands({ view, cursor }).then((r) => ({ items: r.demands, nextCursor: r.nextCursor })),
    [shows],
    { staff: true },
  );
  if (error) return <ErrorState message={error} onRetry={reload} />;
  if (!list) return <Loading />;
  if (list.length === 0 && !more.hasMore) return <Empty text={EMPTY[view]} />;
  const n = (l: string) => list.filter((d) => d.clock.light === l).length;
  const a = list.filter((d) => d.grade === 'A').length;
  return (
    <>
      <Text className='case-summary'>
        共{list.length}件{a ? ` · A级${a}件` : ''} · 超期{n('red')}件 · 临期{n('yellow')}件（A级在前，按期限排序）
      </Text>
      {list.map((d) => (
        <DemandRow key={d.id} d={d} />
      ))}
      <LoadMore more={more} />
    </>
  );
}
