// Never overbooked: concurrent bookings and cancellations through the real
// HTTP API (serverless-offline, authorizers, DynamoDB Local transactions).
import { sharedStack } from './support/stack';
import { DEMO_PASSWORD } from '../../scripts/seed/data';
import { createCalendar, shanghaiDate } from '../../functions/domain/calendar';

jest.setTimeout(240_000);
const { urls } = sharedStack();
const SEATS = 10;
const ATTEMPTS = 120;

async function api(method: string, path: string, body?: unknown, token?: string) {
  const res = await fetch(`${urls.api}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json().catch(() => null)) as any };
}

/** Residents signed in through the fake WeChat code flow, a few at a time. */
async function residents(prefix: string, n: number): Promise<string[]> {
  const tokens: string[] = [];
  for (let i = 0; i < n; i += 10) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(10, n - i) }, async (_, j) => {
        const minted = await fetch(`${urls.fakeWechat}/dev/code`, { method: 'POST', body: JSON.stringify({ openid: `${prefix}-${i + j}` }) });
        const { code } = (await minted.json()) as { code: string };
        const session = await api('POST', '/auth/wechat', { code });
        expect(session.status).toBe(200);
        return session.body.token as string;
      }),
    );
    tokens.push(...batch);
  }
  return tokens;
}

function nextWorkingDay(afterDays: number): string {
  const cal = createCalendar();
  const d = new Date(`${shanghaiDate()}T00:00:00Z`);
  let found = 0;
  for (;;) {
    d.setUTCDate(d.getUTCDate() + 1);
    const s = d.toISOString().slice(0, 10);
    if (!cal.knows(d.getUTCFullYear())) throw new Error(`no published calendar for ${s}`);
    if (cal.isWorkingDay(s) && ++found === afterDays) return s;
  }
}

let admin: string;
beforeAll(async () => {
  const login = await api('POST', '/admin/auth/login', { username: 'admin', password: DEMO_PASSWORD });
  expect(login.status).toBe(200);
  admin = login.body.token;
});

const book = (token: string, slotId: string, i: number) =>
  api('POST', '/appointments', { slotId, serviceCode: 'QS-GA-001', idempotencyKey: `contention-${slotId.length}-${i}-${Date.now()}` }, token);

test(`${ATTEMPTS} concurrent bookings of a slot with ${SEATS} seats: exactly ${SEATS} succeed, the rest 409 名额已满, no 5xx`, async () => {
  const date = nextWorkingDay(2);
  const slotId = `qs-county-center~${date}~1330`;
  const cap = await api('PUT', `/admin/slots/${slotId}/capacity`, { capacity: SEATS }, admin);
  expect(cap.status).toBe(200);
  const tokens = await residents('contention-a', ATTEMPTS);

  const results = await Promise.all(tokens.map((t, i) => book(t, slotId, i)));
  const count = (s: number) => results.filter((r) => r.status === s).length;
  expect(count(201)).toBe(SEATS);
  expect(count(409)).toBe(ATTEMPTS - SEATS);
  expect(results.filter((r) => r.status >= 500)).toHaveLength(0);
  expect(results.filter((r) => r.status === 409).every((r) => r.body.message === '名额已满')).toBe(true);

  const day = await api('GET', `/admin/places/qs-county-center/day?date=${date}`, undefined, admin);
  const slot = day.body.slots.find((s: any) => s.slot.id === slotId);
  expect(slot.slot.booked).toBe(SEATS);
  expect(slot.bookings.filter((b: any) => b.status === 'booked')).toHaveLength(SEATS);

  // Lowering the capacity below the bookings is refused.
  const lower = await api('PUT', `/admin/slots/${slotId}/capacity`, { capacity: SEATS - 1 }, admin);
  expect(lower.status).toBe(409);

  // Five winners cancel, each twice at once, while 30 others race for the freed seats.
  const winners = results.flatMap((r, i) => (r.status === 201 ? [{ token: tokens[i]!, id: r.body.id as string }] : [])).slice(0, 5);
  const latecomers = await residents('contention-b', 30);
  const [cancels, rebooks] = await Promise.all([
    Promise.all(winners.flatMap((w) => [1, 2].map(() => api('POST', `/appointments/${w.id}/cancel`, { version: 1 }, w.token)))),
    Promise.all(latecomers.map((t, i) => book(t, slotId, 1000 + i))),
  ]);
  expect(cancels.filter((c) => c.status === 200)).toHaveLength(5);
  expect(cancels.filter((c) => c.status === 409)).toHaveLength(5);
  expect(rebooks.filter((r) => r.status >= 500)).toHaveLength(0);
  const after = await api('GET', `/admin/places/qs-county-center/day?date=${date}`, undefined, admin);
  const s2 = after.body.slots.find((s: any) => s.slot.id === slotId);
  const active = s2.bookings.filter((b: any) => b.status === 'booked').length;
  expect(s2.slot.booked).toBe(active);
  expect(active).toBeLessThanOrEqual(SEATS);
  expect(active).toBe(SEATS - 5 + rebooks.filter((r) => r.status === 201).length);
});
