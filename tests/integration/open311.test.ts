// Open311 GeoReport v2 through the in-process HTTP API: the services, the
// requests with the specification's fields, the filters and the 90-day
// window, and what never leaves: anonymous demands, 举报, who filed, their
// contact, their words, a point finer than the village.
import { useTestTable } from '../support/table';
import { call } from '../support/api';
import { residentToken, seedReference, staffToken, VILLAGE } from '../fixtures/world';

useTestTable();
let zhang: string, supervisor: string;
const ids: Record<string, string> = {};

/** GeoReport v2 service request fields (https://wiki.open311.org/GeoReport_v2#GET_Service_Requests). */
const REQUEST_FIELDS = [
  'service_request_id', 'status', 'status_notes', 'service_name', 'service_code', 'description', 'agency_responsible', 'service_notice',
  'requested_datetime', 'updated_datetime', 'expected_datetime', 'address', 'address_id', 'zipcode', 'lat', 'long', 'media_url',
];
const SERVICE_FIELDS = ['service_code', 'service_name', 'description', 'metadata', 'type', 'keywords', 'group'];

beforeAll(async () => {
  await seedReference();
  supervisor = await staffToken('xiaoneng', 'supervisor', null);
  zhang = await residentToken('r-zhang', { name: '张桂英', phone: '13800000000' });
  const file = async (key: string, body: Record<string, unknown>) => {
    const res = await call('POST', '/demands', {
      token: zhang,
      body: { idempotencyKey: `o311-${key}-key`, type: 'help', domain: 'roads', text: '张桂英家门口的路灯坏了，电话13800000000', place: { regionCode: VILLAGE, point: { lat: 30.1, lng: 104.2 } }, anonymous: false, ...body },
    });
    expect(res.status).toBe(201);
    ids[key] = res.body.id;
  };
  await file('public', {});
  await file('anonymous', { anonymous: true });
  await file('report', { type: 'report', domain: 'safety' });
  await file('complaint', { type: 'complaint', domain: 'civil_affairs', place: { regionCode: VILLAGE } });
  const v = (await call('GET', `/admin/demands/${ids.public}`, { token: supervisor })).body.version;
  expect((await call('POST', `/admin/demands/${ids.public}/actions`, { token: supervisor, body: { action: 'dispatch', departmentId: 'civil-affairs', version: v } })).status).toBe(200);
});

describe('services', () => {
  test('demand types × domains, 举报 never', async () => {
    const res = await call('GET', '/open311/v2/services.json');
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(4 * 14);
    for (const s of res.body) expect(Object.keys(s).sort()).toEqual([...SERVICE_FIELDS].sort());
    expect(res.body.find((s) => s.service_code === 'help-roads')).toMatchObject({ service_name: '求助·道路交通', metadata: false, type: 'realtime' });
    expect(res.body.some((s) => s.service_code.startsWith('report-'))).toBe(false);
    expect((await call('GET', '/open311/v2/services/help-roads.json')).body).toEqual({ service_code: 'help-roads', attributes: [] });
    expect((await call('GET', '/open311/v2/services/report-safety.json')).status).toBe(400);
    expect((await call('GET', '/open311/v2/services/help-roads')).status).toBe(400);
  });
});

describe('requests', () => {
  test('the last 90 days by default: public demands only, with the GeoReport v2 fields', async () => {
    const res = await call('GET', '/open311/v2/requests.json');
    expect(res.status).toBe(200);
    expect(res.body.map((r) => r.service_request_id).sort()).toEqual([ids.public, ids.complaint].sort());
    for (const r of res.body) expect(Object.keys(r).sort()).toEqual([...REQUEST_FIELDS].sort());
    const r = res.body.find((x) => x.service_request_id === ids.public);
    expect(r).toMatchObject({
      status: 'open', status_notes: '已派单', service_code: 'help-roads', service_name: '求助·道路交通', agency_responsible: '县民政局',
      address: '青龙村', address_id: VILLAGE, lat: null, long: null, description: null, media_url: null,
    });
    expect(r!.expected_datetime).toMatch(/^\d{4}-\d{2}-\d{2}T23:59:59\+08:00$/);
    expect(new Date(r!.requested_datetime).getTime()).toBeLessThanOrEqual(new Date(r!.updated_datetime).getTime());
    const text = JSON.stringify(res.body);
    expect(text).not.toMatch(/张桂英|13800000000|路灯坏了|30\.1|104\.2/);
  });

  test('filters by status, service code and date window; refuses a window over 90 days or backwards', async () => {
    const byCode = await call('GET', '/open311/v2/requests.json', { query: { service_code: 'complaint-civil_affairs,help-water' } });
    expect(byCode.body.map((r) => r.service_request_id)).toEqual([ids.complaint]);
    expect((await call('GET', '/open311/v2/requests.json', { query: { status: 'closed' } })).body).toEqual([]);
    expect((await call('GET', '/open311/v2/requests.json', { query: { status: 'open' } })).body).toHaveLength(2);
    const old = await call('GET', '/open311/v2/requests.json', { query: { start_date: '2025-01-01T00:00:00+08:00', end_date: '2025-03-01T00:00:00+08:00' } });
    expect(old.body).toEqual([]);
    expect((await call('GET', '/open311/v2/requests.json', { query: { start_date: '2025-01-01T00:00:00Z', end_date: '2025-06-01T00:00:00Z' } })).status).toBe(400);
    expect((await call('GET', '/open311/v2/requests.json', { query: { start_date: '2025-03-01T00:00:00Z', end_date: '2025-01-01T00:00:00Z' } })).status).toBe(400);
    expect((await call('GET', '/open311/v2/requests.json', { query: { status: 'pending' } })).status).toBe(400);
    expect((await call('GET', '/open311/v2/requests.json', { query: { service_code: 'report-safety' } })).status).toBe(400);
    expect((await call('GET', '/open311/v2/requests.json', { query: { start_date: 'yesterday' } })).status).toBe(400);
  });

  test('one request by id; an anonymous demand and a 举报 are not found', async () => {
    const one = await call('GET', `/open311/v2/requests/${ids.public}.json`);
    expect(one.status).toBe(200);
    expect(one.body).toHaveLength(1);
    expect(one.body[0]!.service_request_id).toBe(ids.public);
    expect((await call('GET', `/open311/v2/requests/${ids.anonymous}.json`)).status).toBe(404);
    expect((await call('GET', `/open311/v2/requests/${ids.report}.json`)).status).toBe(404);
    expect((await call('GET', '/open311/v2/requests/00000000-0000.json')).status).toBe(404);
    expect((await call('GET', `/open311/v2/requests/${ids.public}`)).status).toBe(400);
  });

  test('is documented in /openapi.json', async () => {
    const doc = (await call('GET', '/openapi.json')).body;
    for (const p of ['/open311/v2/services.json', '/open311/v2/services/{code}', '/open311/v2/requests.json', '/open311/v2/requests/{id}']) expect(doc.paths[p]?.get).toBeDefined();
    expect(doc.paths['/admin/reports/monthly.csv'].get.responses['200'].content['text/csv']).toBeDefined();
  });
});
