// AB posts: who serves a window on a day, and who may be a clerk's backup.
import { absenceDays, absenceErrors, backupErrors, coveredBy, postFor, roster, servingLabel, unitOf, whoServes, type PostHolder } from '../../functions/domain/posts';
import { createCalendar } from '../../functions/domain/calendar';
import { mayRunPosts } from '../../functions/domain/access';

const COUNTY = '511999';
const TOWN = '511999103';
const clerk = (username: string, name: string, departmentId: string | null, backupUsername: string | null = null, regionCode = COUNTY): PostHolder => ({
  username, name, role: 'clerk', departmentId, regionCode, backupUsername,
});
const zhao = clerk('clerk-mz', '赵丽', 'civil-affairs', 'clerk-mz2');
const qian = clerk('clerk-mz2', '钱芳', 'civil-affairs', 'clerk-mz');
const sun = clerk('clerk-rs', '孙海燕', 'human-resources', null);
const head: PostHolder = { username: 'mz-chen', name: '陈秀兰', role: 'dept_head', departmentId: 'civil-affairs', regionCode: COUNTY };
const colleagues = [zhao, qian, sun, head];
const none = new Set<string>();

describe('whoServes', () => {
  test('A present: A serves their own post', () => {
    expect(whoServes(zhao, none, colleagues)).toMatchObject({ servedBy: { username: 'clerk-mz' }, via: 'self' });
  });
  test('A absent: B serves', () => {
    expect(whoServes(zhao, new Set(['clerk-mz']), colleagues)).toMatchObject({ servedBy: { username: 'clerk-mz2' }, via: 'backup' });
  });
  test('A and B absent: the head of their department', () => {
    expect(whoServes(zhao, new Set(['clerk-mz', 'clerk-mz2']), colleagues)).toMatchObject({ servedBy: { username: 'mz-chen' }, via: 'head' });
  });
  test('A absent with no backup set: the head', () => {
    const rsHead: PostHolder = { ...head, username: 'rs-liu', name: '刘志强', departmentId: 'human-resources' };
    expect(whoServes(sun, new Set(['clerk-rs']), [...colleagues, rsHead])).toMatchObject({ servedBy: { username: 'rs-liu' }, via: 'head' });
  });
  test('A, B and the head all absent: nobody, and the desk still says where to go', () => {
    const s = whoServes(zhao, new Set(['clerk-mz', 'clerk-mz2', 'mz-chen']), colleagues);
    expect(s).toMatchObject({ servedBy: null, via: 'none' });
    expect(servingLabel(s)).toBe('本窗口今日由中心综合窗口代为受理');
  });
  test('another department\'s head never covers', () => {
    expect(whoServes(sun, new Set(['clerk-rs']), colleagues)).toMatchObject({ servedBy: null, via: 'none' });
  });
  test('labels name who serves and whose post it is', () => {
    expect(servingLabel(whoServes(zhao, none, colleagues))).toBe('赵丽在岗');
    expect(servingLabel(whoServes(zhao, new Set(['clerk-mz']), colleagues))).toBe('钱芳代岗（B岗），赵丽今日不在岗');
  });
});

describe('a place\'s roster', () => {
  const absent = new Set(['clerk-mz']);
  const posts = roster(colleagues, absent);
  test('every clerk\'s post, in username order; heads hold none', () => {
    expect(posts.map((s) => [s.post.username, s.servedBy?.username, s.via])).toEqual([
      ['clerk-mz', 'clerk-mz2', 'backup'],
      ['clerk-mz2', 'clerk-mz2', 'self'],
      ['clerk-rs', 'clerk-rs', 'self'],
    ]);
  });
  test('B covers A\'s post; A covers nothing', () => {
    expect(coveredBy(posts, 'clerk-mz2').map((s) => s.post.username)).toEqual(['clerk-mz']);
    expect(coveredBy(posts, 'clerk-mz')).toEqual([]);
  });
  test('a booking goes to its department\'s window, else the comprehensive window', () => {
    expect(postFor('civil-affairs', posts)?.post.username).toBe('clerk-mz');
    expect(postFor('public-security', posts)).toBeUndefined();
    const town = roster([clerk('clerk-gaotan', '周敏', null, null, TOWN)], none);
    expect(postFor('civil-affairs', town)?.post.username).toBe('clerk-gaotan');
  });
});

describe('backupErrors', () => {
  test('a clerk of the same department is a valid backup; null clears it', () => {
    expect(backupErrors(zhao, 'clerk-mz2', qian)).toEqual({});
    expect(backupErrors(zhao, null, undefined)).toEqual({});
  });
  test('not themselves, not a stranger, not another department, not a head', () => {
    expect(backupErrors(zhao, 'clerk-mz', zhao)).toEqual({ backupUsername: '不能指定本人为自己的B岗' });
    expect(backupErrors(zhao, 'ghost', undefined)).toEqual({ backupUsername: 'B岗人员不存在' });
    expect(backupErrors(zhao, 'clerk-rs', sun).backupUsername).toMatch('同一部门');
    expect(backupErrors(zhao, 'mz-chen', head)).toEqual({ backupUsername: 'B岗应为窗口工作人员' });
    expect(backupErrors(zhao, 'clerk-mz3', clerk('clerk-mz3', '李', 'civil-affairs', null, TOWN))).toEqual({ backupUsername: 'B岗应与本人在同一办理地点' });
  });
  test('town desks: the unit is the town', () => {
    const a = clerk('clerk-gaotan', '周敏', null, null, TOWN);
    const b = clerk('clerk-gaotan2', '郑琳', null, null, TOWN);
    expect(unitOf(a)).toBe(`TOWN#${TOWN}`);
    expect(backupErrors(a, 'clerk-gaotan2', b)).toEqual({});
    expect(backupErrors(a, 'clerk-x', clerk('clerk-x', '某', null, null, '511999102')).backupUsername).toMatch('同一部门');
  });
});

describe('who runs a post', () => {
  test('the head of the clerk\'s department or an admin; not a clerk, not another head', () => {
    expect(mayRunPosts({ role: 'dept_head', departmentId: 'civil-affairs' }, zhao)).toBe(true);
    expect(mayRunPosts({ role: 'admin', departmentId: null }, zhao)).toBe(true);
    expect(mayRunPosts({ role: 'dept_head', departmentId: 'human-resources' }, zhao)).toBe(false);
    expect(mayRunPosts({ role: 'clerk', departmentId: 'civil-affairs' }, zhao)).toBe(false);
    expect(mayRunPosts({ role: 'dept_head', departmentId: null }, clerk('t', '周', null))).toBe(false);
  });
});

describe('absenceErrors: the day an absence is marked for', () => {
  const cal = createCalendar();
  // 2026-12-01 is a Tuesday; 12-05 a Saturday; 12-31 is 30 days on.
  test('today and working days up to 30 days ahead pass', () => {
    expect(absenceErrors('2026-12-01', '2026-12-01', cal)).toEqual({});
    expect(absenceErrors('2026-12-02', '2026-12-01', cal)).toEqual({});
    expect(absenceErrors('2026-12-31', '2026-12-01', cal)).toEqual({});
  });
  test('a past day, a later weekend, beyond 30 days and an unpublished year are refused in Chinese', () => {
    expect(absenceErrors('2026-11-30', '2026-12-01', cal)).toEqual({ date: '不能登记已经过去的日期' });
    expect(absenceErrors('2026-12-05', '2026-12-01', cal)).toEqual({ date: '2026-12-05 不是工作日' });
    expect(absenceErrors('2027-01-01', '2026-12-01', cal)).toEqual({ date: '只能登记30天以内的不在岗' });
    expect(absenceErrors('2031-01-06', '2030-12-20', cal)).toEqual({ date: '2031 年的工作日历尚未发布' });
  });
  test('today passes even on a weekend: the hall is open if someone is at the window', () => {
    expect(absenceErrors('2026-12-05', '2026-12-05', cal)).toEqual({});
  });
  test('the days offered are today, then the working days of the next 30', () => {
    const days = absenceDays('2026-12-01', cal);
    expect(days.slice(0, 4)).toEqual(['2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04']);
    expect(days).not.toContain('2026-12-05');
    expect(days.at(-1)).toBe('2026-12-31');
    expect(days.every((d) => Object.keys(absenceErrors(d, '2026-12-01', cal)).length === 0)).toBe(true);
    expect(absenceDays('2026-12-05', cal).slice(0, 2)).toEqual(['2026-12-05', '2026-12-07']);
  });
});
