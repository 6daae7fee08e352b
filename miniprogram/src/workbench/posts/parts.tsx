// The AB岗 page's pieces: one window post on the chosen day, and the absences
// marked from today on, each with 取消 for those who may withdraw it.
import { Text, View } from '@tarojs/components';
import type { Post, UpcomingAbsence } from '../../../../shared/schemas/posts';
import { Btn } from '../../components/Btn';
import { Chip } from '../../components/Chip';
import { dayName } from '../day-chips';

const SERVED_BADGE: Record<Post['via'], string> = {
  self: 'badge badge--green',
  backup: 'badge badge--orange',
  head: 'badge badge--orange',
  none: 'badge badge--red',
};

/** What a withdrawal names: whose, which day, the version seen. */
export type Withdrawal = Pick<UpcomingAbsence, 'username' | 'name' | 'date' | 'version'>;

export function PostCard({ post, colleagues, date, today, busy, onBackup, onMark, onWithdraw }: {
  post: Post;
  colleagues: Post[];
  date: string;
  today: string;
  busy: boolean;
  onBackup: (backup: Post) => void;
  onMark: () => void;
  onWithdraw: (w: Withdrawal) => void;
}) {
  const day = date === today ? '今日' : dayName(date, today);
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
            <View className='chips' aria-label={`设置${post.name}的B岗`}>
              {choices.map((c) => (
                <Chip key={c.username} on={post.backup?.username === c.username} onClick={() => onBackup(c)}>
                  B岗：{c.name}
                </Chip>
              ))}
            </View>
          ) : null}
          {post.absence ? (
            <Btn className='btn btn--ghost btn--block' disabled={busy} onClick={() => onWithdraw({ username: post.username, name: post.name, date, version: post.absence!.version })}>
              撤销{day}不在岗
            </Btn>
          ) : (
            <Btn className='btn btn--danger btn--block' disabled={busy} onClick={onMark}>
              登记{day}不在岗
            </Btn>
          )}
        </View>
      ) : null}
    </View>
  );
}

/** 今后的不在岗登记: by day, who, why, who marked it; 取消 where the server allows. */
export function UpcomingAbsences({ absences, today, busy, onWithdraw }: {
  absences: UpcomingAbsence[];
  today: string;
  busy: boolean;
  onWithdraw: (w: Withdrawal) => void;
}) {
  return (
    <View className='card'>
      <Text className='card__title'>今后的不在岗登记</Text>
      {absences.length === 0 ? <Text className='hint'>今天起没有不在岗登记</Text> : null}
      {absences.map((a) => (
        <View key={`${a.date}-${a.username}`} className='card-row' aria-label={`${dayName(a.date, today)} ${a.name}`}>
          <View className='absence-row__text'>
            <Text className='absence-row__day'>{dayName(a.date, today)}</Text>
            <Text className='absence-row__who'>
              {a.name}
              {a.reason ? `（${a.reason}）` : ''}
            </Text>
          </View>
          {a.mayManage ? (
            <Btn className='btn btn--ghost btn--small' disabled={busy} onClick={() => onWithdraw(a)}>
              取消
            </Btn>
          ) : null}
        </View>
      ))}
    </View>
  );
}
