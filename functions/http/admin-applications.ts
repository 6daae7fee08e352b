// Staff side of applications: queues ordered by deadline, the supervisor's
// overdue view, case actions on the state machine, proxy steps.
import { PROXY_STEP_LABELS, STAFF_ACTION_LABELS, type StaffAction } from '../../shared/schemas/applications';
import { badRequest, conflict, forbidden, notFound } from '../lib/errors';
import { httpHandler, type StaffPrincipal } from '../lib/http';
import { caseClock, nextProxyStep, workingDaysTaken, CONCLUDED } from '../domain/application';
import { shanghaiDate } from '../domain/calendar';
import {
  getApplication,
  getApplicationWithEvents,
  pageAgentApplications,
  pageOpenApplications,
  pageTownOpenApplications,
  saveApplication,
  type ApplicationRecord,
  type EventRecord,
} from '../store/applications';
import { getStaff } from '../store/people';
import { getAlertDigest } from '../store/alerts';
import { getDepartment } from '../store/reference';
import { presignDownload } from '../store/uploads';
import { loadCalendar } from '../store/calendar';
import { advance, byUrgency, toApplication, toDetail } from './application-views';
import { caseInvite, RATEABLE_CASE } from './rating-views';
import { canRecordProxySteps, caseAccess, mayReassignAgent, queueScope } from '../domain/access';
import { STAFF_ROLE_LABELS } from '../../shared/enums';
import { caseStep, notifiesResident, proxyStep, rateInvite } from '../domain/messages';
import { pushItems } from '../store/outbox';
import { logFullViews } from '../store/privacy';
import { fullViews } from '../domain/privacy';
import { needsSupervision } from '../domain/workbench';

const EVERYWHERE = ['admin', 'supervisor'];

/** The case, if this staff member may see it (domain/access.ts decides), with what they may do. */
async function caseFor(staff: StaffPrincipal, id: string): Promise<{ a: ApplicationRecord; access: 'act' | 'view' }> {
  const a = await getApplication(id);
  if (!a) throw notFound('办件不存在');
  const access = caseAccess(staff, a);
  if (access === 'none') throw forbidden('该办件不属于您的部门或乡镇');
  return { a, access };
}

/** Name and role of the person acting, for the timeline. */
async function actorOf(staff: StaffPrincipal) {
  const profile = await getStaff(staff.username);
  return { profile, actor: `${profile?.name ?? staff.username}（${STAFF_ROLE_LABELS[staff.role]}）` };
}

async function detail(id: string) {
  const [found, cal] = await Promise.all([getApplicationWithEvents(id), loadCalendar()]);
  return toDetail(found!.application, found!.events, shanghaiDate(), cal, { maskApplicant: false });
}

function requireNote(note: string | undefined, message: string): string {
  if (!note?.trim()) throw badRequest(message, { note: message });
  return note.trim();
}

const stale = () => conflict('办件已被他人处理，请刷新后重试', 'VERSION_CONFLICT');

export const handler = httpHandler({
  'GET /admin/queue': async ({ query, principal }) => {
    const scope = queueScope(principal, query.departmentId);
    if ('refused' in scope) {
      if (scope.refused === 'choose') throw badRequest('请选择部门', { departmentId: '请选择部门' });
      throw forbidden('只能查看本部门的办件');
    }
    const cases = scope.kind === 'town' ? pageTownOpenApplications(scope.townCode, query) : pageOpenApplications(scope.departmentId, query);
    const [page, cal] = await Promise.all([cases, loadCalendar()]);
    const today = shanghaiDate();
    // By deadline within the page: deadlines move with the calendar, so no key can hold that order.
    return { applications: page.items.map((a) => toApplication(a, today, cal, { maskApplicant: true })).sort(byUrgency), nextCursor: page.nextCursor };
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
    if (!EVERYWHERE.includes(principal.role) && departmentId !== principal.departmentId) throw forbidden('只能查看本部门的督办提醒');
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
    await caseFor(principal, params.id);
    const d = await detail(params.id);
    // The detail shows the applicant's phone in full (whoever acts needs to call): logged for the supervisor.
    await logFullViews(fullViews(principal, 'application', [{ id: d.id, phone: d.applicant.phone }], new Date().toISOString()));
    return d;
  },

  'GET /admin/applications/{id}/photos': async ({ params, principal }) => {
    const { a } = await caseFor(principal, params.id);
    const photos = await Promise.all(
      a.materials.flatMap((m) => m.uploadKeys.map(async (k) => ({ material: m.name, key: k, ...(await presignDownload(k)) }))),
    );
    return { photos };
  },

  'POST /admin/applications/{id}/actions': async ({ params, body, principal }) => {
    const { a, access } = await caseFor(principal, params.id);
    if (access !== 'act') throw forbidden('代办员不能办理审批');
    if (a.version !== body.version) throw stale();
    const { profile: staff, actor } = await actorOf(principal);
    const now = new Date();
    const at = now.toISOString();
    const today = shanghaiDate(now);
    const action: StaffAction = body.action;
    let next: ApplicationRecord = { ...a, updatedAt: at, version: a.version + 1 };
    let note = body.note?.trim() || null;

    if (action === 'extend') {
      if (!['accepted', 'reviewing'].includes(a.state)) throw conflict('只有受理后、办结前的办件可以延期', 'ILLEGAL_TRANSITION');
      if (a.extension) throw conflict('该办件已延期过一次，不能再次延期', 'ALREADY_EXTENDED');
      if (!body.extensionDays) throw badRequest('请填写延期的工作日数', { extensionDays: '请填写延期的工作日数' });
      note = requireNote(body.note, '请说明延期理由');
      next.extension = { days: body.extensionDays, reason: note };
    } else {
      const to = advance(a.state, action, a.previousState);
      next = { ...next, state: to };
      if (action === 'request_materials') {
        if (!body.missing?.length) throw badRequest('请一次性列出全部缺少的材料', { missing: '请一次性列出全部缺少的材料' });
        if (a.materialsRequests >= 1) {
          if (principal.role !== 'supervisor' || !body.overrideReason) {
            throw conflict('已一次性告知过缺件，不能再次要求补正；确有必要须由督查人员说明理由', 'ONE_TIME_NOTICE');
          }
          note = `督查同意再次补正：${body.overrideReason}${note ? `；${note}` : ''}`;
        }
        next.missing = body.missing;
        next.materialsRequests = a.materialsRequests + 1;
      }
      if (action === 'reject') note = requireNote(body.note, '请说明不予受理的理由');
      if (action === 'deny') note = requireNote(body.note, '请说明不予许可的理由');
      if (action === 'suspend') {
        note = requireNote(body.note, '请说明挂起的理由');
        next.previousState = a.state;
        next.pauses = [...a.pauses, { from: today, to: null }];
      }
      if (action === 'resume') {
        next.previousState = null;
        next.pauses = a.pauses.map((p) => (p.to === null ? { ...p, to: today } : p));
      }
      if (action === 'accept') {
        next.acceptedOn = today;
        next.missing = [];
        next.handler = { username: principal.username, name: staff?.name ?? principal.username, phone: staff?.phone ?? null };
      }
      if (action === 'reject' && !next.handler) next.handler = { username: principal.username, name: staff?.name ?? principal.username, phone: staff?.phone ?? null };
      if (to === 'approved' || to === 'denied' || to === 'rejected') next.concludedOn = today;
    }
    const label = STAFF_ACTION_LABELS[action];
    const event: EventRecord = {
      at,
      actor,
      action,
      from: action === 'extend' ? null : a.state,
      to: action === 'extend' ? null : next.state,
      note: action === 'request_materials' ? `一次性告知缺少：${next.missing.map((m) => m.name).join('、')}${note ? `。${note}` : ''}` : action === 'extend' ? `延期${body.extensionDays}个工作日：${note}` : note ?? label,
    };
    let conclusion;
    if ((next.state === 'approved' || next.state === 'denied') && !CONCLUDED.includes(a.state)) {
      const cal = await loadCalendar();
      const clock = caseClock(next, today, cal);
      const days = workingDaysTaken({ ...next, extensionDays: next.extension?.days ?? 0 }, cal);
      if (clock.onTime !== null && days !== null) conclusion = { serviceCode: a.serviceCode, onTime: clock.onTime, workingDays: days };
    }
    // 一事一评: concluding a case invites the applicant to rate it.
    const invite = RATEABLE_CASE.includes(next.state) && !CONCLUDED.includes(a.state) ? caseInvite(next, today) : undefined;
    // The applicant hears of 受理, 一次性告知补正 (with the list), 办结, 已送达 … and the invitation to rate.
    const told = [
      ...(next.state !== a.state && notifiesResident(next.state) ? [caseStep(next, next.state)] : []),
      ...(invite ? [rateInvite(invite)] : []),
    ];
    const tell = pushItems({ kind: 'resident', id: a.residentId }, told, at);
    if ((await saveApplication(next, a.version, [event], conclusion, invite, tell)) === 'stale') throw stale();
    return detail(a.id);
  },

  'POST /admin/applications/{id}/proxy-steps': async ({ params, body, principal }) => {
    const a = await getApplication(params.id);
    if (!a || !a.proxy) throw notFound('代办任务不存在');
    if (a.proxy.agentUsername !== principal.username) throw forbidden('这不是您的代办任务');
    if (a.version !== body.version) throw stale();
    const expected = nextProxyStep(a.proxy.steps[a.proxy.steps.length - 1]?.step ?? null);
    if (expected !== body.step) {
      throw conflict(expected ? `请按顺序记录：下一步是“${PROXY_STEP_LABELS[expected]}”` : '代办已全部完成', 'PROXY_ORDER');
    }
    const at = new Date().toISOString();
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
    return detail(a.id);
  },

  'POST /admin/applications/{id}/proxy-agent': async ({ params, body, principal }) => {
    const { a } = await caseFor(principal, params.id);
    if (!mayReassignAgent(principal, a)) throw forbidden('只能改派本部门办件的代办员');
    if (!a.proxy) throw conflict('该办件未申请代办', 'NO_PROXY');
    if (a.version !== body.version) throw stale();
    const agent = await getStaff(body.agentUsername);
    if (!agent || !canRecordProxySteps(agent)) throw badRequest('所选人员不是代办员', { agentUsername: '所选人员不是代办员' });
    const at = new Date().toISOString();
    const next: ApplicationRecord = {
      ...a,
      proxy: { ...a.proxy, agentUsername: agent.username, agentName: agent.name, agentPhone: agent.phone },
      updatedAt: at,
      version: a.version + 1,
    };
    const { actor } = await actorOf(principal);
    const event: EventRecord = { at, actor, action: 'proxy_reassigned', from: null, to: null, note: `改派代办员：${agent.name}` };
    if ((await saveApplication(next, a.version, [event])) === 'stale') throw stale();
    return detail(a.id);
  },
});
