// 包联, staff side: the cadre's households with their light, one household
// with its contacts, recording a contact (with a demand filed on the
// household's behalf), and the monthly coverage of the county.
import { createHash } from 'node:crypto';
import { STAFF_ROLE_LABELS } from '../../shared/enums';
import type { CoverageRow, RecordContactRequest } from '../../shared/schemas/households';
import { coverageVisible, householdAccess, householdChanges, mayViewCoverage, maySeeNoContactReport, type Staff } from '../domain/access';
import {
  contactTimeProblem, coverageFigures, coverageFlags, levelOf, monthEnded, shanghaiMonth,
} from '../domain/households';
import { townOf } from '../domain/regions';
import { badRequest, conflict, forbidden, notFound } from '../lib/errors';
import { httpHandler, type StaffPrincipal } from '../lib/http';
import { getDemand } from '../store/demands';
import { getCoverage, getScopeCoverage } from '../store/coverage';
import {
  getContact, getHousehold, getHouseholdWithContacts, listNoContactReports, pageCadreHouseholds, recordContact, type ContactRecord, type HouseholdRecord,
} from '../store/households';
import { getStaff } from '../store/people';
import { scope } from '../domain/scopes';
import { fileOnce, newDemand } from './demand-steps';
import { registerRoutes } from './household-register';
import { regionNamesOf, toContact, toHouseholdSummary } from './household-views';

const staffOf = (p: StaffPrincipal): Staff => ({ username: p.username, role: p.role, departmentId: p.departmentId, regionCode: p.regionCode });

async function visibleHousehold(p: StaffPrincipal, id: string) {
  const found = await getHouseholdWithContacts(id);
  if (!found) throw notFound('包联户不存在');
  if (householdAccess(staffOf(p), found.household) === 'none') throw forbidden('该户不是您的包联户');
  return found;
}

/** Filed on the household's behalf (channel 包联走访), once per contact's idempotency key. */
async function fileVisitDemand(p: StaffPrincipal, cadreName: string, h: HouseholdRecord, body: RecordContactRequest, contactId: string, month: string) {
  const input = body.demand!;
  const reporterName = input.reporterName ?? h.headName;
  const d = {
    ...newDemand({
      residentId: reporterName === h.headName ? h.residentIds[0] ?? null : null, reporter: { name: reporterName, phone: h.phone },
      anonymous: false, type: input.type, domain: input.domain, grade: input.grade ?? 'B', channel: 'household_visit', text: input.text,
      regionCode: h.regionCode, point: null, intakeBy: p.username,
    }, new Date()),
    visit: { contactId, householdId: h.id, cadreUsername: h.cadreUsername, villageCode: h.villageCode, townCode: h.townCode, month },
  };
  const id = await fileOnce(d, `staff_${p.username}`, `contact_${body.idempotencyKey}`, { name: cadreName, role: STAFF_ROLE_LABELS[p.role] }, `${cadreName}包联走访时代为登记`);
  return { id, number: id === d.id ? d.number : (await getDemand(id))?.number ?? '' };
}

/** The same contact id for every retry of one idempotency key (the demand it files points at it). */
const contactIdOf = (username: string, idemKey: string) => createHash('sha256').update(`contact:${username}:${idemKey}`).digest('hex').slice(0, 32);

export const handler = httpHandler({
  ...registerRoutes,

  'GET /admin/households': async ({ query, principal }) => {
    const cadre = query.cadre ?? principal.username;
    if (cadre !== principal.username) {
      const other = await getStaff(cadre);
      if (!other) throw notFound('干部不存在');
      if (householdAccess(staffOf(principal), { cadreUsername: cadre, townCode: townOf(other.regionCode) ?? '' }) === 'none') throw forbidden('只能查看本人或本镇干部的包联户');
    }
    const now = new Date();
    const [page, own] = await Promise.all([pageCadreHouseholds(cadre, query), getScopeCoverage(scope.cadre(cadre), shanghaiMonth(now))]);
    const names = await regionNamesOf(page.items.map((h) => h.regionCode));
    const f = coverageFigures(own.base, own.month, own.previous);
    return {
      households: page.items.map((h) => toHouseholdSummary(h, names, now)),
      counts: { done: f.contacted, overdue: f.overdue, due: Math.max(0, f.households - f.contacted - f.overdue) },
      nextCursor: page.nextCursor,
    };
  },

  'GET /admin/households/{id}': async ({ params, principal }) => {
    const { household, contacts } = await visibleHousehold(principal, params.id);
    const names = await regionNamesOf([household.regionCode]);
    const allowed = household.deactivated ? [] : householdChanges(staffOf(principal), household);
    return { household: toHouseholdSummary(household, names, new Date()), contacts: contacts.map(toContact), allowed };
  },

  'POST /admin/households/{id}/contacts': async ({ params, body, principal }) => {
    const h = await getHousehold(params.id);
    if (!h) throw notFound('包联户不存在');
    const access = householdAccess(staffOf(principal), h);
    if (access !== 'record') throw forbidden(access === 'view' ? '只有包联干部本人可以记录联系' : '该户不是您的包联户');
    if (h.deactivated) throw conflict('该户已迁出/注销，不再记录联系');
    const now = new Date();
    const at = body.contactedAt ? new Date(body.contactedAt) : now;
    const problem = contactTimeProblem(at, now);
    if (problem) throw badRequest(problem, { contactedAt: problem });
    const cadreName = (await getStaff(principal.username))?.name ?? principal.username;
    const id = contactIdOf(principal.username, body.idempotencyKey);
    const month = shanghaiMonth(at);
    const demand = body.demand ? await fileVisitDemand(principal, cadreName, h, body, id, month) : null;
    const contact: ContactRecord = {
      id, householdId: h.id, cadreUsername: principal.username, cadreName, kind: body.kind, occasion: body.occasion,
      note: body.note || null, at: at.toISOString(), month, demand, recordedAt: now.toISOString(),
    };
    const outcome = await recordContact(h, contact, body.idempotencyKey, !!demand);
    if (outcome.kind === 'gone') throw notFound('包联户不存在');
    const names = await regionNamesOf([h.regionCode]);
    if (outcome.kind === 'created') return { contact: toContact(contact), household: toHouseholdSummary(outcome.household, names, now) };
    // A replay (an offline visit sent twice): the first one, stored once.
    const [first, household] = await Promise.all([getContact(outcome.householdId, outcome.contactId), getHousehold(outcome.householdId)]);
    if (!first || !household) throw notFound('联系记录不存在');
    return { contact: toContact(first), household: toHouseholdSummary(household, names, now) };
  },

  'GET /admin/coverage': async ({ query, principal }) => {
    const now = new Date();
    const month = query.month ?? shanghaiMonth(now);
    const s = staffOf(principal);
    if (!mayViewCoverage(s)) throw forbidden('只有督查人员、乡镇便民服务中心和包联干部可以查看包联覆盖');
    const [{ base, month: counters, previous }, reports] = await Promise.all([getCoverage(month), listNoContactReports(month)]);
    const ended = monthEnded(month, now);
    const rows: CoverageRow[] = base
      .map((b) => {
        const f = coverageFigures(b, counters.get(b.scope), previous.get(b.scope));
        return { level: levelOf(b.scope), code: b.code, name: b.name, townCode: b.townCode, ...f, flags: coverageFlags(f, ended) };
      })
      .filter((r) => coverageVisible(s, r))
      .sort((a, b) => LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level) || b.flags.length - a.flags.length || a.code.localeCompare(b.code));
    const cadreNames = new Map(base.filter((b) => levelOf(b.scope) === 'cadre').map((b) => [b.code, b.name]));
    const seen = reports.filter((r) => maySeeNoContactReport(s, townOf(r.regionCode)));
    const names = await regionNamesOf(seen.map((r) => r.regionCode));
    return {
      month, monthEnded: ended, rows,
      noContactReports: seen.map((r) => ({
        residentName: r.residentName, householdId: r.householdId, headName: r.headName, regionName: names.get(r.regionCode) ?? r.regionCode,
        cadreUsername: r.cadreUsername, cadreName: cadreNames.get(r.cadreUsername) ?? r.cadreUsername, lastContactAt: r.lastContactAt, at: r.at,
      })),
    };
  },
});

const LEVELS = ['county', 'town', 'village', 'cadre'];
