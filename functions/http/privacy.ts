// Personal data (PIPL): the privacy notice and consent, export, account
// deletion, and the supervisor's log of full views.
import { conflict, notFound } from '../lib/errors';
import { httpHandler } from '../lib/http';
import { deletionDueBy, deletionOutcome, exportSummary, PRIVACY_NOTICE } from '../domain/privacy';
import { auditPrivacy, countHoldings, eraseResident, gatherEverything, getDeletion, pageFullViews, recordConsent, scheduleDeletion } from '../store/privacy';
import { getResident } from '../store/people';

const gone = () => notFound('账号已注销或不存在');

export const handler = httpHandler({
  'GET /privacy': async () => PRIVACY_NOTICE,

  'POST /me/privacy-consent': async ({ principal, body }) => {
    // Agreeing to an old text is not consent to the current one.
    if (body.version !== PRIVACY_NOTICE.version) throw conflict('隐私政策已更新，请阅读新版本后再同意', 'STALE_VERSION');
    const consentedAt = new Date().toISOString();
    if (!(await recordConsent(principal.residentId, { version: body.version, consentedAt }))) throw gone();
    return { version: body.version, consentedAt, current: true };
  },

  'GET /me/export': async ({ principal, requestId }) => {
    const all = await gatherEverything(principal.residentId);
    if (!all) throw gone();
    const exportedAt = new Date().toISOString();
    await auditPrivacy({ kind: 'export', residentId: principal.residentId, at: exportedAt, requestId });
    const { profile, ...records } = all;
    const { privacyConsent, ...rest } = profile;
    const summary = exportSummary(
      {
        name: profile.name,
        phone: profile.phone,
        consent: privacyConsent ?? null,
        appointments: records.appointments.length,
        applications: records.applications.length,
        ratings: records.ratings.length,
        demands: records.demands.length,
        inbox: records.inbox.length,
        certificates: records.certificates.length,
      },
      exportedAt,
    );
    return { exportedAt, summary, data: { profile: rest, privacyConsent: privacyConsent ?? null, ...records } };
  },

  'POST /me/delete': async ({ principal, requestId }) => {
    const residentId = principal.residentId;
    const [previous, profile] = await Promise.all([getDeletion(residentId), getResident(residentId)]);
    if (previous?.status === 'done') throw conflict('账号已注销，无需重复操作', 'ALREADY_DELETED');
    if (!previous && !profile) throw gone();
    const requestedAt = new Date().toISOString();
    // Scheduled first (the 15-day promise is on record even if the work below fails), then done at once.
    const scheduled = previous ?? (await scheduleDeletion({ residentId, status: 'scheduled', requestedAt, dueBy: deletionDueBy(requestedAt), completedAt: null, holdings: await countHoldings(residentId) }));
    if (!previous) await auditPrivacy({ kind: 'delete_requested', residentId, at: requestedAt, requestId });
    const done = await eraseResident(scheduled, new Date().toISOString());
    await auditPrivacy({ kind: 'delete_done', residentId, at: done.completedAt!, requestId });
    const { erased, kept } = deletionOutcome(done.holdings);
    return {
      status: done.status,
      requestedAt: done.requestedAt,
      dueBy: done.dueBy,
      completedAt: done.completedAt,
      erased,
      kept,
      message: kept.length
        ? '账号已注销，个人资料已删除。以下记录依法保留，已去除与您身份的关联。'
        : '账号已注销，您的个人信息已全部删除。',
    };
  },

  'GET /admin/audit/full-views': async ({ query }) => {
    const page = await pageFullViews(query);
    return { views: page.items, nextCursor: page.nextCursor };
  },
});
