// Material photos straight to S3: POST /uploads signs a PUT for exactly this
// photo's type and size, then the bytes go to S3 (never through the API).
// weapp: the file manager reads the temp file, wx.request PUTs the ArrayBuffer
// (the bucket's domain must be a legal request domain of the mini-program).
// H5: the chosen photo is a blob: URL; fetch reads it and PUTs it (CORS).
import Taro from '@tarojs/taro';
import { MAX_UPLOAD_BYTES, UploadTicket, type UploadContentType, type UploadRequest } from '../../../shared/schemas/uploads';
import { request } from './client';
import { ApiError, MSG_NETWORK } from './errors';

export const MSG_UPLOAD_TYPE = '仅支持 JPG 或 PNG 图片';
export const MSG_UPLOAD_SIZE = '图片不能超过 5 MB';
export const MSG_UPLOAD_EMPTY = '图片不能为空';
export const MSG_UPLOAD_READ = '无法读取图片，请重新选择';
export const MSG_UPLOAD_FAILED = '图片上传失败，请重试';

export interface UploadedPhoto {
  /** `tmp/<residentId>/<uuid>.jpg|png`: what an application refers to. */
  key: string;
  contentType: UploadContentType;
  bytes: number;
}

/** JPEG or PNG by the file's first bytes (temp paths do not always keep the extension). */
export function sniffImageType(head: Uint8Array): UploadContentType | null {
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (head.length >= 8 && png.every((b, i) => head[i] === b)) return 'image/png';
  return null;
}

const isH5 = () => process.env.TARO_ENV === 'h5';

async function readPhoto(filePath: string): Promise<ArrayBuffer> {
  if (isH5()) {
    const res = await fetch(filePath);
    if (!res.ok) throw new Error(`read ${res.status}`);
    return res.arrayBuffer();
  }
  return new Promise<ArrayBuffer>((resolve, reject) => {
    Taro.getFileSystemManager().readFile({
      filePath,
      // Without an encoding the data is an ArrayBuffer (duck-typed: realms differ).
      success: (r) => (typeof r.data === 'object' && r.data !== null && 'byteLength' in r.data ? resolve(r.data) : reject(new Error('not binary'))),
      fail: reject,
    });
  });
}

/** PUT with the signed headers; the runtime sets Content-Length from the body (a browser forbids setting it). */
async function putPhoto(ticket: UploadTicket, data: ArrayBuffer): Promise<number> {
  const header = Object.fromEntries(Object.entries(ticket.headers).filter(([k]) => k.toLowerCase() !== 'content-length'));
  if (isH5()) {
    const res = await fetch(ticket.url, { method: ticket.method, headers: header, body: data });
    return res.status;
  }
  const res = await Taro.request({
    url: ticket.url,
    method: ticket.method,
    header,
    data,
    dataType: '其他',
    responseType: 'text',
    timeout: 60000,
  });
  return res.statusCode;
}

/** What a photo is for, and who uploads it (staff sign through their own route, under their own name). */
export interface UploadFor {
  purpose: UploadRequest['purpose'];
  staff?: boolean;
}

/**
 * Upload one photo (a path from Taro.chooseImage): an application's material
 * by default, or a demand's photo (a resident's, or staff's for a reply). Rejects with ApiError (zh-CN message): not JPG/PNG, over 5 MB,
 * unreadable, the network, or S3 refusing the PUT.
 */
export async function uploadPhoto(filePath: string, to: UploadFor = { purpose: 'application_material' }): Promise<UploadedPhoto> {
  let data: ArrayBuffer;
  try {
    data = await readPhoto(filePath);
  } catch {
    throw new ApiError(0, 'UPLOAD_READ', MSG_UPLOAD_READ);
  }
  const bytes = data.byteLength;
  if (bytes === 0) throw new ApiError(400, 'UPLOAD_EMPTY', MSG_UPLOAD_EMPTY);
  const contentType = sniffImageType(new Uint8Array(data, 0, Math.min(8, bytes)));
  if (!contentType) throw new ApiError(400, 'UPLOAD_TYPE', MSG_UPLOAD_TYPE);
  if (bytes > MAX_UPLOAD_BYTES) throw new ApiError(400, 'UPLOAD_TOO_LARGE', MSG_UPLOAD_SIZE);

  const body = { contentType, bytes, purpose: to.purpose };
  const ticket = to.staff
    ? await request('POST /admin/uploads', { auth: 'staff', body }, UploadTicket)
    : await request('POST /uploads', { auth: 'resident', body }, UploadTicket);
  let status: number;
  try {
    status = await putPhoto(ticket, data);
  } catch {
    throw new ApiError(0, 'NETWORK', MSG_NETWORK);
  }
  if (status < 200 || status >= 300) throw new ApiError(status, 'UPLOAD_FAILED', MSG_UPLOAD_FAILED);
  return { key: ticket.key, contentType, bytes };
}
