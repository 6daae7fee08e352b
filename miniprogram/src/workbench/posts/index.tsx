// AB岗: today's window posts of the staff member's hall — each clerk (A) with
// their backup (B) and who serves the window now. The department head (or an
// admin) sets B among the same department's clerks and marks A absent for the
// day, or withdraws it; the server says who may (`mayManage`).
import { Text, View } from '@tarojs/components';
import type { Post } from '../../../../shared/schemas/posts';
import { cancelAbsence, getPosts, markAbsent, setBackup } from '../../api/posts';
import { Btn } from '../../components/Btn';
import { Chip } from '../../components/Chip';
import { Page } from '../../components/Page';
import { Empty, ErrorState, Loading } from '../../components/States';
import { todayShanghai } from '../../utils/dates';
import { useAction } from '../../utils/useAction';
import { useLoad } from '../../utils/useLoad';
import { ActionResult } from '../cases';
import '../cases.scss';

const SERVED_BADGE: Record<Post['via'], string> = {
  self: 'badge badge--green',
  backup: 'badge badge--orange',
  head: 'badge badge--orange',
  none: 'badge badge--red',
};

function PostCard({ post, colleagues, action, reload }: { post: Post; colleagues: Post[]; action: ReturnType<typeof useAction>; reload: () => void }) {
  const today = todayShanghai();
  const run = (call: () => Promise<unknown>, done: string) => void action.run(call, { done, errorTo: 'page' }).then((r) => r && reload());
  // B: another clerk of the same department (the server checks the same).
  const choices = colleagues.filter((c) => c.username !== post.username && c.departmentId === post.departmentId);
  return (
    <View className='card'>
      <Text className='card__title'>{post.name}（A岗）</Text>
      <Text className={SERVED_BADGE[post.via]}>{post.label}</Text>
      <Text className='hint'>B岗：{post.backup ? post.backup.name : '未设置'}</Text>
      {post.absence?.reason ? <Text className='hint'>不在岗原因：{post.absence.reason}</Text> : null}
      {post.mayManage ? (
        <View>
          {choices.length > 0 ? (
            <View className='chips' aria-label='设置B岗'>
              {choices.map((c) => (
                <Chip key={c.username} on={post.backup?.username === c.username} onClick={() => run(() => setBackup(post.username, c.username), `已设${c.name}为${post.name}的B岗`)}>
                  B岗：{c.name}
                </Chip>
              ))}
            </View>
          ) : null}
          {post.absence ? (
            <Btn className='btn btn--ghost btn--block' disabled={action.busy} onClick={() => run(() => cancelAbsence(post.username, today, post.absence!.version), `已撤销${post.name}今日不在岗`)}>
              撤销今日不在岗
            </Btn>
          ) : (
            <Btn className='btn btn--danger btn--block' disabled={action.busy} onClick={() => run(() => markAbsent(post.username, today), `已登记${post.name}今日不在岗`)}>
              登记今日不在岗
            </Btn>
          )}
        </View>
      ) : null}
    </View>
  );
}

export default function Posts() {
  const { data, error, reload } = useLoad(() => getPosts(todayShanghai()), []);
  const action = useAction(reload);
  if (error || !data) {
    return <Page className='cases'>{error ? <ErrorState message={error} onRetry={reload} /> : <Loading />}</Page>;
  }
  return (
    <Page className='cases'>
      <Text className='case-summary'>今日窗口在岗情况：A岗不在时由B岗代岗，B岗也不在时由部门负责人代岗</Text>
      <ActionResult msg={action.msg} />
      {data.posts.length === 0 ? <Empty text='本地区暂无窗口岗位' /> : null}
      {data.posts.map((p) => (
        <PostCard key={p.username} post={p} colleagues={data.posts} action={action} reload={reload} />
      ))}
    </Page>
  );
}
