// Photo uploads: the phone PUTs the photo straight to S3 with a presigned URL;
// the backend only signs (POST /uploads) and, later, checks and reads objects.
import * as z from 'zod/mini';
import { Instant } from './common';

export const UPLOAD_CONTENT_TYPES = ['image/jpeg', 'image/png'] as const;
export type UploadContentType = (typeof UPLOAD_CONTENT_TYPES)[number];
export const UPLOAD_EXTENSIONS: Record<UploadContentType, 'jpg' | 'png'> = { 'image/jpeg': 'jpg', 'image/png': 'png' };
/** A material of an application; a photo of a demand (诉求) or of its reply; a notice's attachment. */
export const UPLOAD_PURPOSES = ['application_material', 'demand_photo', 'notice_attachment'] as const;
/** 5 MiB: the largest photo a resident may upload. */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
/** How long a presigned upload or download URL is valid. */
export const UPLOAD_URL_TTL_SECONDS = 600;

/**
 * The key of an uploaded photo: `tmp/<residentId>/<uuid>.jpg|png`. Objects under
 * `tmp/` expire after 7 days unless an application copies them elsewhere.
 */
export const UploadKey = z
  .string()
  .check(z.regex(/^tmp\/[A-Za-z0-9_-]{1,64}\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.(jpg|png)$/, '图片编号格式不正确'));
export type UploadKey = z.infer<typeof UploadKey>;

export const UploadRequest = z.object({
  contentType: z.enum(UPLOAD_CONTENT_TYPES, { error: '仅支持 JPG 或 PNG 图片' }),
  bytes: z
    .int({ error: '图片大小应为整数（字节）' })
    .check(z.minimum(1, '图片不能为空'), z.maximum(MAX_UPLOAD_BYTES, '图片不能超过 5 MB')),
  purpose: z.enum(UPLOAD_PURPOSES, { error: '上传用途无效' }),
});
export type UploadRequest = z.infer<typeof UploadRequest>;

/**
 * Where and how to PUT the photo. Send exactly `headers` (Content-Type and
 * Content-Length are signed: another type or size is refused by S3; a browser
 * sets Content-Length itself from the body) before `expiresAt`.
 */
export const UploadTicket = z.object({
  key: UploadKey,
  url: z.string(),
  method: z.literal('PUT'),
  headers: z.record(z.string(), z.string()),
  expiresAt: Instant,
});
export type UploadTicket = z.infer<typeof UploadTicket>;
