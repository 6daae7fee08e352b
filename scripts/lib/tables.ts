// Local tables from serverless.yml's own `resources`, so the local schema is the
// deployed schema. `serverless print` costs ~3 s: its output is cached in .tmp/
// keyed by a hash of serverless.yml (and any ${file(...)} it includes).
import { execFile, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import {
  CreateTableCommand,
  DeleteTableCommand,
  DescribeTableCommand,
  ResourceInUseException,
  ResourceNotFoundException,
  UpdateTimeToLiveCommand,
  type CreateTableCommandInput,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { localClient } from './dynamo-local';

export const REPO_ROOT = resolve(__dirname, '../..');
/** Where serverless.yml lives: the repo root unless BANSHI_SERVERLESS_DIR says otherwise. */
export const SERVERLESS_DIR = process.env.BANSHI_SERVERLESS_DIR ? resolve(process.env.BANSHI_SERVERLESS_DIR) : REPO_ROOT;

export interface TableDefinition {
  /** CloudFormation logical id, e.g. `MainTable`. */
  logicalId: string;
  input: CreateTableCommandInput;
  /** TTL attribute from TimeToLiveSpecification, if enabled. */
  ttlAttribute?: string;
}

export interface ReadOptions {
  /** Directory holding serverless.yml (default: the repo root). */
  cwd?: string;
  /** Stage passed to `serverless print` (default: serverless.yml's own default, i.e. dev). */
  stage?: string;
}

function serverlessBin(cwd: string): string {
  const req = createRequire(join(cwd, 'package.json'));
  const pkgPath = req.resolve('serverless/package.json');
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8')) as { bin: Record<string, string> | string };
  const rel = typeof pkg.bin === 'string' ? pkg.bin : (pkg.bin.serverless ?? Object.values(pkg.bin)[0]!);
  return join(dirname(pkgPath), rel);
}

/** Hash of serverless.yml plus the files it pulls in with ${file(...)}. */
function configHash(cwd: string, stage: string | undefined): string {
  const ymlPath = join(cwd, 'serverless.yml');
  if (!existsSync(ymlPath)) throw new Error(`找不到 ${ymlPath}：无法读取表定义`);
  const yml = readFileSync(ymlPath);
  const h = createHash('sha256').update(cwd).update(yml).update(`stage=${stage ?? ''}`);
  for (const m of yml.toString('utf8').matchAll(/\$\{file\(([^)]+)\)/g)) {
    const f = join(cwd, m[1]!.trim().replace(/^['"]|['"]$/g, ''));
    if (existsSync(f)) h.update(f).update(readFileSync(f));
  }
  return h.digest('hex').slice(0, 16);
}

interface PrintJob {
  cacheFile: string;
  cwd: string;
  args: string[];
  env: NodeJS.ProcessEnv;
}

function printJob(opts: ReadOptions): PrintJob & { cached?: Record<string, unknown> } {
  const cwd = opts.cwd ?? SERVERLESS_DIR;
  const hash = configHash(cwd, opts.stage);
  const cacheFile = join(REPO_ROOT, '.tmp', `sls-print-${hash}.json`);
  const args = [serverlessBin(cwd), 'print', '--format', 'json'];
  if (opts.stage) args.push('--stage', opts.stage);
  const env = {
    ...process.env,
    SLS_TELEMETRY_DISABLED: '1',
    SLS_TRACKING_DISABLED: '1',
    SLS_NOTIFICATIONS_MODE: 'off',
    SLS_DEPRECATION_DISABLE: '*',
    CI: process.env.CI ?? 'true',
    // Only the tables are read: stand-ins keep `print` off SSM (no AWS needed)
    // and keep real secrets out of the cache file.
    JWT_SECRET: 'not-used-by-serverless-print',
    JWT_SECRET_PREVIOUS: '',
    WECHAT_SECRET: 'not-used-by-serverless-print',
  };
  if (existsSync(cacheFile)) {
    try {
      return { cacheFile, cwd, args, env, cached: JSON.parse(readFileSync(cacheFile, 'utf8')) as Record<string, unknown> };
    } catch {
      /* a torn cache file: print again */
    }
  }
  return { cacheFile, cwd, args, env };
}

function finishPrint(job: PrintJob, status: number | null, stdout: string, stderr: string): Record<string, unknown> {
  if (status !== 0) throw new Error(`serverless print 失败（退出码 ${status}）：\n${stderr || stdout}`);
  const start = stdout.indexOf('{');
  const end = stdout.lastIndexOf('}');
  if (start < 0 || end < start) throw new Error(`serverless print 没有输出 JSON：\n${stdout}\n${stderr}`);
  const config = JSON.parse(stdout.slice(start, end + 1)) as Record<string, unknown>;
  mkdirSync(dirname(job.cacheFile), { recursive: true });
  const tmp = `${job.cacheFile}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(config));
  renameSync(tmp, job.cacheFile); // atomic: parallel test runs never read half a file
  return config;
}

/** The resolved serverless config (`serverless print --format json`), cached by hash. */
export function printServerlessConfig(opts: ReadOptions = {}): Record<string, unknown> {
  const job = printJob(opts);
  if (job.cached) return job.cached;
  const r = spawnSync(process.execPath, job.args, { cwd: job.cwd, env: job.env, encoding: 'utf8', maxBuffer: 64 << 20, timeout: 120_000 });
  return finishPrint(job, r.status, r.stdout ?? '', r.stderr || r.error?.message || '');
}

/** Same as printServerlessConfig, without blocking the event loop. */
export async function printServerlessConfigAsync(opts: ReadOptions = {}): Promise<Record<string, unknown>> {
  const job = printJob(opts);
  if (job.cached) return job.cached;
  const { status, stdout, stderr } = await new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    execFile(process.execPath, job.args, { cwd: job.cwd, env: job.env, encoding: 'utf8', maxBuffer: 64 << 20, timeout: 120_000 }, (err, stdout, stderr) =>
      resolve({ status: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr: stderr || (err?.message ?? '') }),
    );
  });
  return finishPrint(job, status, stdout, stderr);
}

type Cfn = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function assertString(v: unknown, what: string): string {
  if (typeof v !== 'string') throw new Error(`${what} 不是字符串（未解析的 CloudFormation 函数？）：${JSON.stringify(v)}`);
  return v;
}

/** CreateTable input for a local table from a CloudFormation AWS::DynamoDB::Table resource. */
export function toCreateTableInput(logicalId: string, resource: Cfn): TableDefinition {
  const p: Cfn = resource.Properties ?? {};
  const onDemand = (p.BillingMode ?? 'PROVISIONED') === 'PAY_PER_REQUEST' || !p.ProvisionedThroughput;
  const throughput = (t: Cfn | undefined) =>
    onDemand ? undefined : { ReadCapacityUnits: Number(t?.ReadCapacityUnits ?? 5), WriteCapacityUnits: Number(t?.WriteCapacityUnits ?? 5) };
  const index = (i: Cfn, global: boolean) => ({
    IndexName: assertString(i.IndexName, `${logicalId} index name`),
    KeySchema: i.KeySchema,
    Projection: i.Projection ?? { ProjectionType: 'ALL' },
    ...(global && !onDemand ? { ProvisionedThroughput: throughput(i.ProvisionedThroughput) } : {}),
  });
  // Deliberately dropped for local: PointInTimeRecoverySpecification,
  // DeletionProtectionEnabled, SSESpecification, Tags, ContributorInsights,
  // and the resource's DeletionPolicy/UpdateReplacePolicy (Retain).
  const input: CreateTableCommandInput = {
    TableName: assertString(p.TableName ?? logicalId, `${logicalId}.TableName`),
    AttributeDefinitions: p.AttributeDefinitions,
    KeySchema: p.KeySchema,
    BillingMode: onDemand ? 'PAY_PER_REQUEST' : 'PROVISIONED',
    ...(onDemand ? {} : { ProvisionedThroughput: throughput(p.ProvisionedThroughput) }),
    ...(p.GlobalSecondaryIndexes?.length ? { GlobalSecondaryIndexes: p.GlobalSecondaryIndexes.map((i: Cfn) => index(i, true)) } : {}),
    ...(p.LocalSecondaryIndexes?.length ? { LocalSecondaryIndexes: p.LocalSecondaryIndexes.map((i: Cfn) => index(i, false)) } : {}),
    ...(p.StreamSpecification?.StreamViewType
      ? { StreamSpecification: { StreamEnabled: true, StreamViewType: p.StreamSpecification.StreamViewType } }
      : {}),
  };
  const ttl = p.TimeToLiveSpecification;
  return { logicalId, input, ttlAttribute: ttl?.Enabled ? ttl.AttributeName : undefined };
}

function tablesOf(config: Cfn): TableDefinition[] {
  const resources: Cfn = config.resources?.Resources ?? {};
  const defs = Object.entries(resources)
    .filter(([, r]) => r?.Type === 'AWS::DynamoDB::Table')
    .map(([id, r]) => toCreateTableInput(id, r));
  if (defs.length === 0) throw new Error('serverless.yml 的 resources 中没有 AWS::DynamoDB::Table');
  return defs;
}

/** Every AWS::DynamoDB::Table in serverless.yml's resources, as CreateTable inputs. */
export function readTableDefinitions(opts: ReadOptions = {}): TableDefinition[] {
  return tablesOf(printServerlessConfig(opts) as Cfn);
}

/** Same, without blocking the event loop (first call ~3-5 s, then cached). */
export async function readTableDefinitionsAsync(opts: ReadOptions = {}): Promise<TableDefinition[]> {
  return tablesOf((await printServerlessConfigAsync(opts)) as Cfn);
}

export interface CreateTablesOptions extends ReadOptions {
  /**
   * Create the main table under this name instead (tests: one table per file).
   * Applies to `MainTable`, or to the only table when there is just one.
   */
  tableName?: string;
  /** Definitions already read (skip reading serverless.yml). */
  definitions?: TableDefinition[];
}

async function waitActive(client: DynamoDBClient, name: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const d = await client.send(new DescribeTableCommand({ TableName: name }));
    const gsisReady = (d.Table?.GlobalSecondaryIndexes ?? []).every((g) => !g.IndexStatus || g.IndexStatus === 'ACTIVE');
    if (d.Table?.TableStatus === 'ACTIVE' && gsisReady) return;
    if (Date.now() > deadline) throw new Error(`表 ${name} 在 ${timeoutMs} ms 内未变为 ACTIVE`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function exists(client: DynamoDBClient, name: string): Promise<boolean> {
  try {
    await client.send(new DescribeTableCommand({ TableName: name }));
    return true;
  } catch (err) {
    if (err instanceof ResourceNotFoundException) return false;
    throw err;
  }
}

/** Create the tables of serverless.yml on `endpoint` if missing (idempotent); wait until ACTIVE. Returns the table names. */
export async function createTables(endpoint: string, opts: CreateTablesOptions = {}): Promise<string[]> {
  const defs = opts.definitions ?? readTableDefinitions(opts);
  const client = localClient(endpoint);
  const names: string[] = [];
  try {
    for (const def of defs) {
      const rename = opts.tableName && (def.logicalId === 'MainTable' || defs.length === 1);
      const input = { ...def.input, TableName: rename ? opts.tableName : def.input.TableName };
      const name = input.TableName!;
      names.push(name);
      if (!(await exists(client, name))) {
        try {
          await client.send(new CreateTableCommand(input));
        } catch (err) {
          if (!(err instanceof ResourceInUseException)) throw err; // created concurrently: fine
        }
        if (def.ttlAttribute) {
          await waitActive(client, name);
          await client
            .send(new UpdateTimeToLiveCommand({ TableName: name, TimeToLiveSpecification: { Enabled: true, AttributeName: def.ttlAttribute } }))
            .catch(() => undefined); // best effort: Local may already have it
        }
      }
      await waitActive(client, name);
    }
  } finally {
    client.destroy();
  }
  return names;
}

/** Delete a table (no error if it is already gone). */
export async function deleteTable(endpoint: string, name: string): Promise<void> {
  const client = localClient(endpoint);
  try {
    await client.send(new DeleteTableCommand({ TableName: name }));
  } catch (err) {
    if (!(err instanceof ResourceNotFoundException)) throw err;
  } finally {
    client.destroy();
  }
}
