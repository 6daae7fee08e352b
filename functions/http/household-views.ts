// What the API shows of a household and a contact.
import type { Contact, HouseholdSummary } from '../../shared/schemas/households';
import { contactLight, hasMustVisitTag } from '../domain/households';
import type { ContactRecord, HouseholdRecord } from '../store/households';
import { getRegions } from '../store/reference';

/** Region names, the village's before the group's (白岩村三组). */
export async function regionNamesOf(codes: string[]): Promise<Map<string, string>> {
  const all = [...new Set(codes.flatMap((c) => (c.length > 12 ? [c, c.slice(0, 12)] : [c])))];
  const regions = await getRegions(all);
  return new Map(codes.map((c) => {
    const own = regions.get(c)?.name ?? c;
    const village = c.length > 12 ? regions.get(c.slice(0, 12))?.name : undefined;
    return [c, village ? `${village}${own}` : own];
  }));
}

export function toHouseholdSummary(h: HouseholdRecord, names: Map<string, string>, now: Date): HouseholdSummary {
  return {
    id: h.id, headName: h.headName, regionCode: h.regionCode, regionName: names.get(h.regionCode) ?? h.regionCode, members: h.members, tags: h.tags,
    mustVisit: hasMustVisitTag(h.tags), cadreUsername: h.cadreUsername,
    lastContact: h.lastContact ? { at: h.lastContact.at, kind: h.lastContact.kind, occasion: h.lastContact.occasion } : null,
    light: contactLight(h.lastContact?.at, now), version: h.version,
    deactivated: h.deactivated ? { at: h.deactivated.at, reason: h.deactivated.reason, note: h.deactivated.note } : null,
  };
}

export const toContact = (c: ContactRecord): Contact => ({
  id: c.id, householdId: c.householdId, cadreUsername: c.cadreUsername, cadreName: c.cadreName, kind: c.kind, occasion: c.occasion,
  note: c.note, at: c.at, demand: c.demand,
});
