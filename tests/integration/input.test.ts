// Bad input from outside is refused with a 400 (or 415) in Chinese, never a
// 500, and nothing is written: impossible dates, unbounded numbers, references
// to things that do not exist, spoofing characters, bodies that are not JSON.
import { useTestTable } from '../support/table';
import { call, type ApiResponse } from '../support/api';
import { OTHER_TOWN, residentToken, seedReference, serviceInput, staffToken, TOWN, VILLAGE } from '../fixtures/world';
import { shanghaiDate } from '../../functions/domain/calendar';
import { getRovingDay, getServicePoint, putServicePoint } from '../../functions/store/points';
import { listSlotCounters } from '../../functions/store/slots';
import { getService } from '../../functions/store/services';
import { getResident } from '../../functions/store/people';

useTestTable();
let admin: string, clerk: string, head: string, zhang: string;

beforeAll(async () => {
  await seedReference();
  await putServicePoint({
    id: 'chengguan-center', name: '城关镇便民服务中心', level: 'town', regionCode: TOWN, address: '人民路102号', phone: '',
    openingHours: '工作日', serviceCodes: ['QS-MZ-001'], windows: [{ start: '09:00', end: '10:00', capacity: 2 }], cutoffMinutes: 120,
  });
  admin = await staffToken('admin1', 'admin', null);
  clerk = await staffToken('clerk-town', 'clerk', 'civil-affairs', TOWN);
  head = await staffToken('head-mz', 'dept_head', 'civil-affairs');
  zhang = await residentToken('r-zhang', { name: '张桂英' });
});

/** A refusal the caller can act on: our error shape, in Chinese, naming the field. */
function expectRefused(res: ApiResponse, status: number, field?: string) {
  expect(res.status).toBe(status);
  expect(res.body).toEqual(expect.objectContaining({ code: expect.any(String), message: expect.stringMatching(/[\u4e00-\u9fff]/) }));
  if (field) expect(Object.keys(res.body.fields ?? {})).toContain(field);
}

const IMPOSSIBLE = ['2026-02-30', '2026-13-45', '2026-04-31', '0000-00-00'];

describe('impossible calendar dates', () => {
  test.each(IMPOSSIBLE)('GET /places/{id}/slots?from=%s is a 400, not a 500 or silently today', async (from) => {
    expectRefused(await call('GET', '/places/chengguan-center/slots', { query: { from } }), 400, 'from');
  });

  test('a real date still lists slots', async () => {
    expect((await call('GET', '/places/chengguan-center/slots', { query: { from: shanghaiDate(), days: '3' } })).status).toBe(200);
  });

  test.each([
    ['an impossible day', 'chengguan-center~2026-02-30~0900', '2026-02-30'],
    ['an impossible month', 'chengguan-center~2026-13-45~0900', '2026-13-45'],
    ['hour 25', 'chengguan-center~2026-03-02~2500', '2026-03-02'],
    ['minute 60', 'chengguan-center~2026-03-02~0960', '2026-03-02'],
  ])('closing a slot on %s is a 400 and writes no closure', async (_what, slotId, date) => {
    expectRefused(await call('POST', `/admin/slots/${slotId}/close`, { token: clerk, body: { reason: '停电检修' } }), 400, 'slotId');
    expectRefused(await call('PUT', `/admin/slots/${slotId}/capacity`, { token: admin, body: { capacity: 5 } }), 400, 'slotId');
    expect(await listSlotCounters('chengguan-center', date, date)).toEqual([]);
  });

  test.each(IMPOSSIBLE)('closing the whole day %s is a 400 and writes nothing', async (date) => {
    expectRefused(await call('POST', `/admin/places/chengguan-center/days/${date}/close`, { token: clerk, body: { reason: '全员下村' } }), 400, 'date');
    expect(await listSlotCounters('chengguan-center', date, date)).toEqual([]);
  });

  test('the day list, the dashboard and the calendar refuse impossible dates, months and years', async () => {
    expectRefused(await call('GET', '/admin/places/chengguan-center/day', { token: clerk, query: { date: '2026-02-30' } }), 400, 'date');
    expectRefused(await call('GET', '/admin/satisfaction', { token: admin, query: { month: '2026-13' } }), 400, 'month');
    expectRefused(await call('GET', '/admin/calendar/0000', { token: admin }), 400, 'year');
    expectRefused(await call('PUT', '/admin/calendar/2031', { token: admin, body: { holidays: ['2031-02-30'], workdays: [] } }), 400);
  });

  test('booking a slot at hour 25 is a 400', async () => {
    const res = await call('POST', '/appointments', {
      token: zhang, body: { slotId: 'chengguan-center~2026-03-02~2500', serviceCode: 'QS-MZ-001', idempotencyKey: 'idem-bad-hour-1' },
    });
    expectRefused(res, 400, 'slotId');
  });
});

describe('numbers with bounds', () => {
  test('a fee of 1e21 is a 400 on create and update, and nothing is written', async () => {
    expectRefused(await call('POST', '/admin/services', { token: admin, body: serviceInput('QS-FEE-001', { feeYuan: 1e21 }) }), 400, 'feeYuan');
    expect(await getService('QS-FEE-001')).toBeUndefined();
    const { code: _code, ...input } = serviceInput('QS-MZ-001', { feeYuan: 1e21 });
    expectRefused(await call('PUT', '/admin/services/QS-MZ-001', { token: admin, body: { ...input, version: 1 } }), 400, 'feeYuan');
    expect((await getService('QS-MZ-001'))?.feeYuan).toBe(0);
  });

  test('a version of 1e21 or a negative capacity is a 400', async () => {
    const { code: _code, ...input } = serviceInput('QS-MZ-001');
    expectRefused(await call('PUT', '/admin/services/QS-MZ-001', { token: admin, body: { ...input, version: 1e21 } }), 400, 'version');
    expectRefused(await call('PUT', '/admin/slots/chengguan-center~2026-03-02~0900/capacity', { token: admin, body: { capacity: -1 } }), 400, 'capacity');
  });
});

const roving = (over: Record<string, unknown> = {}) => ({
  departmentId: 'civil-affairs', townCode: OTHER_TOWN, rule: 'nth-weekday:1:MON', address: '向阳镇便民服务中心',
  windows: [{ start: '09:00', end: '10:00', capacity: 8 }, { start: '10:00', end: '12:00', capacity: 8 }], cutoffMinutes: 60, ...over,
});
const point = (over: Record<string, unknown> = {}) => ({
  name: '新村便民服务站', level: 'village', regionCode: VILLAGE, address: '新村村委会', phone: '', openingHours: '工作日上午',
  serviceCodes: ['QS-MZ-001'], windows: [{ start: '09:00', end: '10:00', capacity: 3 }], cutoffMinutes: 120, ...over,
});

describe('references that do not exist or do not fit', () => {
  test.each([
    ['a town that does not exist', { townCode: '511999999' }, 'townCode'],
    ['a village code given as a town', { townCode: VILLAGE }, 'townCode'],
    ['a department that does not exist', { departmentId: 'no-such-dept' }, 'departmentId'],
    ['a window that ends before it starts', { windows: [{ start: '11:00', end: '09:00', capacity: 8 }] }, 'windows.0.end'],
    ['overlapping windows', { windows: [{ start: '09:00', end: '11:00', capacity: 8 }, { start: '10:00', end: '12:00', capacity: 8 }] }, 'windows.1.start'],
    ['two windows at the same start', { windows: [{ start: '09:00', end: '10:00', capacity: 8 }, { start: '09:00', end: '10:00', capacity: 8 }] }, 'windows.1.start'],
    ['a window ending at 24:00', { windows: [{ start: '23:00', end: '24:00', capacity: 8 }] }, 'windows.0.end'],
  ])('PUT /admin/roving with %s is a 400 and residents never see it', async (_what, over, field) => {
    expectRefused(await call('PUT', '/admin/roving/roving-mz-bad', { token: admin, body: roving(over) }), 400, field);
    expect(await getRovingDay('mz-bad')).toBeUndefined();
    expect((await call('GET', '/places/roving-mz-bad/slots')).status).toBe(404);
  });

  test.each([
    ['a region that does not exist', { regionCode: '511999101999' }, 'regionCode'],
    ['a town code for a village station', { regionCode: TOWN }, 'regionCode'],
    ['a service item that does not exist', { serviceCodes: ['QS-MZ-001', 'QS-NO-404'] }, 'serviceCodes.1'],
    ['a window that ends before it starts', { windows: [{ start: '10:00', end: '10:00', capacity: 3 }] }, 'windows.0.end'],
    ['overlapping windows', { windows: [{ start: '14:00', end: '16:00', capacity: 3 }, { start: '09:00', end: '14:30', capacity: 3 }] }, 'windows.0.start'],
  ])('PUT /admin/points with %s is a 400 and residents never see it', async (_what, over, field) => {
    expectRefused(await call('PUT', '/admin/points/bad-station', { token: admin, body: point(over) }), 400, field);
    expect(await getServicePoint('bad-station')).toBeUndefined();
    expect((await call('GET', '/places/bad-station/slots')).status).toBe(404);
  });

  test('good references are saved, with the windows in the order of the day', async () => {
    const res = await call('PUT', '/admin/roving/roving-mz-good', {
      token: head,
      body: roving({ windows: [{ start: '10:00', end: '12:00', capacity: 8 }, { start: '09:00', end: '10:00', capacity: 8 }] }),
    });
    expect(res.status).toBe(200);
    expect(res.body.hours).toBe('每月第一个星期一 09:00—12:00');
    expect((await getRovingDay('mz-good'))?.windows?.map((w) => w.start)).toEqual(['09:00', '10:00']);
    expect((await call('PUT', '/admin/points/good-station', { token: admin, body: point() })).status).toBe(200);
  });
});

describe('names and free text', () => {
  test.each([
    ['NUL', '张\u0000桂英'],
    ['a right-to-left override', '\u202E英桂张'],
    ['a first-strong isolate', '张\u2068桂英'],
    ['a lone surrogate', '张\uD800英'],
  ])('a name with %s is a 400 and the profile keeps its name', async (_what, name) => {
    expectRefused(await call('PUT', '/me', { token: zhang, body: { name } }), 400, 'name');
    expect((await getResident('r-zhang'))?.name).toBe('张桂英');
  });

  test('names are trimmed', async () => {
    const res = await call('PUT', '/me', { token: zhang, body: { name: '  张桂英 ' } });
    expect(res.status).toBe(200);
    expect(res.body.name).toBe('张桂英');
  });

  test('an item name, a point name or a closing reason with bidi or control characters is refused and not written', async () => {
    expectRefused(await call('POST', '/admin/services', { token: admin, body: serviceInput('QS-BIDI-001', { name: '低保\u202E申请' }) }), 400, 'name');
    expect(await getService('QS-BIDI-001')).toBeUndefined();
    expectRefused(await call('PUT', '/admin/points/spoof-station', { token: admin, body: point({ name: '新村\u0000站' }) }), 400, 'name');
    expect(await getServicePoint('spoof-station')).toBeUndefined();
    expectRefused(await call('POST', '/admin/slots/chengguan-center~2026-03-02~0900/close', { token: clerk, body: { reason: '停电\u202D检修' } }), 400, 'reason');
    expect(await listSlotCounters('chengguan-center', '2026-03-02', '2026-03-02')).toEqual([]);
  });
});

describe('bodies that are not JSON', () => {
  test.each([
    ['a form', 'application/x-www-form-urlencoded'],
    ['plain text', 'text/plain;charset=UTF-8'],
    ['no content type', null],
  ])('%s is a 415 with our error shape, and nothing is written', async (_what, contentType) => {
    const res = await call('PUT', '/me', { token: zhang, rawBody: JSON.stringify({ name: '李四' }), contentType });
    expectRefused(res, 415);
    expect(res.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect((await getResident('r-zhang'))?.name).toBe('张桂英');
  });

  test('application/json with a charset is accepted', async () => {
    const res = await call('PUT', '/me', { token: zhang, body: { elderMode: true }, contentType: 'application/json; charset=utf-8' });
    expect(res.status).toBe(200);
  });

  test('a route without a body needs no content type', async () => {
    expect((await call('GET', '/me', { token: zhang, contentType: null })).status).toBe(200);
    expect((await call('GET', '/services', { contentType: 'text/html' })).status).toBe(200);
  });
});

describe('GET /openapi.json', () => {
  test("documents the gateway's own 401/403 bodies apart from ours, and the 413/415 of routes that take a body", async () => {
    const doc = (await call('GET', '/openapi.json')).body;
    expect(doc.components.schemas.GatewayError).toMatchObject({ type: 'object', required: ['message'] });
    expect(doc.components.schemas.GatewayError.properties.code).toBeUndefined();
    const put = doc.paths['/me'].put.responses;
    for (const status of ['401', '403']) {
      expect(put[status].content['application/json'].schema.oneOf).toEqual([
        { $ref: '#/components/schemas/GatewayError' },
        { $ref: '#/components/schemas/Error' },
      ]);
    }
    expect(Object.keys(put)).toEqual(expect.arrayContaining(['400', '413', '415']));
    expect(Object.keys(doc.paths['/me'].get.responses)).not.toContain('415');
    expect(Object.keys(doc.paths['/services'].get.responses)).not.toContain('401');
  });
});
