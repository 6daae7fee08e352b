// Leaders' reception days: announced dates, their slots, and what staff may set.
import { createCalendar } from '../../functions/domain/calendar';
import { sessionDates } from '../../functions/domain/places';
import { moveErrors, nextReceptionDate, receptionChange, receptionDays, receptionErrors, receptionPlace, type ReceptionShape } from '../../functions/domain/reception';
import { mayManagePlace, maySetReception } from '../../functions/domain/access';

const cal = createCalendar();
const w = (start: string, end: string, capacity = 4) => ({ start, end, capacity });
const reception: ReceptionShape = {
  id: 'mz-chen', name: '陈秀兰', title: '县民政局副局长', departmentId: 'civil-affairs', departmentName: '县民政局', leaderId: null,
  regionCode: '511999', address: '县政务服务中心三楼接待室', dates: ['2026-12-16', '2026-12-02', '2026-12-05'], windows: [w('10:00', '11:00'), w('09:00', '10:00')],
  cutoffMinutes: 120,
};

describe('reception place', () => {
  const place = receptionPlace(reception);
  test('is a county-level place named after the leader, windows in order', () => {
    expect(place).toMatchObject({ id: 'reception-mz-chen', kind: 'reception', name: '县民政局副局长陈秀兰接待日', hours: '09:00—11:00', hostUsername: 'mz-chen' });
    expect(place.windows.map((x) => x.start)).toEqual(['09:00', '10:00']);
  });
  test('sessions are the announced working days in range, in order (Saturday 12-05 left out)', () => {
    expect(sessionDates(place, '2026-12-01', 30, cal)).toEqual(['2026-12-02', '2026-12-16']);
    expect(sessionDates(place, '2026-12-03', 7, cal)).toEqual([]);
  });
  test('the next reception day skips past and non-working days', () => {
    expect(nextReceptionDate(reception.dates, '2026-12-01', cal)).toBe('2026-12-02');
    expect(nextReceptionDate(reception.dates, '2026-12-03', cal)).toBe('2026-12-16');
    expect(nextReceptionDate(reception.dates, '2026-12-17', cal)).toBeNull();
  });
});

describe('receptionErrors', () => {
  test('future working days and fitting windows pass', () => {
    expect(receptionErrors({ dates: ['2026-12-02', '2026-12-16'], windows: [w('09:00', '10:00')] }, '2026-12-01', cal)).toEqual({});
  });
  test('a past day, a holiday or weekend, a repeat, an unpublished year, overlapping windows', () => {
    const errors = receptionErrors(
      { dates: ['2026-11-30', '2026-12-05', '2026-12-02', '2026-12-02', '2031-03-03'], windows: [w('09:00', '10:30'), w('10:00', '11:00')] },
      '2026-12-01',
      cal,
    );
    expect(errors).toEqual({
      'dates.0': '2026-11-30 已经过去',
      'dates.1': '2026-12-05 不是工作日',
      'dates.3': '2026-12-02 重复',
      'dates.4': '2031 年的工作日历尚未发布',
      'windows.1.start': '第2个时段与第1个时段重叠',
    });
  });
});

describe('who runs a reception', () => {
  const place = receptionPlace(reception);
  const staff = (username: string, role: 'dept_head' | 'clerk' | 'admin' | 'supervisor') => ({ username, role, departmentId: 'civil-affairs', regionCode: '511999' });
  test('the leader and admins set the days; another head or a clerk does not', () => {
    expect(maySetReception(staff('mz-chen', 'dept_head'), 'mz-chen')).toBe(true);
    expect(maySetReception(staff('admin', 'admin'), 'mz-chen')).toBe(true);
    expect(maySetReception(staff('rs-liu', 'dept_head'), 'mz-chen')).toBe(false);
    expect(maySetReception(staff('clerk-mz', 'clerk'), 'mz-chen')).toBe(false);
  });
  test('the day list: the leader, supervisors and admins; not the clerks of the county centre', () => {
    expect(mayManagePlace(staff('mz-chen', 'dept_head'), place)).toBe(true);
    expect(mayManagePlace(staff('xiaoneng', 'supervisor'), place)).toBe(true);
    expect(mayManagePlace(staff('clerk-mz', 'clerk'), place)).toBe(false);
    expect(mayManagePlace(staff('rs-liu', 'dept_head'), place)).toBe(false);
  });
});

describe('receptionChange: slots already opened keep their bookings', () => {
  const held = [
    { date: '2026-12-02', start: '09:00', booked: 2, capacity: 4 },
    { date: '2026-12-02', start: '10:00', booked: 0, capacity: 4 },
    { date: '2026-12-16', start: '09:00', booked: 1, capacity: 4 },
  ];
  const dates = ['2026-12-02', '2026-12-16'];
  test('the same days and seats change nothing', () => {
    expect(receptionChange({ dates, windows: [w('09:00', '10:00'), w('10:00', '11:00')] }, held)).toEqual({ seats: [] });
  });
  test('dropping a booked day or window, or fewer seats than booked, is refused', () => {
    expect(receptionChange({ dates: ['2026-12-02'], windows: [w('09:00', '10:00')] }, held)).toEqual({
      refused: '2026-12-16 09:00 已有1人预约，不能取消；请先在预约名单中关闭该时段（系统会通知已预约的群众）',
    });
    expect(receptionChange({ dates, windows: [w('09:30', '10:30')] }, held)).toMatchObject({ refused: expect.stringMatching(/^2026-12-02 09:00 已有2人预约，不能取消/) });
    expect(receptionChange({ dates, windows: [w('09:00', '10:00', 1)] }, held)).toEqual({ refused: '2026-12-02 09:00 已有2人预约，名额不能少于2' });
  });
  test('more seats move every opened slot of the window; an unbooked slot may go', () => {
    expect(receptionChange({ dates, windows: [w('09:00', '10:00', 6)] }, held)).toEqual({
      seats: [{ date: '2026-12-02', start: '09:00', capacity: 6 }, { date: '2026-12-16', start: '09:00', capacity: 6 }],
    });
  });
  test('the days offered are the working days of the next two months, from today', () => {
    const days = receptionDays('2026-12-01', cal);
    expect(days[0]).toBe('2026-12-01');
    expect(days).not.toContain('2026-12-05');
    expect(days.every((d) => d <= '2027-01-30' && Object.keys(receptionErrors({ dates: [d], windows: [w('09:00', '10:00')] }, '2026-12-01', cal)).length === 0)).toBe(true);
  });
});

describe('moving a booking (改约)', () => {
  const atReception = { serviceCode: 'RECEPTION', placeId: 'reception-mz-chen' };
  const atPoint = { serviceCode: 'MZ-002', placeId: 'county-center' };

  it('keeps a reception booking with the same leader, topic restated or not', () => {
    expect(moveErrors(atReception, 'reception-mz-chen')).toEqual({});
    expect(moveErrors(atReception, 'reception-mz-chen', '反映低保评定不公')).toEqual({});
    expect(moveErrors(atReception, 'reception-ga-ma').slotId).toBe('领导接待预约只能改约到同一位领导的其他接待时段');
    expect(moveErrors(atReception, 'county-center').slotId).toBe('领导接待预约只能改约到同一位领导的其他接待时段');
  });

  it('never lands an ordinary booking on a reception, nor gives it a topic', () => {
    expect(moveErrors(atPoint, 'town-center')).toEqual({});
    expect(moveErrors(atPoint, 'reception-mz-chen').slotId).toMatch('领导接待日');
    expect(moveErrors(atPoint, 'town-center', '反映低保评定不公')).toEqual({ topic: '只有领导接待预约需要填写事由' });
  });
});
