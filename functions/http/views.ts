// Records → response shapes shared by several handlers.
import type { Me, StaffProfile } from '../../shared/schemas/auth';
import { placeName } from '../../shared/data/places-cn';
import { consentIsCurrent } from '../domain/privacy';
import type { Appointment } from '../../shared/schemas/appointments';
import type { AppointmentRecord } from '../store/appointments';
import type { ResidentRecord, StaffRecord } from '../store/people';
import { getDepartment, getRegions } from '../store/reference';

export const toMe = (r: ResidentRecord): Me => ({
  id: r.id,
  name: r.name,
  phone: r.phone,
  currentRegionCode: r.currentRegionCode,
  hometownRegionCode: r.hometownRegionCode,
  tags: r.tags,
  elderMode: r.elderMode,
  currentPlaceCode: r.currentPlaceCode ?? null,
  currentPlaceName: r.currentPlaceCode ? placeName(r.currentPlaceCode) : null,
  birthDate: r.birthDate ?? null,
  privacyConsented: consentIsCurrent(r.privacyConsent),
  createdAt: r.createdAt,
});

export async function toStaffProfile(s: StaffRecord): Promise<StaffProfile> {
  const [dept, regions] = await Promise.all([
    s.departmentId ? getDepartment(s.departmentId) : undefined,
    getRegions([s.regionCode]),
  ]);
  return {
    username: s.username,
    name: s.name,
    role: s.role,
    departmentId: s.departmentId,
    departmentName: dept?.name ?? null,
    regionCode: s.regionCode,
    regionName: regions.get(s.regionCode)?.name ?? '',
    phone: s.phone,
  };
}

/** The resident id stays on the server. */
export const toAppointment = ({ residentId: _r, ...a }: AppointmentRecord): Appointment => a;
