// Open311 GeoReport v2, public and read only: the services (demand types ×
// domains) and the public demands of a date window as service requests.
import { SERVICE_CODE_RE } from '../../shared/schemas/open311';
import { demandClock } from '../domain/demands';
import {
  open311Services, open311Status, open311Window, OPEN311_MAX_REQUESTS, isPublicDemand, serviceCode, toOpen311Request,
} from '../domain/open311';
import { villageOfRegion } from '../domain/monthly-report';
import { badRequest, notFound } from '../lib/errors';
import { httpHandler } from '../lib/http';
import { loadCalendar } from '../store/calendar';
import { getDemandLimits } from '../store/demand-config';
import { getDemand, listPublicDemands, type DemandRecord } from '../store/demands';
import { getRegions } from '../store/reference';

const stripJson = (s: string) => s.replace(/\.json$/, '');

async function toRequests(demands: DemandRecord[]) {
  const now = new Date();
  const villages = [...new Set(demands.map((d) => villageOfRegion(d.regionCode)).filter((v): v is string => !!v))];
  const [cal, limits, regions] = await Promise.all([loadCalendar(), getDemandLimits(), villages.length ? getRegions(villages) : Promise.resolve(new Map())]);
  return demands.map((d) => {
    const village = villageOfRegion(d.regionCode);
    const clock = demandClock(d, now, cal, limits);
    return toOpen311Request({
      id: d.id, type: d.type, domain: d.domain, state: d.state, departmentName: d.departmentName,
      replyResult: d.replies[d.replies.length - 1]?.result ?? null, filedAt: d.filedAt, updatedAt: d.updatedAt,
      replyDueOn: open311Status(d.state) === 'open' ? clock.replyDueOn : null,
      villageCode: village, villageName: village ? regions.get(village)?.name ?? null : null,
    });
  });
}

export const handler = httpHandler({
  'GET /open311/v2/services.json': async () => open311Services(),

  'GET /open311/v2/services/{code}': async ({ params }) => {
    const code = stripJson(params.code);
    if (!SERVICE_CODE_RE.test(code)) throw notFound('服务不存在');
    return { service_code: code, attributes: [] };
  },

  'GET /open311/v2/requests.json': async ({ query }) => {
    const window = open311Window(new Date(), query.start_date, query.end_date);
    if (!window) throw badRequest('时间范围应在90天以内，且开始不晚于结束', { start_date: '时间范围应在90天以内，且开始不晚于结束' });
    const codes = query.service_code ? new Set(query.service_code.split(',')) : null;
    const demands = (await listPublicDemands(window.from, window.to, OPEN311_MAX_REQUESTS))
      .filter((d) => isPublicDemand(d) && (!codes || codes.has(serviceCode(d.type, d.domain))) && (!query.status || open311Status(d.state) === query.status));
    return toRequests(demands);
  },

  'GET /open311/v2/requests/{id}': async ({ params }) => {
    const d = await getDemand(stripJson(params.id));
    // An anonymous demand or a 举报 is not there at all, as if it did not exist.
    if (!d || !isPublicDemand(d)) throw notFound('诉求不存在');
    return toRequests([d]);
  },
});
