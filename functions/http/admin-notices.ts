// Staff notices: department heads write their department's, admins any; the
// supervisor reads them and their reach. Draft → preview → publish → withdraw.
import { randomBytes } from 'node:crypto';
import type { Notice, NoticeInput } from '../../shared/schemas/notices';
import { mayEditNotice, maySeeNotice } from '../domain/access';
import { shanghaiDate } from '../domain/calendar';
import { nextNoticeStatus, type NoticeAction } from '../domain/notices';
import { badRequest, conflict, forbidden, notFound } from '../lib/errors';
import { httpHandler, type StaffPrincipal } from '../lib/http';
import { countTargeted } from '../store/audience';
import { createNotice, getNotice, pageNotices, publishNotice, updateNotice, withdrawNotice, type NoticeRecord } from '../store/notices';
import { getStaff } from '../store/people';
import { getRegions, listRegions } from '../store/reference';
import { headUpload, isUploadOf, keepUpload, presignDownload, staffUploadOwner } from '../store/uploads';
import { listDeadOutbox } from '../store/outbox';
import { PUSH_TEMPLATES } from '../../shared/push-templates';

/** Time-ordered, unguessable ids: 20261201T045000-3fa9c1. */
const noticeId = (now: Date) => `${now.toISOString().replace(/[-:]/g, '').slice(0, 15)}-${randomBytes(3).toString('hex')}`;

export async function noticeView(n: NoticeRecord): Promise<Notice> {
  return {
    id: n.id, kind: n.kind, title: n.title, body: n.body,
    attachmentUrl: n.attachmentKey ? (await presignDownload(n.attachmentKey)).url : null,
    target: n.target, expiresOn: n.expiresOn, status: n.status, departmentId: n.departmentId, authorName: n.author.name,
    createdAt: n.createdAt, publishedAt: n.publishedAt, withdrawnAt: n.withdrawnAt, version: n.version, reach: n.reach, delivered: n.fanoutDone,
  };
}

/** What a notice refers to must exist: its regions. */
async function checkInput(body: NoticeInput): Promise<void> {
  const known = await getRegions(body.target.regionCodes);
  const missing = body.target.regionCodes.find((c) => !known.has(c));
  if (missing) throw badRequest('所选区域不存在', { 'target.regionCodes': '所选区域不存在' });
}

/**
 * The attachment the notice keeps: the author's own upload, copied out of
 * tmp/ (which expires) into the notice's folder. Someone else's upload (a
 * resident's photo) is refused, so a notice can never publish it. Omitted on
 * an edit: the attachment stays; null: it is removed.
 */
async function keepAttachment(key: string | null | undefined, s: StaffPrincipal, noticeId: string, current: string | null): Promise<string | null> {
  if (key === undefined) return current;
  if (key === null) return null;
  const field = (m: string) => badRequest(m, { attachmentKey: m });
  if (!isUploadOf(key, staffUploadOwner(s.username))) throw field('只能使用本人上传的附件');
  if (!(await headUpload(key))) throw field('附件未上传成功，请重新上传');
  const kept = `notices/${noticeId}/${key.split('/').pop()}`;
  await keepUpload(key, kept);
  return kept;
}

async function noticeFor(s: StaffPrincipal, id: string, edit: boolean): Promise<NoticeRecord> {
  const n = await getNotice(id);
  if (!n || !maySeeNotice(s, n)) throw notFound('通知不存在');
  if (edit && !mayEditNotice(s, n)) throw forbidden('只能管理本部门的通知');
  return n;
}

function step(n: NoticeRecord, action: NoticeAction, version: number): void {
  if (n.version !== version) throw conflict('通知已被他人修改，请刷新后重试', 'STALE');
  if (!nextNoticeStatus(n.status, action)) {
    throw conflict(action === 'withdraw' ? '只有已发布的通知可以撤回' : '通知已发布，不能再修改或重复发布', 'ILLEGAL_TRANSITION');
  }
}

const stale = () => conflict('通知已被他人修改，请刷新后重试', 'STALE');

export const handler = httpHandler({
  'POST /admin/notices': async ({ body, principal }) => {
    if (principal.role === 'dept_head' && !principal.departmentId) throw forbidden('您未归属部门，不能发布通知');
    await checkInput(body);
    const now = new Date();
    const at = now.toISOString();
    const id = noticeId(now);
    const [staff, attachmentKey] = await Promise.all([getStaff(principal.username), keepAttachment(body.attachmentKey, principal, id, null)]);
    const n: NoticeRecord = {
      id, kind: body.kind, title: body.title, body: body.body, attachmentKey, target: body.target,
      expiresOn: body.expiresOn ?? null, status: 'draft', departmentId: principal.role === 'admin' ? null : principal.departmentId,
      author: { username: principal.username, name: staff?.name ?? principal.username }, createdAt: at, updatedAt: at,
      publishedAt: null, withdrawnAt: null, fanoutDone: false, version: 1,
      reach: { targeted: 0, inboxWritten: 0, pushed: 0, delivered: 0, skipped: 0, failed: 0, read: 0 },
    };
    await createNotice(n);
    return noticeView(n);
  },

  'GET /admin/notices': async ({ query, principal }) => {
    const page = await pageNotices(query, (n) => maySeeNotice(principal, n));
    // Each with its reach (one Query per notice of the page).
    const full = await Promise.all(page.items.map(async (n) => (await getNotice(n.id)) ?? n));
    return { notices: await Promise.all(full.map(noticeView)), nextCursor: page.nextCursor };
  },

  'GET /admin/notices/{id}': async ({ params, principal }) => noticeView(await noticeFor(principal, params.id, false)),

  'PUT /admin/notices/{id}': async ({ params, body, principal }) => {
    const n = await noticeFor(principal, params.id, true);
    step(n, 'edit', body.version);
    await checkInput(body);
    const { version, ...input } = body;
    const attachmentKey = await keepAttachment(input.attachmentKey, principal, n.id, n.attachmentKey);
    const fields = { ...input, attachmentKey, expiresOn: input.expiresOn ?? null, updatedAt: new Date().toISOString() };
    if ((await updateNotice(n.id, version, fields)) === 'stale') throw stale();
    return noticeView((await getNotice(n.id))!);
  },

  'POST /admin/notices/preview': async ({ body }) => {
    const known = await getRegions(body.regionCodes);
    if (body.regionCodes.some((c) => !known.has(c))) throw badRequest('所选区域不存在', { regionCodes: '所选区域不存在' });
    const towns = (await listRegions()).filter((r) => r.code.length === 9).map((r) => r.code);
    return { targeted: await countTargeted(body, towns, shanghaiDate()) };
  },

  'POST /admin/notices/{id}/publish': async ({ params, body, principal }) => {
    const n = await noticeFor(principal, params.id, true);
    step(n, 'publish', body.version);
    if (n.expiresOn && n.expiresOn < shanghaiDate()) throw conflict('截止日期已过，请修改后再发布', 'EXPIRED');
    const at = new Date().toISOString();
    if ((await publishNotice(n.id, body.version, at, { status: 'published', publishedAt: at, updatedAt: at })) === 'stale') throw stale();
    return noticeView((await getNotice(n.id))!);
  },

  // Dead pushes are the admin's alert: a bad template id, page or openid needs a person, not a retry.
  'GET /admin/push-failures': async () => ({
    pushes: (await listDeadOutbox(100)).map((r) => ({
      id: r.id, template: r.template, templateTitle: PUSH_TEMPLATES[r.template]?.title ?? r.template,
      recipient: r.recipient.kind, attempts: r.attempts, lastError: r.lastError, at: r.updatedAt,
    })),
  }),

  'POST /admin/notices/{id}/withdraw': async ({ params, body, principal }) => {
    const n = await noticeFor(principal, params.id, true);
    step(n, 'withdraw', body.version);
    const at = new Date().toISOString();
    if ((await withdrawNotice(n.id, body.version, at, { status: 'withdrawn', withdrawnAt: at, updatedAt: at })) === 'stale') throw stale();
    return noticeView((await getNotice(n.id))!);
  },
});
