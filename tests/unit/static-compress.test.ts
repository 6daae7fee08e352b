// The local H5 server: brotli or gzip by Accept-Encoding, a year's immutable
// cache for hashed bundles, no-cache for the page, plain bytes when not asked.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { negotiate } from '../../scripts/lib/compress';
import { serveStatic } from '../../scripts/start';

describe('negotiate', () => {
  test('brotli first, then gzip; q=0 refuses; nothing when not asked', () => {
    expect(negotiate('gzip, deflate, br')).toBe('br');
    expect(negotiate('gzip, br;q=0')).toBe('gzip');
    expect(negotiate('gzip;q=0.5')).toBe('gzip');
    expect(negotiate('*')).toBe('br');
    expect(negotiate('identity')).toBeNull();
    expect(negotiate(undefined)).toBeNull();
  });
});

describe('serveStatic', () => {
  const dir = mkdtempSync(join(tmpdir(), 'h5-'));
  const js = `console.log(${JSON.stringify('办事'.repeat(2000))});\n`;
  mkdirSync(join(dir, 'js'));
  writeFileSync(join(dir, 'js', 'app.1a2b3c4d.js'), js);
  writeFileSync(join(dir, 'index.html'), `<html><head><title>办事</title></head><body>${'<div></div>'.repeat(200)}</body></html>`);
  let srv: Awaited<ReturnType<typeof serveStatic>>;
  beforeAll(async () => {
    srv = await serveStatic(dir, 0, { apiBase: 'http://api' });
  });
  afterAll(() => srv.stop());

  const get = (path: string, encoding?: string) => fetch(`${srv.url}${path}`, { headers: encoding ? { 'accept-encoding': encoding } : {} });
  // fetch decodes on its own; read the raw bytes through node:http instead.
  const raw = (path: string, encoding: string) =>
    new Promise<{ headers: Record<string, string | string[] | undefined>; body: Buffer }>((ok, fail) => {
      require('node:http').get(`${srv.url}${path}`, { headers: { 'accept-encoding': encoding } }, (res: import('node:http').IncomingMessage) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => ok({ headers: res.headers, body: Buffer.concat(chunks) }));
      }).on('error', fail);
    });

  test('a hashed bundle: brotli or gzip as asked, immutable for a year, Vary', async () => {
    const br = await raw('/js/app.1a2b3c4d.js', 'gzip, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers.vary).toBe('Accept-Encoding');
    expect(Number(br.headers['content-length'])).toBe(br.body.length);
    expect(br.body.length).toBeLessThan(Buffer.byteLength(js) / 10);
    expect(brotliDecompressSync(br.body).toString('utf8')).toBe(js);
    const gz = await raw('/js/app.1a2b3c4d.js', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString('utf8')).toBe(js);
  });

  test('uncompressed when the client does not ask', async () => {
    const plain = await raw('/js/app.1a2b3c4d.js', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString('utf8')).toBe(js);
  });

  test('the page: compressed, no-cache, with the runtime config injected', async () => {
    const page = await raw('/', 'br');
    expect(page.headers['content-encoding']).toBe('br');
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(brotliDecompressSync(page.body).toString('utf8')).toContain('__BANSHI_CONFIG__');
    const res = await get('/some/route', 'gzip');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<title>办事</title>');
  });
});
