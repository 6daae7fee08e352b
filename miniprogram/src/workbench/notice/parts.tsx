// Pieces of the notice editor: the reach line and the target form.
import { Input, Text, View } from '@tarojs/components';
import { RESIDENT_TAGS, RESIDENT_TAG_LABELS, type ResidentTag } from '../../../../shared/enums';
import type { Notice, NoticeTarget } from '../../../../shared/schemas/notices';
import { Chip } from '../../components/Chip';
import { RegionPicker } from '../../components/RegionPicker';
import { regionLabel, type RegionIndex } from '../../utils/regions';
import { Btn } from '../../components/Btn';

export function ReachLine({ notice }: { notice: Notice }) {
  const r = notice.reach;
  return (
    <Text className='wb-notice__reach'>
      目标 {r.targeted} 人 · 已写入 {r.inboxWritten} · 推送 {r.pushed} · 送达 {r.delivered} · 未授权 {r.skipped} · 失败 {r.failed} · 已读 {r.read}
      {notice.status === 'published' && !notice.delivered ? '（分发中）' : ''}
    </Text>
  );
}

const age = (s: string): number | null => (s.trim() === '' ? null : Number(s));

/** Regions (several), tags (any of), an optional age range. */
export function TargetForm({ target, onChange, regions, disabled }: { target: NoticeTarget; onChange: (t: NoticeTarget) => void; regions: RegionIndex; disabled: boolean }) {
  const toggleTag = (t: ResidentTag) =>
    onChange({ ...target, tags: target.tags.includes(t) ? target.tags.filter((x) => x !== t) : RESIDENT_TAGS.filter((x) => x === t || target.tags.includes(x)) });
  return (
    <View className='card'>
      <Text className='field__label'>发送范围（现居地或户籍地在范围内的居民）</Text>
      {target.regionCodes.map((c) => (
        <View key={c} className='wb-notice__region'>
          <Text>{regionLabel(regions, c)}</Text>
          {disabled ? null : (
            <Btn className='btn btn--ghost' onClick={() => onChange({ ...target, regionCodes: target.regionCodes.filter((x) => x !== c) })}>
              移除
            </Btn>
          )}
        </View>
      ))}
      {disabled ? null : (
        <RegionPicker
          label='添加区域'
          index={regions}
          value={null}
          onChange={(code) => code && !target.regionCodes.includes(code) && onChange({ ...target, regionCodes: [...target.regionCodes, code] })}
        />
      )}
      <Text className='field__label'>人群标签（不选则为范围内全部居民）</Text>
      <View className='chips'>
        {RESIDENT_TAGS.map((t) => (
          <Chip key={t} on={target.tags.includes(t)} onClick={() => !disabled && toggleTag(t)}>
            {RESIDENT_TAG_LABELS[t]}
          </Chip>
        ))}
      </View>
      <View className='wb-notice__ages'>
        <Input className='field__input' type='number' placeholder='最小年龄' disabled={disabled} value={target.minAge?.toString() ?? ''} onInput={(e) => onChange({ ...target, minAge: age(e.detail.value) })} />
        <Text>至</Text>
        <Input className='field__input' type='number' placeholder='最大年龄' disabled={disabled} value={target.maxAge?.toString() ?? ''} onInput={(e) => onChange({ ...target, maxAge: age(e.detail.value) })} />
      </View>
    </View>
  );
}
