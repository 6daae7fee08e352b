// Material photos: picked and uploaded by utils/photos.ts. Photos are
// optional: `PHOTOS_ENABLED = false` hides every photo button.
export { pickPhotos, type Photo } from '../../utils/photos';

export const PHOTOS_ENABLED = true;
export const MAX_PHOTOS = 5;
