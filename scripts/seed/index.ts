// The idempotent demo seed: writes ./data through the backend's own store
// functions (functions/store), so seeded items look exactly like items the API
// writes. Run it again and nothing is duplicated; items and accounts changed
// through the app (a service edited by an admin, a resident's own profile, a
// staff account) are left as they are.
//
// CLI: tsx scripts/seed/index.ts [--endpoint http://127.0.0.1:8000] [--table banshi-dev]
import { addCalendarDays, shanghaiDate } from '../../functions/domain/calendar';
import { addMonths } from '../../functions/domain/certificates';
import { PRIVACY_NOTICE } from '../../functions/domain/privacy';
import { createHash } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import * as z from 'zod/mini';
import { ServiceItemCreate, type ServiceItem } from '../../shared/schemas/catalog';
import { Leader } from '../../shared/schemas/contacts';
import { Department, Region } from '../../shared/schemas/regions';
import * as data from './data';

export interface SeedReport {
  regions: number;
  departments: number;
  /** existing: already there; refreshed: existing, unedited (version 1) and updated to the current seed text. */
  services: { created: number; existing: number; refreshed: number };
  servicePoints: number;
  rovingDays: number;
  staff: { created: number; existing: number };
  residents: { created: number; existing: number };
  leaders: number;
  /** Past concluded cases with their ratings. */
  history: { created: number; existing: number; skipped: number };
  /** Demo demands (诉求) across types, channels and states. */
  demands: { created: number; existing: number };
  demandHistory: { created: number; existing: number };
  complaints: { created: number; existing: number };
  /** 包联: households of the demo cadres and their contacts (written once). */
  households: { households: number; contacts: number; existing: boolean };
  /** Service-commitment cards (承诺卡) in two villages. */
  commitments: { created: number; existing: number };
  ms: number;
}

export interface SeedOptions {
  /** Overwrite staff accounts and residents even if they exist (reset the demo). */
  reset?: boolean;
  log?: (line: string) => void;
}

/** A stable resident id per openid (UUID-shaped), so re-seeding finds the same record. */
export function demoResidentId(openid: string): string {
  const h = createHash('sha256').update(`banshi-demo-resident:${openid}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Parse the data with the shared API schemas: a typo fails here, not in the demo. */
export function validateSeedData(): void {
  const parse = <T>(schema: z.ZodMiniType<T>, value: unknown, what: string) => {
    const r = z.safeParse(schema, value);
    if (!r.success) throw new Error(`演示数据无效（${what}）：${JSON.stringify(r.error.issues)}`);
  };
  data.regions.forEach((r) => parse(Region, r, `区划 ${r.code}`));
  data.departments.forEach((d) => parse(Department, d, `部门 ${d.id}`));
  data.services.forEach((s) => parse(ServiceItemCreate, s, `事项 ${s.code}`));
  data.leaders.forEach((l) => parse(Leader, l, `领导 ${l.id}`));
}

async function pool<T>(items: readonly T[], concurrency: number, fn: (item: T, i: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      await fn(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}

/**
 * Seed the demo data into `tableName` on `endpoint`.
 *
 * The store's DynamoDB client is created once per process from the environment,
 * so this sets AWS_ENDPOINT_URL_DYNAMODB/TABLE_NAME (and dummy credentials)
 * before loading it; seed one endpoint per process.
 */
export async function seedDemo(endpoint: string, tableName: string, opts: SeedOptions = {}): Promise<SeedReport> {
  const started = Date.now();
  const log = opts.log ?? (() => undefined);
  validateSeedData();

  process.env.AWS_ENDPOINT_URL_DYNAMODB = endpoint;
  process.env.TABLE_NAME = tableName;
  process.env.AWS_ACCESS_KEY_ID ??= 'local';
  process.env.AWS_SECRET_ACCESS_KEY ??= 'local';
  process.env.AWS_REGION ??= 'cn-northwest-1';
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

  // Loaded only now: the store reads the environment set above.
  const reference = await import('../../functions/store/reference');
  const catalog = await import('../../functions/store/services');
  const points = await import('../../functions/store/points');
  const people = await import('../../functions/store/people');
  const { hashPassword } = await import('../../functions/auth/password');
  const { holdingItem } = await import('../../functions/store/certificates');
  const { transact } = await import('../../functions/store/transact');

  const report: SeedReport = {
    regions: data.regions.length,
    departments: data.departments.length,
    services: { created: 0, existing: 0, refreshed: 0 },
    servicePoints: data.servicePoints.length,
    rovingDays: data.rovingDays.length,
    staff: { created: 0, existing: 0 },
    residents: { created: 0, existing: 0 },
    leaders: data.leaders.length,
    history: { created: 0, existing: 0, skipped: 0 },
    demands: { created: 0, existing: 0 },
    demandHistory: { created: 0, existing: 0 },
    complaints: { created: 0, existing: 0 },
    households: { households: 0, contacts: 0, existing: false },
    commitments: { created: 0, existing: 0 },
    ms: 0,
  };
  const C = 8; // DynamoDB Local with a dbPath manages a few hundred writes/s

  // Reference data: plain puts, overwriting is harmless.
  await pool(data.regions, C, (r) => reference.putRegion(r));
  await pool(data.departments, C, (d) => reference.putDepartment(d));
  await pool(data.leaders, C, (l, i) => reference.putLeader(l, i + 1));
  log(`区划 ${data.regions.length}、部门 ${data.departments.length}、领导 ${data.leaders.length}`);

  // Catalogue: create only; an item edited through the admin API keeps its edits.
  const deptName = new Map(data.departments.map((d) => [d.id, d.name]));
  const now = new Date().toISOString();
  await pool(data.services, C, async (s) => {
    const item: ServiceItem = {
      ...s,
      departmentName: deptName.get(s.departmentId) ?? s.departmentId,
      stats: { concluded: 0, onTimeRate: null, medianDays: null },
      version: 1,
      updatedAt: now,
    };
    if ((await catalog.createService(item)) === 'created') {
      report.services.created += 1;
      return;
    }
    report.services.existing += 1;
    // Never edited through the admin API (still version 1): refresh it to the
    // current seed text, keeping its statistics.
    const current = await catalog.getService(s.code);
    const plain = (v: unknown) => JSON.parse(JSON.stringify(v)) as unknown; // drops undefined fields, as the store does
    if (current?.version === 1 && !isDeepStrictEqual(plain({ ...current, updatedAt: '' }), plain({ ...item, stats: current.stats, updatedAt: '' }))) {
      if ((await catalog.replaceService({ ...item, stats: current.stats }, 1)) === 'updated') report.services.refreshed += 1;
    }
  });
  log(
    `事项 ${data.services.length}（新建 ${report.services.created}，已有 ${report.services.existing}，` +
      `按新版演示数据更新 ${report.services.refreshed}）`,
  );

  await pool(data.servicePoints, C, (p) => points.putServicePoint(p));
  await pool(data.rovingDays, C, (r) => points.putRovingDay(r));
  log(`服务网点 ${data.servicePoints.length}、流动办公日 ${data.rovingDays.length}`);

  // Staff: scrypt per account (~50 ms each); existing accounts are kept unless reset.
  await pool(data.staff, 4, async (s) => {
    if (!opts.reset && (await people.getStaff(s.username))) {
      report.staff.existing += 1;
      return;
    }
    const { password, ...profile } = s;
    await people.putStaff({ ...profile, passwordHash: await hashPassword(password) });
    report.staff.created += 1;
  });
  log(`工作人员 ${data.staff.length}（新建 ${report.staff.created}，已有 ${report.staff.existing}）`);
  const { seedPosts } = await import('./posts');
  const posts = await seedPosts();
  log(`AB岗 ${posts.backups}、领导接待日 ${posts.receptions}、今日不在岗 ${posts.absences}`);

  await pool(data.residents, C, async (r) => {
    if (!opts.reset && (await people.getResidentIdByOpenid(r.openid))) {
      report.residents.existing += 1;
      return;
    }
    const { label: _label, holds = [], ...profile } = r;
    // Demo residents are returning ones who agreed to the current notice; a new WeChat account is asked on first sign-in.
    const privacyConsent = { version: PRIVACY_NOTICE.version, consentedAt: now };
    const id = demoResidentId(r.openid);
    await people.putResidentWithOpenid({ ...profile, privacyConsent, id, createdAt: now, updatedAt: now });
    // What they hold, ending soon enough for `npm run sweep` to remind them.
    const today = shanghaiDate();
    for (const h of holds) {
      const endsOn = addCalendarDays(today, h.endsInDays);
      const grantedOn = addCalendarDays(addMonths(endsOn, -h.validMonths), 1);
      await transact(() => [holdingItem(id, { certificate: h.certificate, grantedOn, endsOn, caseId: `demo-${h.certificate}-${id}` })]);
    }
    report.residents.created += 1;
  });
  log(`演示居民 ${data.residents.length}（新建 ${report.residents.created}，已有 ${report.residents.existing}）`);

  const { seedHistory } = await import('./history');
  report.history = await seedHistory(data.history, demoResidentId);
  log(`历史办件与评价 ${data.history.length}（新建 ${report.history.created}，已有 ${report.history.existing}）`);

  const { demandSeeds, seedDemands } = await import('./demands');
  report.demands = await seedDemands(demandSeeds, demoResidentId);
  log(`演示诉求 ${demandSeeds.length}（新建 ${report.demands.created}，已有 ${report.demands.existing}）`);
  const { demandHistorySeeds } = await import('./demand-history');
  const history = demandHistorySeeds();
  report.demandHistory = await seedDemands(history, demoResidentId);
  log(`诉求历史（近五个月，民情月报用） ${history.length}（新建 ${report.demandHistory.created}，已有 ${report.demandHistory.existing}）`);
  const { seedComplaints } = await import('./complaints');
  report.complaints = await seedComplaints();
  log(`投诉核查（查实有效，问责阶梯与致歉）1（新建 ${report.complaints.created}，已有 ${report.complaints.existing}）`);

  const { cardSeeds, seedCommitments } = await import('./commitments');
  report.commitments = await seedCommitments();
  log(`承诺卡（白岩村、柏林村） ${cardSeeds.length}（新建 ${report.commitments.created}，已有 ${report.commitments.existing}）`);

  const { seedHouseholds } = await import('./households');
  report.households = await seedHouseholds(demoResidentId, opts.reset);
  log(report.households.existing ? '包联户：已有，保留' : `包联户 ${report.households.households}、联系记录 ${report.households.contacts}`);

  report.ms = Date.now() - started;
  return report;
}

// --- CLI ---------------------------------------------------------------------
if (require.main === module) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i >= 0 ? process.argv[i + 1] : undefined;
  };
  const endpoint = arg('endpoint') ?? process.env.AWS_ENDPOINT_URL_DYNAMODB ?? 'http://127.0.0.1:8000';
  const table = arg('table') ?? process.env.TABLE_NAME ?? 'banshi-dev';
  seedDemo(endpoint, table, { reset: process.argv.includes('--reset'), log: (l) => console.log(`  ${l}`) })
    .then((r) => console.log(`演示数据已写入 ${table}（${endpoint}），用时 ${r.ms} ms`))
    .catch((err: unknown) => {
      console.error(err);
      process.exit(1);
    });
}
