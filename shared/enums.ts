// Enumerations of the domain with their zh-CN labels: the one place both the
// backend and the mini-program read them from.

export const REGION_LEVELS = ['county', 'town', 'village', 'group'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];
export const REGION_LEVEL_LABELS: Record<RegionLevel, string> = {
  county: '县',
  town: '镇',
  village: '村',
  group: '组',
};
/** Where an item can be handled: 县级 / 镇级 / 村级 / 组级. */
export const HANDLING_LEVEL_LABELS: Record<RegionLevel, string> = {
  county: '县级（政务服务中心）',
  town: '镇级（便民服务中心）',
  village: '村级（便民服务站）',
  group: '组级（代办点）',
};

export const ITEM_TYPES = ['instant', 'promised'] as const;
export type ItemType = (typeof ITEM_TYPES)[number];
export const ITEM_TYPE_LABELS: Record<ItemType, string> = {
  instant: '即办件',
  promised: '承诺件',
};

export const SERVICE_CATEGORIES = [
  'social_security',
  'civil_affairs',
  'household',
  'agriculture',
  'housing',
  'health',
  'education',
  'business',
  'elderly_disabled',
  'other',
] as const;
export type ServiceCategory = (typeof SERVICE_CATEGORIES)[number];
export const SERVICE_CATEGORY_LABELS: Record<ServiceCategory, string> = {
  social_security: '社会保障',
  civil_affairs: '民政救助',
  household: '户籍证照',
  agriculture: '农业农村',
  housing: '住房建设',
  health: '医疗卫健',
  education: '教育就业',
  business: '市场主体',
  elderly_disabled: '老年与残疾',
  other: '其他',
};

export const MATERIAL_FORMATS = ['original', 'copy', 'original_and_copy', 'electronic', 'form'] as const;
export type MaterialFormat = (typeof MATERIAL_FORMATS)[number];
export const MATERIAL_FORMAT_LABELS: Record<MaterialFormat, string> = {
  original: '原件',
  copy: '复印件',
  original_and_copy: '原件及复印件',
  electronic: '电子材料',
  form: '填写表格',
};

export const RESIDENT_TAGS = ['migrant_worker', 'elderly', 'low_income', 'left_behind', 'disabled'] as const;
export type ResidentTag = (typeof RESIDENT_TAGS)[number];
export const RESIDENT_TAG_LABELS: Record<ResidentTag, string> = {
  migrant_worker: '外出务工',
  elderly: '老年人',
  low_income: '低保户',
  left_behind: '三留守',
  disabled: '残疾人',
};

/** Certificates and benefits that end and must be renewed (主动服务 reminds 30 days before). */
export const CERTIFICATES = ['elder_card', 'high_age_allowance', 'disability_card'] as const;
export type Certificate = (typeof CERTIFICATES)[number];
export const CERTIFICATE_LABELS: Record<Certificate, string> = {
  elder_card: '老年人优待证',
  high_age_allowance: '高龄津贴资格',
  disability_card: '残疾人证',
};

export const STAFF_ROLES = ['admin', 'supervisor', 'dept_head', 'clerk', 'agent'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
export const STAFF_ROLE_LABELS: Record<StaffRole, string> = {
  admin: '系统管理员',
  supervisor: '督查人员',
  dept_head: '部门负责人',
  clerk: '窗口人员',
  agent: '代办员',
};

export const SERVICE_POINT_LEVELS = ['county', 'town', 'village'] as const;
export type ServicePointLevel = (typeof SERVICE_POINT_LEVELS)[number];
