// Staff side of demands: intake from other channels, the lists (intake,
// department queue, the supervisor's views), the detail with merge
// candidates and the suggested department, every step through the one
// actions route, the knowledge base, the limits.
import { STAFF_ROLE_LABELS } from '../../shared/enums';
import type { Demand, DemandLimits } from '../../shared/schemas/demands';
import {
  DEFAULT_DEMAND_LIMITS, isMergeCandidate, MERGE_WINDOW_DAYS, staffSeesDemand, staffSeesReporter, suggestDepartment, type Viewer,
} from '../domain/demands';
import { badRequest, conflict, forbidden, notFound } from '../lib/errors';
import { maySeeDepartment, seesEverything } from '../domain/access';
import { httpHandler, type StaffPrincipal } from '../lib/http';
import { loadCalendar } from '../store/calendar';
import { getDemandLimits, putDemandLimits, putKnowledge, readDemandLimits } from '../store/demand-config';
import {
  getDemand, getDemandWithEvents, listRecentOfDomain, pageDefaultClosed, pageOpenDemands, type DemandEventRecord, type DemandRecord,
} from '../store/demands';
import { getResident, getStaff } from '../store/people';
import { getDepartment, getRegions } from '../store/reference';
import { demandQueue } from '../domain/scopes';
import type { Page, PageRequest } from '../store/page';
import { presignUpload } from '../store/uploads';
import { fileOnce, keepPhotos, newDemand, saveStep, staffUploadOwner, takeStep } from './demand-steps';
import { byUrgency, toDemand, toDetail } from './demand-views';
import { logFullViews } from '../store/privacy';
import { fullViews } from '../domain/privacy';
import { maskPhone } from '../domain/schedule';

const maskReporter = (d: Demand): Demand => (d.reporter?.phone ? { ...d, reporter: { ...d.reporter, phone: maskPhone(d.reporter.phone) } } : d);

const viewerOf = (p: StaffPrincipal): Viewer => ({ kind: 'staff', username: p.username, role: p.role, departmentId: p.departmentId });

async function context(p: StaffPrincipal) {
  const [cal, limits] = await Promise.all([loadCalendar(), getDemandLimits()]);
  return { cal, limits, viewer: viewerOf(p), now: new Date() };
}

async function actorOf(p: StaffPrincipal) {
  const staff = await getStaff(p.username);
  return { staff, actor: { name: staff?.name ?? p.username, role: STAFF_ROLE_LABELS[p.role] } };
}

type Loaded = { demand: DemandRecord; events: DemandEventRecord[] };

function check(p: StaffPrincipal, d: DemandRecord | undefined): DemandRecord {
  if (!d) throw notFound('诉求不存在');
  if (!staffSeesDemand(p, d)) throw forbidden('该诉求不属于您的部门');
  return d;
}

const visible = async (p: StaffPrincipal, id: string): Promise<DemandRecord> => check(p, await getDemand(id));

/** The demand with its timeline, in one Query, if this staff member may see it. */
async function visibleWithEvents(p: StaffPrincipal, id: string): Promise<Loaded> {
  const found = await getDemandWithEvents(id);
  check(p, found?.demand);
  return found!;
}

/** The detail of a demand read just now. */
async function detailOf(p: StaffPrincipal, id: string) {
  const [found, ctx] = await Promise.all([getDemandWithEvents(id), context(p)]);
  if (!found) throw notFound('诉求不存在');
  return detail(p, found, ctx);
}

/** The staff detail: timeline, parent, merge candidates, suggested department; the reporter only where allowed. */
async function detail(p: StaffPrincipal, found: Loaded, ctx: Awaited<ReturnType<typeof context>>) {
  const d = found.demand;
  const since = new Date(ctx.now.getTime() - MERGE_WINDOW_DAYS * 86_400_000).toISOString();
  const suggestedId = suggestDepartment(d.domain, d.regionCode, ctx.limits.routes);
  const [parent, recent, regions, suggested] = await Promise.all([
    d.parentId ? getDemandWithEvents(d.parentId) : undefined,
    d.state === 'closed' || d.state === 'merged' ? Promise.resolve([]) : listRecentOfDomain(d.domain, since),
    getRegions([d.regionCode]),
    suggestedId ? getDepartment(suggestedId) : undefined,
  ]);
  const regionNames = new Map([...regions].map(([c, r]) => [c, r.name]));
  const view = { ...ctx, showReporter: staffSeesReporter(p, d), parent: parent?.demand ?? null, regionNames };
  const candidates = recent.filter((o) => !o.parentId && isMergeCandidate(d, o, ctx.now) && staffSeesDemand(p, o));
  return {
    ...(await toDetail(d, found.events, view, parent?.events)),
    mergeCandidates: candidates.map((o) => toDemand(o, { ...ctx, showReporter: staffSeesReporter(p, o) })),
    suggestedDepartment: suggested ? { id: suggested.id, name: suggested.name } : null,
  };
}

type View = 'intake' | 'queue' | 'all' | 'overdue' | 'returns' | 'extensions' | 'defaults';
const SUPERVISOR_VIEWS: View[] = ['all', 'overdue', 'returns', 'extensions', 'defaults'];

async function listFor(p: StaffPrincipal, view: View, query: { departmentId?: string } & PageRequest): Promise<Page<DemandRecord>> {
  if (SUPERVISOR_VIEWS.includes(view) && !seesEverything(p)) throw forbidden('只有督查人员可以查看');
  const page = { cursor: query.cursor, limit: query.limit };
  if (view === 'intake') return pageOpenDemands(demandQueue.intake, page);
  if (view === 'returns') return pageOpenDemands(demandQueue.returned, page);
  if (view === 'defaults') return pageDefaultClosed(page);
  if (view === 'queue') {
    const dept = query.departmentId ?? p.departmentId;
    if (!dept) throw badRequest('请选择部门', { departmentId: '请选择部门' });
    if (!maySeeDepartment(p, dept)) throw forbidden('只能查看本部门的诉求');
    return pageOpenDemands(demandQueue.dept(dept), page);
  }
  const all = await pageOpenDemands(undefined, page);
  return view === 'extensions' ? { ...all, items: all.items.filter((d) => d.extension?.status === 'requested') } : all;
}

export const handler = httpHandler({
  'POST /admin/demands': async ({ body, principal }) => {
    const [regions, resident, { actor }] = await Promise.all([
      getRegions([body.place.regionCode]),
      body.reporter.residentId ? getResident(body.reporter.residentId) : undefined,
      actorOf(principal),
    ]);
    if (!regions.has(body.place.regionCode)) throw badRequest('所选地点不在本县', { 'place.regionCode': '所选地点不在本县' });
    if (body.reporter.residentId && !resident) throw badRequest('居民账号不存在', { 'reporter.residentId': '居民账号不存在' });
    const d = newDemand({
      residentId: body.reporter.residentId ?? null, reporter: { name: body.reporter.name, phone: body.reporter.phone ?? null },
      anonymous: body.anonymous, type: body.type, domain: body.domain, grade: body.grade ?? 'B', channel: body.channel, text: body.text,
      regionCode: body.place.regionCode, point: body.place.point ?? null, intakeBy: principal.username,
    }, new Date());
    const id = await fileOnce(d, `staff_${principal.username}`, body.idempotencyKey, actor, `${actor.name}代为登记`);
    return detailOf(principal, id);
  },

  'GET /admin/demands': async ({ query, principal }) => {
    const [page, ctx] = await Promise.all([listFor(principal, query.view ?? 'queue', query), context(principal)]);
    // Lists show the reporter's phone masked; the detail shows it in full (logged).
    let demands: Demand[] = page.items.map((d) => maskReporter(toDemand(d, { ...ctx, showReporter: staffSeesReporter(principal, d) })));
    if (query.view === 'overdue') demands = demands.filter((d) => d.clock.light === 'red' || d.clock.light === 'yellow');
    // Deadlines move with the calendar, so urgency orders each page, not the partition.
    return { demands: query.view === 'defaults' ? demands : demands.sort(byUrgency), nextCursor: page.nextCursor };
  },

  'GET /admin/demands/{id}': async ({ params, principal }) => {
    const [found, ctx] = await Promise.all([visibleWithEvents(principal, params.id), context(principal)]);
    const d = await detail(principal, found, ctx);
    // A reporter shown in full (to whoever may see them) is a logged full view.
    await logFullViews(fullViews(principal, 'demand', [{ id: d.id, phone: d.reporter?.phone }], new Date().toISOString()));
    return d;
  },

  'POST /admin/demands/{id}/actions': async ({ params, body, principal }) => {
    // The demand with its timeline, the calendar and limits, and the actor: read once, in parallel; the answer is built from them.
    const [found, ctx, { staff, actor }] = await Promise.all([visibleWithEvents(principal, params.id), context(principal), actorOf(principal)]);
    const d = found.demand;
    if (d.version !== body.version) throw conflict('诉求已被他人处理，请刷新后重试', 'VERSION_CONFLICT');
    const deptId = body.action === 'dispatch' || body.action === 'route' ? body.departmentId : undefined;
    const department = deptId ? await getDepartment(deptId) : undefined;
    if (deptId && !department) throw badRequest('部门不存在', { departmentId: '部门不存在' });
    let handler;
    if (body.action === 'sign') {
      const username = body.handlerUsername ?? principal.username;
      // Mostly the signer names themselves: the actor read serves.
      const h = username === principal.username ? staff : await getStaff(username);
      if (!h || h.departmentId !== d.departmentId) throw badRequest('首办责任人须为本部门工作人员', { handlerUsername: '首办责任人须为本部门工作人员' });
      handler = { username: h.username, name: h.name, phone: h.phone };
    }
    let parent: DemandRecord | undefined;
    if (body.action === 'merge' && body.parentId) {
      parent = await getDemand(body.parentId);
      if (!parent) throw notFound('要并入的诉求不存在');
      if (parent.id === d.id || parent.parentId || parent.state === 'closed' || parent.state === 'merged') throw conflict('只能并入另一件未办结的诉求', 'ILLEGAL_TRANSITION');
    }
    const photoKeys = body.action === 'reply' ? await keepPhotos(body.photos, staffUploadOwner(principal.username), d.id) : [];
    const step = takeStep(d, {
      action: body.action, actor, ...ctx, note: body.note, text: body.text, result: body.result, photoKeys, grade: body.grade,
      department: department && { id: department.id, name: department.name, phone: department.phone ?? null },
      handler, extensionDays: body.extensionDays, approve: body.approve, parent,
    });
    const parentEvent = parent && { id: parent.id, event: { ...step.event, action: 'merged_in', from: null, to: null, note: `诉求 ${d.number} 并入本件` } };
    await saveStep(d, step, parentEvent);
    return detail(principal, { demand: step.next, events: [...found.events, step.event] }, ctx);
  },

  'POST /admin/demands/{id}/knowledge': async ({ params, body, principal }) => {
    const d = await visible(principal, params.id);
    if (!d.replies.length) throw conflict('答复后才能整理为常见问题', 'NOT_REPLIED');
    const entry = { id: `qa-${d.id}`, question: body.question, answer: body.answer, domain: d.domain, departmentName: d.departmentName, publishedAt: new Date().toISOString() };
    await putKnowledge(entry);
    return entry;
  },

  'GET /admin/demand-limits': async () => readDemandLimits(),

  'PUT /admin/demand-limits': async ({ body }) => {
    const current = await readDemandLimits();
    if (current.version !== body.version) throw conflict('时限设置已被他人修改，请刷新后重试', 'VERSION_CONFLICT');
    const { version: _v, ...input } = body;
    const next: DemandLimits = { ...DEFAULT_DEMAND_LIMITS, ...current, ...input, version: current.version + 1, updatedAt: new Date().toISOString() };
    if ((await putDemandLimits(next, current.version)) === 'stale') throw conflict('时限设置已被他人修改，请刷新后重试', 'VERSION_CONFLICT');
    return next;
  },

  'POST /admin/uploads': async ({ principal, body }) =>
    presignUpload({ ownerId: staffUploadOwner(principal.username), contentType: body.contentType, bytes: body.bytes }),
});

