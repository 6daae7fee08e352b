// Staff side of applications: queues ordered by deadline, the supervisor's
// overdue view, case actions on the state machine, proxy steps.
import { PROXY_STEP_LABELS } from '../../shared/schemas/applications';
import { badRequest, conflict, forbidden, notFound } from '../lib/errors';
import { httpHandler, type StaffPrincipal } from '../lib/http';
import { nextProxyStep } from '../domain/application';
import { applyStaffAction, actorLabel, type StaffActor } from '../domain/case-actions';
import { shanghaiDate } from '../domain/calendar';
import {
  getApplication,
  getApplicationWithEvents,
  pageAgentApplications,
  pageOpenApplications,
  pageTownOpenApplications,
  readCaseForChange,
  saveApplication,
  type ApplicationRecord,
  type EventRecord,
} from '../store/applications';
import { getStaff, type StaffRecord } from '../store/people';
import { getAlertDigest } from '../store/alerts';
import { getDepartment } from '../store/reference';
import { presignDownload } from '../store/uploads';
import { loadCalendar } from '../store/calendar';
import { byUrgency, decided, toApplication, toDetail } from './application-views';
import { caseInvite } from './rating-views';
import { coveredColleagues } from './post-views';
import { canRecordProxySteps, caseAccess, mayReassignAgent, maySeeDepartment, queueScope } from '../domain/access';
import { proxyStep } from '../domain/messages';
import { pushItems } from '../store/outbox';
import { holdingItem } from '../store/certificates';
import { ERASED_RESIDENT, logFullViews } from '../store/privacy';
import { fullViews } from '../domain/privacy';
import { needsSupervision } from '../domain/workbench';

/** The case and what this staff member may do with it (domain/access.ts decides); 404 / 403 when nothing. */
function seen(staff: StaffPrincipal, a: ApplicationRecord | undefined): { a: ApplicationRecord; access: 'act' | 'view' } {
  if (!a) throw notFound('办件不存在');
  const access = caseAccess(staff, a);
  if (access === 'none') throw forbidden('该办件不属于您的部门或乡镇');
  return { a, access };
}

/** The person acting, as the timeline and the case's 经办人 show them. */
const actorOf = (staff: StaffPrincipal, profile: StaffRecord | undefined): StaffActor => ({
  username: staff.username, role: staff.role, name: profile?.name ?? staff.username, phone: profile?.phone ?? null,
});

/** A change to a case: read it with its timeline, the actor and the calendar (2 calls), then the detail comes from what was written. */
async function changeCase(staff: StaffPrincipal, id: string, today: string) {
  const { found, staff: profile, cal } = await readCaseForChange(id, staff.username, today);
  const detailOf = (next: ApplicationRecord, added: EventRecord[]) => toDetail(next, [...found!.events, ...added], today, cal, { maskApplicant: false });
  return { a: found?.application, actor: actorOf(staff, profile), cal, detailOf };
}

async function detail(id: string) {
  const [found, cal] = await Promise.all([getApplicationWithEvents(id), loadCalendar()]);
  return toDetail(found!.application, found!.events, shanghaiDate(), cal, { maskApplicant: false });
}

const stale = () => conflict('办件已被他人处理，请刷新后重试', 'VERSION_CONFLICT');
const whenNow = () => {
  const now = new Date();
  return { at: now.toISOString(), today: shanghaiDate(now) };
};

export const handler = httpHandler({
  'GET /admin/queue': async ({ query, principal }) => {
    const scope = queueScope(principal, query.departmentId);
    if ('refused' in scope) {
      if (scope.refused === 'choose') throw badRequest('请选择部门', { departmentId: '请选择部门' });
      throw forbidden('只能查看本部门的办件');
    }
    const cases = scope.kind === 'town' ? pageTownOpenApplications(scope.townCode, query) : pageOpenApplications(scope.departmentId, query);
    const today = shanghaiDate();
    // Cases an absent colleague handles, whose post the viewer serves today, are marked 代岗.
    const [page, cal, covering] = await Promise.all([cases, loadCalendar(), coveredColleagues(principal, today)]);
    const applications = page.items.map((a) => ({
      ...toApplication(a, today, cal, { maskApplicant: true }),
      coveringFor: (a.handler && covering.get(a.handler.username)) ?? null,
    }));
    // By deadline within the page: deadlines move with the calendar, so no key can hold that order.
    return { applications: applications.sort(byUrgency), nextCursor: page.nextCursor };
  },

  'GET /admin/overdue': async ({ query }) => {
    const [page, cal] = await Promise.all([pageOpenApplications(undefined, query), loadCalendar()]);
    const today = shanghaiDate();
    return {
      applications: page.items
        .map((a) => toApplication(a, today, cal, { maskApplicant: true }))
        .filter((a) => needsSupervision(a.clock))
        .sort(byUrgency),
      nextCursor: page.nextCursor,
    };
  },

  'GET /admin/alerts': async ({ query, principal }) => {
    const departmentId = query.departmentId ?? principal.departmentId;
    if (!departmentId) throw badRequest('请选择部门', { departmentId: '请选择部门' });
    if (!maySeeDepartment(principal, departmentId)) throw forbidden('只能查看本部门的督办提醒');
    const date = query.date ?? shanghaiDate();
    const d = await getAlertDigest(departmentId, date);
    if (d) return d;
    // No digest: say so for a real department, refuse one that does not exist.
    if (!(await getDepartment(departmentId))) throw notFound('部门不存在');
    return { departmentId, date, sweptAt: null, red: [], yellow: [], deemedAccepted: [], overdueTickets: [] };
  },

  'GET /admin/proxy-tasks': async ({ query, principal }) => {
    // Only tasks with a step left to record; the page is filled with those.
    const open = (a: ApplicationRecord) => !!a.proxy && nextProxyStep(a.proxy.steps[a.proxy.steps.length - 1]?.step ?? null) !== null;
    const [page, cal] = await Promise.all([pageAgentApplications(principal.username, query, open), loadCalendar()]);
    const today = shanghaiDate();
    // The agent needs the resident's name and phone to collect the materials.
    await logFullViews(fullViews(principal, 'application', page.items.map((a) => ({ id: a.id, phone: a.applicantPhone })), new Date().toISOString()));
    return { applications: page.items.map((a) => toApplication(a, today, cal)).sort(byUrgency), nextCursor: page.nextCursor };
  },

  'GET /admin/applications/{id}': async ({ params, principal }) => {
    seen(principal, await getApplication(params.id));
    const d = await detail(params.id);
    // The detail shows the applicant's phone in full (whoever acts needs to call): logged for the supervisor.
    await logFullViews(fullViews(principal, 'application', [{ id: d.id, phone: d.applicant.phone }], new Date().toISOString()));
    return d;
  },

  'GET /admin/applications/{id}/photos': async ({ params, principal }) => {
    const { a } = seen(principal, await getApplication(params.id));
    const photos = await Promise.all(
      a.materials.flatMap((m) => m.uploadKeys.map(async (k) => ({ material: m.name, key: k, ...(await presignDownload(k)) }))),
    );
    return { photos };
  },

  'POST /admin/applications/{id}/actions': async ({ params, body, principal }) => {
    const when = whenNow();
    const c = await changeCase(principal, params.id, when.today);
    const { a, access } = seen(principal, c.a);
    if (access !== 'act') throw forbidden('代办员不能办理审批');
    if (a.version !== body.version) throw stale();
    const out = decided(() => applyStaffAction(a, body, c.actor, when, c.cal));
    const invite = out.invite ? caseInvite(out.next, when.today) : undefined;
    const tell = pushItems({ kind: 'resident', id: a.residentId }, out.messages, when.at);
    const held = out.holding && a.residentId !== ERASED_RESIDENT ? [holdingItem(a.residentId, out.holding)] : [];
    if ((await saveApplication(out.next, a.version, out.events, out.conclusion, invite, [...tell, ...held])) === 'stale') throw stale();
    return c.detailOf(out.next, out.events);
  },

  'POST /admin/applications/{id}/proxy-steps': async ({ params, body, principal }) => {
    const { at, today } = whenNow();
    const { a, detailOf } = await changeCase(principal, params.id, today);
    if (!a || !a.proxy) throw notFound('代办任务不存在');
    if (a.proxy.agentUsername !== principal.username) throw forbidden('这不是您的代办任务');
    if (a.version !== body.version) throw stale();
    const expected = nextProxyStep(a.proxy.steps[a.proxy.steps.length - 1]?.step ?? null);
    if (expected !== body.step) {
      throw conflict(expected ? `请按顺序记录：下一步是“${PROXY_STEP_LABELS[expected]}”` : '代办已全部完成', 'PROXY_ORDER');
    }
    const note = body.note?.trim() || null;
    const next: ApplicationRecord = {
      ...a,
      proxy: { ...a.proxy, steps: [...a.proxy.steps, { step: body.step, at, note }] },
      updatedAt: at,
      version: a.version + 1,
    };
    const event: EventRecord = { at, actor: `代办员 ${a.proxy.agentName}`, action: `proxy_${body.step}`, from: null, to: null, note: note ?? PROXY_STEP_LABELS[body.step] };
    const tell = pushItems({ kind: 'resident', id: a.residentId }, proxyStep(next, body.step, a.proxy.agentName), at);
    if ((await saveApplication(next, a.version, [event], undefined, undefined, tell)) === 'stale') throw stale();
    return detailOf(next, [event]);
  },

  'POST /admin/applications/{id}/proxy-agent': async ({ params, body, principal }) => {
    const { at, today } = whenNow();
    const [c, agent] = await Promise.all([changeCase(principal, params.id, today), getStaff(body.agentUsername)]);
    const { a } = seen(principal, c.a);
    if (!mayReassignAgent(principal, a!)) throw forbidden('只能改派本部门办件的代办员');
    if (!a.proxy) throw conflict('该办件未申请代办', 'NO_PROXY');
    if (a.version !== body.version) throw stale();
    if (!agent || !canRecordProxySteps(agent)) throw badRequest('所选人员不是代办员', { agentUsername: '所选人员不是代办员' });
    const next: ApplicationRecord = {
      ...a,
      proxy: { ...a.proxy, agentUsername: agent.username, agentName: agent.name, agentPhone: agent.phone },
      updatedAt: at,
      version: a.version + 1,
    };
    const event: EventRecord = { at, actor: actorLabel(c.actor), action: 'proxy_reassigned', from: null, to: null, note: `改派代办员：${agent.name}` };
    if ((await saveApplication(next, a.version, [event])) === 'stale') throw stale();
    return c.detailOf(next, [event]);
  },
});
