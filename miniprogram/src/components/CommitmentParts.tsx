// Pieces of a service-commitment card (承诺卡) shared by the public page and
// the workbench: the card's head, each commitment with its light (推进中 /
// 待更新 / 已超期 / 已完成), deadline, latest progress and result with photos.
import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { CARD_OWNER_KIND_LABELS, COMMITMENT_LIGHT_LABELS, type Card, type Commitment, type CommitmentLight } from '../../../shared/schemas/commitments';
import { RATING_LEVEL_LABELS, RATING_LEVELS } from '../../../shared/schemas/ratings';
import { formatDateShort } from '../utils/dates';
import { formatRate } from '../utils/format';
import { DEADLINE_PENDING_TEXT, KV } from './CaseParts';
import { PhotoRow } from './DemandParts';

const LIGHT_CLASS: Record<CommitmentLight, string> = {
  done: 'badge badge--green',
  overdue: 'badge badge--red',
  stale: 'badge badge--orange',
  on_track: 'badge badge--blue',
};

export function CommitmentLightBadge({ light }: { light: CommitmentLight }) {
  return (
    <Text className={LIGHT_CLASS[light]} data-light={light}>
      {COMMITMENT_LIGHT_LABELS[light]}
    </Text>
  );
}

export function CardHead({ card }: { card: Card }) {
  return (
    <View className='commit-card__head'>
      <Text className='card__title commit-card__title'>{card.title}</Text>
      <Text className='hint'>
        {CARD_OWNER_KIND_LABELS[card.owner.kind]}：{card.owner.name} · {formatDateShort(card.postedOn)}公布
      </Text>
    </View>
  );
}

/** How many progress entries a commitment shows before 查看全部. */
const RECENT = 3;

/** One commitment: what, who, the target, the deadline, progress newest first, the result; `children` holds the page's own actions. */
export function CommitmentItem({ c, all = false, children }: { c: Commitment; all?: boolean; children?: ReactNode }) {
  const entries = all ? c.progress : c.progress.slice(0, RECENT);
  return (
    <View className={`commit commit--${c.light}`} aria-label={`第${c.n}项承诺 ${c.problem}`}>
      <View className='commit__head'>
        <Text className='commit__problem'>
          {c.n}. {c.problem}
        </Text>
        <CommitmentLightBadge light={c.light} />
      </View>
      <KV k='责任人'>
        <Text>{c.owner}</Text>
      </KV>
      <KV k='目标'>
        <Text>{c.target}</Text>
      </KV>
      <KV k='时限'>
        <Text>{c.dueOn ? `${formatDateShort(c.dueOn)}前（${c.workingDays}个工作日）` : DEADLINE_PENDING_TEXT}</Text>
      </KV>
      <KV k='涉及'>
        <Text>{c.regionName}</Text>
      </KV>
      {c.light === 'stale' ? <Text className='hint commit__stale'>已超过7天未更新进展（最近 {formatDateShort(c.lastUpdateOn)}）</Text> : null}
      {entries.length > 0 ? (
        <View className='commit__progress'>
          <Text className='commit__label'>每周进展</Text>
          {entries.map((p) => (
            <Text key={p.at} className='commit__entry'>
              {formatDateShort(p.on)}：{p.text}
            </Text>
          ))}
          {!all && c.progress.length > RECENT ? <Text className='hint'>另有{c.progress.length - RECENT}条更早的进展</Text> : null}
        </View>
      ) : (
        <Text className='hint'>暂无进展记录</Text>
      )}
      {c.result ? (
        <View className='commit__result'>
          <Text className='commit__label'>
            完成结果（{formatDateShort(c.result.on)}{c.result.late ? '，超期完成' : ''}）
          </Text>
          <Text className='commit__entry'>{c.result.text}</Text>
          <PhotoRow photos={c.result.photos} label='完成照片' />
        </View>
      ) : null}
      {c.ratings.total > 0 ? (
        <Text className='hint commit__ratings'>
          群众评价{c.ratings.total}条，满意率{c.ratings.satisfactionRate === null ? '—' : formatRate(c.ratings.satisfactionRate)}（
          {RATING_LEVELS.filter((l) => (c.ratings.levels[l - 1] ?? 0) > 0)
            .map((l) => `${RATING_LEVEL_LABELS[l]}${c.ratings.levels[l - 1]}`)
            .join('，')}
          ）
        </Text>
      ) : null}
      {children}
    </View>
  );
}
