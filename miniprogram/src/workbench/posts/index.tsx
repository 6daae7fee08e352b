// AB岗: the window posts of the staff member's hall on a chosen day (today or
// a working day ahead, the days the server offers) — each clerk (A) with their
// backup (B) and who serves the window that day — and every absence marked
// from today on. The department head (or an admin) sets B among the same
// department's clerks, marks A absent for the day, or withdraws an absence
// after confirming; the server says who may (`mayManage`).
import { Text, View } from '@tarojs/components';
import { useCallback, useState } from 'react';
import { cancelAbsence, getAbsences, getPosts, markAbsent, setBackup } from '../../api/posts';
import { useConfirm } from '../../components/ConfirmDialog';
import { Page } from '../../components/Page';
import { Empty, ErrorState, Loading } from '../../components/States';
import { todayShanghai } from '../../utils/dates';
import { useAction } from '../../utils/useAction';
import { useLoad } from '../../utils/useLoad';
import { ActionResult } from '../cases';
import { DayChips, dayName } from '../day-chips';
import { PostCard, UpcomingAbsences, type Withdrawal } from './parts';
import '../cases.scss';
import './posts.scss';

export default function Posts() {
  const today = todayShanghai();
  const [date, setDate] = useState(today);
  const posts = useLoad(() => getPosts(date), [date], { staff: true });
  const upcoming = useLoad(getAbsences, [], { staff: true });
  const { reload: reloadPosts } = posts;
  const { reload: reloadUpcoming } = upcoming;
  const reload = useCallback(() => {
    reloadPosts();
    reloadUpcoming();
  }, [reloadPosts, reloadUpcoming]);
  // A 409 (marked twice, or withdrawn meanwhile): the message, and both lists as they are now.
  const action = useAction(reload);
  const { confirm, dialog } = useConfirm();

  const run = async <T,>(call: () => Promise<T>, done: string | ((result: T) => string)) => {
    if (await action.run(call, { done, errorTo: 'page' })) reload();
  };
  const withdraw = async (w: Withdrawal) => {
    if (action.busy) return;
    const day = dayName(w.date, today);
    const sure = await confirm({ title: '撤销不在岗登记', content: `撤销${w.name}${day}的不在岗登记？撤销后该窗口由本人在岗。`, confirmText: '撤销登记', cancelText: '返回', danger: true });
    if (sure) await run(() => cancelAbsence(w.username, w.date, w.version), `已撤销${w.name}${day}的不在岗登记`);
  };

  const error = posts.error ?? upcoming.error;
  if (error) return <Page className='cases'><ErrorState message={error} onRetry={reload} /></Page>;
  const day = dayName(date, today);
  // Another day chosen: its posts, not the last day's, once they come.
  const shown = posts.data?.date === date ? posts.data : null;
  return (
    <Page className='cases'>
      <View className='card'>
        <Text className='field__label'>选择日期（今天或30天内的工作日）</Text>
        <DayChips label='选择日期' days={upcoming.data?.days ?? [today]} today={today} isOn={(d) => d === date} onTap={(d) => { action.clear(); setDate(d); }} />
      </View>
      <Text className='case-summary'>{day}窗口在岗情况：A岗不在时由B岗代岗，B岗也不在时由部门负责人代岗</Text>
      <ActionResult msg={action.msg} />
      {!shown ? <Loading /> : null}
      {shown && shown.posts.length === 0 ? <Empty text='本地区暂无窗口岗位' /> : null}
      {shown?.posts.map((p) => (
        <PostCard
          key={p.username}
          post={p}
          colleagues={shown.posts}
          date={date}
          today={today}
          busy={action.busy}
          onBackup={(b) => void run(() => setBackup(p.username, b.username), `已设${b.name}为${p.name}的B岗`)}
          onMark={() => void run(() => markAbsent(p.username, date), (after) => `已登记${p.name}${day}不在岗：${after.label}`)}
          onWithdraw={(w) => void withdraw(w)}
        />
      ))}
      {upcoming.data ? <UpcomingAbsences absences={upcoming.data.absences} today={today} busy={action.busy} onWithdraw={(w) => void withdraw(w)} /> : null}
      {dialog}
    </Page>
  );
}
