// Cascading region picker: county → town → village → group, built from GET /regions.
// Collapsed it shows the chosen path; "修改" opens one row of choices per level.
import { Text, View } from '@tarojs/components';
import { useMemo, useState } from 'react';
import { REGION_LEVEL_LABELS } from '../../../shared/enums';
import type { Region } from '../../../shared/schemas/regions';
import { regionLabel, regionPath, type RegionIndex } from '../utils/regions';
import { Chip } from './Chip';
import { Btn } from './Btn';

export interface RegionPickerProps {
  label: string;
  index: RegionIndex;
  value: string | null;
  onChange: (code: string | null) => void;
  placeholder?: string;
  error?: string;
}

export function RegionPicker({ label, index, value, onChange, placeholder = '请选择', error }: RegionPickerProps) {
  const [open, setOpen] = useState(false);
  const path = useMemo(() => regionPath(index, value), [index, value]);

  // One row per level: the roots, then the children of each chosen region.
  const rows: { key: string; level: string; options: Region[]; chosen: string | undefined }[] = [];
  let parent: string | null = null;
  for (let depth = 0; depth < 4; depth++) {
    const options: Region[] = index.children.get(parent) ?? [];
    if (options.length === 0) break;
    const chosen = path[depth]?.code;
    const first = options[0] as Region;
    rows.push({ key: parent ?? 'root', level: REGION_LEVEL_LABELS[first.level], options, chosen });
    // A single county needs no choosing: show its towns straight away.
    const next: string | undefined = chosen ?? (depth === 0 && options.length === 1 ? first.code : undefined);
    if (!next) break;
    parent = next;
  }

  const text = regionLabel(index, value);
  return (
    <View className={open ? 'region-picker region-picker--open' : 'region-picker'}>
      <View className='region-picker__head'>
        <View className='region-picker__summary'>
          <Text className='field__label'>{label}</Text>
          <Text className={text ? 'region-picker__value' : 'region-picker__value region-picker__value--empty'}>
            {text || placeholder}
          </Text>
        </View>
        <Btn className='btn btn--ghost btn--small' onClick={() => setOpen(!open)}>
          {open ? '收起' : '修改'}
        </Btn>
      </View>
      {open ? (
        <View className='region-picker__panel'>
          {rows.map((row) => (
            <View className='region-picker__row' key={row.key}>
              <Text className='region-picker__level'>{row.level}</Text>
              <View className='chips'>
                {row.options.map((r) => (
                  <Chip key={r.code} on={row.chosen === r.code} onClick={() => onChange(r.code)}>
                    {r.name}
                  </Chip>
                ))}
              </View>
            </View>
          ))}
          <View className='region-picker__actions'>
            <Btn className='btn btn--ghost btn--small' onClick={() => onChange(null)}>
              清除
            </Btn>
            <Btn className='btn btn--primary btn--small' onClick={() => setOpen(false)}>
              完成
            </Btn>
          </View>
        </View>
      ) : null}
      {error ? <Text className='field__error'>{error}</Text> : null}
    </View>
  );
}
