// The places a staff member can open the day list for: the seed's service
// points (scripts/seed/data.ts `servicePoints`) and roving office days
// (`rovingDays` → `roving-<id>`). A static list, kept by hand in step with the
// seed: there is no "places I work at" route yet.
export interface DeskPlace {
  id: string;
  name: string;
  /** The point's region, or the town a roving day is held in. */
  regionCode: string;
  /** Roving days: the department holding office, and the rule. */
  departmentId?: string;
  note?: string;
}

const COUNTY = '511999';
const CHENGGUAN = '511999101';
const XIANGYANG = '511999102';
const GAOTAN = '511999103';
const SHIMEN = '511999104';

export const COUNTY_CENTER = 'qs-county-center';

export const DESK_PLACES: DeskPlace[] = [
  { id: COUNTY_CENTER, name: '青山县政务服务中心', regionCode: COUNTY },
  { id: 'chengguan-center', name: '城关镇便民服务中心', regionCode: CHENGGUAN },
  { id: 'xiangyang-center', name: '向阳镇便民服务中心', regionCode: XIANGYANG },
  { id: 'gaotan-center', name: '高滩镇便民服务中心', regionCode: GAOTAN },
  { id: 'shimen-center', name: '石门镇便民服务中心', regionCode: SHIMEN },
  { id: 'shiqiao-station', name: '石桥村便民服务站', regionCode: '511999101201' },
  { id: 'bailin-station', name: '柏林村便民服务站', regionCode: '511999102202' },
  { id: 'baiyan-station', name: '白岩村便民服务站', regionCode: '511999103202' },
  { id: 'longquan-station', name: '龙泉村便民服务站', regionCode: '511999103203' },
  { id: 'yuntai-station', name: '云台村便民服务站', regionCode: '511999104202' },
  { id: 'roving-rs-gaotan', name: '县人力资源和社会保障局（高滩镇坐班）', departmentId: 'human-resources', regionCode: GAOTAN, note: '每月第二个星期二 09:00—12:00' },
  { id: 'roving-rs-shimen', name: '县人力资源和社会保障局（石门镇坐班）', departmentId: 'human-resources', regionCode: SHIMEN, note: '每月第三个星期二 09:00—12:00' },
  { id: 'roving-ga-shimen', name: '县公安局（石门镇坐班）', departmentId: 'public-security', regionCode: SHIMEN, note: '每月第一个星期四 09:00—16:00' },
  { id: 'roving-ga-gaotan', name: '县公安局（高滩镇坐班）', departmentId: 'public-security', regionCode: GAOTAN, note: '每月第三个星期四 09:00—16:00' },
  { id: 'roving-yb-xiangyang', name: '县医疗保障局（向阳镇坐班）', departmentId: 'medical-insurance', regionCode: XIANGYANG, note: '每月第二个星期三 09:00—12:00' },
  { id: 'roving-yb-gaotan', name: '县医疗保障局（高滩镇坐班）', departmentId: 'medical-insurance', regionCode: GAOTAN, note: '每月第四个星期三 09:00—12:00' },
  { id: 'roving-cl-gaotan', name: '县残疾人联合会（高滩镇坐班）', departmentId: 'disabled-persons', regionCode: GAOTAN, note: '每月第一个星期五 09:00—15:00' },
  { id: 'roving-mz-xiangyang', name: '县民政局（向阳镇坐班）', departmentId: 'civil-affairs', regionCode: XIANGYANG, note: '每月第一个星期一 09:00—12:00' },
  { id: 'roving-ny-shimen', name: '县农业农村局（石门镇坐班）', departmentId: 'agriculture', regionCode: SHIMEN, note: '每月第二个星期五 14:00—17:00' },
];

type Staff = { role: string; regionCode: string; departmentId: string | null } | null;

/**
 * The places this staff member may open, by the server's rule (admins and
 * supervisors: all; window staff and department heads: the point of their
 * region and their department's roving days). Anyone else sees the whole list
 * and the server's answer.
 */
export function placesFor(staff: Staff): DeskPlace[] {
  if (!staff || staff.role === 'admin' || staff.role === 'supervisor' || staff.role === 'agent') return DESK_PLACES;
  const mine = DESK_PLACES.filter((p) => (p.departmentId ? p.departmentId === staff.departmentId : p.regionCode === staff.regionCode));
  return mine.length > 0 ? mine : DESK_PLACES;
}

/** The point in the staff member's own region; county staff → the county centre; else their first place. */
export function defaultPlaceId(staff: Staff): string {
  const own = DESK_PLACES.find((p) => !p.departmentId && p.regionCode === staff?.regionCode);
  if (own) return own.id;
  const list = placesFor(staff);
  return list === DESK_PLACES ? COUNTY_CENTER : (list[0]?.id ?? COUNTY_CENTER);
}

export function deskPlaceName(id: string): string {
  return DESK_PLACES.find((p) => p.id === id)?.name ?? id;
}
