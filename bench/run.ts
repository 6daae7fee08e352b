// npm run bench: sizes, cold loads and API latency on the local stack.
// Prints a table and writes bench/results.json (a stable shape, so runs compare).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { measureWeappSizes } from '../scripts/check-size';
import { startStack } from '../scripts/start';

const root = join(__dirname, '..');
const work = join(root, '.tmp', 'bench');
const COLD_RUNS = 10;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** Package every function and time a fresh `require` of each bundle. */
function measureFunctions() {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const out = join(work, 'package');
  execFileSync('npx', ['serverless', 'package', '--package', out], { cwd: root, stdio: 'pipe' });
  const functions: Record<string, { bundleBytes: number; coldLoadMsMedian: number }> = {};
  for (const zip of readdirSync(out).filter((f) => f.endsWith('.zip'))) {
    const name = zip.replace(/\.zip$/, '');
    const dir = join(work, 'fn', name);
    mkdirSync(dir, { recursive: true });
    execFileSync('unzip', ['-q', '-o', join(out, zip), '-d', dir]);
    const js = execFileSync('find', [dir, '-name', '*.js']).toString().trim().split('\n')[0]!;
    const times: number[] = [];
    for (let i = 0; i < COLD_RUNS; i++) {
      const r = spawnSync(process.execPath, ['-e', `const t=process.hrtime.bigint();require(${JSON.stringify(js)});console.log(Number(process.hrtime.bigint()-t)/1e6)`], {
        cwd: root,
        env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', TABLE_NAME: 'bench' },
      });
      if (r.status !== 0) throw new Error(`${name} failed to load: ${r.stderr}`);
      times.push(Number(r.stdout.toString().trim()));
    }
    functions[name] = { bundleBytes: statSync(js).size, coldLoadMsMedian: Number(median(times).toFixed(1)) };
  }
  return functions;
}

async function load(url: string, seconds: number) {
  const r = await autocannon({ url, connections: 8, duration: seconds });
  return { p50Ms: r.latency.p50, p99Ms: r.latency.p99, rps: Math.round(r.requests.average), non2xx: r.non2xx, errors: r.errors };
}

async function measureApi() {
  const stack = await startStack({
    inMemory: true,
    buildH5: false,
    logLevel: 'silent',
    ports: { api: 0, lambda: 0, websocket: 0, fakeWechat: 0, dynamo: 0 },
  });
  try {
    const api: Record<string, { p50Ms: number; p99Ms: number; rps: number; ddbCalls: number }> = {};
    const list = await fetch(`${stack.urls.api}/services`);
    const first = ((await list.json()) as { items: { code: string }[] }).items[0]!.code;
    const targets = { 'GET /services': `${stack.urls.api}/services`, 'GET /services/{code}': `${stack.urls.api}/services/${first}` };
    for (const [route, url] of Object.entries(targets)) {
      await load(url, 3); // warm-up: serverless-offline's first second is slow
      const m = await load(url, 8);
      if (m.non2xx || m.errors) throw new Error(`${route}: ${m.non2xx} non-2xx, ${m.errors} errors`);
      const ddbCalls = Number((await fetch(url)).headers.get('x-ddb-calls'));
      api[route] = { p50Ms: m.p50Ms, p99Ms: m.p99Ms, rps: m.rps, ddbCalls };
    }
    return api;
  } finally {
    await stack.stop();
  }
}

async function main() {
  const weappDir = join(root, 'miniprogram', 'dist', 'weapp');
  if (!existsSync(weappDir)) execFileSync('npm', ['run', 'build:weapp'], { cwd: root, stdio: 'inherit' });
  const weapp = await measureWeappSizes(weappDir);
  const functions = measureFunctions();
  const api = await measureApi();
  const results = { measuredAt: new Date().toISOString(), node: process.version, weapp, functions, api };
  writeFileSync(join(__dirname, 'results.json'), JSON.stringify(results, null, 2) + '\n');

  const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
  console.log('\nweapp');
  console.table({ main: kb(weapp.mainPackageBytes), ...Object.fromEntries(Object.entries(weapp.subpackages).map(([k, v]) => [k, kb(v)])) });
  console.log('functions (minified bundle, cold module load median of %d)', COLD_RUNS);
  console.table(Object.fromEntries(Object.entries(functions).map(([k, v]) => [k, { bundle: kb(v.bundleBytes), coldLoadMs: v.coldLoadMsMedian }])));
  console.log('api (local stack, 8 connections)');
  console.table(api);
  console.log('written bench/results.json');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
