// The demo data is the demo: it must parse with the API's own schemas and hold
// together (every reference resolves), and reflect the county practices the
// product is built on (delegated items, roving days, paired cadres).
import { RESIDENT_TAGS, STAFF_ROLES } from '../../shared/enums';
import { demoResidentId, validateSeedData } from '../../scripts/seed';
import { departments, leaders, regions, residents, rovingDays, servicePoints, services, staff } from '../../scripts/seed/data';
import { backupPairs, receptionDates, receptionSeeds } from '../../scripts/seed/posts';
import { backupErrors } from '../../functions/domain/posts';
import { createCalendar } from '../../functions/domain/calendar';

const regionByCode = new Map(regions.map((r) => [r.code, r]));
const deptIds = new Set(departments.map((d) => d.id));
const codes = new Set(services.map((s) => s.code));

describe('demo seed data', () => {
  it('parses with the shared API schemas', () => {
    expect(() => validateSeedData()).not.toThrow();
  });

  it('is one county → ≥3 towns → ≥2 villages each → ≥2 groups each, with national-style codes', () => {
    const county = regions.filter((r) => r.level === 'county');
    expect(county).toEqual([{ code: '511999', name: '青山县', level: 'county', parentCode: null }]);
    const towns = regions.filter((r) => r.level === 'town');
    expect(towns.length).toBeGreaterThanOrEqual(3);
    for (const town of towns) {
      expect(town.code).toMatch(/^511999\d{3}$/);
      const villages = regions.filter((r) => r.parentCode === town.code);
      expect(villages.length).toBeGreaterThanOrEqual(2);
      for (const v of villages) {
        expect(v.level).toBe('village');
        expect(v.code).toMatch(new RegExp(`^${town.code}\\d{3}$`));
        const groups = regions.filter((r) => r.parentCode === v.code);
        expect(groups.length).toBeGreaterThanOrEqual(2);
        for (const g of groups) {
          expect(g.level).toBe('group');
          expect(g.code).toMatch(new RegExp(`^${v.code}\\d{3}$`));
        }
      }
    }
    expect(new Set(regions.map((r) => r.code)).size).toBe(regions.length);
  });

  it('states the age condition of the items that have one (the item page warns outside it)', () => {
    const age = (code: string) => {
      const s = services.find((x) => x.code === code);
      return s && { name: s.name, minAge: s.minAge ?? null, maxAge: s.maxAge ?? null };
    };
    expect(age('QS-MZ-004')).toEqual({ name: '高龄津贴申领', minAge: 80, maxAge: null });
    expect(age('QS-WJ-001')).toEqual({ name: '老年人优待证办理', minAge: 60, maxAge: null });
    expect(age('QS-RS-002')).toMatchObject({ minAge: 60 });
    // Every stated minimum appears in the item's own 服务对象 text, so the two never disagree.
    for (const s of services.filter((x) => x.minAge != null)) expect(s.serves).toContain(`${s.minAge}周岁`);
  });

  it('has ≥22 service items with unique codes, real limits and full materials lists', () => {
    expect(services.length).toBeGreaterThanOrEqual(22);
    expect(codes.size).toBe(services.length);
    for (const s of services) {
      expect(deptIds.has(s.departmentId)).toBe(true);
      expect(s.promisedDays).toBeLessThanOrEqual(s.statutoryDays);
      if (s.statutoryDays > 0) expect(s.promisedDays).toBeLessThan(s.statutoryDays);
      if (s.type === 'instant') expect(s.promisedDays).toBe(0);
      else expect(s.promisedDays).toBeGreaterThan(0);
      expect(s.materials.length).toBeGreaterThanOrEqual(2);
      expect(s.materials.some((m) => m.required)).toBe(true);
      expect(s.basis).toMatch(/《.+》/);
      expect(s.keywords.length).toBeGreaterThan(0);
      expect(s.serves.length).toBeGreaterThan(4);
    }
  });

  it('delegates many items down to towns, villages and a few to village groups (绥江 三务三办)', () => {
    const byLevel = (l: string) => services.filter((s) => s.handlingLevel === l).length;
    expect(byLevel('town')).toBeGreaterThanOrEqual(8);
    expect(byLevel('village')).toBeGreaterThanOrEqual(4);
    expect(byLevel('group')).toBeGreaterThanOrEqual(1);
    expect(services.filter((s) => s.proxy).length).toBeGreaterThan(services.length / 2);
    expect(services.some((s) => s.type === 'instant')).toBe(true);
    expect(services.find((s) => s.name === '居民身份证换领')?.feeYuan).toBe(20);
  });

  it('has service points at every level, offering only items that can be handled there', () => {
    const rank = { county: 0, town: 1, village: 2, group: 3 } as const;
    for (const level of ['county', 'town', 'village'] as const) expect(servicePoints.some((p) => p.level === level)).toBe(true);
    for (const town of regions.filter((r) => r.level === 'town')) {
      expect(servicePoints.some((p) => p.level === 'town' && p.regionCode === town.code)).toBe(true);
    }
    for (const p of servicePoints) {
      expect(regionByCode.get(p.regionCode)?.level).toBe(p.level);
      expect(p.serviceCodes.length).toBeGreaterThan(0);
      for (const code of p.serviceCodes) {
        const item = services.find((s) => s.code === code)!;
        expect(rank[item.handlingLevel]).toBeGreaterThanOrEqual(rank[p.level]);
      }
    }
  });

  it('has roving office days of county departments in towns, on an nth-weekday rule', () => {
    expect(rovingDays.length).toBeGreaterThan(0);
    for (const r of rovingDays) {
      expect(deptIds.has(r.departmentId)).toBe(true);
      expect(regionByCode.get(r.townCode)?.level).toBe('town');
      expect(r.rule).toMatch(/^nth-weekday:[1-4]:(MON|TUE|WED|THU|FRI|SAT|SUN)$/);
      const [, n, day] = r.rule.split(':');
      const zh = { MON: '一', TUE: '二', WED: '三', THU: '四', FRI: '五', SAT: '六', SUN: '日' }[day!];
      expect(r.label).toBe(`每月第${'一二三四'[Number(n) - 1]}个星期${zh}`);
      expect(r.start < r.end).toBe(true);
    }
  });

  it('has staff of every role, with demo passwords of at least 8 characters', () => {
    for (const role of STAFF_ROLES) expect(staff.some((s) => s.role === role)).toBe(true);
    expect(new Set(staff.map((s) => s.username)).size).toBe(staff.length);
    expect(new Set(staff.filter((s) => s.role === 'dept_head').map((s) => s.departmentId)).size).toBeGreaterThanOrEqual(2);
    expect(staff.some((s) => s.role === 'clerk' && regionByCode.get(s.regionCode)?.level === 'county')).toBe(true);
    expect(staff.some((s) => s.role === 'clerk' && regionByCode.get(s.regionCode)?.level === 'town')).toBe(true);
    for (const s of staff) {
      expect(s.password.length).toBeGreaterThanOrEqual(8);
      expect(regionByCode.has(s.regionCode)).toBe(true);
      if (s.departmentId !== null) expect(deptIds.has(s.departmentId)).toBe(true);
      expect(s.phone).toMatch(/^1[3-9]\d{9}$/);
    }
  });

  it('has the residents the journeys need, each paired with an existing agent', () => {
    const has = (pred: (r: (typeof residents)[number]) => boolean) => expect(residents.some(pred)).toBe(true);
    has((r) => r.elderMode && r.tags.includes('elderly'));
    has((r) => r.tags.includes('migrant_worker') && r.hometownRegionCode !== null);
    has((r) => r.tags.includes('low_income'));
    expect(residents.length).toBeGreaterThanOrEqual(4);
    expect(new Set(residents.map((r) => r.openid)).size).toBe(residents.length);
    for (const r of residents) {
      expect(r.openid).toMatch(/^demo-openid-[a-z]+$/);
      for (const t of r.tags) expect(RESIDENT_TAGS).toContain(t);
      for (const code of [r.currentRegionCode, r.hometownRegionCode]) if (code) expect(regionByCode.has(code)).toBe(true);
      if (r.pairedCadreUsername) expect(staff.find((s) => s.username === r.pairedCadreUsername)?.role).toBe('agent');
      expect(r.phone).toMatch(/^1[3-9]\d{9}$/);
    }
  });

  it('lists county leaders and each town’s secretary and mayor', () => {
    expect(leaders.some((l) => l.title.includes('县长') && l.regionCode === '511999')).toBe(true);
    for (const town of regions.filter((r) => r.level === 'town')) {
      expect(leaders.filter((l) => l.regionCode === town.code).map((l) => l.title)).toEqual(
        expect.arrayContaining([`${town.name}党委书记`, `${town.name}镇长`]),
      );
    }
    expect(new Set(leaders.map((l) => l.id)).size).toBe(leaders.length);
  });

  it('gives each demo resident a stable id', () => {
    expect(demoResidentId('demo-openid-zhang')).toBe(demoResidentId('demo-openid-zhang'));
    expect(demoResidentId('demo-openid-zhang')).not.toBe(demoResidentId('demo-openid-wang'));
    expect(demoResidentId('demo-openid-zhang')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('pairs every window clerk with a backup of the same unit and place (AB岗), and announces three heads\' reception days', () => {
    const byName = new Map(staff.map((s) => [s.username, s]));
    const paired = new Set(backupPairs.flat());
    for (const s of staff.filter((x) => x.role === 'clerk')) expect(paired.has(s.username)).toBe(true);
    for (const [a, b] of backupPairs) expect(backupErrors(byName.get(a)!, b, byName.get(b))).toEqual({});
    for (const r of receptionSeeds) {
      expect(byName.get(r.host)?.role).toBe('dept_head');
      expect(leaders.some((l) => l.id === r.leaderId)).toBe(true);
    }
    const cal = createCalendar();
    // Wednesdays from 2026-12-01: every one a working day the calendar knows.
    expect(receptionDates({ weekday: 3, every: 1 }, '2026-12-01', cal)).toEqual(['2026-12-02', '2026-12-09', '2026-12-16', '2026-12-23', '2026-12-30']);
    expect(receptionDates({ weekday: 5, every: 2 }, '2026-12-01', cal)).toEqual(['2026-12-04', '2026-12-18']);
  });
});
