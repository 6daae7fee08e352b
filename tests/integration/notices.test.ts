// Notices through the in-process HTTP API on DynamoDB Local: draft, preview,
// publish, withdraw; the fan-out reaches exactly the targeted residents once
// each (current or hometown region, tags, age), resumes after a crash without
// duplicates; the feed, read receipts and reach; a migrant worker's place
// outside the county.
import { useTestTable } from '../support/table';
import { useFakeWechat } from '../support/wechat';
import { call } from '../support/api';
import type { InboxResponse } from '../../shared/schemas/inbox';
import { COUNTY, OTHER_TOWN, residentToken, seedReference, staffToken, TOWN, VILLAGE } from '../fixtures/world';
import { runNoticeFanout } from '../../functions/jobs/notice-fanout';
import { runOutboxSender } from '../../functions/jobs/outbox-sender';
import { recordConsent } from '../../functions/store/consent';
import { db, tableName } from '../../functions/store/client';
import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';

useTestTable();
const wx = useFakeWechat();
let admin: string, head: string, otherHead: string, supervisor: string, clerk: string;
let wang: string, zhang: string, xiang: string, elder: string;

beforeAll(async () => {
  await seedReference();
  admin = await staffToken('admin1', 'admin', null);
  head = await staffToken('head-mz', 'dept_head', 'civil-affairs');
  otherHead = await staffToken('head-ga', 'dept_head', 'public-security');
  supervisor = await staffToken('xiaoneng', 'supervisor', null);
  clerk = await staffToken('clerk-mz', 'clerk', 'civil-affairs');
  // Residents come in through PUT /me, as the app writes them, so the region index is kept by the profile save.
  const resident = async (id: string, me: Record<string, unknown>) => {
    const token = await residentToken(id, { currentRegionCode: null, hometownRegionCode: null, tags: [] });
    const res = await call('PUT', '/me', { token, body: me });
    expect(res.status).toBe(200);
    return token;
  };
  wang = await resident('r-wang', { currentPlaceCode: '441900', hometownRegionCode: VILLAGE, tags: ['migrant_worker'], birthDate: '1988-05-16' });
  zhang = await resident('r-zhang', { currentRegionCode: VILLAGE, tags: ['elderly'], birthDate: '1954-03-12' });
  xiang = await resident('r-xiang', { currentRegionCode: OTHER_TOWN, tags: ['migrant_worker'] });
  elder = await resident('r-elder', { currentRegionCode: TOWN, hometownRegionCode: VILLAGE, tags: ['elderly'], birthDate: '1944-01-01' });
});

const input = (over: Record<string, unknown> = {}) => ({
  kind: 'hometown', title: '高滩镇返乡创业扶持政策', body: '返乡创业人员可申请一次性创业补贴。\n详情请咨询镇便民服务中心。',
  target: { regionCodes: [TOWN], tags: [], minAge: null, maxAge: null }, expiresOn: null, ...over,
});

async function published(token: string, over: Record<string, unknown> = {}) {
  const draft = await call('POST', '/admin/notices', { token, body: input(over) });
  expect(draft.status).toBe(201);
  const pub = await call('POST', `/admin/notices/${draft.body.id}/publish`, { token, body: { version: draft.body.version } });
  expect(pub.status).toBe(200);
  return pub.body;
}

const feed = async (token: string) => (await call('GET', '/inbox', { token })).body;
const noticeIn = (f: InboxResponse, id: string) => f.items.filter((m) => m.noticeId === id);

describe('a migrant worker lives outside the county', () => {
  test('current place from the standard list (province and city), the hometown in the county', async () => {
    const me = (await call('GET', '/me', { token: wang })).body;
    expect(me).toMatchObject({ currentRegionCode: null, currentPlaceCode: '441900', currentPlaceName: '广东省 东莞市', hometownRegionCode: VILLAGE });
    expect((await call('PUT', '/me', { token: wang, body: { currentPlaceCode: '999999' } })).status).toBe(400);
    expect((await call('PUT', '/me', { token: wang, body: { currentPlaceCode: '441900', currentRegionCode: TOWN } })).status).toBe(400);
    expect((await call('PUT', '/me', { token: wang, body: { birthDate: '1988-02-30' } })).status).toBe(400);
  });
});

describe('drafting, previewing, publishing, withdrawing', () => {
  test('preview counts residents by current or hometown region, tags and age', async () => {
    const preview = (target: Record<string, unknown>) => call('POST', '/admin/notices/preview', { token: head, body: { tags: [], minAge: null, maxAge: null, ...target } });
    expect((await preview({ regionCodes: [TOWN] })).body).toEqual({ targeted: 3 }); // wang (hometown), zhang, elder (both regions: once)
    expect((await preview({ regionCodes: [COUNTY] })).body).toEqual({ targeted: 4 });
    expect((await preview({ regionCodes: [OTHER_TOWN] })).body).toEqual({ targeted: 1 });
    expect((await preview({ regionCodes: [COUNTY], tags: ['migrant_worker'] })).body).toEqual({ targeted: 2 });
    expect((await preview({ regionCodes: [COUNTY], minAge: 80, maxAge: null })).body).toEqual({ targeted: 1 });
    expect((await preview({ regionCodes: ['511999999'] })).status).toBe(400);
    expect((await preview({ regionCodes: [] })).status).toBe(400);
    expect((await preview({ regionCodes: [TOWN], minAge: 80, maxAge: 70 })).status).toBe(400);
    expect((await call('POST', '/admin/notices/preview', { token: clerk, body: { regionCodes: [TOWN], tags: [], minAge: null, maxAge: null } })).status).toBe(403);
  });

  test('400 for bad input, 401, 403 for a clerk, 404 for another department, 409 for a stale or illegal step', async () => {
    expect((await call('POST', '/admin/notices', { token: head, body: input({ title: '' }) })).status).toBe(400);
    expect((await call('POST', '/admin/notices', { token: head, body: input({ kind: 'gossip' }) })).status).toBe(400);
    expect((await call('POST', '/admin/notices', { token: head, body: input({ expiresOn: '2026-02-30' }) })).status).toBe(400);
    expect((await call('POST', '/admin/notices', { body: input() })).status).toBe(401);
    expect((await call('POST', '/admin/notices', { token: clerk, body: input() })).status).toBe(403);
    expect((await call('POST', '/admin/notices', { token: zhang, body: input() })).status).toBe(403);
    const draft = (await call('POST', '/admin/notices', { token: head, body: input() })).body;
    expect((await call('GET', `/admin/notices/${draft.id}`, { token: otherHead })).status).toBe(404);
    expect((await call('GET', `/admin/notices/${draft.id}`, { token: supervisor })).status).toBe(200);
    expect((await call('POST', `/admin/notices/${draft.id}/publish`, { token: supervisor, body: { version: 1 } })).status).toBe(403);
    expect((await call('GET', '/admin/notices/nope', { token: head })).status).toBe(404);
    expect((await call('POST', `/admin/notices/${draft.id}/withdraw`, { token: head, body: { version: 1 } })).status).toBe(409);
    const edited = await call('PUT', `/admin/notices/${draft.id}`, { token: head, body: { ...input({ title: '改过的标题' }), version: 1 } });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ title: '改过的标题', version: 2, status: 'draft' });
    expect((await call('PUT', `/admin/notices/${draft.id}`, { token: head, body: { ...input(), version: 1 } })).status).toBe(409);
    expect((await call('POST', `/admin/notices/${draft.id}/publish`, { token: head, body: { version: 1 } })).status).toBe(409);
    const pub = await call('POST', `/admin/notices/${draft.id}/publish`, { token: head, body: { version: 2 } });
    expect(pub.body).toMatchObject({ status: 'published', version: 3 });
    expect((await call('POST', `/admin/notices/${draft.id}/publish`, { token: head, body: { version: 3 } })).status).toBe(409);
    expect((await call('PUT', `/admin/notices/${draft.id}`, { token: head, body: { ...input(), version: 3 } })).status).toBe(409);
    const list = await call('GET', '/admin/notices', { token: otherHead });
    expect(list.body.notices.map((n) => n.id)).not.toContain(draft.id);
    expect((await call('GET', '/admin/notices', { token: head })).body.notices.map((n) => n.id)).toContain(draft.id);
    await runNoticeFanout(); // deliver it, so later tests start clean
  });
});

describe('fan-out', () => {
  test('a 家乡动态 notice to 城关镇 reaches exactly the targeted residents once each; the feed, read receipt and reach', async () => {
    await recordConsent({ kind: 'resident', id: 'r-wang' }, [{ template: 'notice', accepted: true, long: true }], new Date().toISOString());
    const n = await published(admin);
    const run = await runNoticeFanout();
    expect(run).toMatchObject({ notices: 1, written: 3 });
    expect((await runNoticeFanout()).notices).toBe(0);

    const wangFeed = await feed(wang);
    expect(noticeIn(wangFeed, n.id)).toEqual([expect.objectContaining({ kind: 'notice', title: '高滩镇返乡创业扶持政策', read: false })]);
    expect(noticeIn(await feed(elder), n.id)).toHaveLength(1); // both regions in town: once
    expect(noticeIn(await feed(zhang), n.id)).toHaveLength(1);
    expect(noticeIn(await feed(xiang), n.id)).toHaveLength(0); // 向阳镇

    const detail = await call('GET', `/notices/${n.id}`, { token: wang });
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({ kind: 'hometown', body: expect.stringContaining('一次性创业补贴') });
    expect((await call('GET', `/notices/${n.id}`, { token: xiang })).status).toBe(404);

    const before = wangFeed.unread;
    const read = await call('POST', `/inbox/${noticeIn(wangFeed, n.id)[0]!.id}/read`, { token: wang });
    expect(read.body.unread).toBe(before - 1);

    const sent = await runOutboxSender();
    expect(sent.sent).toBeGreaterThanOrEqual(1);
    expect(wx.fake.messages().filter((m) => m.touser === 'openid-r-wang' && m.page === `packages/notice/detail?id=${n.id}`)).toHaveLength(1);

    const reach = (await call('GET', `/admin/notices/${n.id}`, { token: supervisor })).body;
    expect(reach.delivered).toBe(true);
    expect(reach.reach).toMatchObject({ targeted: 3, inboxWritten: 3, pushed: 3, delivered: 1, skipped: 2, failed: 0, read: 1 });
  });

  test('tags and age narrow the audience', async () => {
    const migrants = await published(head, { title: '务工人员权益保障', kind: 'legal', target: { regionCodes: [COUNTY], tags: ['migrant_worker'], minAge: null, maxAge: null } });
    const eighty = await published(head, { title: '高龄津贴申领提醒', kind: 'reminder', target: { regionCodes: [COUNTY], tags: [], minAge: 80, maxAge: null } });
    await runNoticeFanout();
    expect(noticeIn(await feed(wang), migrants.id)).toHaveLength(1);
    expect(noticeIn(await feed(xiang), migrants.id)).toHaveLength(1);
    expect(noticeIn(await feed(zhang), migrants.id)).toHaveLength(0);
    expect(noticeIn(await feed(elder), eighty.id)).toHaveLength(1);
    expect(noticeIn(await feed(zhang), eighty.id)).toHaveLength(0); // 72
  });

  test('a crash between pages and a rerun write no duplicates', async () => {
    for (let i = 0; i < 7; i++) {
      const token = await residentToken(`r-bulk-${i}`, { currentRegionCode: null, hometownRegionCode: null, tags: [] });
      await call('PUT', '/me', { token, body: { currentRegionCode: VILLAGE } });
    }
    const n = await published(admin, { title: '城关镇停水通知', kind: 'reminder' });
    const crashed = await runNoticeFanout({ pageSize: 3, crashAfterPages: 2 });
    expect(crashed.pages).toBe(2);
    // Within the lease nobody takes it over; once the lease runs out the rerun resumes from the saved page.
    expect((await runNoticeFanout({ pageSize: 3 })).notices).toBe(0);
    const later = () => new Date(Date.now() + 6 * 60_000);
    const rerun = await runNoticeFanout({ pageSize: 3, now: later });
    expect(rerun.notices).toBe(1);
    const inboxes = await db().send(
      new QueryCommand({
        TableName: tableName(), IndexName: undefined, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': `OUTBOX#notice-${n.id}-r-bulk-0` },
      }),
    );
    expect(inboxes.Items).toHaveLength(1);
    const reach = (await call('GET', `/admin/notices/${n.id}`, { token: admin })).body.reach;
    expect(reach.targeted).toBe(3 + 7); // wang, zhang, elder and the seven, each once
    for (let i = 0; i < 7; i++) {
      const token = await residentToken(`r-bulk-${i}`, { currentRegionCode: VILLAGE, hometownRegionCode: null, tags: [] });
      expect(noticeIn(await feed(token), n.id)).toHaveLength(1);
    }
  });

  test('a withdrawn notice leaves the feed and its page', async () => {
    const n = await published(head, { title: '即将撤回的通知' });
    await runNoticeFanout();
    expect(noticeIn(await feed(zhang), n.id)).toHaveLength(1);
    const w = await call('POST', `/admin/notices/${n.id}/withdraw`, { token: head, body: { version: n.version } });
    expect(w.body.status).toBe('withdrawn');
    expect(noticeIn(await feed(zhang), n.id)).toHaveLength(0);
    expect((await call('GET', `/notices/${n.id}`, { token: zhang })).status).toBe(404);
    // Its pushes not yet sent are skipped, never delivered.
    await recordConsent({ kind: 'resident', id: 'r-zhang' }, [{ template: 'notice', accepted: true, long: true }], new Date().toISOString());
    await runOutboxSender();
    expect(wx.fake.messages().filter((m) => m.page === `packages/notice/detail?id=${n.id}`)).toHaveLength(0);
  });

  test('an expired notice is hidden from the feed', async () => {
    const yesterday = new Date(Date.now() - 86_400_000 * 2).toISOString().slice(0, 10);
    const draft = (await call('POST', '/admin/notices', { token: head, body: input({ title: '已过期', expiresOn: yesterday }) })).body;
    expect((await call('POST', `/admin/notices/${draft.id}/publish`, { token: head, body: { version: 1 } })).status).toBe(409);
  });
});

describe('the unread count leaves withdrawn and expired notices out', () => {
  const unread = async (token: string) => (await call('GET', '/inbox/unread', { token })).body.unread as number;

  test('a withdrawal takes each unread entry off its resident’s count once; a rerun changes nothing', async () => {
    await runNoticeFanout(); // whatever earlier tests left due
    const before = { wang: await unread(wang), zhang: await unread(zhang), elder: await unread(elder) };
    const n = await published(head, { title: '将被撤回的补贴通知' });
    await runNoticeFanout();
    expect(await unread(zhang)).toBe(before.zhang + 1);
    const zhangEntry = noticeIn(await feed(zhang), n.id)[0];
    const elderEntry = noticeIn(await feed(elder), n.id)[0];
    await call('POST', `/inbox/${elderEntry!.id}/read`, { token: elder }); // read before the withdrawal: not counted twice

    const sentTo = (await call('GET', `/admin/notices/${n.id}`, { token: head })).body.reach.inboxWritten;
    const w = await call('POST', `/admin/notices/${n.id}/withdraw`, { token: head, body: { version: n.version } });
    expect(w.status).toBe(200);
    const run = await runNoticeFanout({ pageSize: 2 });
    expect(run).toMatchObject({ notices: 1, retracted: sentTo - 1 }); // all but the elder, who had read it
    expect({ wang: await unread(wang), zhang: await unread(zhang), elder: await unread(elder) }).toEqual(before);

    // Reruns, even after any lease, change nothing; reading the retracted entry does not count it again.
    expect(await runNoticeFanout()).toMatchObject({ notices: 0, retracted: 0 });
    expect(await runNoticeFanout({ now: () => new Date(Date.now() + 6 * 60_000) })).toMatchObject({ notices: 0, retracted: 0 });
    expect((await call('POST', `/inbox/${zhangEntry!.id}/read`, { token: zhang })).body.unread).toBe(before.zhang);
    expect({ wang: await unread(wang), zhang: await unread(zhang), elder: await unread(elder) }).toEqual(before);
  });

  test('a notice withdrawn before its delivery leaves every count as it was', async () => {
    await runNoticeFanout();
    const before = await unread(zhang);
    const n = await published(head, { title: '投递中撤回的通知' });
    const withdrawn = await call('POST', `/admin/notices/${n.id}/withdraw`, { token: head, body: { version: n.version } });
    expect(withdrawn.status).toBe(200);
    await runNoticeFanout(); // the delivery sees the withdrawal and stops; the retraction finds nothing to take back
    await runNoticeFanout({ now: () => new Date(Date.now() + 6 * 60_000) });
    expect(await unread(zhang)).toBe(before);
  });

  test('a withdrawal while the delivery runs stops it at the next page and takes back what it wrote', async () => {
    for (let i = 0; i < 6; i++) {
      const token = await residentToken(`r-mid-${i}`, { currentRegionCode: null, hometownRegionCode: null, tags: [] });
      await call('PUT', '/me', { token, body: { currentRegionCode: VILLAGE } });
    }
    await runNoticeFanout();
    const before = await unread(zhang);
    const n = await published(head, { title: '投递途中撤回的通知' });
    let withdrawn = false;
    const run = await runNoticeFanout({
      pageSize: 2,
      betweenPages: async () => {
        if (withdrawn) return;
        withdrawn = true;
        expect((await call('POST', `/admin/notices/${n.id}/withdraw`, { token: head, body: { version: n.version } })).status).toBe(200);
      },
    });
    const reach = (await call('GET', `/admin/notices/${n.id}`, { token: head })).body.reach;
    expect(reach.inboxWritten).toBe(run.written); // only the first page: nothing was written after the withdrawal
    expect(run.written).toBeLessThanOrEqual(2);
    const retraction = await runNoticeFanout();
    expect(retraction.retracted).toBe(run.written);
    expect(await unread(zhang)).toBe(before);
    for (let i = 0; i < 6; i++) {
      const token = await residentToken(`r-mid-${i}`, { currentRegionCode: VILLAGE, hometownRegionCode: null, tags: [] });
      expect(noticeIn(await feed(token), n.id)).toHaveLength(0);
    }
  });

  test('an unread entry that expired leaves the count when the feed meets it, once', async () => {
    await runNoticeFanout();
    const tomorrow = new Date(Date.now() + 86_400_000 * 2).toISOString().slice(0, 10);
    const n = await published(head, { title: '即将过期的通知', expiresOn: tomorrow });
    await runNoticeFanout();
    const entry = noticeIn(await feed(zhang), n.id)[0];
    const counted = await unread(zhang);
    // Time passes: the entry's expiry is now behind us.
    await db().send(
      new UpdateCommand({
        TableName: tableName(), Key: { pk: 'INBOX#r-zhang', sk: `MSG#${entry!.id}` },
        UpdateExpression: 'SET expiresAt = :past', ExpressionAttributeValues: { ':past': new Date(Date.now() - 60_000).toISOString() },
      }),
    );
    const f = await feed(zhang);
    expect(noticeIn(f, n.id)).toHaveLength(0);
    expect(f.unread).toBe(counted - 1);
    expect((await feed(zhang)).unread).toBe(counted - 1);
    expect((await call('POST', `/inbox/${entry!.id}/read`, { token: zhang })).body.unread).toBe(counted - 1);
  });
});

describe('a notice’s attachment', () => {
  async function upload(token: string, path: '/uploads' | '/admin/uploads'): Promise<string> {
    const bytes = Buffer.from('scan of the policy document');
    const ticket = await call('POST', path, { token, body: { contentType: 'image/png', bytes: bytes.length, purpose: 'notice_attachment' } });
    expect(ticket.status).toBe(201);
    const put = await fetch(ticket.body.url, { method: 'PUT', headers: ticket.body.headers, body: new Uint8Array(bytes) });
    expect(put.status).toBe(200);
    return ticket.body.key;
  }

  test('only the author’s own upload; kept out of the expiring tmp/ folder; an edit without it keeps it', async () => {
    const residentsPhoto = await upload(zhang, '/uploads');
    const stolen = await call('POST', '/admin/notices', { token: head, body: input({ attachmentKey: residentsPhoto }) });
    expect(stolen.status).toBe(400);
    expect(stolen.body.fields!.attachmentKey).toBe('只能使用本人上传的附件');

    const own = await upload(head, '/admin/uploads');
    const draft = await call('POST', '/admin/notices', { token: head, body: input({ attachmentKey: own }) });
    expect(draft.status).toBe(201);
    const { getNotice } = await import('../../functions/store/notices');
    const kept = (await getNotice(draft.body.id))!.attachmentKey!;
    expect(kept).toMatch(new RegExp(`^notices/${draft.body.id}/`));
    expect(draft.body.attachmentUrl).toContain(encodeURIComponent(kept).replace(/%2F/g, '/'));
    const fetched = await fetch(draft.body.attachmentUrl!);
    expect(fetched.status).toBe(200);

    const edited = await call('PUT', `/admin/notices/${draft.body.id}`, { token: head, body: { ...input({ title: '高滩镇返乡创业扶持政策（修订）' }), version: draft.body.version } });
    expect(edited.status).toBe(200);
    expect((await getNotice(draft.body.id))!.attachmentKey).toBe(kept);
    const removed = await call('PUT', `/admin/notices/${draft.body.id}`, { token: head, body: { ...input({ attachmentKey: null }), version: edited.body.version } });
    expect(removed.body.attachmentUrl).toBeNull();
  });
});
