// Photos for any page: Taro.chooseImage → uploadPhoto (api/uploads.ts: signed
// PUT straight to S3) → the key a request refers to. Application materials,
// demands and staff replies all pick photos through here.
import Taro from '@tarojs/taro';
import { errorMessage } from '../api/errors';
import { uploadPhoto, type UploadFor } from '../api/uploads';

export interface Photo {
  /** The local file (for the thumbnail). */
  path: string;
  /** The uploaded object's key (sent with the request). */
  key: string;
}

/** Pick up to `room` photos (camera or album) and upload each: the ones that made it, and why the others did not. */
export async function pickPhotos(room: number, to?: UploadFor): Promise<{ photos: Photo[]; error: string | null }> {
  let paths: string[];
  try {
    const res = await Taro.chooseImage({ count: Math.max(1, Math.min(room, 9)), sizeType: ['compressed'], sourceType: ['camera', 'album'] });
    paths = res.tempFilePaths ?? [];
  } catch {
    return { photos: [], error: null }; // cancelled
  }
  const photos: Photo[] = [];
  let error: string | null = null;
  for (const path of paths.slice(0, room)) {
    try {
      const { key } = await uploadPhoto(path, to);
      photos.push({ path, key });
    } catch (e) {
      error = errorMessage(e);
    }
  }
  return { photos, error };
}
