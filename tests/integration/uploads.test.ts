// POST /uploads through the HTTP API, then the photo PUT straight to the local
// S3 (s3rver behind a Signature V4 check, see scripts/lib/s3-local.ts).
// No DynamoDB: tokens are signed directly.
import { call } from '../support/api';
import { signResidentToken, signStaffToken } from '../../functions/auth/tokens';
import { headUpload, isUploadOf, keepUpload, objectExists, presignDownload, presignUpload } from '../../functions/store/uploads';
import type { UploadTicket } from '../../shared/schemas/uploads';
import { tinyJpeg } from '../fixtures/jpeg';

const JPEG = tinyJpeg();
let resident: string;
let other: string;
let staff: string;

beforeAll(async () => {
  resident = (await signResidentToken('r-upload')).token;
  other = (await signResidentToken('r-other')).token;
  staff = (await signStaffToken('clerk-up', { role: 'clerk', dept: 'civil-affairs', region: '511999' })).token;
});

const ask = (token: string | undefined, body: unknown) => call('POST', '/uploads', { token, body });
const refused = (token: string | undefined, body: unknown) => call('POST', '/uploads', { token, body });
const put = (t: UploadTicket, body: Buffer, headers: Record<string, string> = t.headers) =>
  fetch(t.url, { method: t.method, headers, body: new Uint8Array(body) });

describe('POST /uploads', () => {
  test('a resident gets a 10-minute URL, PUTs a real JPEG with the signed headers, and it is there', async () => {
    const before = Date.now();
    const res = await ask(resident, { contentType: 'image/jpeg', bytes: JPEG.length, purpose: 'application_material' });
    expect(res.status).toBe(201);
    const t = res.body;
    expect(t.key).toMatch(/^tmp\/r-upload\/[0-9a-f-]{36}\.jpg$/);
    expect(isUploadOf(t.key, 'r-upload')).toBe(true);
    expect(isUploadOf(t.key, 'r-other')).toBe(false);
    expect(t.method).toBe('PUT');
    expect(t.headers).toEqual({ 'Content-Type': 'image/jpeg', 'Content-Length': String(JPEG.length) });
    const ttl = Date.parse(t.expiresAt) - before;
    expect(ttl).toBeGreaterThan(595_000);
    expect(ttl).toBeLessThanOrEqual(601_000);
    const url = new URL(t.url);
    expect(url.pathname).toBe(`/${process.env.UPLOADS_BUCKET}/${t.key}`);
    expect(url.searchParams.get('X-Amz-Expires')).toBe('600');
    expect(url.searchParams.get('X-Amz-SignedHeaders')).toBe('content-length;content-type;host');
    // No checksum of an empty body signed in (S3 would refuse the real photo).
    expect([...url.searchParams.keys()].filter((k) => /checksum/i.test(k))).toEqual([]);

    expect(await objectExists(t.key)).toBe(false);
    const up = await put(t, JPEG);
    expect(up.status).toBe(200);
    expect(await objectExists(t.key)).toBe(true);
    expect(await headUpload(t.key)).toEqual({ contentType: 'image/jpeg', bytes: JPEG.length });
  });

  test('a PNG gets a .png key', async () => {
    const res = await ask(resident, { contentType: 'image/png', bytes: 1024, purpose: 'application_material' });
    expect(res.status).toBe(201);
    expect(res.body.key).toMatch(/^tmp\/r-upload\/[0-9a-f-]{36}\.png$/);
    expect(res.body.headers['Content-Type']).toBe('image/png');
  });

  test('S3 refuses what was not signed: another Content-Type, more bytes, no signature, an expired URL', async () => {
    const t = (await ask(resident, { contentType: 'image/jpeg', bytes: JPEG.length, purpose: 'application_material' })).body;
    const asPng = await put(t, JPEG, { ...t.headers, 'Content-Type': 'image/png' });
    expect(asPng.status).toBe(403);
    expect(await asPng.text()).toContain('SignatureDoesNotMatch');
    const bigger = Buffer.concat([JPEG, Buffer.alloc(1024)]);
    const tooBig = await put(t, bigger, { 'Content-Type': 'image/jpeg' });
    expect(tooBig.status).toBe(403);
    expect(await tooBig.text()).toContain('SignatureDoesNotMatch');
    const anonymous = await fetch(t.url.split('?')[0]!, { method: 'PUT', headers: { 'Content-Type': 'image/jpeg' }, body: new Uint8Array(JPEG) });
    expect(anonymous.status).toBe(403);
    expect(await objectExists(t.key)).toBe(false);

    const old = await presignUpload({ ownerId: 'r-upload', contentType: 'image/jpeg', bytes: JPEG.length, now: new Date(Date.now() - 11 * 60_000) });
    const expired = await put(old, JPEG);
    expect(expired.status).toBe(403);
    expect(await expired.text()).toContain('Request has expired');
    expect(await objectExists(old.key)).toBe(false);
    // The same URL with what was signed still works.
    expect((await put(t, JPEG)).status).toBe(200);
  });

  test('a wrong type or an oversize declaration is a 400 with zh-CN field errors', async () => {
    const gif = await refused(resident, { contentType: 'image/gif', bytes: 100, purpose: 'application_material' });
    expect(gif.status).toBe(400);
    expect(gif.body.fields?.contentType).toBe('仅支持 JPG 或 PNG 图片');
    const big = await refused(resident, { contentType: 'image/jpeg', bytes: 5 * 1024 * 1024 + 1, purpose: 'application_material' });
    expect(big.status).toBe(400);
    expect(big.body.fields?.bytes).toBe('图片不能超过 5 MB');
    expect(big.body.message).toBe('请求内容有误：图片不能超过 5 MB');
    const edge = await ask(resident, { contentType: 'image/jpeg', bytes: 5 * 1024 * 1024, purpose: 'application_material' });
    expect(edge.status).toBe(201);
    const empty = await refused(resident, { contentType: 'image/png', bytes: 0, purpose: 'application_material' });
    expect(empty.body.fields?.bytes).toBe('图片不能为空');
    const fraction = await refused(resident, { contentType: 'image/png', bytes: 10.5, purpose: 'avatar' });
    expect(fraction.status).toBe(400);
    expect(fraction.body.fields).toMatchObject({ bytes: '图片大小应为整数（字节）', purpose: '上传用途无效' });
    const missing = await refused(resident, {});
    expect(missing.status).toBe(400);
    expect(Object.keys(missing.body.fields ?? {}).sort()).toEqual(['bytes', 'contentType', 'purpose']);
  });

  test('401 without login, 403 with a staff token', async () => {
    const body = { contentType: 'image/jpeg', bytes: 100, purpose: 'application_material' };
    expect((await ask(undefined, body)).status).toBe(401);
    expect((await ask(resident.slice(0, -4) + 'AAAA', body)).status).toBe(401);
    expect((await ask(staff, body)).status).toBe(403);
  });

  test('each resident signs into their own folder', async () => {
    const body = { contentType: 'image/jpeg', bytes: 100, purpose: 'application_material' };
    const a = (await ask(resident, body)).body;
    const b = (await ask(other, body)).body;
    expect(a.key.startsWith('tmp/r-upload/')).toBe(true);
    expect(b.key.startsWith('tmp/r-other/')).toBe(true);
    expect(a.key).not.toBe((await ask(resident, body)).body.key);
  });
});

describe('store helpers for applications and staff', () => {
  test('presignDownload GETs the same bytes for 10 minutes; keepUpload copies out of tmp/', async () => {
    const t = (await ask(resident, { contentType: 'image/jpeg', bytes: JPEG.length, purpose: 'application_material' })).body;
    expect((await put(t, JPEG)).status).toBe(200);
    const d = await presignDownload(t.key);
    expect(new URL(d.url).searchParams.get('X-Amz-Expires')).toBe('600');
    const got = await fetch(d.url);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await got.arrayBuffer()).equals(JPEG)).toBe(true);
    // Without the signature the private bucket says no.
    expect((await fetch(d.url.split('?')[0]!)).status).toBe(403);

    const kept = `applications/test-app/1.jpg`;
    await keepUpload(t.key, kept);
    expect(await headUpload(kept)).toEqual({ contentType: 'image/jpeg', bytes: JPEG.length });
    const copy = await fetch((await presignDownload(kept)).url);
    expect(Buffer.from(await copy.arrayBuffer()).equals(JPEG)).toBe(true);
  });

  test('objectExists is false for a key nobody uploaded', async () => {
    expect(await objectExists('tmp/r-upload/00000000-0000-4000-8000-000000000000.jpg')).toBe(false);
    expect(await headUpload('tmp/r-upload/00000000-0000-4000-8000-000000000000.jpg')).toBeNull();
  });
});
