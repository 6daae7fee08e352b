// Pieces shared by the apply pages: a material to declare (我已备齐 + photos)
// and the on/off check used for it.
import { Image, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { MATERIAL_FORMAT_LABELS } from '../../../../shared/enums';
import type { Material } from '../../../../shared/schemas/catalog';
import { Btn } from '../../components/Btn';
import { role } from '../../utils/a11y';
import { MAX_PHOTOS, PHOTOS_ENABLED, pickPhotos, type Photo } from './photos';

export interface Declared {
  provided: boolean;
  photos: Photo[];
}

export const EMPTY: Declared = { provided: false, photos: [] };

/** The body of one declared material (ApplyRequest / SupplementRequest). */
export function declared(name: string, d: Declared | undefined) {
  return { name, provided: Boolean(d?.provided), uploadKeys: (d?.photos ?? []).map((p) => p.key) };
}

/** "原件及复印件 · 1份" */
export function materialSpec(m: Pick<Material, 'format' | 'copies'>): string {
  return `${MATERIAL_FORMAT_LABELS[m.format]}${m.copies > 0 ? ` · ${m.copies}份` : ''}`;
}

/** A big tappable check: role switch, named after the material so every one is unique. */
export function ProvidedSwitch({ name, on, onChange }: { name: string; on: boolean; onChange: (on: boolean) => void }) {
  return (
    <View
      className={on ? 'check check--on' : 'check'}
      onClick={() => onChange(!on)}
      aria-checked={on}
      aria-label={`我已备齐：${name}`}
      {...role('switch')}
    >
      <Text className='check__box'>{on ? '✓' : ''}</Text>
      <Text className='check__label'>我已备齐</Text>
    </View>
  );
}

export interface MaterialDeclareProps {
  name: string;
  required?: boolean;
  spec?: string;
  notes?: string;
  /** Photos can be attached (default: when uploads are available). */
  photos?: boolean;
  value: Declared;
  update: (fn: (d: Declared) => Declared) => void;
  onBusy: (busy: boolean) => void;
}

/** One material: name, 必须/非必须, format and copies, 我已备齐, optional photos. */
export function MaterialDeclare({ name, required, spec, notes, photos = PHOTOS_ENABLED, value, update, onBusy }: MaterialDeclareProps) {
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const addPhotos = async () => {
    if (uploading) return;
    setUploading(true);
    setError(null);
    onBusy(true);
    try {
      const { photos, error } = await pickPhotos(MAX_PHOTOS - value.photos.length);
      if (photos.length > 0) update((d) => ({ provided: true, photos: d.photos.concat(photos).slice(0, MAX_PHOTOS) }));
      setError(error);
    } finally {
      setUploading(false);
      onBusy(false);
    }
  };

  const remove = (key: string) => update((d) => ({ ...d, photos: d.photos.filter((p) => p.key !== key) }));

  return (
    <View className='apply-material' data-material={name}>
      <View className='apply-material__head'>
        <Text className='apply-material__name'>{name}</Text>
        {required !== undefined ? (
          <Text className={required ? 'badge badge--red' : 'badge badge--gray'}>{required ? '必须' : '非必须'}</Text>
        ) : null}
      </View>
      {spec ? <Text className='apply-material__spec'>{spec}</Text> : null}
      {notes ? <Text className='apply-material__spec'>{notes}</Text> : null}
      <View className='apply-material__row'>
        <ProvidedSwitch name={name} on={value.provided} onChange={(on) => update((d) => ({ ...d, provided: on }))} />
        {photos && value.photos.length < MAX_PHOTOS ? (
          <Btn className='btn btn--ghost btn--small apply-photos__add' disabled={uploading} onClick={() => void addPhotos()} aria-label={`添加照片：${name}`}>
            {uploading ? '正在上传…' : '＋ 拍照/相册'}
          </Btn>
        ) : null}
      </View>
      {photos && value.photos.length > 0 ? (
        <View className='apply-photos'>
          {value.photos.map((p, i) => (
            <View key={p.key} className='apply-photo'>
              <Image className='apply-photo__img' src={p.path} mode='aspectFill' imgProps={{ alt: `${name} 照片${i + 1}` }} />
              <Text className='apply-photo__remove' onClick={() => remove(p.key)} aria-label={`删除照片${i + 1}：${name}`} {...role('button')}>
                ×
              </Text>
            </View>
          ))}
        </View>
      ) : null}
      {error ? (
        <Text className='form-error' {...role('alert')}>
          {error}
        </Text>
      ) : null}
    </View>
  );
}
