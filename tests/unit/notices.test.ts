// Targeting (current or hometown region, ancestors, tags, age), ages from ID numbers, proactive rules.
import { NOTICE_KIND_LABELS } from '../../shared/schemas/notices';
import { fieldErrors } from '../../functions/domain/outbox';
import { memberQueries, nextNoticeStatus, noticeMessage } from '../../functions/domain/notices';
import { ageOn, ageWarning, ancestorsOf, birthDateFromIdNumber, birthDateOf, firedRules, matchesTarget, PROACTIVE_RULES, proactiveKey, type Audience, type NoticeTarget } from '../../functions/domain/notices';

const COUNTY = '511999';
const GAOTAN = '511999103';
const BAIYAN = '511999103002';
const XIANGYANG = '511999104';
const today = '2026-12-01';

const target = (t: Partial<NoticeTarget> = {}): NoticeTarget => ({ regionCodes: [GAOTAN], tags: [], minAge: null, maxAge: null, ...t });
const person = (p: Partial<Audience> = {}): Audience => ({ currentRegionCode: null, hometownRegionCode: null, tags: [], birthDate: null, ...p });

describe('targeting', () => {
  it('ancestors of a group code, county first', () => {
    expect(ancestorsOf('511999103002003')).toEqual([COUNTY, GAOTAN, BAIYAN, '511999103002003']);
  });
  it('a migrant worker living outside the county is reached through the hometown', () => {
    expect(matchesTarget(target(), person({ hometownRegionCode: `${BAIYAN}003` }), today)).toBe(true);
  });
  it('current region counts as well; another town does not', () => {
    expect(matchesTarget(target(), person({ currentRegionCode: BAIYAN }), today)).toBe(true);
    expect(matchesTarget(target(), person({ currentRegionCode: XIANGYANG }), today)).toBe(false);
    expect(matchesTarget(target({ regionCodes: [XIANGYANG, GAOTAN] }), person({ currentRegionCode: XIANGYANG }), today)).toBe(true);
  });
  it('a county-wide notice reaches everyone with a county region; no region, no notice', () => {
    expect(matchesTarget(target({ regionCodes: [COUNTY] }), person({ currentRegionCode: XIANGYANG }), today)).toBe(true);
    expect(matchesTarget(target({ regionCodes: [COUNTY] }), person(), today)).toBe(false);
  });
  it('a village notice does not reach the whole town', () => {
    expect(matchesTarget(target({ regionCodes: [BAIYAN] }), person({ currentRegionCode: GAOTAN }), today)).toBe(false);
  });
  it('tags: any of them', () => {
    const t = target({ tags: ['migrant_worker', 'elderly'] });
    expect(matchesTarget(t, person({ hometownRegionCode: BAIYAN, tags: ['elderly'] }), today)).toBe(true);
    expect(matchesTarget(t, person({ hometownRegionCode: BAIYAN, tags: ['low_income'] }), today)).toBe(false);
  });
  it('age range, inclusive; unknown age never matches a range', () => {
    const t = target({ minAge: 60, maxAge: 79 });
    expect(matchesTarget(t, person({ currentRegionCode: GAOTAN, birthDate: '1946-12-01' }), today)).toBe(false); // 80 today
    expect(matchesTarget(t, person({ currentRegionCode: GAOTAN, birthDate: '1946-12-02' }), today)).toBe(true); // 79
    expect(matchesTarget(t, person({ currentRegionCode: GAOTAN, birthDate: '1966-12-02' }), today)).toBe(false); // 59
    expect(matchesTarget(t, person({ currentRegionCode: GAOTAN }), today)).toBe(false);
  });
});

describe('age', () => {
  it('from an 18-digit ID number with a valid check digit', () => {
    expect(birthDateFromIdNumber('11010519491231002X')).toBe('1949-12-31');
    expect(birthDateFromIdNumber('110105194912310021')).toBeNull(); // wrong check digit
    expect(birthDateFromIdNumber('110105194902300020')).toBeNull(); // 30 February
  });
  it('the profile wins over the ID number', () => {
    expect(birthDateOf({ birthDate: '1950-01-01', idNumber: '11010519491231002X' })).toBe('1950-01-01');
    expect(birthDateOf({ idNumber: '11010519491231002X' })).toBe('1949-12-31');
  });
  it('whole years, the birthday itself included', () => {
    expect(ageOn('1956-12-01', today)).toBe(70);
    expect(ageOn('1956-12-02', today)).toBe(69);
  });
  it('the item page warns without blocking', () => {
    expect(ageWarning('1954-06-01', today, { minAge: 80, maxAge: null })).toContain('72周岁');
    expect(ageWarning('1940-06-01', today, { minAge: 80, maxAge: null })).toBeNull();
    expect(ageWarning(null, today, { minAge: 80, maxAge: null })).toBeNull();
  });
});

describe('proactive rules', () => {
  const subject = (birthDate: string | null, expiries: Record<string, string> = {}) => ({ residentId: 'r1', birthDate, expiries });
  it('turning 70 this month: 老年人优待证; turning 80: 高龄津贴 with the item to apply for', () => {
    expect(firedRules(subject('1956-12-25'), today).map((f) => f.rule.id)).toEqual(['elder-card-70']);
    const eighty = firedRules(subject('1946-12-31'), today);
    expect(eighty.map((f) => f.rule.id)).toEqual(['high-age-allowance-80']);
    expect(eighty[0]!.rule.serviceCode).toBe('QS-MZ-004');
    expect(firedRules(subject('1956-11-30'), today)).toEqual([]);
  });
  it('a certificate expiring within 30 days', () => {
    expect(firedRules(subject(null, { elder_card: '2026-12-31' }), today).map((f) => f.rule.id)).toEqual(['elder-card-renewal']);
    expect(firedRules(subject(null, { elder_card: '2027-01-01' }), today)).toEqual([]);
    expect(firedRules(subject(null, { elder_card: '2026-11-30' }), today)).toEqual([]);
  });
  it('one key per rule per person per year, whatever day the job reruns', () => {
    expect(proactiveKey('elder-card-70', 'r1', '2026-12-01')).toBe(proactiveKey('elder-card-70', 'r1', '2026-12-31'));
    expect(proactiveKey('elder-card-70', 'r1', '2026-12-01')).not.toBe(proactiveKey('elder-card-70', 'r1', '2027-01-01'));
  });
  it('rules are data, each with a title that fits a push', () => {
    for (const r of PROACTIVE_RULES) expect([...r.title].length).toBeLessThanOrEqual(20);
  });
});

describe('notice lifecycle and fan-out plan', () => {
  it('draft → published → withdrawn, nothing else', () => {
    expect(nextNoticeStatus('draft', 'publish')).toBe('published');
    expect(nextNoticeStatus('draft', 'edit')).toBe('draft');
    expect(nextNoticeStatus('published', 'withdraw')).toBe('withdrawn');
    expect(nextNoticeStatus('published', 'edit')).toBeNull();
    expect(nextNoticeStatus('withdrawn', 'publish')).toBeNull();
  });
  it('one Query per town subtree; the county adds every town; nested targets are paged once', () => {
    const towns = [GAOTAN, XIANGYANG];
    expect(memberQueries([BAIYAN], towns)).toEqual([{ partition: GAOTAN, prefix: BAIYAN }]);
    expect(memberQueries([GAOTAN, BAIYAN], towns)).toEqual([{ partition: GAOTAN, prefix: GAOTAN }]);
    expect(memberQueries([COUNTY, GAOTAN], towns)).toEqual([
      { partition: COUNTY, prefix: COUNTY },
      { partition: GAOTAN, prefix: GAOTAN },
      { partition: XIANGYANG, prefix: XIANGYANG },
    ]);
  });
  it('a notice push fits its template whatever the title; it expires after its last day in Shanghai', () => {
    for (const kind of ['policy', 'legal', 'hometown', 'reminder'] as const) {
      const m = noticeMessage({ id: 'n1', kind, title: '关于做好2026年度城乡居民医疗保险参保缴费工作的通知', body: '正文', publishedAt: '2026-11-30T17:00:00.000Z', expiresOn: '2026-12-31' }, 'r1', NOTICE_KIND_LABELS[kind]);
      expect(fieldErrors('notice', m.data)).toEqual([]);
      expect(m.data.date3).toBe('2026-12-01');
      expect(m.expiresAt).toBe('2026-12-31T16:00:00.000Z');
      expect(m.id).toBe('notice-n1-r1');
    }
  });
});
