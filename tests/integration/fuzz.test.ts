// A black-box run of malformed requests against every route of /openapi.json,
// through the in-process HTTP API (real authorizers and handlers, DynamoDB
// Local). Requests are generated from the document alone, seeded, for every
// caller: no token, a resident, someone else, each staff role, forged and
// expired tokens, the other audience's token. No answer may be a 5xx, no
// invalid input may get a 2xx, every error is {code, message} in Chinese, and
// the records made before the run read back the same after it.
// FUZZ_REQUESTS=20000 (default 2400) for a longer run; FUZZ_SEED to vary it.
import { SignJWT } from 'jose';
import { useTestTable } from '../support/table';
import { useFakeWechat } from '../support/wechat';
import { call, type ApiResponse } from '../support/api';
import { COUNTY, residentToken, seedReference, serviceInput, staffToken, TOWN, VILLAGE } from '../fixtures/world';
import { createCalendar, shanghaiDate } from '../../functions/domain/calendar';
import { putCalendarOverride } from '../../functions/store/calendar';
import { putServicePoint } from '../../functions/store/points';
import { signStaffToken, signResidentToken } from '../../functions/auth/tokens';
import {
  conforms, generate, HOSTILE_TEXT, impossibleDateOrTime, malform, MALFORMED_JSON, nested, operationsOf, Rng, sample, setAt, sites,
  type Hints, type Operation, type Schema,
} from '../support/fuzz';

useTestTable();
useFakeWechat();

const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 2400);
const SEED = Number(process.env.FUZZ_SEED ?? 9);
const MAX_BODY_BYTES = 64 * 1024; // README: 413 over 64 KB

const today = shanghaiDate();
const year = Number(today.slice(0, 4));
const cal = createCalendar();
const calWithNext = cal.knows(year + 1) ? cal : createCalendar({ [year + 1]: { holidays: [`${year + 1}-01-01`], workdays: [] } });
const workingDays: string[] = [];
for (const d = new Date(`${today}T00:00:00Z`); workingDays.length < 3; ) {
  d.setUTCDate(d.getUTCDate() + 1);
  const s = d.toISOString().slice(0, 10);
  if (calWithNext.isWorkingDay(s)) workingDays.push(s);
}
const [d1, d2] = workingDays as [string, string];

type Who = 'none' | 'owner' | 'stranger' | 'clerk' | 'dept_head' | 'supervisor' | 'admin' | 'agent' | 'forged' | 'expired' | 'alg-none' | 'garbage';
const STAFF: Who[] = ['clerk', 'dept_head', 'supervisor', 'admin', 'agent'];
const BAD_TOKENS: Who[] = ['none', 'forged', 'expired', 'alg-none', 'garbage'];
const tokens = {} as Record<Who, string | undefined>;

/** The records made before the run, and how to read each back. */
const rec = { appointmentId: '', bookingCode: '', openCaseId: '', ratedCaseId: '', serviceCode: 'FZ-KEEP-01', slotId: '' };
const readBacks: Array<[string, string, Who, Record<string, string>?]> = [];

beforeAll(async () => {
  await seedReference();
  if (!cal.knows(year + 1)) {
    await putCalendarOverride({ year: year + 1, holidays: [`${year + 1}-01-01`], workdays: [], updatedAt: new Date().toISOString(), updatedBy: 'test' });
  }
  const point = (id: string, name: string) => putServicePoint({
    id, name, level: 'town', regionCode: TOWN, address: '人民路102号', phone: '0817-7231001', openingHours: '工作日 9:00—17:00',
    serviceCodes: ['QS-MZ-001'], cutoffMinutes: 120, windows: [{ start: '09:00', end: '10:00', capacity: 5 }, { start: '10:00', end: '11:00', capacity: 5 }],
  });
  await point('fz-keep', '城关镇便民服务中心');
  await point('fz-open', '城关镇第二服务点');
  tokens.none = undefined;
  tokens.owner = await residentToken('r-owner', { name: '张桂英' });
  tokens.stranger = await residentToken('r-stranger', { name: '李明' });
  tokens.clerk = await staffToken('fz-clerk', 'clerk', 'civil-affairs', TOWN);
  tokens.dept_head = await staffToken('fz-head', 'dept_head', 'civil-affairs');
  tokens.supervisor = await staffToken('fz-super', 'supervisor', null);
  tokens.admin = await staffToken('fz-admin', 'admin', null);
  tokens.agent = await staffToken('fz-agent', 'agent', null, TOWN);
  tokens.forged = await new SignJWT({ role: 'admin', dept: '', region: COUNTY }).setProtectedHeader({ alg: 'HS256' })
    .setIssuer('banshi').setAudience('staff').setSubject('fz-admin').setIssuedAt().setExpirationTime('1h')
    .sign(new TextEncoder().encode('not-the-secret-0123456789-0123456789'));
  tokens.expired = (await signStaffToken('fz-admin', { role: 'admin', dept: '', region: COUNTY }, new Date(Date.now() - 13 * 3600_000))).token;
  const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  tokens['alg-none'] = `${b64({ alg: 'none' })}.${b64({ sub: 'r-owner', aud: 'resident', iss: 'banshi', exp: 4102444800 })}.`;
  tokens.garbage = 'not a token at all';

  // The records, made through the API as a resident and the staff would.
  const created = await call('POST', '/admin/services', { token: tokens.admin, body: serviceInput(rec.serviceCode, { name: '临时救助申请' }) });
  expect(created.status).toBe(201);
  rec.slotId = `fz-keep~${d2}~0900`;
  const booked = await call('POST', '/appointments', { token: tokens.owner, body: { slotId: rec.slotId, serviceCode: 'QS-MZ-001', idempotencyKey: 'fz-owner-booking' } });
  expect(booked.status).toBe(201);
  rec.appointmentId = booked.body.id;
  rec.bookingCode = booked.body.code;
  const apply = (key: string) => call('POST', '/applications', { token: tokens.owner, body: { serviceCode: 'QS-MZ-001', idempotencyKey: key, materials: [], proxy: false, note: '家里有老人' } });
  const open = await apply('fz-owner-open');
  expect(open.status).toBe(201);
  rec.openCaseId = open.body.id;
  let rated = (await apply('fz-owner-rated')).body;
  for (const action of ['accept', 'review', 'approve']) {
    const res = await call('POST', `/admin/applications/${rated.id}/actions`, { token: tokens.clerk, body: { action, version: rated.version } });
    expect(res.status).toBe(200);
    rated = res.body;
  }
  rec.ratedCaseId = rated.id;
  const rating = await call('POST', '/ratings', {
    token: tokens.owner,
    body: { targetType: 'application', targetId: rated.id, idempotencyKey: 'fz-owner-rating', level: 4, dimensions: { efficiency: 4, attitude: 5, service: 4, convenience: 3 }, comment: '办得挺快' },
  });
  expect(rating.status).toBe(201);

  readBacks.push(
    ['/me', '', 'owner'],
    [`/services/${rec.serviceCode}`, '', 'none'],
    [`/appointments/${rec.appointmentId}`, '', 'owner'],
    ['/appointments', '', 'owner'],
    [`/applications/${rec.openCaseId}`, '', 'owner'],
    [`/applications/${rec.ratedCaseId}`, '', 'owner'],
    ['/applications', '', 'owner'],
    [`/admin/applications/${rec.openCaseId}`, '', 'admin'],
    ['/ratings', '', 'owner'],
    ['/places/fz-keep/slots', '', 'none', { from: d1, days: '5' }],
  );
}, 60_000);

async function readAll(): Promise<Record<string, { status: number; body: unknown }>> {
  const out: Record<string, { status: number; body: unknown }> = {};
  for (const [path, , who, query] of readBacks) {
    const res = await call('GET', path, { token: tokens[who], query });
    out[`GET ${path}${query ? '?' + new URLSearchParams(query) : ''}`] = { status: res.status, body: res.body };
  }
  return out;
}

// ------------------------------------------------------------------ requests

interface FuzzRequest {
  op: Operation;
  who: Who;
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  rawBody?: string;
  /** A Content-Type other than JSON (null: none). */
  contentType?: string | null;
  /** Why the request is invalid input (empty: it conforms to the document). */
  invalid: string[];
  /** 401/403 that the gateway's authorizer must answer. */
  gate?: number;
  what: string[];
}

/** The world's values for the fields the document names: real ids, codes, dates. */
function hintsFor(op: Operation): Hints {
  const ids = op.path.includes('appointments') ? [rec.appointmentId] : op.path.includes('applications') ? [rec.openCaseId, rec.ratedCaseId] : [];
  return {
    id: (r) => (ids.length && r.chance(0.7) ? r.pick(ids) : sample('^[a-z0-9-]{8,40}$', r)),
    code: (r) => (op.path.includes('check-in') ? sample('^[A-HJ-NP-Z2-9]{8}$', r) : r.pick(['QS-MZ-001', 'QS-GA-001', rec.serviceCode])),
    serviceCode: (r) => r.pick(['QS-MZ-001', 'QS-GA-001', rec.serviceCode]),
    serviceCodes: (r) => r.pick(['QS-MZ-001', 'QS-GA-001']),
    placeId: (r) => r.pick(['fz-open', 'fz-open', 'fz-keep', 'roving-nowhere']),
    slotId: (r) => `${r.pick(['fz-open', 'fz-keep'])}~${r.pick(workingDays)}~${r.pick(['0900', '1000'])}`,
    targetId: (r) => r.pick([rec.ratedCaseId, rec.openCaseId, rec.appointmentId]),
    date: (r) => r.pick(workingDays),
    from: (r) => r.pick(workingDays),
    holidays: () => `${year + 3}-01-01`,
    workdays: () => `${year + 3}-01-04`,
    start: (r) => r.pick(['09:00', '13:30']),
    end: (r) => r.pick(['11:00', '17:00']),
    year: (r) => String(r.pick([year, year + 1, year + 3])),
    month: () => today.slice(0, 7),
    version: (r) => r.int(1, 3),
    regionCode: (r) => r.pick([TOWN, VILLAGE, COUNTY]),
    townCode: () => TOWN,
    currentRegionCode: () => VILLAGE,
    departmentId: (r) => r.pick(['civil-affairs', 'public-security']),
    agentUsername: () => 'fz-agent',
    idempotencyKey: (r) => `fz-${sample('^[a-z0-9]{12}$', r)}`,
    rule: () => 'nth-weekday:2:TUE',
    days: (r) => String(r.int(1, 10)),
    limit: (r) => String(r.int(1, 30)),
    phone: () => '13800000000',
  };
}

const recordIds = () => [rec.appointmentId, rec.openCaseId, rec.ratedCaseId, rec.serviceCode, rec.bookingCode, 'fz-keep'];
const lastName = (path: (string | number)[]) => [...path].reverse().find((p): p is string => typeof p === 'string') ?? '';
const noLoneSurrogate = (s: string) => s.replace(/[\uD800-\uDFFF]/g, '\uFFFD');

/** Staff roles a route has refused (403): the document does not name roles, so the run learns them. */
const refused = new Map<string, Set<Who>>();

function pickWho(op: Operation, r: Rng): Who {
  if (r.chance(0.12)) return r.pick(BAD_TOKENS);
  if (op.security === 'staff') {
    if (!r.chance(0.9)) return r.pick(['owner', 'stranger'] as Who[]);
    const no = refused.get(`${op.method} ${op.path}`);
    const allowed = STAFF.filter((w) => !no?.has(w));
    return allowed.length && r.chance(0.85) ? r.pick(allowed) : r.pick(STAFF);
  }
  if (op.security === 'resident') return r.chance(0.9) ? r.pick(['owner', 'owner', 'stranger'] as Who[]) : r.pick(STAFF);
  return r.pick(['none', 'none', 'owner', 'admin'] as Who[]);
}

function gateOf(op: Operation, who: Who): number | undefined {
  if (op.security === 'public') return undefined;
  if (BAD_TOKENS.includes(who)) return 401;
  const isStaff = STAFF.includes(who);
  return (op.security === 'staff') === isStaff ? undefined : 403;
}

function build(op: Operation, r: Rng): FuzzRequest {
  const hints = hintsFor(op);
  const what: string[] = [];
  let who = pickWho(op, r);
  const pathParams = op.params.filter((p) => p.in === 'path');
  const queryParams = op.params.filter((p) => p.in === 'query');
  const params: Record<string, string> = {};
  for (const p of pathParams) params[p.name] = String(generate(p.schema, r, hints, p.name));
  let query: Record<string, string> | undefined;
  for (const p of queryParams) if (p.required || r.chance(0.5)) (query ??= {})[p.name] = String(generate(p.schema, r, hints, p.name));
  let body: unknown = op.body ? generate(op.body, r, hints) : undefined;
  let rawBody: string | undefined;
  let contentType: string | null | undefined;

  const targets: Array<[string, number]> = [['none', 4], ['extra-query', 3]];
  if (op.body) targets.push(['body', 45], ['whole-body', 8], ['malformed-json', 7], ['huge', 2], ['proto', 2], ['content-type', 5]);
  else targets.push(['unexpected-body', 3]);
  if (pathParams.length) targets.push(['path', 14]);
  if (queryParams.length) targets.push(['query', 12]);
  let total = targets.reduce((n, [, w]) => n + w, 0);
  let roll = r.next() * total;
  const target = targets.find(([, w]) => (roll -= w) < 0)![0];
  const mutateBody = () => {
    const all = sites(op.body!, body);
    const site = r.pick(all);
    if (site.path.length && r.chance(0.15)) {
      what.push(`drop ${site.path.join('.')}`);
      body = setAt(body, site.path, undefined);
    } else {
      const m = malform(site.schema, site.value, r, lastName(site.path));
      what.push(`${site.path.join('.') || 'body'}: ${m.what}`);
      body = setAt(body, site.path, m.value);
    }
  };
  switch (target) {
    case 'body':
      mutateBody();
      if (r.chance(0.25)) mutateBody();
      break;
    case 'whole-body':
      body = r.pick([null, [], [body], 'x', 42, true, {}, nested(60), { a: '长'.repeat(3000) }]);
      what.push('whole body replaced');
      break;
    case 'malformed-json':
      rawBody = r.pick(MALFORMED_JSON);
      what.push('malformed JSON');
      break;
    case 'huge':
      body = { ...(body as object), padding: 'x'.repeat(MAX_BODY_BYTES + r.int(1, 4096)) };
      what.push('over 64 KB');
      break;
    case 'content-type':
      contentType = r.pick(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml', 'text/json', 'application/jsonp', null]);
      if (r.chance(0.5)) rawBody = new URLSearchParams(Object.entries(body as object).map(([k, v]) => [k, String(v)])).toString();
      what.push(`content-type ${JSON.stringify(contentType)}`);
      break;
    case 'proto':
      rawBody = JSON.stringify(body).replace(/^\{/, '{"__proto__":{"polluted":"yes","role":"admin"},"constructor":{"prototype":{"polluted":"yes"}},');
      what.push('__proto__ keys');
      break;
    case 'path': {
      const p = r.pick(pathParams);
      const choice = r.int(0, 5);
      params[p.name] = noLoneSurrogate(
        choice === 0 ? r.pick(['../../etc/passwd', '..', '.', '%2e%2e%2f', '..\\..\\x']) :
        choice === 1 ? 'a'.repeat(r.pick([65, 300, 5000])) :
        choice === 2 ? r.pick(HOSTILE_TEXT.filter(Boolean)) :
        choice === 3 ? r.pick(recordIds()) :
        String(malform(p.schema, params[p.name], r, p.name).value),
      );
      if (params[p.name] === '') params[p.name] = ' ';
      what.push(`path ${p.name}`);
      break;
    }
    case 'query': {
      const p = r.pick(queryParams);
      if (p.required && r.chance(0.3)) { delete query?.[p.name]; what.push(`missing query ${p.name}`); break; }
      const choice = r.int(0, 3);
      (query ??= {})[p.name] = noLoneSurrogate(
        choice === 0 ? r.pick(['-1', '0', '1e21', 'NaN', '1.5', '43', '101', 'Infinity', ' 1', '0x10']) :
        choice === 1 ? '长'.repeat(r.pick([41, 65, 2000])) :
        choice === 2 ? r.pick(HOSTILE_TEXT) :
        String(malform(p.schema, query?.[p.name] ?? 'x', r, p.name).value),
      );
      what.push(`query ${p.name}`);
      break;
    }
    case 'extra-query':
      query = { ...query, [r.pick(['cursor', 'limit', 'a[b]', '__proto__', 'q'])]: r.pick(['garbage', 'eyJwayI6IkFQUCN4In0', '-1', '../x', 'A'.repeat(3000)]) };
      what.push('extra query');
      break;
    case 'unexpected-body':
      body = r.pick([{ a: 1 }, [1, 2], 'x']);
      what.push('unexpected body');
      break;
    default:
      what.push('as the document describes');
  }

  // What is wrong with it, judged against the document (and the calendar).
  const invalid: string[] = [];
  for (const p of pathParams) {
    if (!conforms(p.schema, params[p.name])) invalid.push(`path ${p.name} does not conform`);
    const why = impossibleDateOrTime(p.schema, params[p.name], p.name);
    if (why) invalid.push(`path ${p.name}: ${why}`);
  }
  for (const p of queryParams) {
    const v = query?.[p.name];
    if (v === undefined) { if (p.required) invalid.push(`query ${p.name} missing`); continue; }
    if (!conforms(p.schema, v)) invalid.push(`query ${p.name} does not conform`);
    const why = impossibleDateOrTime(p.schema, v, p.name);
    if (why) invalid.push(`query ${p.name}: ${why}`);
  }
  if (op.body) {
    if (rawBody !== undefined && target === 'malformed-json') invalid.push('malformed JSON');
    else {
      if (!conforms(op.body, body)) invalid.push('body does not conform');
      const why = impossibleDateOrTime(op.body, body);
      if (why) invalid.push(`body: ${why}`);
    }
  }
  if (contentType !== undefined) invalid.push('not a JSON content type');
  const size = Buffer.byteLength(rawBody ?? JSON.stringify(body ?? null) ?? '');
  if (size > MAX_BODY_BYTES) invalid.push('over 64 KB');

  // A request that conforms reaches the handler as real work: keep it off the
  // records made before the run (they must read back unchanged), and let a
  // stranger try them instead: someone else's record must stay out of reach.
  let gate = gateOf(op, who);
  if (!invalid.length && !gate) {
    if (who === 'owner') who = 'stranger';
    if (STAFF.includes(who)) {
      for (const p of pathParams) {
        if (recordIds().includes(params[p.name]!) || recordIds().some((id) => params[p.name]!.startsWith(`${id}~`)) || (p.name === 'year' && Number(params[p.name]) <= year + 1)) {
          params[p.name] = p.name === 'year' ? String(year + 5) : `fz-fresh-${r.int(1000, 9999)}`;
          if (!conforms(p.schema, params[p.name])) params[p.name] = String(generate(p.schema, r, {}, ''));
        }
      }
      if (op.path.includes('/close') || op.path.includes('/capacity') || op.path.includes('/reopen')) {
        for (const p of pathParams) if (params[p.name]!.startsWith('fz-keep')) params[p.name] = params[p.name]!.replace('fz-keep', 'fz-open');
      }
    }
    // Seats at the records' place are the owner's booking's neighbours: book elsewhere.
    if (JSON.stringify(body ?? null).includes('fz-keep~')) {
      body = JSON.parse(JSON.stringify(body).replaceAll('fz-keep~', 'fz-open~'));
      rawBody = rawBody?.replaceAll('fz-keep~', 'fz-open~');
    }
    const mentioned = JSON.stringify([params, body, query ?? null]);
    if (who === 'stranger' && [rec.appointmentId, rec.openCaseId, rec.ratedCaseId].some((id) => mentioned.includes(id))) {
      invalid.push('someone else’s record');
    }
    gate = gateOf(op, who);
  }

  const path = op.path.replace(/\{(\w+)\}/g, (_, n: string) => encodeURIComponent(params[n]!));
  return { op, who, path, query, body: rawBody === undefined ? body : undefined, rawBody, contentType, invalid, gate, what };
}

// --------------------------------------------------------------- checking

/**
 * Findings of this run that are reported but not yet failed on, each with why.
 * Remove an entry when its fix lands: the run then fails if it comes back.
 */
const KNOWN: Record<string, string> = {};

const CJK = /[\u4e00-\u9fff]/;
const GATEWAY_BODIES = new Set(['Unauthorized', 'Forbidden', 'Not Found']);
// C0 controls but tab and line breaks, DEL, C1, bidi embeddings/overrides/isolates, unpaired surrogates.
const UNSAFE_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function problems(req: FuzzRequest, res: ApiResponse | { error: string }): string[] {
  if ('error' in res) return [`harness: ${res.error}`];
  const out: string[] = [];
  const { status, body } = res;
  if (status >= 500) out.push(`${status}`);
  if (req.gate && status !== req.gate) out.push(`expected the gateway's ${req.gate}, got ${status}`);
  if (req.invalid.length && status >= 200 && status < 300) out.push(`${status} for invalid input (${req.invalid.join('; ')})`);
  if (status >= 400) {
    const gateway = [401, 403, 404].includes(status) && body && Object.keys(body).length === 1 && GATEWAY_BODIES.has(body.message ?? '');
    if (!gateway && !(typeof body?.code === 'string' && typeof body?.message === 'string' && CJK.test(body.message))) {
      out.push(`error body is not {code, message} in Chinese: ${JSON.stringify(body).slice(0, 120)}`);
    }
  }
  if (status < 300 && UNSAFE_TEXT.test(JSON.stringify(body) === undefined ? '' : collectStrings(body))) {
    out.push('2xx response carries control, bidi or broken characters');
  }
  return out;
}

function collectStrings(v: unknown): string {
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return v.map(collectStrings).join('\n');
  if (v && typeof v === 'object') return Object.entries(v).map(([k, x]) => k + '\n' + collectStrings(x)).join('\n');
  return '';
}

const show = (req: FuzzRequest) => {
  const body = req.rawBody ?? (req.body === undefined ? undefined : JSON.stringify(req.body));
  return `${req.op.method} ${req.path.slice(0, 120)}${req.query ? '?' + new URLSearchParams(req.query).toString().slice(0, 120) : ''} as ${req.who}`
    + (body === undefined ? '' : ` body ${body.length > 240 ? body.slice(0, 240) + `…(${body.length})` : body}`)
    + ` [${req.what.join('; ')}]`;
};

test(`${REQUESTS} malformed requests against every route: no 5xx, no 2xx for invalid input, Chinese errors, records unchanged`, async () => {
  const docRes = await call('GET', '/openapi.json');
  expect(docRes.status).toBe(200);
  const ops = operationsOf(docRes.body).filter((op) => op.path !== '/openapi.json');
  expect(ops.length).toBeGreaterThan(40);
  const before = await readAll();

  const byStatus: Record<string, number> = {};
  const byRoute: Record<string, Record<string, number>> = {};
  const byKind: Record<string, Record<string, number>> = {};
  const failures = new Map<string, { count: number; example: string }>();
  for (let i = 0; i < REQUESTS; i++) {
    const op = ops[i % ops.length]!;
    const req = build(op, new Rng(SEED * 1_000_003 + i));
    let res: ApiResponse | { error: string };
    try {
      res = await call(op.method, req.path, { token: tokens[req.who], query: req.query, body: req.body, rawBody: req.rawBody, contentType: req.contentType });
    } catch (err) {
      res = { error: err instanceof Error ? `${err.name}: ${err.message.slice(0, 200)}` : String(err) };
    }
    const status = 'error' in res ? 'threw' : String(res.status);
    if (status === '403' && STAFF.includes(req.who) && op.security === 'staff') {
      const set = refused.get(`${op.method} ${op.path}`) ?? new Set<Who>();
      refused.set(`${op.method} ${op.path}`, set.add(req.who));
    }
    byStatus[status] = (byStatus[status] ?? 0) + 1;
    const route = `${op.method} ${op.path}`;
    const kind = req.gate ? `gateway ${req.gate}` : req.invalid.length
      ? req.invalid.some((w) => /no such/.test(w)) ? 'impossible date/time' : req.invalid.some((w) => /someone else/.test(w)) ? 'someone else’s record' : 'invalid'
      : 'conforms';
    (byKind[kind] ??= {})[status] = (byKind[kind]![status] ?? 0) + 1;
    (byRoute[route] ??= {})[status] = (byRoute[route]![status] ?? 0) + 1;
    for (const p of problems(req, res)) {
      const key = `${route} → ${p.replace(/\(.*\)$/, '').trim()}`;
      const f = failures.get(key);
      if (f) f.count++;
      else failures.set(key, { count: 1, example: `#${i} ${show(req)} → ${'error' in res ? res.error : `${res.status} ${JSON.stringify(res.body).slice(0, 200)}`}` });
    }
  }

  const after = await readAll();
  const polluted = ({} as Record<string, unknown>).polluted !== undefined || ({} as Record<string, unknown>).role !== undefined;
  const summary = `${REQUESTS} requests (seed ${SEED}) by status: ${JSON.stringify(byStatus)}\nby kind: ${JSON.stringify(byKind)}`;
  console.log(`${summary}\n${Object.entries(byRoute).map(([r, s]) => `  ${r} ${JSON.stringify(s)}`).join('\n')}`);
  const known = [...failures].filter(([k]) => k in KNOWN);
  if (known.length) console.warn(`known findings, not yet fixed:\n${known.map(([k, f]) => `${k} (×${f.count}): ${KNOWN[k]}\n    e.g. ${f.example}`).join('\n')}`);
  const report = [...failures].filter(([k]) => !(k in KNOWN)).map(([k, f]) => `${k} (×${f.count})\n    e.g. ${f.example}`);
  expect({ failures: report, polluted }).toEqual({ failures: [], polluted: false });
  expect(after).toEqual(before);
}, 180_000);
