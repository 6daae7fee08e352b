// uploadPhoto: POST /uploads, then the raw PUT to the presigned URL — on weapp
// through the file manager and wx.request, on H5 through fetch.
import { uploadPhoto, sniffImageType } from '../../miniprogram/src/api/uploads';
import { ApiError } from '../../miniprogram/src/api/errors';
import { setToken } from '../../miniprogram/src/api/session';
import * as taro from './support/taro';
import Taro from './support/taro';

const S3_URL = 'http://127.0.0.1:4569/banshi-local-uploads/tmp/r-1/0b7d3c1e-8d5a-4f7e-9a57-2b1f0c3d4e5f.jpg?X-Amz-Signature=abc';
const KEY = 'tmp/r-1/0b7d3c1e-8d5a-4f7e-9a57-2b1f0c3d4e5f.jpg';
const jpeg = (size: number) => {
  const b = new Uint8Array(size);
  b.set([0xff, 0xd8, 0xff, 0xe0]);
  return b.buffer;
};

interface Sent {
  url: string;
  method: string;
  header: Record<string, string>;
  data: unknown;
}

/** Answer POST /uploads with a ticket and the PUT with `putStatus`; record both. */
function mockUploads(putStatus = 200): Sent[] {
  const sent: Sent[] = [];
  taro.request.mockImplementation(async (o) => {
    sent.push({ url: o.url, method: o.method ?? 'GET', header: o.header ?? {}, data: o.data });
    if (o.method === 'POST' && o.url.endsWith('/uploads')) {
      const body = o.data as { contentType: string; bytes: number };
      return {
        statusCode: 201,
        data: {
          key: KEY,
          url: S3_URL,
          method: 'PUT',
          headers: { 'Content-Type': body.contentType, 'Content-Length': String(body.bytes) },
          expiresAt: new Date(Date.now() + 600_000).toISOString(),
        },
      };
    }
    if (o.method === 'PUT' && o.url === S3_URL) return { statusCode: putStatus, data: '' };
    return { statusCode: 404, data: null };
  });
  return sent;
}

let files: Record<string, ArrayBuffer>;
beforeEach(() => {
  setToken('resident', 'tok-1', new Date(Date.now() + 3600_000).toISOString());
  files = {};
  // The Taro stand-in has no file manager: give this file one.
  (Taro as unknown as Record<string, unknown>).getFileSystemManager = () => ({
    readFile: (o: { filePath: string; success: (r: { data: ArrayBuffer }) => void; fail: (e: unknown) => void }) =>
      files[o.filePath] ? o.success({ data: files[o.filePath]! }) : o.fail({ errMsg: 'readFile:fail no such file' }),
  });
});

async function rejection(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(ApiError);
    return e as ApiError;
  }
  throw new Error('expected the upload to fail');
}

describe('uploadPhoto (weapp)', () => {
  it('asks for a signed URL for the photo’s type and size, then PUTs the raw bytes with the signed type', async () => {
    files['wxfile://tmp_1.jpg'] = jpeg(2048);
    const sent = mockUploads();
    const photo = await uploadPhoto('wxfile://tmp_1.jpg');
    expect(photo).toEqual({ key: KEY, contentType: 'image/jpeg', bytes: 2048 });
    expect(sent).toHaveLength(2);
    expect(sent[0]).toMatchObject({ method: 'POST', url: 'http://127.0.0.1:3000/uploads' });
    expect(sent[0]!.data).toEqual({ contentType: 'image/jpeg', bytes: 2048, purpose: 'application_material' });
    expect(sent[0]!.header.Authorization).toBe('Bearer tok-1');
    expect(sent[1]).toMatchObject({ method: 'PUT', url: S3_URL, header: { 'Content-Type': 'image/jpeg' } });
    // No API token to S3; Content-Length comes from the body itself.
    expect(sent[1]!.header.Authorization).toBeUndefined();
    expect(sent[1]!.header['Content-Length']).toBeUndefined();
    expect(sent[1]!.data).toBe(files['wxfile://tmp_1.jpg']);
  });

  it('refuses what is not a JPG/PNG or is over 5 MB before asking the API', async () => {
    files['wxfile://a.gif'] = new Uint8Array([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0, 0]).buffer;
    files['wxfile://big.jpg'] = jpeg(5 * 1024 * 1024 + 1);
    const sent = mockUploads();
    expect((await rejection(uploadPhoto('wxfile://a.gif'))).message).toBe('仅支持 JPG 或 PNG 图片');
    expect((await rejection(uploadPhoto('wxfile://big.jpg'))).message).toBe('图片不能超过 5 MB');
    expect((await rejection(uploadPhoto('wxfile://missing.jpg'))).message).toBe('无法读取图片，请重新选择');
    expect(sent).toHaveLength(0);
  });

  it('S3 refusing the PUT (e.g. an expired URL) is a zh-CN error', async () => {
    files['wxfile://tmp_2.jpg'] = jpeg(100);
    mockUploads(403);
    const err = await rejection(uploadPhoto('wxfile://tmp_2.jpg'));
    expect(err.status).toBe(403);
    expect(err.message).toBe('图片上传失败，请重试');
  });

  it('the API’s 400 field errors come through', async () => {
    files['wxfile://tmp_3.jpg'] = jpeg(100);
    taro.request.mockImplementation(async () => ({
      statusCode: 400,
      data: { code: 'BAD_REQUEST', message: '请求内容有误：图片不能超过 5 MB', fields: { bytes: '图片不能超过 5 MB' } },
    }));
    const err = await rejection(uploadPhoto('wxfile://tmp_3.jpg'));
    expect(err.fields).toEqual({ bytes: '图片不能超过 5 MB' });
  });
});

describe('uploadPhoto (H5)', () => {
  const realFetch = globalThis.fetch;
  afterEach(() => {
    globalThis.fetch = realFetch;
  });

  it('reads the blob URL and PUTs it with fetch', async () => {
    process.env.TARO_ENV = 'h5';
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]).buffer;
    const calls: { url: string; init?: RequestInit }[] = [];
    globalThis.fetch = jest.fn(async (url: string | URL | Request, init?: RequestInit) => {
      calls.push({ url: String(url), init });
      if (String(url).startsWith('blob:')) return { ok: true, status: 200, arrayBuffer: async () => png } as Response;
      return { ok: true, status: 200 } as Response;
    }) as typeof fetch;
    const sent = mockUploads();
    const photo = await uploadPhoto('blob:http://127.0.0.1:10086/1234');
    expect(photo).toEqual({ key: KEY, contentType: 'image/png', bytes: 12 });
    expect(sent.map((s) => s.method)).toEqual(['POST']);
    expect(calls.map((c) => c.url)).toEqual(['blob:http://127.0.0.1:10086/1234', S3_URL]);
    expect(calls[1]!.init).toMatchObject({ method: 'PUT', headers: { 'Content-Type': 'image/png' }, body: png });
  });
});

test('sniffImageType knows JPEG and PNG by their first bytes', () => {
  expect(sniffImageType(new Uint8Array([0xff, 0xd8, 0xff, 0xdb]))).toBe('image/jpeg');
  expect(sniffImageType(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe('image/png');
  expect(sniffImageType(new Uint8Array([0x52, 0x49, 0x46, 0x46]))).toBeNull();
  expect(sniffImageType(new Uint8Array([]))).toBeNull();
});
