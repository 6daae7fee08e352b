// The rules a staff edit of a place must pass before residents see it.
import { pointErrors, rovingErrors, sortByNearness, type KnownReferences } from '../../functions/domain/places';
import { sortWindows, windowErrors } from '../../functions/domain/schedule';

const w = (start: string, end: string) => ({ start, end, capacity: 5 });
const known: KnownReferences = {
  regions: new Map([['511999', 'county'], ['511999101', 'town'], ['511999101201', 'village']]),
  departments: new Set(['civil-affairs']),
  services: new Set(['QS-MZ-001']),
};

describe('windowErrors', () => {
  test('windows that follow one another are fine, in any order', () => {
    expect(windowErrors([w('10:00', '11:00'), w('09:00', '10:00')])).toEqual({});
    expect(sortWindows([w('10:00', '11:00'), w('09:00', '10:00')]).map((x) => x.start)).toEqual(['09:00', '10:00']);
  });
  test('a window must end after it starts', () => {
    expect(windowErrors([w('11:00', '09:00')])).toEqual({ 'windows.0.end': '第1个时段的结束时间应晚于开始时间' });
    expect(Object.keys(windowErrors([w('09:00', '09:00')]))).toEqual(['windows.0.end']);
  });
  test('windows may not overlap or share a start', () => {
    expect(windowErrors([w('09:00', '11:00'), w('10:30', '12:00')])).toEqual({ 'windows.1.start': '第2个时段与第1个时段重叠' });
    expect(Object.keys(windowErrors([w('14:00', '16:00'), w('09:00', '14:30')]))).toEqual(['windows.0.start']);
    expect(Object.keys(windowErrors([w('09:00', '10:00'), w('09:00', '10:00')]))).toEqual(['windows.1.start']);
  });
});

describe('references of a place', () => {
  const point = { level: 'village' as const, regionCode: '511999101201', serviceCodes: ['QS-MZ-001'], windows: [w('09:00', '10:00')] };
  test('a village station in a village, with existing items, passes', () => expect(pointErrors(point, known)).toEqual({}));
  test('a point must sit in an existing region of its own level and offer existing items', () => {
    expect(pointErrors({ ...point, regionCode: '511999101' }, known)).toEqual({ regionCode: '所在区划应为村级区划，511999101 是镇级' });
    expect(pointErrors({ ...point, regionCode: '511999101999' }, known)).toEqual({ regionCode: '所在区划不存在' });
    expect(pointErrors({ ...point, serviceCodes: ['QS-MZ-001', 'QS-XX-404'] }, known)).toEqual({ 'serviceCodes.1': '事项 QS-XX-404 不存在' });
  });
  test('a roving schedule needs an existing department and a town (not a village)', () => {
    const roving = { departmentId: 'civil-affairs', townCode: '511999101', windows: [w('09:00', '12:00')] };
    expect(rovingErrors(roving, known)).toEqual({});
    expect(rovingErrors({ ...roving, townCode: '511999101201' }, known)).toEqual({ townCode: '坐班乡镇应为镇级区划，511999101201 是村级' });
    expect(rovingErrors({ ...roving, townCode: '511999109' }, known)).toEqual({ townCode: '坐班乡镇不存在' });
    expect(rovingErrors({ ...roving, departmentId: 'nope' }, known)).toEqual({ departmentId: '所选部门不存在' });
  });
});

describe('sortByNearness', () => {
  const place = (id: string, name: string, nearness: 'own_village' | 'own_town' | 'county') => ({ id, name, nearness, level: 'county' as const });
  const places = [place('hall', '县政务服务中心', 'county'), place('annex', '县档案馆服务点', 'county'), place('town', '城关镇便民服务中心', 'own_town')];

  test('nearest first; within the same nearness the most booked, then by name', () => {
    expect(sortByNearness(places).map((p) => p.id)).toEqual(['town', 'annex', 'hall']);
    // 42 bookings at the hall, 7 at the annex, 3 in town: the town still comes first (nearer).
    const uses = new Map([['hall', 42], ['annex', 7], ['town', 3]]);
    expect(sortByNearness(places, uses).map((p) => p.id)).toEqual(['town', 'hall', 'annex']);
  });
});
