import { badRequest, notFound } from '../lib/errors';
import { httpHandler } from '../lib/http';
import { getResident, getStaff, updateResident } from '../store/people';
import { getDepartment, getRegions, listLeaders } from '../store/reference';
import { toMe } from './views';

export const handler = httpHandler({
  'GET /me': async ({ principal }) => {
    const r = await getResident(principal.residentId);
    if (!r) throw notFound('用户不存在');
    return toMe(r);
  },

  'PUT /me': async ({ principal, body }) => {
    const codes = [body.currentRegionCode, body.hometownRegionCode].filter((c): c is string => !!c);
    const known = await getRegions(codes);
    const fields: Record<string, string> = {};
    if (body.currentRegionCode && !known.has(body.currentRegionCode)) fields.currentRegionCode = '所选现居地不存在';
    if (body.hometownRegionCode && !known.has(body.hometownRegionCode)) fields.hometownRegionCode = '所选户籍地不存在';
    if (body.currentRegionCode && body.currentPlaceCode) fields.currentPlaceCode = '现居地在县内或县外，只能选择一处';
    if (Object.keys(fields).length) throw badRequest(Object.values(fields)[0]!, fields);
    const tags = body.tags && [...new Set(body.tags)];
    // Living in the county or outside it (a migrant worker's city): choosing one clears the other.
    const place = body.currentPlaceCode ? { currentRegionCode: null } : body.currentRegionCode ? { currentPlaceCode: null } : {};
    const r = await updateResident(principal.residentId, { ...body, tags, ...place }, new Date().toISOString());
    if (!r) throw notFound('用户不存在');
    return toMe(r);
  },

  'GET /contacts': async ({ principal }) => {
    const [leaders, resident] = await Promise.all([listLeaders(), getResident(principal.residentId)]);
    if (!resident) throw notFound('用户不存在');
    const cadre = resident.pairedCadreUsername ? await getStaff(resident.pairedCadreUsername) : undefined;
    const dept = cadre?.departmentId ? await getDepartment(cadre.departmentId) : undefined;
    return {
      leaders,
      pairedCadre: cadre
        ? { name: cadre.name, phone: cadre.phone ?? '', duties: cadre.duties, departmentName: dept?.name ?? null }
        : null,
    };
  },
});
