// A local S3 for the uploads bucket: s3rver (an S3-compatible server in Node,
// files on disk) behind a strict front door that does what s3rver 3.7 leaves
// out: it verifies AWS Signature V4 (s3rver only checks that the access key
// exists), so a PUT with another Content-Type or Content-Length than the
// presigned URL signed is refused, as S3 refuses it; and it refuses anonymous
// requests, as the private bucket does. s3rver still checks URL expiry.
//
// Access keys: s3rver's S3RVER/S3RVER and the local stack's dummy local/local.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import { DUMMY_ACCOUNT, registry } from 's3rver/lib/models/account';

/** The bucket name the local stack and the integration tests give the API (UPLOADS_BUCKET). */
export const LOCAL_UPLOADS_BUCKET = 'banshi-local-uploads';
export const LOCAL_S3_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' } as const;
/** Days after which `tmp/` objects expire (the deployed bucket's lifecycle rule). */
export const TMP_EXPIRY_DAYS = 7;

export interface S3Local {
  endpoint: string;
  port: number;
  bucket: string;
  /** Where the objects live on disk. */
  dir: string;
  stop(): Promise<void>;
}

export interface StartS3Options {
  /** 0 or omitted = a random free port. */
  port?: number;
  /** Directory for the objects; omitted = a temporary directory, removed on stop. */
  dir?: string;
  /** Bucket to create (default LOCAL_UPLOADS_BUCKET). */
  bucket?: string;
  /** Verify Signature V4 and refuse anonymous requests (default true; false = plain s3rver). */
  strict?: boolean;
}

/** Anyone may PUT/GET from any origin locally (the H5 build on its own port). */
const CORS_XML = `<CORSConfiguration>
  <CORSRule>
    <AllowedOrigin>*</AllowedOrigin>
    <AllowedMethod>PUT</AllowedMethod>
    <AllowedMethod>GET</AllowedMethod>
    <AllowedMethod>HEAD</AllowedMethod>
    <AllowedHeader>*</AllowedHeader>
    <ExposeHeader>ETag</ExposeHeader>
    <MaxAgeSeconds>3000</MaxAgeSeconds>
  </CORSRule>
</CORSConfiguration>`;

DUMMY_ACCOUNT.createKeyPair(LOCAL_S3_CREDENTIALS.accessKeyId, LOCAL_S3_CREDENTIALS.secretAccessKey);

// --- Signature V4 -------------------------------------------------------------

const rfc3986 = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');
const hmac = (key: Buffer | string, s: string) => createHmac('sha256', key).update(s, 'utf8').digest();

export interface SigV4Problem {
  status: number;
  code: string;
  message: string;
}

interface Parsed {
  accessKeyId: string;
  scope: string[];
  amzDate: string;
  signedHeaders: string[];
  signature: string;
  payloadHash: string;
}

function parseAuth(query: [string, string][], headers: IncomingHttpHeaders): Parsed | 'anonymous' | SigV4Problem {
  const q = new Map(query);
  if (q.has('X-Amz-Algorithm')) {
    const credential = q.get('X-Amz-Credential') ?? '';
    const [accessKeyId = '', ...scope] = credential.split('/');
    return {
      accessKeyId,
      scope,
      amzDate: q.get('X-Amz-Date') ?? '',
      signedHeaders: (q.get('X-Amz-SignedHeaders') ?? '').split(';'),
      signature: q.get('X-Amz-Signature') ?? '',
      payloadHash: q.get('X-Amz-Content-Sha256') ?? 'UNSIGNED-PAYLOAD',
    };
  }
  const auth = headers.authorization;
  if (!auth) return 'anonymous';
  const m = /^AWS4-HMAC-SHA256 Credential=([^,\s]+),\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-f]+)$/.exec(auth);
  if (!m) return { status: 400, code: 'AuthorizationHeaderMalformed', message: 'Only AWS4-HMAC-SHA256 authorization is supported' };
  const [accessKeyId = '', ...scope] = m[1]!.split('/');
  return {
    accessKeyId,
    scope,
    amzDate: String(headers['x-amz-date'] ?? ''),
    signedHeaders: m[2]!.split(';'),
    signature: m[3]!,
    payloadHash: String(headers['x-amz-content-sha256'] ?? ''),
  };
}

/**
 * Checks an S3 request's Signature V4 (presigned query or Authorization
 * header) with an implementation of its own (node:crypto, not the SDK's
 * signer). The payload hash is taken as declared, as s3rver does.
 * Returns null when the signature holds (or, unless strict, when unsigned).
 */
export function checkSigV4(
  req: { method: string; url: string; headers: IncomingHttpHeaders },
  secretOf: (accessKeyId: string) => string | undefined,
  opts: { allowAnonymous?: boolean } = {},
): SigV4Problem | null {
  const [rawPath = '/', rawQuery = ''] = req.url.split(/\?(.*)/s, 2);
  const query = rawQuery
    .split('&')
    .filter(Boolean)
    .map((part): [string, string] => {
      const i = part.indexOf('=');
      const k = i < 0 ? part : part.slice(0, i);
      const v = i < 0 ? '' : part.slice(i + 1);
      return [decodeURIComponent(k), decodeURIComponent(v)];
    });
  const parsed = parseAuth(query, req.headers);
  if (parsed === 'anonymous') {
    return opts.allowAnonymous ? null : { status: 403, code: 'AccessDenied', message: 'Access Denied' };
  }
  if ('code' in parsed) return parsed;
  const secret = secretOf(parsed.accessKeyId);
  if (secret === undefined) {
    return { status: 403, code: 'InvalidAccessKeyId', message: 'The AWS Access Key Id you provided does not exist in our records.' };
  }
  if (parsed.scope.length !== 4 || parsed.scope[3] !== 'aws4_request' || !parsed.signedHeaders.includes('host')) {
    return { status: 400, code: 'AuthorizationQueryParametersError', message: 'Malformed credential scope or signed headers' };
  }
  const canonicalQuery = query
    .filter(([k]) => k !== 'X-Amz-Signature')
    .map(([k, v]) => [rfc3986(k), rfc3986(v)] as const)
    .sort(([ak, av], [bk, bv]) => (ak < bk ? -1 : ak > bk ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  const canonicalHeaders = parsed.signedHeaders
    .map((h) => {
      const v = req.headers[h];
      const value = Array.isArray(v) ? v.join(',') : (v ?? '');
      return `${h}:${value.trim().replace(/\s+/g, ' ')}\n`;
    })
    .join('');
  const canonicalRequest = [req.method, rawPath, canonicalQuery, canonicalHeaders, parsed.signedHeaders.join(';'), parsed.payloadHash].join('\n');
  const stringToSign = ['AWS4-HMAC-SHA256', parsed.amzDate, parsed.scope.join('/'), sha256(canonicalRequest)].join('\n');
  const [date = '', region = '', service = ''] = parsed.scope;
  const key = hmac(hmac(hmac(hmac(`AWS4${secret}`, date), region), service), 'aws4_request');
  const expected = Buffer.from(createHmac('sha256', key).update(stringToSign, 'utf8').digest('hex'));
  const given = Buffer.from(parsed.signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return {
      status: 403,
      code: 'SignatureDoesNotMatch',
      message: 'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
    };
  }
  return null;
}

function sendProblem(req: IncomingMessage, res: ServerResponse, p: SigV4Problem): void {
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${p.code}</Code><Message>${p.message}</Message></Error>`;
  const headers: Record<string, string | number> = { 'content-type': 'application/xml', 'content-length': Buffer.byteLength(xml) };
  // Like S3 with a matching CORS rule, so a browser can read why it was refused.
  if (req.headers.origin) headers['access-control-allow-origin'] = '*';
  // Drain the refused body, then answer.
  req.resume();
  req.on('end', () => res.writeHead(p.status, headers).end(xml));
}

// --- the server ---------------------------------------------------------------

/** The deployed bucket expires `tmp/` after 7 days; a kept local folder does the same at start. */
function expireTmp(bucketDir: string, now = Date.now()): number {
  const dir = join(bucketDir, 'tmp');
  if (!existsSync(dir)) return 0;
  let removed = 0;
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else if (now - st.mtimeMs > TMP_EXPIRY_DAYS * 86_400_000) {
        rmSync(p, { force: true });
        removed += 1;
      }
    }
  };
  walk(dir);
  return removed;
}

export async function startS3Local(opts: StartS3Options = {}): Promise<S3Local> {
  const bucket = opts.bucket ?? LOCAL_UPLOADS_BUCKET;
  const temporary = opts.dir === undefined;
  const dir = opts.dir ?? mkdtempSync(join(tmpdir(), 'banshi-s3-'));
  mkdirSync(dir, { recursive: true });
  expireTmp(join(dir, bucket));

  const s3rver = new S3rver({
    directory: dir,
    silent: true,
    // Path-style only: `<bucket>.127.0.0.1` does not resolve.
    vhostBuckets: false,
    configureBuckets: [{ name: bucket, configs: [CORS_XML] }],
  });
  await s3rver.configureBuckets();
  const handle = s3rver.callback();
  const strict = opts.strict ?? true;
  const secretOf = (id: string) => registry.get(id)?.accessKeys.get(id);

  const server: Server = createServer((req, res) => {
    // CORS preflights carry no signature (S3 answers them from the CORS rules).
    if (strict && req.method !== 'OPTIONS') {
      let problem: SigV4Problem | null;
      try {
        problem = checkSigV4({ method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers }, secretOf);
      } catch {
        problem = { status: 400, code: 'InvalidRequest', message: 'Malformed request' };
      }
      if (problem) {
        sendProblem(req, res, problem);
        return;
      }
    }
    handle(req, res);
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(opts.port ?? 0, '127.0.0.1', () => ok());
  });
  const port = (server.address() as AddressInfo).port;

  let stopped = false;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    bucket,
    dir,
    async stop() {
      if (stopped) return;
      stopped = true;
      await new Promise<void>((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      });
      s3rver.logger.close();
      if (temporary) rmSync(dir, { recursive: true, force: true });
    },
  };
}
