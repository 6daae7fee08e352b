// The uploads bucket: the only code that touches S3. Photos go from the phone
// straight to S3 with a presigned PUT; the backend signs, checks and reads.
//
// The client reads AWS_ENDPOINT_URL_S3 by itself (the local emulator); then
// path-style addressing, since `<bucket>.127.0.0.1` does not resolve.
// IAM grants only s3:PutObject and s3:GetObject on the bucket's objects.
import { randomUUID } from 'node:crypto';
import { CopyObjectCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import {
  UPLOAD_EXTENSIONS,
  UPLOAD_URL_TTL_SECONDS,
  type UploadContentType,
  type UploadTicket,
} from '../../shared/schemas/uploads';

let client: S3Client | undefined;

export function s3(): S3Client {
  if (!client) {
    client = new S3Client({
      forcePathStyle: Boolean(process.env.AWS_ENDPOINT_URL_S3),
      // The SDK's default CRC32 checksum would be signed into a presigned PUT
      // as the checksum of an empty body, and S3 would refuse the real photo.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }
  return client;
}

/** Read at call time so tests and the local stack can point it anywhere. */
export function uploadsBucket(): string {
  const name = process.env.UPLOADS_BUCKET;
  if (!name) throw new Error('UPLOADS_BUCKET is not set');
  return name;
}

/** `tmp/<ownerId>/<uuid>.jpg|png`: where a new upload goes (expires after 7 days). */
export const newUploadKey = (ownerId: string, contentType: UploadContentType) =>
  `tmp/${ownerId}/${randomUUID()}.${UPLOAD_EXTENSIONS[contentType]}`;

/** Whether `key` is a temporary upload of `ownerId` (an application may only attach its own). */
/** Whose uploads a staff member's are (tmp/staff_<username>/…), apart from residents'. */
export const staffUploadOwner = (username: string) => `staff_${username}`;
export const isUploadOf = (key: string, ownerId: string) => key.startsWith(`tmp/${ownerId}/`) && !key.slice(5 + ownerId.length).includes('/');

const expiry = (now: Date) => new Date(now.getTime() + UPLOAD_URL_TTL_SECONDS * 1000).toISOString();

export interface PresignUploadInput {
  ownerId: string;
  contentType: UploadContentType;
  bytes: number;
  /** Signing time (tests); default now. */
  now?: Date;
}

/**
 * A URL to PUT one photo of exactly this type and size, valid for 10 minutes.
 * Content-Type and Content-Length are signed headers: S3 refuses a PUT with
 * another type or length (SignatureDoesNotMatch).
 */
export async function presignUpload(input: PresignUploadInput): Promise<UploadTicket> {
  const now = input.now ?? new Date();
  const key = newUploadKey(input.ownerId, input.contentType);
  const command = new PutObjectCommand({
    Bucket: uploadsBucket(),
    Key: key,
    ContentType: input.contentType,
    ContentLength: input.bytes,
  });
  const url = await getSignedUrl(s3(), command, {
    expiresIn: UPLOAD_URL_TTL_SECONDS,
    signingDate: now,
    signableHeaders: new Set(['content-type', 'content-length']),
  });
  return {
    key,
    url,
    method: 'PUT',
    headers: { 'Content-Type': input.contentType, 'Content-Length': String(input.bytes) },
    expiresAt: expiry(now),
  };
}

/** A URL to GET one object (e.g. staff viewing a material photo), valid for 10 minutes. */
export async function presignDownload(key: string, now = new Date()): Promise<{ url: string; expiresAt: string }> {
  const url = await getSignedUrl(s3(), new GetObjectCommand({ Bucket: uploadsBucket(), Key: key }), {
    expiresIn: UPLOAD_URL_TTL_SECONDS,
    signingDate: now,
  });
  return { url, expiresAt: expiry(now) };
}

export interface UploadedObject {
  contentType: string | null;
  bytes: number;
}

/**
 * HeadObject: the stored type and size, or null if there is no such object.
 * Without s3:ListBucket S3 answers a missing key with 403, not 404: both mean
 * "not there" to the caller.
 */
export async function headUpload(key: string): Promise<UploadedObject | null> {
  try {
    const res = await s3().send(new HeadObjectCommand({ Bucket: uploadsBucket(), Key: key }));
    return { contentType: res.ContentType ?? null, bytes: res.ContentLength ?? 0 };
  } catch (err) {
    const status = (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
    if (status === 404 || status === 403 || (err as Error).name === 'NotFound') return null;
    throw err;
  }
}

export async function objectExists(key: string): Promise<boolean> {
  return (await headUpload(key)) !== null;
}

/**
 * Copy a temporary upload to a lasting key (e.g. `applications/<id>/<n>.jpg`)
 * so it outlives the 7-day expiry of `tmp/`. Needs only GetObject + PutObject.
 */
export async function keepUpload(tmpKey: string, finalKey: string): Promise<void> {
  const bucket = uploadsBucket();
  await s3().send(
    new CopyObjectCommand({
      Bucket: bucket,
      Key: finalKey,
      CopySource: `${bucket}/${tmpKey.split('/').map(encodeURIComponent).join('/')}`,
    }),
  );
}
