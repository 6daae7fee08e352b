// 包联 register, kept by staff: a new household, its details, its move to
// another paired cadre, and 迁出/注销. Each writes the household and the
// coverage counts per scope in one transaction (domain registerChange).
import { createHash } from 'node:crypto';
import { householdAccess, householdChanges, mayAddHousehold, type Staff } from '../domain/access';
import { householdPlaceProblem, placeOf, registerChange, scopeLabel, shanghaiMonth, type HouseholdMarks } from '../domain/households';
import { townOf } from '../domain/regions';
import { badRequest, conflict, forbidden, notFound } from '../lib/errors';
import type { RouteHandlers, StaffPrincipal } from '../lib/http';
import { createHousehold, getHousehold, getHouseholdForChange, saveHousehold, type HouseholdRecord } from '../store/households';
import { getResidents, getStaff, type StaffRecord } from '../store/people';
import { getRegions } from '../store/reference';
import { regionNamesOf, toHouseholdSummary } from './household-views';

type RegisterRoutes = 'POST /admin/households' | 'PUT /admin/households/{id}' | 'POST /admin/households/{id}/deactivation';

const staffOf = (p: StaffPrincipal): Staff => ({ username: p.username, role: p.role, departmentId: p.departmentId, regionCode: p.regionCode });
const NO_MARKS: HouseholdMarks = { contacted: [], visited: [] };
const STALE = '该户信息已被更新（可能刚记录了联系或有人修改），请刷新后再改';
const INACTIVE = '该户已迁出/注销';

/** The household's village or group, checked against the cadre's area; the names a new scope in the register needs. */
async function placeFor(regionCode: string, cadre: StaffRecord) {
  const problem = householdPlaceProblem(regionCode, cadre.regionCode);
  if (problem) throw badRequest(problem, { regionCode: problem });
  const county = regionCode.slice(0, 6);
  const regions = await getRegions([regionCode, regionCode.slice(0, 12), regionCode.slice(0, 9), county]);
  if (!regions.has(regionCode)) throw badRequest('所选村组不存在', { regionCode: '所选村组不存在' });
  const place = placeOf(regionCode, cadre.username);
  const labelOf = (s: string) => scopeLabel(s, place.townCode, county, (level, code) => (level === 'cadre' ? cadre.name : regions.get(code)?.name ?? code));
  return { place, labelOf };
}

/** A paired cadre (包联干部), or null. */
const pairedCadre = async (username: string) => {
  const s = await getStaff(username);
  return s && s.role === 'agent' ? s : null;
};

const view = async (h: HouseholdRecord) => toHouseholdSummary(h, await regionNamesOf([h.regionCode]), new Date());

/** The same household id for every retry of one idempotency key. */
const householdIdOf = (username: string, idemKey: string) => `hh-${createHash('sha256').update(`household:${username}:${idemKey}`).digest('hex').slice(0, 24)}`;

/** The household as read for a change, refused when this staff member may not make it, it is off the register, or the version is stale. */
async function forChange(p: StaffPrincipal, id: string, version: number, change: 'edit' | 'deactivate', month: string) {
  const found = await getHouseholdForChange(id, month);
  if (!found) throw notFound('包联户不存在');
  const s = staffOf(p);
  const h = found.household;
  if (!householdChanges(s, h).includes(change)) {
    if (householdAccess(s, h) === 'none') throw forbidden('该户不是您的包联户');
    throw forbidden(change === 'edit' ? '无权修改该户' : '迁出/注销由镇便民服务中心或督查办理');
  }
  if (h.deactivated) throw conflict(INACTIVE);
  if (version !== h.version) throw conflict(STALE);
  return found;
}

export const registerRoutes: RouteHandlers<RegisterRoutes> = {
  'POST /admin/households': async ({ body, principal }) => {
    const username = body.cadreUsername ?? principal.username;
    const cadre = await pairedCadre(username);
    if (!cadre) throw username === principal.username ? forbidden('只有包联干部可以新增本人包联户，请选择包联干部') : notFound('包联干部不存在');
    if (!mayAddHousehold(staffOf(principal), { cadreUsername: username, townCode: townOf(cadre.regionCode) ?? '' })) throw forbidden('只能为本人或本镇的包联干部新增包联户');
    const { place, labelOf } = await placeFor(body.regionCode, cadre);
    const now = new Date().toISOString();
    const h: HouseholdRecord = {
      id: householdIdOf(principal.username, body.idempotencyKey), headName: body.headName, phone: body.phone ?? null, regionCode: body.regionCode, ...place,
      members: body.members, tags: body.tags, residentIds: [], lastContact: null, createdAt: now, updatedAt: now, version: 1, deactivated: null,
    };
    const deltas = registerChange(null, h, NO_MARKS, shanghaiMonth(now));
    const outcome = await createHousehold(h, principal.username, body.idempotencyKey, { deltas, labelOf });
    if (outcome.kind === 'created') return view(h);
    // A replay (the answer was lost): the household stored the first time.
    const first = await getHousehold(outcome.householdId);
    if (!first) throw notFound('包联户不存在');
    return view(first);
  },

  'PUT /admin/households/{id}': async ({ params, body, principal }) => {
    const now = new Date().toISOString();
    const month = shanghaiMonth(now);
    const { household: h, marks } = await forChange(principal, params.id, body.version, 'edit', month);
    const username = body.cadreUsername ?? h.cadreUsername;
    const moving = username !== h.cadreUsername;
    if (moving && !householdChanges(staffOf(principal), h).includes('reassign')) throw forbidden('改派包联干部由镇便民服务中心或督查办理');
    const cadre = await pairedCadre(username);
    if (!cadre) throw moving ? conflict('该账号不是包联干部，不能改派') : notFound('包联干部不存在');
    if (moving && householdPlaceProblem(body.regionCode, cadre.regionCode)) throw conflict(`${cadre.name}不是该村的包联干部，不能改派`);
    const { place, labelOf } = await placeFor(body.regionCode, cadre);
    const next: HouseholdRecord = {
      ...h, headName: body.headName, phone: body.phone === undefined ? h.phone : body.phone, regionCode: body.regionCode, ...place,
      members: body.members, tags: body.tags, version: h.version + 1, updatedAt: now,
    };
    // Residents with an account follow their household to the new cadre (those whose account still exists).
    const residents = moving && h.residentIds.length ? { ids: [...(await getResidents(h.residentIds)).keys()], cadre: username } : undefined;
    const saved = await saveHousehold(h, next, { deltas: registerChange(h, next, marks, month), labelOf, residents });
    if (saved === 'stale') throw conflict(STALE);
    return view(next);
  },

  'POST /admin/households/{id}/deactivation': async ({ params, body, principal }) => {
    const now = new Date().toISOString();
    const month = shanghaiMonth(now);
    const { household: h, marks } = await forChange(principal, params.id, body.version, 'deactivate', month);
    const next: HouseholdRecord = {
      ...h, version: h.version + 1, updatedAt: now, deactivated: { at: now, reason: body.reason, note: body.note || null, by: principal.username },
    };
    const residents = h.residentIds.length ? { ids: [...(await getResidents(h.residentIds)).keys()], cadre: null } : undefined;
    const saved = await saveHousehold(h, next, { deltas: registerChange(h, null, marks, month), residents });
    if (saved === 'stale') throw conflict(STALE);
    return view(next);
  },
};
