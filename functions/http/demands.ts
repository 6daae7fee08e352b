// Residents' demands (诉求): file (idempotent), follow (status, department,
// first handler, deadline with its light, the whole timeline, the reply),
// answer a request for information, evaluate, reopen; a 咨询 the knowledge
// base answered is recorded and closed on the spot.
import type { DemandRecord } from '../store/demands';
import { getDemand, getDemandWithEvents, listReporterDemands } from '../store/demands';
import { getDemandLimits, listKnowledge } from '../store/demand-config';
import { loadCalendar } from '../store/calendar';
import { getResident } from '../store/people';
import { getRegions } from '../store/reference';
import { getService, listServiceRows } from '../store/services';
import { searchCatalog } from '../domain/catalog';
import type { Viewer } from '../domain/demands';
import { badRequest, conflict, notFound } from '../lib/errors';
import { httpHandler } from '../lib/http';
import { fileOnce, keepPhotos, newDemand, saveStep, takeStep } from './demand-steps';
import { toDemand, toDetail } from './demand-views';

const RESIDENT = { role: '群众' };

async function context(residentId: string) {
  const [cal, limits] = await Promise.all([loadCalendar(), getDemandLimits()]);
  const viewer: Viewer = { kind: 'resident', residentId };
  return { cal, limits, viewer, now: new Date(), showReporter: true };
}

/** The resident's own demand with its timeline (and its parent's when merged); another's is a 404. */
async function ownDetail(id: string, residentId: string) {
  const [found, ctx] = await Promise.all([getDemandWithEvents(id), context(residentId)]);
  if (!found || found.demand.residentId !== residentId) throw notFound('诉求不存在');
  const parent = found.demand.parentId ? await getDemandWithEvents(found.demand.parentId) : undefined;
  const regions = await getRegions([found.demand.regionCode]);
  const regionNames = new Map([...regions].map(([c, r]) => [c, r.name]));
  return { ...found, parent, view: { ...ctx, parent: parent?.demand ?? null, regionNames } };
}

const detailOf = async (id: string, residentId: string) => {
  const d = await ownDetail(id, residentId);
  return toDetail(d.demand, d.events, d.view, d.parent?.events);
};

async function ownDemand(id: string, residentId: string, version: number) {
  const d = await getDemand(id);
  if (!d || d.residentId !== residentId) throw notFound('诉求不存在');
  if (d.version !== version) throw conflict('诉求已发生变化，请刷新后重试', 'VERSION_CONFLICT');
  return d;
}

export const handler = httpHandler({
  'POST /demands': async ({ body, principal }) => {
    const [resident, regions] = await Promise.all([getResident(principal.residentId), getRegions([body.place.regionCode])]);
    if (!resident) throw notFound('用户不存在');
    if (!regions.has(body.place.regionCode)) throw badRequest('所选地点不在本县', { 'place.regionCode': '所选地点不在本县' });
    const d = newDemand({
      residentId: principal.residentId, reporter: { name: resident.name ?? '未填写姓名', phone: resident.phone }, anonymous: body.anonymous,
      type: body.type, domain: body.domain, grade: 'B', channel: 'miniprogram', text: body.text, regionCode: body.place.regionCode,
      point: body.place.point ?? null, intakeBy: null,
    }, new Date());
    d.photoKeys = await keepPhotos(body.photos, principal.residentId, d.id);
    const id = await fileOnce(d, principal.residentId, body.idempotencyKey, { name: '群众', ...RESIDENT }, body.anonymous ? '通过小程序反映（对部门匿名）' : '通过小程序反映');
    return detailOf(id, principal.residentId);
  },

  'GET /demands': async ({ query, principal }) => {
    const [page, ctx] = await Promise.all([listReporterDemands(principal.residentId, query), context(principal.residentId)]);
    // A merged demand's actions depend on its parent's state.
    const parents = new Map<string, DemandRecord>();
    for (const id of new Set(page.items.flatMap((d) => (d.parentId ? [d.parentId] : [])))) {
      const p = await getDemand(id);
      if (p) parents.set(id, p);
    }
    return { demands: page.items.map((d) => toDemand(d, { ...ctx, parent: d.parentId ? parents.get(d.parentId) ?? null : null })), nextCursor: page.nextCursor };
  },

  'GET /demands/{id}': async ({ params, principal }) => detailOf(params.id, principal.residentId),

  'POST /demands/{id}/evaluation': async ({ params, body, principal }) => {
    const d = await ownDemand(params.id, principal.residentId, body.version);
    const [ctx, parent] = await Promise.all([context(principal.residentId), d.parentId ? getDemand(d.parentId) : undefined]);
    const evaluation = { solved: body.solved, satisfaction: body.satisfaction, comment: body.comment?.trim() || null };
    await saveStep(d, takeStep(d, { action: 'evaluate', actor: { name: '群众', ...RESIDENT }, ...ctx, evaluation }, parent?.state ?? null));
    return detailOf(d.id, principal.residentId);
  },

  'POST /demands/{id}/reopen': async ({ params, body, principal }) => {
    const d = await ownDemand(params.id, principal.residentId, body.version);
    const ctx = await context(principal.residentId);
    await saveStep(d, takeStep(d, { action: 'reopen', actor: { name: '群众', ...RESIDENT }, ...ctx, note: `重新打开：${body.reason}` }));
    return detailOf(d.id, principal.residentId);
  },

  'POST /demands/{id}/info': async ({ params, body, principal }) => {
    const d = await ownDemand(params.id, principal.residentId, body.version);
    const [ctx, photoKeys] = await Promise.all([context(principal.residentId), keepPhotos(body.photos, principal.residentId, d.id)]);
    await saveStep(d, takeStep(d, { action: 'provide_info', actor: { name: '群众', ...RESIDENT }, ...ctx, text: body.text, photoKeys }));
    return detailOf(d.id, principal.residentId);
  },

  'POST /demands/consult-answered': async ({ body, principal }) => {
    const resident = await getResident(principal.residentId);
    if (!resident) throw notFound('用户不存在');
    const src = body.answeredBy;
    const service = src.kind === 'service' ? await getService(src.id) : undefined;
    const answer = src.kind === 'knowledge' ? (await listKnowledge()).find((k) => k.id === src.id)?.answer : service && `见办事指南：${service.name}`;
    if (!answer) throw notFound('所选的答复不存在');
    const regionCode = body.place?.regionCode ?? resident.currentRegionCode ?? resident.hometownRegionCode;
    if (!regionCode) throw badRequest('请选择地点', { 'place.regionCode': '请选择地点' });
    const now = new Date();
    const d = newDemand({
      residentId: principal.residentId, reporter: { name: resident.name ?? '未填写姓名', phone: resident.phone }, anonymous: false,
      type: 'consult', domain: body.domain, grade: 'B', channel: 'miniprogram', text: body.question, regionCode, point: body.place?.point ?? null, intakeBy: null,
    }, now);
    Object.assign(d, { state: 'closed', repliedAt: d.filedAt, closedAt: d.filedAt, replies: [{ at: d.filedAt, text: answer, result: '咨询当场解答', photoKeys: [], by: src.kind === 'knowledge' ? '知识库' : '办事指南' }] });
    const id = await fileOnce(d, principal.residentId, body.idempotencyKey, { name: '群众', ...RESIDENT }, '咨询已由知识库或办事指南解答，当场办结', [{ kind: 'answered' }]);
    return detailOf(id, principal.residentId);
  },

  'GET /knowledge': async ({ query }) => {
    const q = query.q?.trim().toLowerCase() ?? '';
    const [entries, rows] = await Promise.all([listKnowledge(), q ? listServiceRows() : Promise.resolve([])]);
    const answers = entries
      .filter((e) => !q || e.question.toLowerCase().includes(q) || e.answer.toLowerCase().includes(q))
      .sort((a, b) => b.publishedAt.localeCompare(a.publishedAt))
      .slice(0, 20);
    return { answers, services: q ? searchCatalog(rows, { q }).slice(0, 10) : [] };
  },
});
