// Pushes through the outbox on DynamoDB Local with the fake WeChat: a case
// step reaches the inbox and WeChat once; an outage loses nothing and sends
// nothing twice; 43101 clears consent; dead answers are listed; an expired
// token is refreshed once; two senders at once send nothing twice.
import { useTestTable } from '../support/table';
import { useFakeWechat } from '../support/wechat';
import { call } from '../support/api';
import { residentToken, seedReference, staffToken } from '../fixtures/world';
import { PUSH_TEMPLATES } from '../../shared/push-templates';
import { caseStep } from '../../functions/domain/messages';
import { runOutboxSender } from '../../functions/jobs/outbox-sender';
import { accessToken, resetAccessToken } from '../../functions/lib/wechat-api';
import { getConsent, recordConsent } from '../../functions/store/consent';
import { getOutbox, listDeadOutbox, writePush } from '../../functions/store/outbox';

useTestTable();
const wx = useFakeWechat();
let zhang: string, clerk: string;

beforeAll(async () => {
  await seedReference();
  zhang = await residentToken('r-zhang');
  clerk = await staffToken('clerk-mz', 'clerk', 'civil-affairs');
});
beforeEach(() => {
  wx.fake.clearMessages();
  resetAccessToken();
});

const CASE_TPL = PUSH_TEMPLATES.case_progress.id;
const at = (iso: string) => () => new Date(iso);
/** A fresh clock far from the others, so rows of one test are never due in another. */
let epoch = Date.UTC(2030, 0, 1);
const clock = () => {
  epoch += 30 * 24 * 3600_000;
  return epoch;
};

/** A resident with a banked one-time credit for case pushes and `n` due pushes written at `t0`. */
async function residentsWithPushes(prefix: string, n: number, t0: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const id = `${prefix}-${i}`;
    await residentToken(id);
    // caseProgress is long-term: bank a credit on a one-time template shape by recording a non-long accept.
    await recordConsent({ kind: 'resident', id }, [{ template: 'case_progress', accepted: true, long: false }], new Date(t0).toISOString());
    const msg = caseStep({ id: `case-${id}`, caseNumber: `20300101-${i}`, serviceName: '高龄津贴申领', version: 2, missing: [] }, 'accepted');
    expect(await writePush({ kind: 'resident', id }, msg, new Date(t0).toISOString())).toBe('written');
    ids.push(id);
  }
  return ids;
}

describe('a case step reaches the inbox and WeChat', () => {
  test('受理 writes an inbox entry and a push in the case transaction; consent, sender, read receipt', async () => {
    expect((await call('GET', '/inbox/unread', { token: zhang })).body).toEqual({ unread: 0 });
    const consent = await call('PUT', '/me/subscriptions', { token: zhang, body: { results: { [CASE_TPL]: 'accept' } } });
    expect(consent.status).toBe(200);
    expect(consent.body.templates.find((t) => t.template === 'case_progress')).toMatchObject({ long: true });

    const created = await call('POST', '/applications', { token: zhang, body: { serviceCode: 'QS-MZ-001', idempotencyKey: 'outbox-case-1', materials: [], proxy: false } });
    expect(created.status).toBe(201);
    const accepted = await call('POST', `/admin/applications/${created.body.id}/actions`, { token: clerk, body: { action: 'accept', version: created.body.version } });
    expect(accepted.status).toBe(200);

    const inbox = await call('GET', '/inbox', { token: zhang });
    expect(inbox.status).toBe(200);
    expect(inbox.body.unread).toBe(1);
    expect(inbox.body.items[0]).toMatchObject({ kind: 'case', title: '办件受理', read: false });

    const run = await runOutboxSender();
    expect(run).toMatchObject({ sent: 1, retried: 0, dead: 0 });
    const sent = wx.fake.messages();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ touser: 'openid-r-zhang', template_id: CASE_TPL, data: { phrase3: { value: '已受理' } } });
    expect((await runOutboxSender()).claimed).toBe(0);

    const id = inbox.body.items[0]!.id;
    expect((await call('POST', `/inbox/${id}/read`, { token: zhang })).body).toEqual({ unread: 0 });
    expect((await call('POST', `/inbox/${id}/read`, { token: zhang })).body).toEqual({ unread: 0 });
    expect((await call('GET', '/inbox', { token: zhang })).body.items[0]!.read).toBe(true);
  });

  test('400 for a malformed id or template, 401 without a session, 404 for a message not theirs', async () => {
    expect((await call('POST', '/inbox/bad%20id/read', { token: zhang })).status).toBe(400);
    expect((await call('PUT', '/me/subscriptions', { token: zhang, body: { results: { 'TPL-UNKNOWN': 'accept' } } })).status).toBe(400);
    expect((await call('PUT', '/me/subscriptions', { token: zhang, body: { results: {} } })).status).toBe(400);
    expect((await call('PUT', '/me/subscriptions', { token: zhang, body: { results: { [CASE_TPL]: 'maybe' } } })).status).toBe(400);
    expect((await call('GET', '/inbox')).status).toBe(401);
    expect((await call('GET', '/inbox', { token: clerk })).status).toBe(403);
    const other = await residentToken('r-other');
    const mine = (await call('GET', '/inbox', { token: zhang })).body.items[0]!.id;
    expect((await call('POST', `/inbox/${mine}/read`, { token: other })).status).toBe(404);
  });
});

describe('the sender against a failing WeChat', () => {
  test('WeChat down for 10 minutes, then back: every push delivered exactly once', async () => {
    const t0 = clock();
    const ids = await residentsWithPushes('outage', 5, t0);
    wx.fake.setFailure('subscribe', 'http500');
    const min = (m: number) => at(new Date(t0 + m * 60_000).toISOString());
    expect(await runOutboxSender({ now: min(0) })).toMatchObject({ claimed: 5, retried: 5 });
    expect(await runOutboxSender({ now: min(0.5) })).toMatchObject({ claimed: 0 }); // not due before 1 min
    expect(await runOutboxSender({ now: min(1) })).toMatchObject({ claimed: 5, retried: 5 }); // next in 5 min
    expect(await runOutboxSender({ now: min(6) })).toMatchObject({ claimed: 5, retried: 5 }); // next in 30 min
    wx.fake.setFailure('subscribe', null); // back after 10 minutes
    expect(await runOutboxSender({ now: min(10) })).toMatchObject({ claimed: 0 });
    expect(await runOutboxSender({ now: min(36) })).toMatchObject({ claimed: 5, sent: 5 });
    expect(await runOutboxSender({ now: min(24 * 60) })).toMatchObject({ claimed: 0 });
    const sent = wx.fake.messages().map((m) => m.touser).sort();
    expect(sent).toEqual(ids.map((id) => `openid-${id}`).sort());
    // The one-time credit was given back on each failure and spent once on the send.
    expect((await getConsent({ kind: 'resident', id: ids[0]! }, ['case_progress']))[0]!.credits).toBe(0);
  });

  test('retries run out after the fifth: dead, and listed for the admin', async () => {
    const t0 = clock();
    const [id] = await residentsWithPushes('retries', 1, t0);
    wx.fake.setFailure('subscribe', 'errcode:45009');
    let t = t0;
    for (const wait of [0, 1, 5, 30, 120, 720]) {
      t += wait * 60_000;
      const r = await runOutboxSender({ now: at(new Date(t).toISOString()) });
      expect(r.claimed).toBe(1);
    }
    const row = await getOutbox(`case-case-${id}-v2`);
    expect(row).toMatchObject({ state: 'dead', failures: 6 });
    expect((await listDeadOutbox(50)).map((r) => r.id)).toContain(row!.id);
    // The admin's alert lists it; nobody else may read it.
    const admin = await staffToken('admin1', 'admin', null);
    const alert = await call('GET', '/admin/push-failures', { token: admin });
    expect(alert.body.pushes.find((p) => p.id === row!.id)).toMatchObject({ templateTitle: '办件进度通知', recipient: 'resident', lastError: expect.stringContaining('45009') });
    expect((await call('GET', '/admin/push-failures', { token: clerk })).status).toBe(403);
    expect((await call('GET', '/admin/push-failures')).status).toBe(401);
  });

  test('43101 skips the push and clears the consent; the inbox keeps the message', async () => {
    const t0 = clock();
    const [id] = await residentsWithPushes('refused', 1, t0);
    wx.fake.refuse(`openid-${id}`);
    expect(await runOutboxSender({ now: at(new Date(t0).toISOString()) })).toMatchObject({ skipped: 1 });
    expect((await getConsent({ kind: 'resident', id: id! }, ['case_progress']))[0]).toMatchObject({ credits: 0, long: false });
    expect((await getOutbox(`case-case-${id}-v2`))?.state).toBe('skipped');
    const token = await residentToken(id!);
    expect((await call('GET', '/inbox', { token })).body.items).toHaveLength(1);
    wx.fake.refuse(`openid-${id}`, false);
  });

  test('40037 (template) is dead at once; no consent is skipped without calling WeChat', async () => {
    const t0 = clock();
    const [a, b] = await residentsWithPushes('deadtpl', 2, t0);
    await recordConsent({ kind: 'resident', id: b! }, [{ template: 'case_progress', accepted: false, long: false }], new Date(t0).toISOString());
    wx.fake.setFailure('subscribe', 'errcode:40037');
    expect(await runOutboxSender({ now: at(new Date(t0).toISOString()) })).toMatchObject({ claimed: 2, dead: 1, skipped: 1 });
    expect((await getOutbox(`case-case-${a}-v2`))?.state).toBe('dead');
    expect((await getOutbox(`case-case-${b}-v2`))?.lastError).toBe('no consent');
  });

  test('an expired access token is refreshed once and the push goes through', async () => {
    const t0 = clock();
    await residentsWithPushes('token', 1, t0);
    await accessToken(); // cached, and WeChat then expires it early
    const before = wx.fake.tokensIssued();
    wx.fake.expireTokens();
    const r = await runOutboxSender({ now: at(new Date(t0).toISOString()) });
    expect(r).toMatchObject({ sent: 1 });
    expect(wx.fake.tokensIssued()).toBe(before + 1);
    expect(wx.fake.messages()).toHaveLength(1);
  });

  test('two senders at once send nothing twice', async () => {
    const t0 = clock();
    const ids = await residentsWithPushes('race', 12, t0);
    const now = at(new Date(t0).toISOString());
    const [x, y] = await Promise.all([runOutboxSender({ now, concurrency: 4 }), runOutboxSender({ now, concurrency: 4 })]);
    expect(x.sent + y.sent).toBe(12);
    const sent = wx.fake.messages().map((m) => m.touser);
    expect(sent).toHaveLength(12);
    expect(new Set(sent).size).toBe(12);
    expect(new Set(sent)).toEqual(new Set(ids.map((id) => `openid-${id}`)));
  });

  test('a field over its limit never reaches WeChat', async () => {
    const t0 = clock();
    const id = 'toolong';
    await residentToken(id);
    const msg = { ...caseStep({ id: 'c-long', caseNumber: 'X'.repeat(40), serviceName: '高龄津贴申领', version: 2, missing: [] }, 'accepted') };
    await writePush({ kind: 'resident', id }, msg, new Date(t0).toISOString());
    expect(await runOutboxSender({ now: at(new Date(t0).toISOString()) })).toMatchObject({ dead: 1 });
    expect((await getOutbox(msg.id))?.lastError).toContain('character_string1');
    expect(wx.fake.messages()).toHaveLength(0);
  });
});
