// 包联, resident side: when my paired cadre last contacted my household, and a
// one-tap 未联系 report to the supervisor (once a month).
import type { MyHouseholdContact } from '../../shared/schemas/households';
import { shanghaiMonth } from '../domain/households';
import { conflict, notFound } from '../lib/errors';
import { httpHandler } from '../lib/http';
import { getResidentHousehold, reportNoContact, type HouseholdRecord } from '../store/households';
import { getResident } from '../store/people';

const view = (h: HouseholdRecord | undefined, reported: boolean): MyHouseholdContact => ({
  householdId: h?.id ?? null,
  lastContact: h?.lastContact ? { at: h.lastContact.at, kind: h.lastContact.kind, occasion: h.lastContact.occasion } : null,
  reportedThisMonth: reported,
});

const ALREADY = '本月已反映过，督查人员会核实处理';

export const handler = httpHandler({
  'GET /me/household': async ({ principal }) => {
    const { household, reported } = await getResidentHousehold(principal.residentId, shanghaiMonth(new Date()));
    return view(household, reported);
  },

  'POST /me/household/no-contact': async ({ principal }) => {
    const now = new Date();
    const month = shanghaiMonth(now);
    const [{ household, reported }, resident] = await Promise.all([getResidentHousehold(principal.residentId, month), getResident(principal.residentId)]);
    if (!household) throw notFound('没有找到您家的包联信息');
    if (reported) throw conflict(ALREADY, 'ALREADY_REPORTED');
    const outcome = await reportNoContact({
      residentId: principal.residentId, residentName: resident?.name ?? null, householdId: household.id, headName: household.headName,
      regionCode: household.regionCode, cadreUsername: household.cadreUsername, lastContactAt: household.lastContact?.at ?? null, at: now.toISOString(),
    }, household, month);
    if (outcome === 'repeat') throw conflict(ALREADY, 'ALREADY_REPORTED');
    return view(household, true);
  },
});
