// Size gate for the weapp build: asks WeChat's own `miniprogram-ci`
// (`checkCodeQuality`, offline) how big the main package and each subpackage
// are, prints them and fails when the main package exceeds the budget.
//
//   npx tsx scripts/check-size.ts          (after `npm run build:weapp`)
//
// `measureWeappSizes()` is exported for the bench.
import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** The project's budget for the main package (WeChat's hard limit is 2 MB). */
export const MAIN_PACKAGE_BUDGET_BYTES = 700 * 1024; // 716800

export const DEFAULT_WEAPP_DIR = path.resolve(__dirname, '..', 'miniprogram', 'dist', 'weapp');

export interface WeappSizes {
  mainPackageBytes: number;
  /** Subpackage root (as in app.json, e.g. "packages/service") → bytes. */
  subpackages: Record<string, number>;
  /** Total of all packages. */
  totalBytes: number;
  /** miniprogram-ci's other quality checks: name → passed. */
  checks: Record<string, boolean>;
}

interface QualityResult {
  name: string;
  success: boolean;
  text?: string;
  detail?: unknown;
}

/** A throw-away RSA key: checkCodeQuality never reads it, but Project wants one. */
function writeThrowawayKey(dir: string): string {
  const file = path.join(dir, 'private.key');
  try {
    execFileSync('openssl', ['genrsa', '-out', file, '2048'], { stdio: 'ignore' });
  } catch {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    writeFileSync(file, privateKey.export({ type: 'pkcs1', format: 'pem' }));
  }
  return file;
}

function normaliseRoot(name: string): string {
  return name.replace(/^\/+/, '').replace(/\/+$/, '');
}

export async function measureWeappSizes(weappDir: string = DEFAULT_WEAPP_DIR): Promise<WeappSizes> {
  const appJson = path.join(weappDir, 'app.json');
  if (!existsSync(appJson)) {
    throw new Error(`No weapp build at ${weappDir} (app.json missing): run \`npm run build:weapp\` first.`);
  }
  const app = JSON.parse(readFileSync(appJson, 'utf8')) as {
    subPackages?: { root: string }[];
    subpackages?: { root: string }[];
  };
  const roots = (app.subPackages ?? app.subpackages ?? []).map((s) => normaliseRoot(s.root));

  const tmp = mkdtempSync(path.join(tmpdir(), 'banshi-size-'));
  let results: QualityResult[];
  try {
    results = runQualityCheck(weappDir, writeThrowawayKey(tmp));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  const sizeCheck = results.find((r) => r.name === 'PACKAGE_SIZE_LIMIT');
  if (!sizeCheck || !sizeCheck.detail || typeof sizeCheck.detail !== 'object') {
    throw new Error('miniprogram-ci did not report package sizes (PACKAGE_SIZE_LIMIT missing)');
  }
  // e.g. { "__APP__": 385829, "packages/profile/": 12264, "workbench/": 7152 }
  const detail = sizeCheck.detail as Record<string, number>;
  if (typeof detail.__APP__ !== 'number') {
    throw new Error(`Cannot find the main package (__APP__) in miniprogram-ci's report: ${JSON.stringify(detail)}`);
  }
  const mainPackageBytes = detail.__APP__;
  const subpackages: Record<string, number> = {};
  for (const root of roots) subpackages[root] = 0;
  for (const [name, bytes] of Object.entries(detail)) {
    if (name !== '__APP__' && name !== '__FULL__') subpackages[normaliseRoot(name)] = bytes;
  }
  const totalBytes = mainPackageBytes + Object.values(subpackages).reduce((a, b) => a + b, 0);
  const checks: Record<string, boolean> = {};
  for (const r of results) checks[r.name] = r.success;
  return { mainPackageBytes, subpackages, totalBytes, checks };
}

/**
 * miniprogram-ci leaves a file watcher running after checkCodeQuality, which
 * keeps any process alive: run it in a child Node process that exits.
 */
function runQualityCheck(projectPath: string, privateKeyPath: string): QualityResult[] {
  const marker = '@@BANSHI_SIZE@@';
  const child = `
    const ci = require(${JSON.stringify(require.resolve('miniprogram-ci'))});
    const project = new ci.Project({
      appid: 'wx0000000000000000', type: 'miniProgram',
      projectPath: ${JSON.stringify(projectPath)}, privateKeyPath: ${JSON.stringify(privateKeyPath)},
    });
    ci.checkCodeQuality(project).then(
      (r) => { process.stdout.write('\\n${marker}' + JSON.stringify(r) + '\\n', () => process.exit(0)); },
      (e) => { console.error(e && e.stack || e); process.exit(1); },
    );`;
  const out = execFileSync(process.execPath, ['-e', child], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 120_000,
    maxBuffer: 16 * 1024 * 1024,
  });
  const line = out.split('\n').find((l) => l.startsWith(marker));
  if (!line) throw new Error(`miniprogram-ci printed no result:\n${out}`);
  return JSON.parse(line.slice(marker.length)) as QualityResult[];
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

async function main(): Promise<void> {
  const dir = process.argv[2] ? path.resolve(process.argv[2]) : DEFAULT_WEAPP_DIR;
  let sizes: WeappSizes;
  try {
    sizes = await measureWeappSizes(dir);
  } catch (e) {
    console.error(`check-size: ${(e as Error).message}`);
    process.exit(2);
  }
  const rows: [string, number][] = [
    ['main package', sizes.mainPackageBytes],
    ...Object.entries(sizes.subpackages).map(([root, b]): [string, number] => [`subpackage ${root}`, b]),
    ['total', sizes.totalBytes],
  ];
  const width = Math.max(...rows.map(([n]) => n.length));
  console.log(`weapp package sizes (as WeChat counts them) for ${path.relative(process.cwd(), dir) || dir}`);
  for (const [name, bytes] of rows) console.log(`  ${name.padEnd(width)}  ${String(bytes).padStart(8)} B  ${kb(bytes).padStart(9)}`);
  const failed = Object.entries(sizes.checks).filter(([, ok]) => !ok).map(([n]) => n);
  if (failed.length) console.log(`  (miniprogram-ci quality notes: ${failed.join(', ')})`);

  const budget = MAIN_PACKAGE_BUDGET_BYTES;
  if (sizes.mainPackageBytes > budget) {
    console.error(`FAIL: main package ${kb(sizes.mainPackageBytes)} exceeds the ${kb(budget)} budget (${sizes.mainPackageBytes} > ${budget} B)`);
    process.exit(1);
  }
  console.log(`OK: main package ${kb(sizes.mainPackageBytes)} ≤ ${kb(budget)} budget (${((100 * sizes.mainPackageBytes) / budget).toFixed(0)}%)`);
}

// Run only when executed directly (not when the bench imports it).
if (require.main === module) {
  void main();
}
