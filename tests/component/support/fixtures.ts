// Response bodies shaped exactly like the shared schemas (the tests parse them
// through the real request module).
import type { Appointment, Place, Slot } from '../../../shared/schemas/appointments';
import type { Me, StaffProfile } from '../../../shared/schemas/auth';
import type { ServiceItem, ServiceSummary } from '../../../shared/schemas/catalog';
import type { ContactsResponse } from '../../../shared/schemas/contacts';
import type { Region } from '../../../shared/schemas/regions';

export const pensionSummary: ServiceSummary = {
  code: 'RS-001',
  name: '城乡居民基本养老保险参保登记',
  departmentId: 'human-resources',
  departmentName: '县人力资源和社会保障局',
  category: 'social_security',
  handlingLevel: 'village',
  type: 'instant',
  promisedDays: 0,
  visits: 1,
  appointment: false,
  online: true,
  proxy: true,
};

export const dibaoSummary: ServiceSummary = {
  code: 'MZ-002',
  name: '最低生活保障申请',
  departmentId: 'civil-affairs',
  departmentName: '县民政局',
  category: 'civil_affairs',
  handlingLevel: 'town',
  type: 'promised',
  promisedDays: 20,
  visits: 1,
  appointment: true,
  online: false,
  proxy: true,
};

export const idCardSummary: ServiceSummary = {
  code: 'GA-003',
  name: '居民身份证换领',
  departmentId: 'public-security',
  departmentName: '县公安局',
  category: 'household',
  handlingLevel: 'county',
  type: 'promised',
  promisedDays: 15,
  visits: 2,
  appointment: true,
  online: false,
  proxy: false,
};

export const dibaoItem: ServiceItem = {
  ...dibaoSummary,
  serves: '家庭人均收入低于当地最低生活保障标准的本县户籍居民',
  description: '对符合条件的困难家庭按月发放最低生活保障金。',
  basis: '《社会救助暂行办法》第九条',
  statutoryDays: 30,
  materials: [
    { name: '居民身份证', required: true, copies: 1, format: 'original_and_copy', notes: '家庭成员每人一份' },
    { name: '户口簿', required: true, copies: 1, format: 'copy' },
    { name: '家庭收入情况声明', required: true, copies: 1, format: 'form', sample: '见窗口样表' },
    { name: '残疾证', required: false, copies: 1, format: 'copy', notes: '家庭成员有残疾的提供' },
  ],
  feeYuan: 0,
  keywords: ['低保', '救助'],
  stats: { concluded: 48, onTimeRate: 0.9583, medianDays: 12 },
  version: 3,
  updatedAt: '2026-03-01T18:30:00.000Z',
};

export const regions: Region[] = [
  { code: '511999', name: '青山县', level: 'county', parentCode: null },
  { code: '511999101', name: '城关镇', level: 'town', parentCode: '511999' },
  { code: '511999102', name: '向阳镇', level: 'town', parentCode: '511999' },
  { code: '511999101201', name: '石桥村', level: 'village', parentCode: '511999101' },
  { code: '511999102201', name: '向阳村', level: 'village', parentCode: '511999102' },
  { code: '511999102202', name: '柏林村', level: 'village', parentCode: '511999102' },
  { code: '511999102202001', name: '一组', level: 'group', parentCode: '511999102202' },
  { code: '511999102202002', name: '二组', level: 'group', parentCode: '511999102202' },
];

export const me: Me = {
  id: 'r-1',
  name: '王秀英',
  phone: '13800001111',
  currentRegionCode: '511999101201',
  hometownRegionCode: null,
  tags: ['elderly'],
  elderMode: false,
  createdAt: '2026-01-05T02:00:00.000Z',
};

export const session = (over: Partial<Me> = {}, token = 'tok-new') => ({
  token,
  expiresAt: new Date(Date.now() + 3600_000).toISOString(),
  me: { ...me, ...over },
});

export const contacts: ContactsResponse = {
  pairedCadre: { name: '李建国', phone: '13900002222', duties: '联系石桥村1-4组，负责政策宣传和全程代办', departmentName: '城关镇人民政府' },
  leaders: [
    { id: 'l-1', name: '张伟', title: '县长', phone: '0839-1234567', duties: '主持县政府全面工作', regionCode: '511999' },
    { id: 'l-2', name: '刘芳', title: '城关镇党委书记', phone: '0839-7654321', duties: '负责城关镇全面工作', regionCode: '511999101' },
  ],
};

export const staffProfile: StaffProfile = {
  username: 'clerk01',
  name: '陈静',
  role: 'clerk',
  departmentId: 'civil-affairs',
  departmentName: '县民政局',
  regionCode: '511999',
  regionName: '青山县',
  phone: '13700003333',
};

// ---------------------------------------------------------------- appointments

export const villagePlace: Place = {
  id: 'shiqiao-station',
  kind: 'point',
  name: '石桥村便民服务站',
  level: 'village',
  regionCode: '511999101201',
  regionName: '石桥村',
  address: '青山县城关镇石桥村村委会一楼',
  phone: '0817-7231201',
  hours: '周一至周五 9:00—12:00，14:00—17:00',
  departmentName: null,
  nearness: 'own_village',
  cutoffMinutes: 120,
};

export const townPlace: Place = {
  ...villagePlace,
  id: 'chengguan-center',
  name: '城关镇便民服务中心',
  level: 'town',
  regionCode: '511999101',
  regionName: '城关镇',
  address: '青山县城关镇人民路102号',
  phone: '0817-7231001',
  hours: '周一至周五 8:30—12:00，14:00—17:30',
  nearness: 'own_town',
};

export const rovingPlace: Place = {
  ...villagePlace,
  id: 'roving-mz-chengguan',
  kind: 'roving',
  name: '县民政局城关镇坐班',
  level: 'town',
  regionCode: '511999101',
  regionName: '城关镇',
  address: '青山县城关镇便民服务中心二楼',
  phone: '0817-7221301',
  hours: '每月第二个星期二 09:00—12:00',
  departmentName: '县民政局',
  nearness: 'roving_in_town',
};

export const countyPlace: Place = {
  ...villagePlace,
  id: 'qs-county-center',
  name: '青山县政务服务中心',
  level: 'county',
  regionCode: '511999',
  regionName: '青山县',
  address: '青山县城关镇滨江大道88号',
  phone: '0817-7220000',
  hours: '周一至周五 9:00—12:00，13:30—17:30',
  nearness: 'county',
  cutoffMinutes: 1440,
};

export function slot(placeId: string, date: string, start: string, end: string, over: Partial<Slot> = {}): Slot {
  return {
    id: `${placeId}~${date}~${start.replace(':', '')}`,
    date,
    start,
    end,
    capacity: 5,
    booked: 2,
    remaining: 3,
    status: 'open',
    closeReason: null,
    ...over,
  };
}

export const appointment: Appointment = {
  id: 'appt-0001-abcd',
  code: 'K7P2XQ9M',
  serviceCode: 'MZ-002',
  serviceName: '最低生活保障申请',
  placeId: 'shiqiao-station',
  placeName: '石桥村便民服务站',
  placeAddress: '青山县城关镇石桥村村委会一楼',
  slotId: 'shiqiao-station~2026-03-05~0900',
  date: '2026-03-05',
  start: '09:00',
  end: '10:00',
  status: 'booked',
  cutoffAt: '2026-03-04T23:00:00.000Z',
  cancelledBy: null,
  cancelReason: null,
  createdAt: '2026-03-01T02:00:00.000Z',
  updatedAt: '2026-03-01T02:00:00.000Z',
  version: 1,
};
