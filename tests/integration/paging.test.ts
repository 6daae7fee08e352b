// Lists that grow come a page at a time: every record is reachable through
// `nextCursor`, none twice; a tampered cursor or another list's cursor is a
// 400 in Chinese, never a 500 and never a look into someone else's records.
import { useTestTable } from '../support/table';
import { call, type RouteAt, type RouteResponse } from '../support/api';
import { residentToken, seedReference, staffToken } from '../fixtures/world';
import { createCalendar, shanghaiDate } from '../../functions/domain/calendar';
import { putCalendarOverride } from '../../functions/store/calendar';
import { bookAppointment } from '../../functions/store/appointments';

useTestTable();
let zhang: string, li: string, clerk: string, otherClerk: string, supervisor: string;
const BAD_CURSOR = '翻页参数无效，请从第一页重新加载';

beforeAll(async () => {
  await seedReference();
  const next = Number(shanghaiDate().slice(0, 4)) + 1;
  if (!createCalendar().knows(next)) {
    await putCalendarOverride({ year: next, holidays: [`${next}-01-01`], workdays: [], updatedAt: new Date().toISOString(), updatedBy: 'test' });
  }
  zhang = await residentToken('r-zhang');
  li = await residentToken('r-li');
  clerk = await staffToken('clerk-mz', 'clerk', 'civil-affairs');
  otherClerk = await staffToken('clerk-ga', 'clerk', 'public-security');
  supervisor = await staffToken('xiaoneng', 'supervisor', null);
});

/** Follow nextCursor from the first page to the last; every page's rows. */
type ListBodies = { [P in '/appointments' | '/applications' | '/admin/queue']: RouteResponse<RouteAt<'GET', P>> };
async function allPages<P extends keyof ListBodies>(path: P, token: string, rows: (body: ListBodies[P]) => { id: string }[], query: Record<string, string> = {}) {
  const pages: string[][] = [];
  let cursor: string | undefined;
  do {
    const res = await call('GET', path as keyof ListBodies, { token, query: { ...query, limit: '5', ...(cursor ? { cursor } : {}) } });
    expect(res.status).toBe(200);
    const page: ListBodies[keyof ListBodies] = res.body;
    pages.push(rows(page as ListBodies[P]).map((r) => r.id));
    cursor = page.nextCursor ?? undefined;
  } while (cursor && pages.length < 20);
  return pages;
}

/** Books `n` appointments for a resident straight into the store (the booking rules are tested elsewhere). */
async function seedAppointments(residentId: string, n: number) {
  const now = new Date().toISOString();
  for (let i = 0; i < n; i++) {
    const date = `2030-01-${String(i + 1).padStart(2, '0')}`;
    const id = `${residentId}-appt-${String(i).padStart(2, '0')}`;
    await bookAppointment(
      {
        id, code: `PAGE${'ABCDEFGHJKMNPQRSTUVWXYZ'[i]}${residentId === 'r-zhang' ? 'Z' : 'Y'}AB`, residentId, serviceCode: 'QS-MZ-001', serviceName: '最低生活保障申请',
        placeId: 'page-center', placeName: '测试中心', placeAddress: '测试路1号', slotId: `page-center~${date}~0900`, date, start: '09:00', end: '10:00',
        status: 'booked', cutoffAt: now, cancelledBy: null, cancelReason: null, createdAt: now, updatedAt: now, version: 1,
      },
      { placeId: 'page-center', date, start: '09:00', capacity: 50 },
      `${id}-idem`,
    );
  }
}

describe('cursor paging', () => {
  test('a resident with more appointments than a page reaches all of them, none twice; the last page says so', async () => {
    await seedAppointments('r-zhang', 12);
    await seedAppointments('r-li', 3);
    const pages = await allPages('/appointments', zhang, (b) => b.appointments);
    expect(pages.map((p) => p.length)).toEqual([5, 5, 2]);
    const ids = pages.flat();
    expect(new Set(ids).size).toBe(12);
    expect(ids.every((id) => id.startsWith('r-zhang-'))).toBe(true);
    // Latest date first, across pages.
    expect(ids[0]).toBe('r-zhang-appt-11');
    expect(ids[11]).toBe('r-zhang-appt-00');
  });

  test('without a limit a page holds 20; limit outside 1–100 is a 400', async () => {
    const first = await call('GET', '/appointments', { token: zhang });
    expect(first.body.appointments).toHaveLength(12);
    expect(first.body.nextCursor).toBeNull();
    for (const limit of ['0', '101', 'ten']) {
      const res = await call('GET', '/appointments', { token: zhang, query: { limit } });
      expect(res.status).toBe(400);
      expect(res.body.message).toMatch(/[\u4e00-\u9fa5]/);
    }
  });

  test('a forged cursor is a 400 in Chinese, never a 500', async () => {
    const forged = [
      'not-a-cursor',
      Buffer.from('{"l":').toString('base64url'),
      Buffer.from(JSON.stringify({ l: 'gsi1|RESIDENT#r-zhang#APPTS|', k: { pk: 1 } })).toString('base64url'),
      Buffer.from(JSON.stringify([1, 2])).toString('base64url'),
      'x'.repeat(2000),
      'has spaces!',
    ];
    for (const cursor of forged) {
      const res = await call('GET', '/appointments', { token: zhang, query: { cursor } });
      expect(res.status).toBe(400);
      expect(res.body.message).toContain(BAD_CURSOR);
    }
  });

  test("another resident's cursor, or one edited to point at them, is refused", async () => {
    const zhangs = await call('GET', '/appointments', { token: zhang, query: { limit: '5' } });
    const cursor = zhangs.body.nextCursor as string;
    // Li presents Zhang's cursor: it names Zhang's list, not Li's.
    const stolen = await call('GET', '/appointments', { token: li, query: { cursor } });
    expect(stolen.status).toBe(400);
    expect(stolen.body.message).toBe(BAD_CURSOR);
    // Zhang rewrites the list it names to Li's but keeps the position: the key is still in Zhang's partition.
    const decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    const relabelled = Buffer.from(JSON.stringify({ ...decoded, l: decoded.l.replace('r-zhang', 'r-li') })).toString('base64url');
    expect((await call('GET', '/appointments', { token: li, query: { cursor: relabelled } })).status).toBe(400);
    // And a fully rewritten one only ever reads the caller's own partition.
    const moved = { l: decoded.l.replace('r-zhang', 'r-li'), k: Object.fromEntries(Object.entries(decoded.k as Record<string, string>).map(([k, v]) => [k, v.replace(/r-zhang/g, 'r-li')])) };
    const own = await call('GET', '/appointments', { token: li, query: { cursor: Buffer.from(JSON.stringify(moved)).toString('base64url') } });
    if (own.status === 200) expect(own.body.appointments.every((a) => a.id.startsWith('r-li-'))).toBe(true);
    else expect(own.status).toBe(400);
    // A cursor of another list (the queue) on this one.
    expect((await call('GET', '/applications', { token: zhang, query: { cursor } })).status).toBe(400);
  });

  test('cases: the resident and the department queue (pointers + BatchGet) page through every open case, none twice', async () => {
    for (let i = 0; i < 11; i++) {
      const res = await call('POST', '/applications', { token: zhang, body: { serviceCode: 'QS-MZ-001', idempotencyKey: `page-apply-${i}`, materials: [], proxy: false } });
      expect(res.status).toBe(201);
    }
    const mine = (await allPages('/applications', zhang, (b) => b.applications)).flat();
    expect(mine).toHaveLength(11);
    expect(new Set(mine).size).toBe(11);

    const queuePages = await allPages('/admin/queue', clerk, (b) => b.applications);
    expect(queuePages.map((p) => p.length)).toEqual([5, 5, 1]);
    expect(new Set(queuePages.flat())).toEqual(new Set(mine));

    // The supervisor's county-wide pointer query pages too (all are fresh, so none is late).
    const overdue = await call('GET', '/admin/overdue', { token: supervisor, query: { limit: '5' } });
    expect(overdue.status).toBe(200);
    expect(overdue.body.nextCursor).toEqual(expect.any(String));

    // A department's queue cursor does not open another department's queue or the county-wide list.
    const first = await call('GET', '/admin/queue', { token: clerk, query: { limit: '5' } });
    const cursor = first.body.nextCursor as string;
    const other = await call('GET', '/admin/queue', { token: otherClerk, query: { cursor } });
    expect(other.status).toBe(400);
    expect(other.body.message).toBe(BAD_CURSOR);
    expect((await call('GET', '/admin/overdue', { token: supervisor, query: { cursor } })).status).toBe(400);
  });
});
