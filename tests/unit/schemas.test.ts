// The contract's shared building blocks: dates on the real calendar, bounded
// numbers, and text that cannot carry control or bidi-spoofing characters.
import {
  DateString, Instant, MonthString, SlotId, Text, TimeOfDay, YearString, parseSlotIdParts, textProblem,
} from '../../shared/schemas/common';
import { ServiceItem, ServiceItemCreate } from '../../shared/schemas/catalog';
import { CloseRequest, PointInput, SlotsQuery } from '../../shared/schemas/appointments';
import { DashboardQuery } from '../../shared/schemas/ratings';
import { CalendarYearParams } from '../../shared/schemas/calendar';
import { UpdateMeRequest } from '../../shared/schemas/auth';
import { StaffActionBody } from '../../shared/schemas/applications';

const ok = (s: { safeParse: (v: unknown) => { success: boolean } }, v: unknown) => s.safeParse(v).success;

describe('dates and times', () => {
  it.each(['2026-02-30', '2026-13-45', '2026-04-31', '0000-00-00', '2025-02-29', '2026-00-10', '2026-1-05', '1999-12-31', ''])(
    'refuses the impossible or unsupported date %s',
    (d) => expect(ok(DateString, d)).toBe(false),
  );
  it.each(['2026-02-28', '2024-02-29', '2026-12-31', '2026-04-30'])('accepts the real date %s', (d) => expect(ok(DateString, d)).toBe(true));

  it('checks times of day, months and years', () => {
    expect(['00:00', '09:30', '23:59'].map((t) => ok(TimeOfDay, t))).toEqual([true, true, true]);
    expect(['24:00', '25:00', '09:60', '9:30', '0930'].map((t) => ok(TimeOfDay, t))).toEqual([false, false, false, false, false]);
    expect(['2026-01', '2026-12'].map((m) => ok(MonthString, m))).toEqual([true, true]);
    expect(['2026-13', '2026-00', '0000-01', '2026-1'].map((m) => ok(MonthString, m))).toEqual([false, false, false, false]);
    expect(ok(YearString, '2027')).toBe(true);
    expect(ok(YearString, '0000')).toBe(false);
    expect(ok(Instant, new Date().toISOString())).toBe(true);
    expect(ok(Instant, '2026-02-30T09:00:00.000Z')).toBe(false);
    expect(ok(Instant, '2026-02-03T25:00:00Z')).toBe(false);
  });

  it('refuses a slot id on a day or time that does not exist', () => {
    expect(ok(SlotId, 'town-centre~2026-03-02~0900')).toBe(true);
    expect(parseSlotIdParts('town-centre~2026-03-02~0900')).toEqual({ placeId: 'town-centre', date: '2026-03-02', start: '09:00' });
    for (const bad of ['place~2026-02-30~0900', 'place~2026-13-45~0900', 'place~0000-00-00~0900', 'place~2026-03-02~2500', 'place~2026-03-02~0960']) {
      expect(ok(SlotId, bad)).toBe(false);
      expect(parseSlotIdParts(bad)).toBeUndefined();
    }
  });

  it('routes every date-like input through the calendar check', () => {
    expect(ok(SlotsQuery, { from: '2026-02-30' })).toBe(false);
    expect(ok(DashboardQuery, { month: '2026-13' })).toBe(false);
    expect(ok(CalendarYearParams, { year: '2026' })).toBe(true);
    expect(ok(PointInput.shape.windows, [{ start: '09:00', end: '24:00', capacity: 5 }])).toBe(false);
  });
});

const service = {
  code: 'TEST-001', name: '测试事项', departmentId: 'rsj', category: 'other', serves: '居民', description: '',
  handlingLevel: 'town', statutoryDays: 10, promisedDays: 5, type: 'promised', materials: [], feeYuan: 0,
  visits: 1, appointment: false, online: false, proxy: false, keywords: [],
};

describe('numbers', () => {
  it('bounds the fee: no 1e21, no negatives, at most fen', () => {
    expect(ok(ServiceItemCreate, { ...service, feeYuan: 12.5 })).toBe(true);
    expect(ok(ServiceItemCreate, { ...service, feeYuan: 1e21 })).toBe(false);
    expect(ok(ServiceItemCreate, { ...service, feeYuan: -1 })).toBe(false);
    expect(ok(ServiceItemCreate, { ...service, feeYuan: 0.001 })).toBe(false);
  });
  it('versions are positive integers', () => {
    expect(ok(StaffActionBody, { action: 'accept', version: 1 })).toBe(true);
    for (const version of [0, -1, 1.5, 1e21]) expect(ok(StaffActionBody, { action: 'accept', version })).toBe(false);
  });
});

describe('text', () => {
  const name = Text(20, { label: '姓名', min: 1 });

  it.each([
    ['NUL', '张\u0000三'],
    ['bell', '张\u0007三'],
    ['DEL', '张\u007f三'],
    ['a C1 control', '张\u0085三'],
    ['a right-to-left override', '\u202E三张'],
    ['a left-to-right embedding', '张\u202A三'],
    ['a first-strong isolate', '张\u2068三'],
    ['a lone high surrogate', '张\uD800三'],
    ['a lone low surrogate', '张\uDC00三'],
    ['a line break in a name', '张\n三'],
  ])('refuses %s', (_what, value) => {
    const r = name.safeParse(value);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toMatch(/^姓名/);
  });

  it('trims, keeps real characters (emoji pairs, CJK) and multiline notes', () => {
    expect(name.parse('  王秀英 ')).toBe('王秀英');
    expect(name.parse('王😀')).toBe('王😀');
    expect(name.safeParse('   ').success).toBe(false);
    expect(Text(100, { multiline: true }).parse('第一行\n第二行')).toBe('第一行\n第二行');
    expect(textProblem('ok\tfine', true)).toBeNull();
  });

  it('applies to names and notes of every schema', () => {
    expect(ok(UpdateMeRequest, { name: '\u202E英秀王' })).toBe(false);
    expect(ok(CloseRequest, { reason: '停电\u0000' })).toBe(false);
    expect(ok(ServiceItemCreate, { ...service, name: '测试\u2066事项' })).toBe(false);
    expect(ok(ServiceItemCreate, { ...service, materials: [{ name: '身份证\u0000', required: true, copies: 1, format: 'original' }] })).toBe(false);
  });

  it('still parses stored text in responses (legacy rows predate the rules)', () => {
    const stored = {
      ...service, name: '旧\u0000事项', description: '\u202E', departmentName: '人社局',
      stats: { concluded: 0, onTimeRate: null, medianDays: null }, version: 1, updatedAt: new Date().toISOString(),
    };
    expect(ok(ServiceItem, stored)).toBe(true);
  });
});
