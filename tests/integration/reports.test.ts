// 民情月报 through the in-process HTTP API on the demo data: roles, bad
// input, the CSV, and the report equal to a recount from the raw demands
// (a test-only Scan), at a cost that does not depend on the demands.
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { seedDemo } from '../../scripts/seed';
import { db, tableName as table } from '../../functions/store/client';
import { shanghaiMonth, previousMonth, villageOfRegion } from '../../functions/domain/monthly-report';
import { shanghaiDate } from '../../functions/domain/calendar';
import type { DemandRecord } from '../../functions/store/demands';
import { useTestTable } from '../support/table';
import { call } from '../support/api';
import type { MonthlyReport } from '../../shared/schemas/reports';
import { residentToken, staffToken } from '../fixtures/world';

const { endpoint, tableName } = useTestTable();
const thisMonth = shanghaiDate().slice(0, 7);
const lastMonth = previousMonth(thisMonth);
let supervisor: string, headMz: string, clerk: string;
let demands: DemandRecord[];

beforeAll(async () => {
  await seedDemo(endpoint, tableName);
  supervisor = await staffToken('xiaoneng', 'supervisor', null);
  headMz = await staffToken('mz-chen', 'dept_head', 'civil-affairs');
  clerk = await staffToken('clerk-mz', 'clerk', 'civil-affairs');
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await db().send(new ScanCommand({ TableName: table(), ExclusiveStartKey: start, FilterExpression: 'sk = :d', ExpressionAttributeValues: { ':d': 'DEMAND' } }));
    items.push(...(out.Items ?? []));
    start = out.LastEvaluatedKey;
  } while (start);
  demands = items as unknown as DemandRecord[];
}, 120_000);

const report = (token: string, month: string) => call('GET', '/admin/reports/monthly', { token, query: { month } });

/** What the counters should say, recounted from the demands themselves. */
function recount(month: string) {
  const filed = demands.filter((d) => shanghaiMonth(d.filedAt) === month);
  const received: Record<string, number> = {};
  const spots: Record<string, number> = {};
  for (const d of filed) {
    const k = `${d.channel}|${d.domain}|${d.grade}|${d.type}`;
    received[k] = (received[k] ?? 0) + 1;
    const v = villageOfRegion(d.regionCode);
    if (v) spots[`${d.domain}|${v}`] = (spots[`${d.domain}|${v}`] ?? 0) + 1;
  }
  // Only the final answer counts (a first "not solved" sends it back to be redone).
  const evals = demands.flatMap((d) => d.evaluations.filter((e) => e.final && !e.isDefault && shanghaiMonth(e.at) === month).map((e) => ({ ...e, dept: d.departmentId })));
  const county = {
    received: filed.length, resolved: evals.filter((e) => e.solved).length, unresolved: evals.filter((e) => !e.solved).length,
    satisfactionRate: evals.length ? Math.round((evals.filter((e) => e.satisfaction !== 'dissatisfied').length / evals.length) * 1000) / 1000 : null,
  };
  const byDept: Record<string, { resolved: number; unresolved: number }> = {};
  for (const e of evals) {
    const r = (byDept[e.dept!] ??= { resolved: 0, unresolved: 0 });
    if (e.solved) r.resolved += 1;
    else r.unresolved += 1;
  }
  return { received, spots, county, byDept };
}

describe('GET /admin/reports/monthly', () => {
  test('the supervisor and admins read it; a department head sees their department and the county; others are refused', async () => {
    expect((await call('GET', '/admin/reports/monthly', { query: { month: thisMonth } })).status).toBe(401);
    expect((await report(clerk, thisMonth)).status).toBe(403);
    expect((await report(supervisor, '2026-13')).status).toBe(400);
    expect((await call('GET', '/admin/reports/monthly', { token: supervisor })).status).toBe(400);
    const head = await report(headMz, lastMonth);
    expect(head.status).toBe(200);
    expect(head.body.units.map((u) => u.id)).toEqual(['civil-affairs']);
    const all = await report(supervisor, lastMonth);
    expect(all.body.county).toEqual(head.body.county);
    expect(all.body.units.length).toBeGreaterThan(1);
  });

  test.each([['this month', thisMonth], ['last month', lastMonth], ['five months ago', previousMonth(previousMonth(previousMonth(previousMonth(lastMonth))))]])(
    'equals a recount from the raw demands (%s)', async (_label, month) => {
      const r = (await report(supervisor, month)).body;
      const want = recount(month);
      expect(want.county.received).toBeGreaterThan(0);
      expect(r.county.current).toMatchObject(want.county);
      const cells: Record<string, number> = {};
      for (const t of r.byType) expect(t.count).toBe(Object.entries(want.received).filter(([k]) => k.endsWith(`|${t.type}`)).reduce((a, [, n]) => a + n, 0));
      for (const c of r.cells) cells[`${c.channel}|${c.domain}|${c.grade}`] = c.count;
      const wantCells: Record<string, number> = {};
      for (const [k, n] of Object.entries(want.received)) {
        const cell = k.split('|').slice(0, 3).join('|');
        wantCells[cell] = (wantCells[cell] ?? 0) + n;
      }
      expect(Object.fromEntries(Object.entries(cells).filter(([, n]) => n > 0))).toEqual(wantCells);
      for (const [dept, figures] of Object.entries(want.byDept)) {
        expect(r.units.find((u) => u.kind === 'department' && u.id === dept)?.current).toMatchObject(figures);
      }
      const top = r.hotSpots[0];
      expect(top!.count).toBe(Math.max(...Object.values(want.spots)));
      expect(want.spots[`${top!.domain}|${top!.villageCode}`]).toBe(top!.count);
    });

  test('compares with last month, carries six months of the three rates, names the hot spot and its change', async () => {
    const r = (await report(supervisor, lastMonth)).body;
    expect(r.previousMonth).toBe(previousMonth(lastMonth));
    expect(r.closed).toBe(true);
    expect(r.trend.map((t) => t.month)).toHaveLength(6);
    expect(r.trend[5]!.month).toBe(lastMonth);
    expect(r.trend.filter((t) => t.received > 0).length).toBeGreaterThanOrEqual(5);
    expect(r.county.previous.received).toBeGreaterThan(0);
    expect(r.county.current.unresolved).toBeGreaterThan(0);
    expect(r.hotSpots[0]).toMatchObject({ domain: 'roads', villageName: '柏林村' });
    expect(r.hotSpots[0]!.change).toBeGreaterThan(0);
    expect(r.units.every((u) => typeof u.current.score === 'number')).toBe(true);
  });

  test('reads the same number of times for a full month as for an empty one', async () => {
    const full = await report(supervisor, lastMonth);
    const empty = await report(supervisor, '2020-01');
    expect(empty.status).toBe(200);
    expect(empty.body.county.current.received).toBe(0);
    expect(Number(full.headers['x-ddb-calls'])).toBe(Number(empty.headers['x-ddb-calls']));
    expect(Number(full.headers['x-ddb-calls'])).toBeLessThanOrEqual(12);
  });
});

describe('concurrent events', () => {
  test('twelve residents filing at once: the counters of the month, the town and the hot spot grow by exactly twelve', async () => {
    const before = (await report(supervisor, thisMonth)).body;
    const spot = (r: MonthlyReport) => r.hotSpots.find((h) => h.domain === 'water' && h.villageCode === '511999103203')?.count ?? 0;
    const tokens = await Promise.all(Array.from({ length: 12 }, (_, i) => residentToken(`r-rush-${i}`)));
    const filed = await Promise.all(tokens.map((token, i) => call('POST', '/demands', {
      token, body: { idempotencyKey: `rush-${i}-key`, type: 'help', domain: 'water', text: '龙泉村自来水停水三天，请尽快恢复供水', place: { regionCode: '511999103203001' }, anonymous: false },
    })));
    expect(filed.every((r) => r.status === 201)).toBe(true);
    const after = (await report(supervisor, thisMonth)).body;
    expect(after.county.current.received - before.county.current.received).toBe(12);
    expect(spot(after) - spot(before)).toBe(12);
    const town = (r: MonthlyReport) => r.units.find((u) => u.kind === 'town' && u.id === '511999103')?.current.received ?? 0;
    expect(town(after) - town(before)).toBe(12);
  });
});

describe('GET /admin/reports/monthly.csv', () => {
  test('every table as CSV, UTF-8 with a BOM, as an attachment', async () => {
    const res = await call('GET', '/admin/reports/monthly.csv', { token: supervisor, query: { month: lastMonth } });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toContain('attachment');
    const text = res.body as string;
    expect(text.charCodeAt(0)).toBe(0xfeff);
    for (const title of ['全县汇总', '按渠道', '按领域', '按等级', '按类型', '渠道×领域×等级', '责任单位', '办件按时办结率', '差评与整改', '热点', '近六个月三率']) {
      expect(text).toContain(title);
    }
    expect(text).toContain('柏林村');
    expect((await call('GET', '/admin/reports/monthly.csv', { token: clerk, query: { month: lastMonth } })).status).toBe(403);
    const bad = await call('GET', '/admin/reports/monthly.csv', { token: supervisor, query: { month: 'x' } });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toEqual(expect.any(String));
  });
});
