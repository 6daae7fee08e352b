// Compressed static responses for the local H5 server: brotli or gzip by the
// request's Accept-Encoding, compressed once per file version (path, size,
// mtime) and kept in memory, so a weak signal downloads a fraction of the
// JavaScript. CloudFront does the same in a deployment (see the README).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, brotliCompressSync, constants, gzip, gzipSync } from 'node:zlib';

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

export type Encoding = 'br' | 'gzip';

/** Text worth compressing; images and fonts are compressed already. */
const COMPRESSIBLE = /\.(html|js|mjs|css|json|svg|txt|map|xml)$/i;
/** Below this the headers outweigh the saving. */
const MIN_BYTES = 1024;

export const isCompressible = (file: string, bytes: number): boolean => COMPRESSIBLE.test(file) && bytes >= MIN_BYTES;

/** The best encoding the client accepts (q=0 refuses), brotli first. */
export function negotiate(acceptEncoding: string | string[] | undefined): Encoding | null {
  const header = Array.isArray(acceptEncoding) ? acceptEncoding.join(',') : (acceptEncoding ?? '');
  const accepted = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    accepted.set(name, q ? Number(q.slice(2)) || 0 : 1);
  }
  const ok = (e: string) => (accepted.get(e) ?? accepted.get('*') ?? 0) > 0;
  if (ok('br')) return 'br';
  if (ok('gzip')) return 'gzip';
  return null;
}

// Quality 5 / level 6: within a few per cent of the maximum ratio at a small
// fraction of the time, so a first visit during the warm-up (on two busy
// cores) is never held up behind quality-11 work.
const brotliOptions = (body: Buffer) => ({ params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } });

/** Small bodies (the page itself) on the spot. */
export function compress(body: Buffer, encoding: Encoding): Buffer {
  return encoding === 'br' ? brotliCompressSync(body, brotliOptions(body)) : gzipSync(body, { level: 6 });
}

/** Off the event loop (zlib's thread pool): the bundles. */
const compressAsync = (body: Buffer, encoding: Encoding): Promise<Buffer> =>
  encoding === 'br' ? brotliAsync(body, brotliOptions(body)) : gzipAsync(body, { level: 6 });

/** Compress-once cache: a file's bytes per encoding, dropped when the file changes (a rebuild). */
export class CompressedFiles {
  private cache = new Map<string, { version: string; bodies: Partial<Record<Encoding, Promise<Buffer>>> }>();

  get(file: string, encoding: Encoding): Promise<Buffer> {
    const st = statSync(file);
    const version = `${st.size}:${st.mtimeMs}`;
    let entry = this.cache.get(file);
    if (!entry || entry.version !== version) {
      entry = { version, bodies: {} };
      this.cache.set(file, entry);
    }
    return (entry.bodies[encoding] ??= compressAsync(readFileSync(file), encoding));
  }

  /** Precompress every compressible file under `dir` in the background, so even the first visit is served compressed at once. */
  warm(dir: string): void {
    const walk = (d: string): string[] =>
      readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : [join(d, e.name)]));
    let files: string[];
    try {
      files = walk(dir).filter((f) => !f.endsWith('index.html') && isCompressible(f, statSync(f).size));
    } catch {
      return; // not built yet
    }
    for (const f of files) for (const e of ['br', 'gzip'] as const) this.get(f, e).catch(() => undefined);
  }
}
