import { handledAt, searchCatalog, type SearchableItem } from '../../functions/domain/catalog';

const item = (code: string, name: string, extra: Partial<SearchableItem> = {}): SearchableItem => ({
  code,
  name,
  departmentId: 'civil-affairs',
  departmentName: '县民政局',
  category: 'civil_affairs',
  handlingLevel: 'county',
  keywords: [],
  serves: '本县户籍居民',
  ...extra,
});

const items = [
  item('QS-MZ-001', '最低生活保障申请', { keywords: ['低保'], handlingLevel: 'town' }),
  item('QS-MZ-002', '高龄津贴申领', { keywords: ['老年', '补贴'], handlingLevel: 'village' }),
  item('QS-GA-001', '居民身份证换领', { departmentId: 'public-security', departmentName: '县公安局', category: 'household' }),
  item('QS-RS-001', '城乡居民养老保险参保登记', { departmentId: 'hrss', departmentName: '县人社局', category: 'social_security', handlingLevel: 'group', keywords: ['养老'] }),
];

test('an item delegated to the village can be handled at village, town and county, not in a group', () => {
  expect(handledAt('village', 'county')).toBe(true);
  expect(handledAt('village', 'town')).toBe(true);
  expect(handledAt('village', 'village')).toBe(true);
  expect(handledAt('village', 'group')).toBe(false);
});

test('keyword search matches names first, then keywords, then the department', () => {
  expect(searchCatalog(items, { q: '低保' }).map((i) => i.code)).toEqual(['QS-MZ-001']);
  expect(searchCatalog(items, { q: '养老' }).map((i) => i.code)).toEqual(['QS-RS-001']);
  expect(searchCatalog(items, { q: '公安' }).map((i) => i.code)).toEqual(['QS-GA-001']);
  expect(searchCatalog(items, { q: '补贴 老年' }).map((i) => i.code)).toEqual(['QS-MZ-002']);
  expect(searchCatalog(items, { q: '不存在的事项' })).toEqual([]);
});

test('filters combine: category, department and level', () => {
  expect(searchCatalog(items, { category: 'civil_affairs' }).map((i) => i.code)).toEqual(['QS-MZ-001', 'QS-MZ-002']);
  expect(searchCatalog(items, { departmentId: 'hrss' }).map((i) => i.code)).toEqual(['QS-RS-001']);
  expect(searchCatalog(items, { level: 'village' }).map((i) => i.code).sort()).toEqual(['QS-MZ-002', 'QS-RS-001']);
  expect(searchCatalog(items, { level: 'town', category: 'civil_affairs' }).map((i) => i.code)).toEqual(['QS-MZ-001', 'QS-MZ-002']);
});

test('the most-used come first: in the whole list, in a category, and among equally good keyword matches', () => {
  // 高龄津贴 applied for 120 times, 低保 35, 身份证 booked 80 times, 养老保险 never.
  const used = items.map((i) => ({ ...i, uses: { 'QS-MZ-002': 120, 'QS-MZ-001': 35, 'QS-GA-001': 80 }[i.code] ?? 0 }));
  expect(searchCatalog(used, {}).map((i) => i.code)).toEqual(['QS-MZ-002', 'QS-GA-001', 'QS-MZ-001', 'QS-RS-001']);
  expect(searchCatalog(used, { category: 'civil_affairs' }).map((i) => i.code)).toEqual(['QS-MZ-002', 'QS-MZ-001']);
  // '县' matches every department name equally (4 points): use decides.
  expect(searchCatalog(used, { q: '县' }).map((i) => i.code)).toEqual(['QS-MZ-002', 'QS-GA-001', 'QS-MZ-001', 'QS-RS-001']);
  // A better match still wins over more use: 低保 by name (10) beats nothing else matching.
  expect(searchCatalog(used, { q: '申请' }).map((i) => i.code)).toEqual(['QS-MZ-001']);
});
