import { randomBytes, randomUUID } from 'node:crypto';
import { badRequest, conflict, notFound } from '../lib/errors';
import { httpHandler } from '../lib/http';
import { shanghaiDate } from '../domain/calendar';
import { bookingCode } from '../domain/schedule';
import {
  createApplication,
  getApplication,
  getApplicationIdByIdempotencyKey,
  getApplicationWithEvents,
  pageResidentApplications,
  saveApplication,
  withdrawalCounted,
  type ApplicationRecord,
  type EventRecord,
} from '../store/applications';
import { getResident, getStaff, listTownAgents, type StaffRecord } from '../store/people';
import { getService } from '../store/services';
import { headUpload, isUploadOf, keepUpload } from '../store/uploads';
import { loadCalendar } from '../store/calendar';
import { advance, toApplication, toDetail } from './application-views';
import { townOf } from '../domain/regions';
import { canRecordProxySteps } from '../domain/access';

/**
 * The paired cadre (包联干部) when they can record proxy steps, else the agent
 * on duty in the resident's town: never someone who could not act on the case.
 */
async function proxyAgent(pairedCadre: string | null, regionCode: string | null): Promise<StaffRecord | undefined> {
  const cadre = pairedCadre ? await getStaff(pairedCadre) : undefined;
  if (cadre && canRecordProxySteps(cadre)) return cadre;
  const town = townOf(regionCode);
  if (!town) return undefined;
  const agents = await listTownAgents(town);
  return agents.sort((a, b) => a.username.localeCompare(b.username))[0];
}

type Declared = { name: string; provided: boolean; uploadKeys: string[] }[];
type MaterialRow = ApplicationRecord['materials'][number];

/**
 * The item's materials list (plus anything staff listed as missing) with what
 * the resident declared. Unknown names and other people's photos are bad
 * input. New photos leave tmp/ (which expires) for the case's own folder; the
 * case's existing photos and undeclared materials stay as they were.
 */
async function checklist(
  item: { materials: { name: string; required: boolean }[] },
  declared: Declared,
  residentId: string,
  appId: string,
  existing: { materials: MaterialRow[]; missing: { name: string }[] } = { materials: [], missing: [] },
): Promise<MaterialRow[]> {
  const rows: MaterialRow[] = item.materials.map((m) => existing.materials.find((x) => x.name === m.name) ?? { name: m.name, required: m.required, provided: false, uploadKeys: [] });
  for (const m of existing.missing) if (!rows.some((r) => r.name === m.name)) rows.push({ name: m.name, required: true, provided: false, uploadKeys: [] });
  const own = `applications/${appId}/`;
  const fields: Record<string, string> = {};
  declared.forEach((d, i) => {
    if (!rows.some((r) => r.name === d.name)) fields[`materials.${i}.name`] = `“${d.name}”不在该事项的材料清单中`;
    if (d.uploadKeys.some((k) => !isUploadOf(k, residentId) && !(k.startsWith(own) && existing.materials.some((m) => m.uploadKeys.includes(k))))) {
      fields[`materials.${i}.uploadKeys`] = '只能提交本人上传的图片';
    }
  });
  if (Object.keys(fields).length) throw badRequest(Object.values(fields)[0]!, fields);
  const uploads = declared.flatMap((d) => d.uploadKeys).filter((k) => !k.startsWith(own));
  const heads = await Promise.all(uploads.map((k) => headUpload(k)));
  if (heads.some((h) => !h)) throw badRequest('有图片未上传成功或已过期，请重新上传', { uploadKeys: '有图片未上传成功或已过期，请重新上传' });
  const kept = new Map(uploads.map((k) => [k, `${own}${k.split('/').pop()}`]));
  await Promise.all([...kept].map(([from, to]) => keepUpload(from, to)));
  return rows.map((r) => {
    const d = declared.find((x) => x.name === r.name);
    return d ? { ...r, provided: d.provided, uploadKeys: d.uploadKeys.map((k) => kept.get(k) ?? k) } : r;
  });
}

async function ownDetail(id: string, residentId: string) {
  const found = await getApplicationWithEvents(id);
  if (!found || found.application.residentId !== residentId) throw notFound('办件不存在');
  return found;
}

export const handler = httpHandler({
  'POST /applications': async ({ body, principal }) => {
    const [item, resident, cal] = await Promise.all([getService(body.serviceCode), getResident(principal.residentId), loadCalendar()]);
    if (!item) throw notFound('事项不存在');
    if (!resident) throw notFound('用户不存在');
    if (!item.online) throw conflict('该事项暂不支持网上申请，请到窗口或预约办理', 'NOT_ONLINE');
    if (body.proxy && !item.proxy) throw badRequest('该事项不提供代办', { proxy: '该事项不提供代办' });
    const id = randomUUID();
    const materials = await checklist(item, body.materials, principal.residentId, id);
    const now = new Date();
    const at = now.toISOString();
    const today = shanghaiDate(now);
    let proxy: ApplicationRecord['proxy'] = null;
    if (body.proxy) {
      const agent = await proxyAgent(resident.pairedCadreUsername, resident.currentRegionCode ?? resident.hometownRegionCode);
      if (!agent) throw conflict('本镇暂无代办员，请联系镇便民服务中心', 'NO_AGENT');
      proxy = { agentUsername: agent.username, agentName: agent.name, agentPhone: agent.phone, steps: [{ step: 'mandated', at, note: '居民申请全程代办' }] };
    }
    const record: ApplicationRecord = {
      id,
      caseNumber: `${today.replace(/-/g, '')}-${bookingCode(randomBytes(8)).slice(0, 5)}`,
      residentId: principal.residentId,
      townCode: townOf(resident.currentRegionCode ?? resident.hometownRegionCode),
      applicantName: resident.name ?? '未填写姓名',
      applicantPhone: resident.phone,
      serviceCode: item.code,
      serviceName: item.name,
      handlingLevel: item.handlingLevel,
      grants: item.grants ?? null,
      departmentId: item.departmentId,
      departmentName: item.departmentName,
      state: 'submitted',
      previousState: null,
      materials,
      missing: [],
      materialsRequests: 0,
      handler: null,
      proxy,
      submittedOn: today,
      firstSubmittedOn: today,
      acceptedOn: null,
      concludedOn: null,
      promisedDays: item.promisedDays,
      statutoryDays: item.statutoryDays,
      extension: null,
      pauses: [],
      submittedAt: at,
      updatedAt: at,
      version: 1,
    };
    const events: EventRecord[] = [{ at, actor: '申请人', action: 'submit', from: null, to: 'submitted', note: body.note ?? null }];
    if (proxy) events.push({ at, actor: '申请人', action: 'proxy_mandated', from: null, to: null, note: `委托代办员 ${proxy.agentName}` });
    if ((await createApplication(record, body.idempotencyKey, events)) === 'replay') {
      const id = await getApplicationIdByIdempotencyKey(principal.residentId, body.idempotencyKey);
      const first = id && (await getApplicationWithEvents(id));
      if (!first) throw conflict('请求正在处理，请稍后刷新', 'IN_PROGRESS');
      return toDetail(first.application, first.events, today, cal);
    }
    return toDetail(record, events, today, cal);
  },

  'GET /applications': async ({ query, principal }) => {
    const [page, cal] = await Promise.all([pageResidentApplications(principal.residentId, query), loadCalendar()]);
    const today = shanghaiDate();
    // Newest first, from the index: each page continues where the last one stopped.
    return { applications: page.items.map((a) => toApplication(a, today, cal)), nextCursor: page.nextCursor };
  },

  'GET /applications/{id}': async ({ params, principal }) => {
    const [{ application, events }, cal] = await Promise.all([ownDetail(params.id, principal.residentId), loadCalendar()]);
    return toDetail(application, events, shanghaiDate(), cal);
  },

  'POST /applications/{id}/withdraw': async ({ params, body, principal }) => {
    const a = await getApplication(params.id);
    if (!a || a.residentId !== principal.residentId) throw notFound('办件不存在');
    const to = advance(a.state, 'withdraw', a.previousState);
    if (a.version !== body.version) throw conflict('办件已发生变化，请刷新后重试', 'VERSION_CONFLICT');
    const at = new Date().toISOString();
    const next: ApplicationRecord = { ...a, state: to, updatedAt: at, version: a.version + 1 };
    const event: EventRecord = { at, actor: '申请人', action: 'withdraw', from: a.state, to, note: body.reason ?? '申请人撤回申请' };
    // Out of the queues (the open pointer goes), counted on the item as a withdrawal.
    if ((await saveApplication(next, a.version, [event], undefined, undefined, [withdrawalCounted(a.serviceCode)])) === 'stale') {
      throw conflict('办件已发生变化，请刷新后重试', 'VERSION_CONFLICT');
    }
    const [{ application, events }, cal] = await Promise.all([ownDetail(params.id, principal.residentId), loadCalendar()]);
    return toDetail(application, events, shanghaiDate(), cal);
  },

  'POST /applications/{id}/supplement': async ({ params, body, principal }) => {
    const a = await getApplication(params.id);
    if (!a || a.residentId !== principal.residentId) throw notFound('办件不存在');
    const to = advance(a.state, 'supplement', a.previousState);
    if (a.version !== body.version) throw conflict('办件已发生变化，请刷新后重试', 'VERSION_CONFLICT');
    const item = await getService(a.serviceCode);
    if (!item) throw notFound('事项不存在');
    const materials = await checklist(item, body.materials, principal.residentId, a.id, a);
    const now = new Date();
    const at = now.toISOString();
    const next: ApplicationRecord = { ...a, state: to, materials, submittedOn: shanghaiDate(now), updatedAt: at, version: a.version + 1 };
    const event: EventRecord = { at, actor: '申请人', action: 'supplement', from: a.state, to, note: body.note ?? '已补齐补正材料' };
    if ((await saveApplication(next, a.version, [event])) === 'stale') throw conflict('办件已发生变化，请刷新后重试', 'VERSION_CONFLICT');
    const [{ application, events }, cal] = await Promise.all([ownDetail(params.id, principal.residentId), loadCalendar()]);
    return toDetail(application, events, shanghaiDate(), cal);
  },
});
