// The local stack (`npm start`), on this machine alone:
//   DynamoDB Local (data under .data/dynamodb) → tables from serverless.yml →
//   demo seed → fake WeChat API → local S3 for photo uploads (data under
//   .data/s3) → the API via serverless-offline → the H5 build served statically. Prints URLs and demo logins; Ctrl-C stops every child.
//
// startStack() is the same thing as a library, for the e2e tests and the bench
// (random ports, in-memory DynamoDB, H5 build optional).
//
// Flags: --in-memory  --no-h5  --reset (re-seed staff/residents)  --verbose
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, existsSync, readdirSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { ensureJava, JavaMissingError, startDynamoLocal, type DynamoLocal } from './lib/dynamo-local';
import { freePort, isPortFree, preferredPort } from './lib/ports';
import { compress, CompressedFiles, isCompressible, negotiate } from './lib/compress';
import { killAllAndReap, spawnManaged, type Managed } from './lib/procs';
import { createTables, readTableDefinitionsAsync, REPO_ROOT } from './lib/tables';
import { LOCAL_UPLOADS_BUCKET, startS3Local } from './lib/s3-local';
import { startFakeWechat, type FakeWechat } from './fake-wechat';

export interface StackPorts {
  /** serverless-offline HTTP (default 3000). */
  api: number;
  /** serverless-offline's Lambda invoke and websocket servers (default 3002/3001). */
  lambda: number;
  websocket: number;
  /** fake WeChat server API (default 3100). */
  fakeWechat: number;
  /** DynamoDB Local (default 8000). */
  dynamo: number;
  /** local S3 for photo uploads (default 4569). */
  s3: number;
  /** static server of the H5 build (default 10086). */
  h5: number;
}

export interface StartStackOptions {
  /**
   * Ports: a number is taken as is (0 = random free port); omitted = the
   * default port, or the next free one above it if taken.
   */
  ports?: Partial<StackPorts>;
  /** Where DynamoDB Local keeps its data (default `.data/dynamodb`). Ignored when inMemory. */
  dbPath?: string;
  /** Where the local S3 keeps uploaded photos (default `.data/s3`). Ignored when inMemory (a temporary folder). */
  s3Dir?: string;
  inMemory?: boolean;
  /** Build (if sources changed) and serve the H5 app. */
  buildH5?: boolean;
  /** Serve the H5 app on a port (default: true when buildH5). */
  serveH5?: boolean;
  /** Write the demo data (default true). */
  seed?: boolean;
  /** Overwrite demo staff and residents even if they exist. */
  resetSeed?: boolean;
  /** JWT secret of the API (default: a random one of this run). */
  jwtSecret?: string;
  /** Handler log level (default `warn`). */
  logLevel?: string;
  /** Progress lines (default: silent). */
  log?: (line: string) => void;
  /** Echo child output (serverless-offline, H5 build) with prefixes. */
  verbose?: boolean;
}

export interface StackUrls {
  h5: string | null;
  api: string;
  openapi: string;
  fakeWechat: string;
  dynamo: string;
  s3: string;
}

export interface Stack {
  urls: StackUrls;
  ports: StackPorts;
  tableName: string;
  /** The environment the API runs with (reuse it to call handlers or the store in-process). */
  env: Record<string, string>;
  fakeWechat: FakeWechat;
  timings: Record<string, number>;
  stop(): Promise<void>;
}

const DEFAULT_PORTS: StackPorts = { api: 3000, lambda: 3002, websocket: 3001, fakeWechat: 3100, dynamo: 8000, s3: 4569, h5: 10086 };
export const LOCAL_WECHAT_APPID = 'wx0000000000000000';
/** Secrets of one run: random, so no published value ever signs a token (a restart signs everyone out). */
const runSecret = () => randomBytes(32).toString('base64url');
const H5_DIST = join(REPO_ROOT, 'miniprogram', 'dist', 'h5');

async function choosePorts(wanted: Partial<StackPorts>): Promise<StackPorts> {
  const taken = new Set<number>();
  const out = {} as StackPorts;
  for (const name of Object.keys(DEFAULT_PORTS) as (keyof StackPorts)[]) {
    const w = wanted[name];
    let port: number;
    if (w === 0) {
      do port = await freePort();
      while (taken.has(port));
    } else if (w !== undefined) {
      if (!(await isPortFree(w))) throw new Error(`端口 ${w}（${name}）已被占用`);
      port = w;
    } else {
      port = await preferredPort(DEFAULT_PORTS[name], taken);
    }
    taken.add(port);
    out[name] = port;
  }
  return out;
}

// --- serverless-offline --------------------------------------------------------

function serverlessBin(): string {
  const pkgPath = require.resolve('serverless/package.json', { paths: [REPO_ROOT] });
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8')) as { bin: Record<string, string> };
  return join(pkgPath, '..', pkg.bin.serverless ?? 'bin/serverless.js');
}

/** serverless-offline's per-request chatter; shown only with --verbose. */
const OFFLINE_NOISE = /^(\(λ: |GET |POST |PUT |DELETE |PATCH |OPTIONS |HEAD |ANY )|^\s*$|Offline \[http for lambda\]|Function names exposed|^\s+\* |Invoke URL/;

async function startOffline(ports: StackPorts, env: Record<string, string>, opts: StartStackOptions): Promise<Managed> {
  const args = [
    serverlessBin(),
    'offline',
    'start',
    '--host', '127.0.0.1',
    '--httpPort', String(ports.api),
    '--lambdaPort', String(ports.lambda),
    '--websocketPort', String(ports.websocket),
    '--noPrependStageInUrl',
    '--noSponsor',
  ];
  const echo = opts.verbose ? process.stdout : null;
  const proc = spawnManaged(process.execPath, args, {
    name: 'api',
    cwd: REPO_ROOT,
    env: { ...process.env, ...env } as NodeJS.ProcessEnv,
    echo,
    tailLines: 200,
  });
  if (!opts.verbose && opts.log) {
    // Still show what matters (handler errors, warnings) without the request chatter.
    const show = (buf: Buffer) => {
      for (const line of buf.toString('utf8').split(/\r?\n/)) {
        if (line && !OFFLINE_NOISE.test(line) && /error|warn|✖|exception|failed/i.test(line)) opts.log!(`[api] ${line}`);
      }
    };
    proc.child.stdout?.on('data', show);
    proc.child.stderr?.on('data', show);
  }
  // Ready once anything answers HTTP on the port.
  // A busy 2-core machine (the build and other stacks running) takes minutes to load every function.
  const deadline = Date.now() + 240_000;
  let exited = false;
  void proc.exited.then(() => (exited = true));
  for (;;) {
    if (exited) throw new Error(`serverless offline 启动失败：\n${proc.tail()}`);
    try {
      await fetch(`http://127.0.0.1:${ports.api}/openapi.json`, { signal: AbortSignal.timeout(20_000) });
      break;
    } catch {
      if (Date.now() > deadline) {
        await proc.stop(1000);
        throw new Error(`serverless offline 在 240 秒内未响应：\n${proc.tail()}`);
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  return proc;
}

// --- H5 build and static server --------------------------------------------

function hashTree(h: ReturnType<typeof createHash>, dir: string): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir).sort()) {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
    const p = join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) hashTree(h, p);
    else h.update(p).update(readFileSync(p));
  }
}

/** Whether the H5 app reads window.__BANSHI_CONFIG__ (then its build does not depend on the ports). */
function h5ReadsRuntimeConfig(): boolean {
  const cfg = join(REPO_ROOT, 'miniprogram', 'src', 'config.ts');
  return existsSync(cfg) && readFileSync(cfg, 'utf8').includes('__BANSHI_CONFIG__');
}

function h5Stamp(buildEnv: Record<string, string>): string {
  const h = createHash('sha256');
  // functions/domain: the pure state machines that shared/ re-exports to the pages.
  for (const d of ['miniprogram/src', 'miniprogram/config', 'shared', 'functions/domain']) hashTree(h, join(REPO_ROOT, d));
  for (const f of ['miniprogram/package.json', 'miniprogram/babel.config.js', 'package-lock.json']) {
    const p = join(REPO_ROOT, f);
    if (existsSync(p)) h.update(readFileSync(p));
  }
  if (!h5ReadsRuntimeConfig()) h.update(JSON.stringify(buildEnv));
  return h.digest('hex');
}

function hasBuildScript(): boolean {
  const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  return Boolean(pkg.scripts?.['build:h5']);
}

/** `npm run build:h5` unless the last build had the same sources and URLs. Returns false if there is no build script. */
async function buildH5(buildEnv: Record<string, string>, opts: StartStackOptions): Promise<'built' | 'cached' | 'missing'> {
  if (!hasBuildScript()) return 'missing';
  const stampFile = join(REPO_ROOT, '.tmp', 'h5-build.stamp');
  const stamp = h5Stamp(buildEnv);
  if (existsSync(join(H5_DIST, 'index.html')) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) return 'cached';
  // Niced: on 2 cores the webpack build must not starve DynamoDB Local and serverless-offline.
  const proc = spawnManaged('nice', ['-n', '10', 'npm', 'run', '--silent', 'build:h5'], {
    name: 'h5-build',
    cwd: REPO_ROOT,
    env: { ...process.env, ...buildEnv, NODE_ENV: 'production' } as NodeJS.ProcessEnv,
    echo: opts.verbose ? process.stdout : null,
    tailLines: 80,
  });
  await proc.exited;
  const code = proc.child.exitCode;
  await proc.stop();
  if (code !== 0) throw new Error(`H5 构建失败（npm run build:h5，退出码 ${code}）：\n${proc.tail()}`);
  mkdirSync(join(REPO_ROOT, '.tmp'), { recursive: true });
  writeFileSync(stampFile, stamp);
  return 'built';
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Static server of a build directory: unknown extension-less paths fall back to
 * index.html; index.html gets `window.__BANSHI_CONFIG__` ({apiBase, fakeWechat})
 * injected, so one build can run against a stack on any ports.
 */
export async function serveStatic(dir: string, port: number, runtimeConfig: Record<string, string>): Promise<{ url: string; port: number; stop(): Promise<void> }> {
  const root = resolve(dir);
  const compressed = new CompressedFiles();
  compressed.warm(root);
  const inject = `<script>window.__BANSHI_CONFIG__=${JSON.stringify(runtimeConfig).replace(/</g, '\\u003c')};</script>`;
  const server: Server = createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://h5').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    let file = normalize(join(root, path));
    if (file !== root && !file.startsWith(root + sep)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      if (extname(path)) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('404 未找到');
        return;
      }
      file = join(root, 'index.html');
    }
    if (!existsSync(file)) {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' }).end('H5 尚未构建：请运行 npm run build:h5');
      return;
    }
    const type = MIME[extname(file).toLowerCase()] ?? 'application/octet-stream';
    if (file.endsWith('index.html')) {
      const html = readFileSync(file, 'utf8');
      const plain = Buffer.from(html.includes('</head>') ? html.replace('</head>', `${inject}</head>`) : inject + html, 'utf8');
      // The page names the hashed bundles: always revalidated, so a rebuild is seen at once.
      const encoding = negotiate(req.headers['accept-encoding']);
      const body = encoding ? compress(plain, encoding) : plain;
      res.writeHead(200, {
        'content-type': type,
        'cache-control': 'no-cache',
        'content-length': body.length,
        vary: 'Accept-Encoding',
        ...(encoding ? { 'content-encoding': encoding } : {}),
      });
      res.end(req.method === 'HEAD' ? undefined : body);
      return;
    }
    // A hashed name never changes content: cache it for a year without asking again.
    const hashed = /\.[0-9a-f]{8}\.(js|css)$/.test(file);
    const size = statSync(file).size;
    const encoding = isCompressible(file, size) ? negotiate(req.headers['accept-encoding']) : null;
    const send = (body: Buffer | null) => {
      res.writeHead(200, {
        'content-type': type,
        'content-length': body ? body.length : size,
        'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
        ...(isCompressible(file, size) ? { vary: 'Accept-Encoding' } : {}),
        ...(body && encoding ? { 'content-encoding': encoding } : {}),
      });
      if (req.method === 'HEAD') res.end();
      else if (body) res.end(body);
      else createReadStream(file).pipe(res);
    };
    if (!encoding) send(null);
    else compressed.get(file, encoding).then(send, () => send(null));
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => ok());
  });
  const actual = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${actual}`,
    port: actual,
    stop: () =>
      new Promise<void>((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      }),
  };
}

// --- the stack -------------------------------------------------------------

export async function startStack(opts: StartStackOptions = {}): Promise<Stack> {
  const log = opts.log ?? (() => undefined);
  const timings: Record<string, number> = {};
  const t0 = Date.now();
  const time = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    const s = Date.now();
    try {
      return await fn();
    } finally {
      timings[name] = Date.now() - s;
    }
  };

  ensureJava();
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const ports = await choosePorts(opts.ports ?? {});
  const buildWanted = opts.buildH5 ?? false;
  const serveWanted = opts.serveH5 ?? buildWanted;

  const stoppers: (() => Promise<void>)[] = [];
  const stop = async () => {
    const all = stoppers.splice(0).reverse();
    for (const s of all) await s().catch(() => undefined);
  };

  try {
    const wechatSecret = runSecret();
    const { residents } = await import('./seed/data');
    const fakeWechat = await startFakeWechat({
      port: ports.fakeWechat,
      users: residents.map((r) => ({ openid: r.openid, label: r.label })),
      appid: LOCAL_WECHAT_APPID,
      secret: wechatSecret,
    });
    stoppers.push(() => fakeWechat.stop());

    // Photos go from the client straight to S3 with presigned URLs; locally to s3rver.
    const s3 = await time('s3Start', () =>
      startS3Local({
        port: ports.s3,
        dir: opts.inMemory ? undefined : (opts.s3Dir ?? join(REPO_ROOT, '.data', 's3')),
        bucket: LOCAL_UPLOADS_BUCKET,
      }),
    );
    stoppers.push(() => s3.stop());
    log(`本地 S3 已启动：${s3.endpoint}（桶 ${s3.bucket}）`);

    const dynamoUrl = `http://127.0.0.1:${ports.dynamo}`;
    const apiUrl = `http://127.0.0.1:${ports.api}`;
    const env: Record<string, string> = {
      AWS_ENDPOINT_URL_DYNAMODB: dynamoUrl,
      AWS_ENDPOINT_URL_S3: s3.endpoint,
      // Not an AWS_* variable: reaches the handlers through serverless.yml (${env:UPLOADS_BUCKET, …}).
      UPLOADS_BUCKET: s3.bucket,
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      AWS_REGION: 'cn-northwest-1',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      AWS_NODEJS_CONNECTION_REUSE_ENABLED: '1',
      WECHAT_API_BASE: fakeWechat.url,
      WECHAT_APPID: LOCAL_WECHAT_APPID,
      WECHAT_SECRET: wechatSecret,
      JWT_SECRET: opts.jwtSecret ?? runSecret(),
      JWT_SECRET_PREVIOUS: '',
      LOG_LEVEL: opts.logLevel ?? 'warn',
      SLS_TELEMETRY_DISABLED: '1',
      SLS_NOTIFICATIONS_MODE: 'off',
      // One esbuild work folder per stack, so a test stack never wipes the bundles of
      // `npm start` running in the same tree (used if serverless.yml sets
      // custom.esbuild.outputWorkFolder: ${env:ESBUILD_WORK_FOLDER, '.esbuild'}).
      ESBUILD_WORK_FOLDER: `.tmp/esbuild-${ports.api}`,
    };
    const buildEnv = { TARO_APP_API_BASE: apiUrl, TARO_APP_FAKE_WECHAT: fakeWechat.url };

    // Three independent tracks run side by side.
    const dataTrack = (async () => {
      const defs = await time('readTables', () => readTableDefinitionsAsync());
      const main = defs.find((d) => d.logicalId === 'MainTable') ?? defs[0]!;
      const tableName = main.input.TableName!;
      const dynamo: DynamoLocal = await time('dynamoStart', () =>
        startDynamoLocal({ port: ports.dynamo, dbPath: opts.inMemory ? undefined : (opts.dbPath ?? join(REPO_ROOT, '.data', 'dynamodb')) }),
      );
      stoppers.push(() => dynamo.stop());
      log(`DynamoDB Local 已启动（${timings.dynamoStart} ms）${opts.inMemory ? '，内存模式' : ''}`);
      await time('createTables', () => createTables(dynamo.endpoint, { definitions: defs }));
      log(`数据表 ${tableName} 就绪（${timings.createTables} ms）`);
      if (opts.seed ?? true) {
        const { seedDemo } = await import('./seed');
        const report = await time('seed', () => seedDemo(dynamo.endpoint, tableName, { reset: opts.resetSeed }));
        log(
          `演示数据已写入（${timings.seed} ms）：事项 ${report.services.created + report.services.existing}，` +
            `工作人员 ${data_total(report.staff)}，居民 ${data_total(report.residents)}`,
        );
      }
      return tableName;
    })();

    const apiTrack = (async () => {
      const proc = await time('offlineStart', () => startOffline(ports, env, opts));
      stoppers.push(() => proc.stop(5000));
      log(`API（serverless offline）已就绪（${timings.offlineStart} ms）`);
    })();

    const h5Track = (async (): Promise<string | null> => {
      if (buildWanted) {
        const outcome = await time('h5Build', () => buildH5(buildEnv, opts));
        if (outcome === 'missing') log('跳过 H5：package.json 中没有 build:h5 脚本');
        else log(outcome === 'cached' ? 'H5 构建未变化，沿用上次产物' : `H5 已构建（${timings.h5Build} ms）`);
      }
      if (!serveWanted) return null;
      if (!existsSync(join(H5_DIST, 'index.html'))) {
        log(`跳过 H5 静态服务：${H5_DIST} 中没有构建产物`);
        return null;
      }
      const srv = await serveStatic(H5_DIST, ports.h5, { apiBase: apiUrl, fakeWechat: fakeWechat.url });
      stoppers.push(() => srv.stop());
      return srv.url;
    })();

    const settled = await Promise.allSettled([dataTrack, apiTrack, h5Track]);
    const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (failed) throw failed.reason;
    const tableName = (settled[0] as PromiseFulfilledResult<string>).value;
    const h5Url = (settled[2] as PromiseFulfilledResult<string | null>).value;
    // The every-minute jobs (push sender, notice fan-out), on an interval.
    const jobs = spawnManaged(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'scripts', 'jobs.ts')], {
      name: 'jobs',
      cwd: REPO_ROOT,
      env: { ...process.env, ...env, TABLE_NAME: tableName } as NodeJS.ProcessEnv,
      echo: opts.verbose ? process.stdout : null,
      tailLines: 50,
    });
    stoppers.push(() => jobs.stop(2000));
    log('推送发送与通知分发任务已启动（每 10 秒）');
    timings.total = Date.now() - t0;

    return {
      urls: { h5: h5Url, api: apiUrl, openapi: `${apiUrl}/openapi.json`, fakeWechat: fakeWechat.url, dynamo: dynamoUrl, s3: s3.endpoint },
      ports,
      tableName,
      env: { ...env, TABLE_NAME: tableName },
      fakeWechat,
      timings,
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}

const data_total = (c: { created: number; existing: number }) => c.created + c.existing;

// --- CLI: npm start ----------------------------------------------------------

async function main(): Promise<void> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const argv = process.argv.slice(2);
  const flag = (f: string) => argv.includes(`--${f}`);
  const out = (s: string) => process.stdout.write(`${s}\n`);
  try {
    ensureJava();
  } catch (err) {
    if (err instanceof JavaMissingError) {
      console.error(`\n✖ ${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }

  out('办事（Banshi）本地环境启动中…');
  let stack: Stack | undefined;
  let stopping = 0;
  const shutdown = async (sig: string) => {
    if (stopping) {
      // npm and tsx relay the terminal's Ctrl-C too: repeats within 3 s are the same
      // Ctrl-C. A later one means "stop waiting".
      if (Date.now() - stopping < 3000) return;
      out('强制停止…');
      await killAllAndReap();
      process.exit(130);
    }
    stopping = Date.now();
    out(`\n收到 ${sig}，正在停止所有服务…`);
    if (stack) await stack.stop();
    await killAllAndReap();
    out('已全部停止。');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGHUP', () => void shutdown('SIGHUP'));

  try {
    stack = await startStack({
      buildH5: !flag('no-h5'),
      inMemory: flag('in-memory'),
      resetSeed: flag('reset'),
      verbose: flag('verbose'),
      logLevel: flag('verbose') ? 'info' : 'warn',
      log: (l) => out(`  · ${l}`),
    });
  } catch (err) {
    console.error(`\n✖ 启动失败：${(err as Error).message}`);
    await killAllAndReap();
    process.exit(1);
  }
  if (stopping) return;

  const { staff, residents, DEMO_PASSWORD } = await import('./seed/data');
  const { STAFF_ROLE_LABELS } = await import('../shared/enums');
  const { urls, timings } = stack;
  const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - [...s].reduce((w, c) => w + (c.charCodeAt(0) > 0xff ? 2 : 1), 0)));
  out('');
  out('════════════════ 办事（Banshi）本地环境已就绪 ════════════════');
  out(`  H5 应用          ${urls.h5 ? `${urls.h5}/` : '（未提供：没有 H5 构建）'}`);
  out(`  API              ${urls.api}`);
  out(`  OpenAPI 文档     ${urls.openapi}`);
  out(`  假微信接口       ${urls.fakeWechat}   （演示用户 ${urls.fakeWechat}/dev/users）`);
  out(`  DynamoDB Local   ${urls.dynamo}   表 ${stack.tableName}${flag('in-memory') ? '（内存模式）' : '（数据保存在 .data/dynamodb）'}`);
  out(`  本地 S3          ${urls.s3}   桶 ${stack.env.UPLOADS_BUCKET}${flag('in-memory') ? '（临时目录）' : '（照片保存在 .data/s3）'}`);
  out('');
  out(`  工作人员登录（密码均为 ${DEMO_PASSWORD}）：`);
  for (const s of staff) out(`    ${pad(s.username, 16)} ${pad(STAFF_ROLE_LABELS[s.role], 12)} ${s.name}  ${s.duties.split('：')[0]}`);
  out('');
  out('  演示居民（H5 登录页选择）：');
  for (const r of residents) out(`    ${pad(r.openid, 20)} ${r.label}`);
  out('');
  const t = (k: string) => (timings[k] !== undefined ? `${(timings[k]! / 1000).toFixed(1)} s` : '—');
  out(
    `  用时：DynamoDB ${t('dynamoStart')} · 建表 ${t('createTables')} · 演示数据 ${t('seed')} · API ${t('offlineStart')} · H5 ${t('h5Build')} · 合计 ${t('total')}`,
  );
  out('  按 Ctrl-C 停止全部服务。');
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
