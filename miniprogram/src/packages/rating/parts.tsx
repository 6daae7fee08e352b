// Pieces shared by the rating pages (rate, my ratings, public satisfaction).
import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import {
  BAD_REASON_LABELS,
  RATING_LEVEL_LABELS,
  RATING_LEVELS,
  TICKET_STATUS_LABELS,
  type BadReason,
  type RatingLevel,
  type TicketStatus,
} from '../../../../shared/schemas/ratings';
import { role } from '../../utils/a11y';

// The server's own rule: the same levels count as bad on both sides.
export { isBad } from '../../../../shared/rating-rules';

export function levelLabel(level: number): string {
  return RATING_LEVEL_LABELS[level as RatingLevel] ?? `${level}`;
}

/** Green for good, blue for 基本满意, red for bad. */
export function levelTone(level: number): 'good' | 'fair' | 'bad' {
  if (level >= 4) return 'good';
  if (level === 3) return 'fair';
  return 'bad';
}

const LEVEL_BADGE = { good: 'badge badge--green', fair: 'badge badge--blue', bad: 'badge badge--red' } as const;

export function LevelBadge({ level }: { level: number }) {
  return (
    <Text className={LEVEL_BADGE[levelTone(level)]} data-level={level}>
      {levelLabel(level)}
    </Text>
  );
}

const TICKET_BADGE: Record<TicketStatus, string> = {
  open: 'badge badge--orange',
  verified: 'badge badge--orange',
  rectified: 'badge badge--blue',
  followed_up: 'badge badge--blue',
  closed: 'badge badge--green',
  appealed: 'badge badge--gray',
  voided: 'badge badge--gray',
  withdrawn: 'badge badge--gray',
};

export function TicketBadge({ status }: { status: TicketStatus }) {
  return <Text className={TICKET_BADGE[status]}>{TICKET_STATUS_LABELS[status]}</Text>;
}

export function reasonsText(reasons: readonly BadReason[]): string {
  return reasons.map((r) => BAD_REASON_LABELS[r]).join('、');
}

/** "2026-03-12" → "2026年3月12日" */
export function formatDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** 0.9651 → "96.5%" (always one decimal); null → 暂无评价. */
export function percent(rate: number | null): string {
  if (rate === null) return '暂无评价';
  return `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}

/** What the reference of a target is called. */
export function refLabel(targetType: 'application' | 'appointment'): string {
  return targetType === 'application' ? '办件编号' : '预约码';
}

/** Safe decoding of a page parameter (a stray `%` must not break the page). */
export function param(v: string | undefined): string {
  if (!v) return '';
  try {
    return decodeURIComponent(v);
  } catch {
    return v;
  }
}

/** A label–value row. */
export function Row({ k, children }: { k: string; children: ReactNode }) {
  return (
    <View className='kv'>
      <Text className='kv__k'>{k}</Text>
      <View className='kv__v'>{children}</View>
    </View>
  );
}

/**
 * One 1–5 choice as a row of buttons (5 非常满意 first). `big`: one large
 * button per row, for the overall level.
 */
export function LevelChoice({
  name,
  value,
  onChange,
  big,
}: {
  name: string;
  value: number | null;
  onChange: (level: RatingLevel) => void;
  big?: boolean;
}) {
  return (
    <View className={big ? 'levels levels--big' : 'levels'} {...role('group')} aria-label={name}>
      {RATING_LEVELS.map((l) => {
        const on = value === l;
        const cls = ['level', big ? 'level--big' : 'level--small', `level--${levelTone(l)}`, on ? 'level--on' : ''].filter(Boolean).join(' ');
        return (
          <View key={l} className={cls} onClick={() => onChange(l)} aria-pressed={on} aria-label={`${name}：${RATING_LEVEL_LABELS[l]}`} {...role('button')}>
            {big ? <Text className='level__mark'>{on ? '✓' : l}</Text> : null}
            <Text className='level__text'>{RATING_LEVEL_LABELS[l]}</Text>
          </View>
        );
      })}
    </View>
  );
}

export function FieldError({ text }: { text?: string | null }) {
  if (!text) return null;
  return (
    <Text className='field__error' {...role('alert')}>
      {text}
    </Text>
  );
}
