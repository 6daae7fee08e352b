// Up to `max` photos for a form: 拍照/相册, thumbnails with ×, the upload's
// error. Used by the demand pages (resident and staff); the picking and the
// signed upload are utils/photos.ts.
import { Image, Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { UploadFor } from '../api/uploads';
import { role } from '../utils/a11y';
import { pickPhotos, type Photo } from '../utils/photos';
import { Btn } from './Btn';

export interface PhotosFieldProps {
  label: string;
  max: number;
  value: Photo[];
  onChange: (update: (photos: Photo[]) => Photo[]) => void;
  /** Busy while uploading: the form waits before it sends. */
  onBusy: (busy: boolean) => void;
  to: UploadFor;
}

export function PhotosField({ label, max, value, onChange, onBusy, to }: PhotosFieldProps) {
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const add = async () => {
    if (uploading) return;
    setUploading(true);
    setError(null);
    onBusy(true);
    try {
      const { photos, error } = await pickPhotos(max - value.length, to);
      if (photos.length > 0) onChange((all) => all.concat(photos).slice(0, max));
      setError(error);
    } finally {
      setUploading(false);
      onBusy(false);
    }
  };

  return (
    <View className='demand-field'>
      <Text className='field__label'>
        {label}（选填，最多{max}张）
      </Text>
      <View className='demand-photos'>
        {value.map((p, i) => (
          <View key={p.key} className='demand-photo'>
            <Image className='demand-photo__img' src={p.path} mode='aspectFill' imgProps={{ alt: `照片${i + 1}` }} />
            <Text className='demand-photo__remove' onClick={() => onChange((all) => all.filter((x) => x.key !== p.key))} aria-label={`删除照片${i + 1}`} {...role('button')}>
              ×
            </Text>
          </View>
        ))}
        {value.length < max ? (
          <Btn className='btn btn--ghost btn--small' disabled={uploading} onClick={() => void add()} aria-label={`添加${label}`}>
            {uploading ? '正在上传…' : '＋ 拍照/相册'}
          </Btn>
        ) : null}
      </View>
      {error ? (
        <Text className='form-error' {...role('alert')}>
          {error}
        </Text>
      ) : null}
    </View>
  );
}
