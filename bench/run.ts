// npm run bench: sizes, cold loads and API latency on the local stack.
// Prints a table and writes bench/results.json (a stable shape, so runs compare).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { measureWeappSizes } from '../scripts/check-size';
import { startStack } from '../scripts/start';
import { measureH5FirstLoad } from './h5-load';
import { DEMO_PASSWORD } from '../scripts/seed/data';
import { createCalendar, shanghaiDate } from '../functions/domain/calendar';

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
  // Packaging needs the stage's secrets; stand-ins do (the bundles never see them).
  const secrets = { JWT_SECRET: 'bench-stand-in-not-a-secret-0000000000', JWT_SECRET_PREVIOUS: '', WECHAT_SECRET: 'bench-stand-in' };
  execFileSync('npx', ['serverless', 'package', '--package', out], { cwd: root, stdio: 'pipe', env: { ...process.env, ...secrets } });
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

async function load(url: string, seconds: number, headers: Record<string, string> = {}) {
  const r = await autocannon({ url, connections: 8, duration: seconds, headers });
  return { p50Ms: r.latency.p50, p99Ms: r.latency.p99, rps: Math.round(r.requests.average), non2xx: r.non2xx, errors: r.errors };
}

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};

async function json(url: string, init: RequestInit = {}, token?: string) {
  const res = await fetch(url, {
    ...init,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
  });
  return { status: res.status, body: (await res.json().catch(() => null)) as any, ddbCalls: Number(res.headers.get('x-ddb-calls')) };
}

/** Residents signed in through the fake WeChat, ten at a time. */
async function signIn(api: string, wechat: string, prefix: string, n: number): Promise<string[]> {
  const tokens: string[] = [];
  for (let i = 0; i < n; i += 10) {
    tokens.push(
      ...(await Promise.all(
        Array.from({ length: Math.min(10, n - i) }, async (_, j) => {
          const { body } = await json(`${wechat}/dev/code`, { method: 'POST', body: JSON.stringify({ openid: `${prefix}-${i + j}` }) });
          return (await json(`${api}/auth/wechat`, { method: 'POST', body: JSON.stringify({ code: body.code }) })).body.token as string;
        }),
      )),
    );
  }
  return tokens;
}

function workingDayAfter(n: number): string {
  const cal = createCalendar();
  const d = new Date(`${shanghaiDate()}T00:00:00Z`);
  for (let found = 0; ; ) {
    d.setUTCDate(d.getUTCDate() + 1);
    const s = d.toISOString().slice(0, 10);
    if (cal.isWorkingDay(s) && ++found === n) return s;
  }
}

/** Booking latency (distinct residents, 4 at a time) and a 120-for-10 contention run. */
async function measureBooking(api: string, wechat: string) {
  const admin = (await json(`${api}/admin/auth/login`, { method: 'POST', body: JSON.stringify({ username: 'admin', password: DEMO_PASSWORD }) })).body.token;
  const date = workingDayAfter(3);
  const roomy = `qs-county-center~${date}~0900`;
  await json(`${api}/admin/slots/${roomy}/capacity`, { method: 'PUT', body: JSON.stringify({ capacity: 200 }) }, admin);
  const tokens = await signIn(api, wechat, 'bench-latency', 200);
  const book = (token: string, slotId: string, i: number) =>
    json(`${api}/appointments`, { method: 'POST', body: JSON.stringify({ slotId, serviceCode: 'QS-GA-001', idempotencyKey: `bench-${date}-${slotId.slice(-4)}-${i}` }) }, token);
  await Promise.all(tokens.slice(0, 8).map((t, i) => book(t, `qs-county-center~${date}~1000`, i))); // warm-up
  const times: number[] = [];
  let next = 0;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < tokens.length) {
        const i = next++;
        const t0 = performance.now();
        const r = await book(tokens[i]!, roomy, i);
        if (r.status !== 201) throw new Error(`booking failed: ${r.status} ${JSON.stringify(r.body)}`);
        times.push(performance.now() - t0);
      }
    }),
  );
  const elapsed = (Date.now() - started) / 1000;
  const probeToken = (await signIn(api, wechat, 'bench-probe', 1))[0]!;
  const probe = await book(probeToken, `qs-county-center~${date}~1100`, 0);

  const seats = 10;
  const attempts = 120;
  const rush = `qs-county-center~${date}~1330`;
  await json(`${api}/admin/slots/${rush}/capacity`, { method: 'PUT', body: JSON.stringify({ capacity: seats }) }, admin);
  const racers = await signIn(api, wechat, 'bench-rush', attempts);
  const results = await Promise.all(racers.map((t, i) => book(t, rush, i)));
  const contention = {
    attempts,
    seats,
    succeeded: results.filter((r) => r.status === 201).length,
    rejected409: results.filter((r) => r.status === 409).length,
    errors5xx: results.filter((r) => r.status >= 500 || r.body?.errorType).length,
  };
  return {
    latency: {
      p50Ms: Number(percentile(times, 50).toFixed(1)),
      p99Ms: Number(percentile(times, 99).toFixed(1)),
      rps: Math.round(tokens.length / elapsed),
      ddbCalls: probe.ddbCalls,
    },
    contention,
  };
}

/** `n` requests, 4 at a time: latencies, bodies and throughput. */
async function run<T>(n: number, one: (i: number) => Promise<{ status: number; body: T; ddbCalls: number }>) {
  const times: number[] = [];
  const bodies: T[] = [];
  let next = 0;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < n) {
        const i = next++;
        const t0 = performance.now();
        const r = await one(i);
        if (r.status >= 300) throw new Error(`failed: ${r.status} ${JSON.stringify(r.body)}`);
        times.push(performance.now() - t0);
        bodies[i] = r.body;
      }
    }),
  );
  return { times, bodies, rps: Math.round(n / ((Date.now() - started) / 1000)) };
}

const stat = (r: { times: number[]; rps: number }, ddbCalls: number) => ({
  p50Ms: Number(percentile(r.times, 50).toFixed(1)),
  p99Ms: Number(percentile(r.times, 99).toFixed(1)),
  rps: r.rps,
  ddbCalls,
});

/** Apply latency (distinct residents) and the first transition (受理) by a clerk, 4 at a time. */
async function measureApplications(api: string, wechat: string) {
  const clerk = (await json(`${api}/admin/auth/login`, { method: 'POST', body: JSON.stringify({ username: 'clerk-mz', password: DEMO_PASSWORD }) })).body.token;
  const tokens = await signIn(api, wechat, 'bench-apply', 100);
  const body = (i: number) => JSON.stringify({ serviceCode: 'QS-MZ-001', idempotencyKey: `bench-apply-${Date.now()}-${i}`, materials: [], proxy: false });
  const applied = await run(tokens.length, (i) => json(`${api}/applications`, { method: 'POST', body: body(i) }, tokens[i]));
  const accepted = await run(tokens.length, (i) =>
    json(`${api}/admin/applications/${(applied.bodies[i] as any).id}/actions`, { method: 'POST', body: JSON.stringify({ action: 'accept', version: 1 }) }, clerk),
  );
  const probeApply = await json(`${api}/applications`, { method: 'POST', body: body(999) }, tokens[0]);
  const probeAct = await json(`${api}/admin/applications/${probeApply.body.id}/actions`, { method: 'POST', body: JSON.stringify({ action: 'accept', version: 1 }) }, clerk);
  // Conclude them, then every applicant rates (one in five badly: each opens a ticket).
  const act = (id: string, action: string, version: number) =>
    json(`${api}/admin/applications/${id}/actions`, { method: 'POST', body: JSON.stringify({ action, version }) }, clerk);
  const reviewed = await run(tokens.length, (i) => act((applied.bodies[i] as any).id, 'review', 2));
  // 办结 also counts the case on its item and invites the applicant to rate it: the heaviest step.
  const approved = await run(tokens.length, (i) => act((reviewed.bodies[i] as any).id, 'approve', 3));
  await act(probeApply.body.id, 'review', 2);
  const probeApprove = await act(probeApply.body.id, 'approve', 3);
  const dims = (n: number) => ({ efficiency: n, attitude: n, service: n, convenience: n });
  const rating = (i: number) => {
    const level = i % 5 === 0 ? 2 : 5;
    return JSON.stringify({
      targetType: 'application', targetId: (applied.bodies[i] as any).id, idempotencyKey: `bench-rate-${Date.now()}-${i}`,
      level, dimensions: dims(level), ...(level === 2 ? { reasons: ['overdue'] } : {}),
    });
  };
  const rated = await run(tokens.length - 1, (i) => json(`${api}/ratings`, { method: 'POST', body: rating(i + 1) }, tokens[i + 1]));
  const probeRate = await json(`${api}/ratings`, { method: 'POST', body: rating(0) }, tokens[0]);
  return {
    'POST /applications': stat(applied, probeApply.ddbCalls),
    'POST /admin/applications/{id}/actions': stat(accepted, probeAct.ddbCalls),
    'POST /admin/applications/{id}/actions (approve)': stat(approved, probeApprove.ddbCalls),
    'POST /ratings': stat(rated, probeRate.ddbCalls),
  };
}

/** The public satisfaction page and the supervisor's dashboard under read load, after the ratings above. */
async function measureSatisfaction(api: string) {
  const supervisor = (await json(`${api}/admin/auth/login`, { method: 'POST', body: JSON.stringify({ username: 'xiaoneng', password: DEMO_PASSWORD }) })).body.token;
  const out: Record<string, { p50Ms: number; p99Ms: number; rps: number; ddbCalls: number }> = {};
  const targets: [string, string, Record<string, string>][] = [
    ['GET /satisfaction', `${api}/satisfaction`, {}],
    ['GET /admin/satisfaction', `${api}/admin/satisfaction`, { authorization: `Bearer ${supervisor}` }],
  ];
  for (const [route, url, headers] of targets) {
    await load(url, 2, headers);
    const m = await load(url, 6, headers);
    if (m.non2xx || m.errors) throw new Error(`${route}: ${m.non2xx} non-2xx, ${m.errors} errors`);
    const ddbCalls = Number((await fetch(url, { headers })).headers.get('x-ddb-calls'));
    out[route] = { p50Ms: m.p50Ms, p99Ms: m.p99Ms, rps: m.rps, ddbCalls };
  }
  return out;
}

/** Demands: filing (distinct residents), the department queue under read load, and a staff step (签收), 4 at a time. */
async function measureDemands(api: string, wechat: string) {
  const clerk = (await json(`${api}/admin/auth/login`, { method: 'POST', body: JSON.stringify({ username: 'clerk-mz', password: DEMO_PASSWORD }) })).body.token;
  const tokens = await signIn(api, wechat, 'bench-demand', 100);
  const body = (i: number) => JSON.stringify({
    idempotencyKey: `bench-demand-${Date.now()}-${i}`, type: 'help', domain: 'civil_affairs', text: '家中老人行动不便，申请上门帮助办理低保年审',
    place: { regionCode: '511999102202002' }, anonymous: i % 3 === 0,
  });
  const act = (id: string, payload: Record<string, unknown>) => json(`${api}/admin/demands/${id}/actions`, { method: 'POST', body: JSON.stringify(payload) }, clerk);
  const filed = await run(tokens.length, (i) => json(`${api}/demands`, { method: 'POST', body: body(i) }, tokens[i]));
  const probeFile = await json(`${api}/demands`, { method: 'POST', body: body(999) }, tokens[0]);
  await run(tokens.length, (i) => act((filed.bodies[i] as any).id, { action: 'dispatch', version: 1, departmentId: 'civil-affairs' }));
  const queueUrl = `${api}/admin/demands?view=queue`;
  const headers = { authorization: `Bearer ${clerk}` };
  await load(queueUrl, 2, headers);
  const queue = await load(queueUrl, 6, headers);
  if (queue.non2xx || queue.errors) throw new Error(`GET /admin/demands: ${queue.non2xx} non-2xx, ${queue.errors} errors`);
  const queueCalls = Number((await fetch(queueUrl, { headers })).headers.get('x-ddb-calls'));
  const signed = await run(tokens.length, (i) => act((filed.bodies[i] as any).id, { action: 'sign', version: 2 }));
  await act(probeFile.body.id, { action: 'dispatch', version: 1, departmentId: 'civil-affairs' });
  const probeSign = await act(probeFile.body.id, { action: 'sign', version: 2 });
  return {
    'POST /demands': stat(filed, probeFile.ddbCalls),
    'GET /admin/demands?view=queue': { p50Ms: queue.p50Ms, p99Ms: queue.p99Ms, rps: queue.rps, ddbCalls: queueCalls },
    'POST /admin/demands/{id}/actions (sign)': stat(signed, probeSign.ddbCalls),
  };
}

/**
 * 民情月报 with the month as it is (1×: the demo demands and the ones filed
 * above) and after filing nine times as many more (10×): the same DynamoDB
 * calls, since the report reads only the running counters.
 */
async function measureMonthlyReport(api: string, wechat: string) {
  const supervisor = (await json(`${api}/admin/auth/login`, { method: 'POST', body: JSON.stringify({ username: 'xiaoneng', password: DEMO_PASSWORD }) })).body.token;
  const headers = { authorization: `Bearer ${supervisor}` };
  const month = shanghaiDate().slice(0, 7);
  const url = `${api}/admin/reports/monthly?month=${month}`;
  const measure = async () => {
    await load(url, 2, headers);
    const m = await load(url, 6, headers);
    if (m.non2xx || m.errors) throw new Error(`GET /admin/reports/monthly: ${m.non2xx} non-2xx, ${m.errors} errors`);
    const res = await fetch(url, { headers });
    const demands = ((await res.json()) as { county: { current: { received: number } } }).county.current.received;
    return { p50Ms: m.p50Ms, p99Ms: m.p99Ms, rps: m.rps, ddbCalls: Number(res.headers.get('x-ddb-calls')), demandsInMonth: demands };
  };
  const once = await measure();
  const more = once.demandsInMonth * 9;
  const tokens = await signIn(api, wechat, 'bench-report', Math.min(100, more));
  await run(more, (i) => json(`${api}/demands`, {
    method: 'POST',
    body: JSON.stringify({
      idempotencyKey: `bench-report-${Date.now()}-${i}`, type: i % 2 ? 'complaint' : 'help', domain: i % 3 ? 'roads' : 'civil_affairs',
      text: '村道路面破损，雨天积水严重，请尽快修补', place: { regionCode: '511999102202002' }, anonymous: false,
    }),
  }, tokens[i % tokens.length]));
  const tenfold = await measure();
  return { 'GET /admin/reports/monthly (1×)': once, 'GET /admin/reports/monthly (10×)': tenfold };
}

/** A fresh in-memory local stack on free ports. */
const benchStack = () =>
  startStack({ inMemory: true, buildH5: false, logLevel: 'silent', ports: { api: 0, lambda: 0, websocket: 0, fakeWechat: 0, dynamo: 0 } });

async function measureApi() {
  const stack = await benchStack();
  try {
    const api: Record<string, { p50Ms: number; p99Ms: number; rps: number; ddbCalls: number; demandsInMonth?: number }> = {};
    const list = await fetch(`${stack.urls.api}/services`);
    const first = ((await list.json()) as { items: { code: string }[] }).items[0]!.code;
    const targets = {
      'GET /services': `${stack.urls.api}/services`,
      'GET /services/{code}': `${stack.urls.api}/services/${first}`,
      'GET /services/{code}/places': `${stack.urls.api}/services/${first}/places?regionCode=511999102201`,
      'GET /places/{placeId}/slots': `${stack.urls.api}/places/qs-county-center/slots?days=14`,
    };
    for (const [route, url] of Object.entries(targets)) {
      await load(url, 3); // warm-up: serverless-offline's first second is slow
      const m = await load(url, 8);
      if (m.non2xx || m.errors) throw new Error(`${route}: ${m.non2xx} non-2xx, ${m.errors} errors`);
      const ddbCalls = Number((await fetch(url)).headers.get('x-ddb-calls'));
      api[route] = { p50Ms: m.p50Ms, p99Ms: m.p99Ms, rps: m.rps, ddbCalls };
    }
    const booking = await measureBooking(stack.urls.api, stack.urls.fakeWechat);
    api['POST /appointments'] = booking.latency;
    Object.assign(api, await measureApplications(stack.urls.api, stack.urls.fakeWechat));
    Object.assign(api, await measureSatisfaction(stack.urls.api));
    Object.assign(api, await measureDemands(stack.urls.api, stack.urls.fakeWechat));
    Object.assign(api, await measureMonthlyReport(stack.urls.api, stack.urls.fakeWechat));
    return { api, booking: { contention: booking.contention } };
  } finally {
    await stack.stop();
  }
}

/** `npm run bench -- --only=applications`: just apply, the case actions and rating on a fresh stack, merged into results.json. */
async function applicationsOnly() {
  const stack = await benchStack();
  try {
    const rows = await measureApplications(stack.urls.api, stack.urls.fakeWechat);
    const file = join(__dirname, 'results.json');
    const results = JSON.parse(readFileSync(file, 'utf8'));
    Object.assign(results.api, rows);
    writeFileSync(file, JSON.stringify(results, null, 2) + '\n');
    console.table(rows);
  } finally {
    await stack.stop();
  }
}

async function main() {
  if (process.argv.includes('--only=applications')) return applicationsOnly();
  const weappDir = join(root, 'miniprogram', 'dist', 'weapp');
  if (!existsSync(weappDir)) execFileSync('npm', ['run', 'build:weapp'], { cwd: root, stdio: 'inherit' });
  const weapp = await measureWeappSizes(weappDir);
  const functions = measureFunctions();
  const { api, booking } = await measureApi();
  const h5Dir = join(root, 'miniprogram', 'dist', 'h5');
  if (!existsSync(join(h5Dir, 'index.html'))) execFileSync('npm', ['run', 'build:h5'], { cwd: root, stdio: 'inherit' });
  const h5FirstLoad = await measureH5FirstLoad(h5Dir);
  const results = { measuredAt: new Date().toISOString(), node: process.version, weapp, functions, api, booking, h5FirstLoad };
  writeFileSync(join(__dirname, 'results.json'), JSON.stringify(results, null, 2) + '\n');

  const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
  console.log('\nweapp');
  console.table({ main: kb(weapp.mainPackageBytes), ...Object.fromEntries(Object.entries(weapp.subpackages).map(([k, v]) => [k, kb(v)])) });
  console.log('functions (minified bundle, cold module load median of %d)', COLD_RUNS);
  console.table(Object.fromEntries(Object.entries(functions).map(([k, v]) => [k, { bundle: kb(v.bundleBytes), coldLoadMs: v.coldLoadMsMedian }])));
  console.log('api (local stack, 8 connections)');
  console.table(api);
  console.log('booking contention (concurrent requests for one slot)');
  console.table(booking.contention);
  console.log('H5 first load at %d kbps / %d ms RTT (median of %d cold loads)', h5FirstLoad.network.kbps, h5FirstLoad.network.rttMs, h5FirstLoad.runs);
  console.table({
    uncompressed: { transfer: kb(h5FirstLoad.uncompressed.transferBytes), timeToContentMs: h5FirstLoad.uncompressed.timeToContentMs },
    'gzip/brotli': { transfer: kb(h5FirstLoad.compressed.transferBytes), timeToContentMs: h5FirstLoad.compressed.timeToContentMs },
  });
  console.log('written bench/results.json');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
