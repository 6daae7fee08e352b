// Demo data for the local stack: a fictional county, 青山县 (code 511999), as a
// Chinese county actually runs resident services (see ../../../shared/seeds):
// items delegated down to towns, villages and village groups (绥江 三务三办),
// roving office days of county departments in the towns, paired cadres who
// handle applications on residents' behalf (紫阳 包联 / 全程代办), a public
// directory of leaders with phones and duties (紫阳, 佛山 问政于民).
//
// Pure data: no I/O. Names, phones and addresses are fictitious; laws and
// regulations cited in `basis` are real. Demo passwords are for the local
// stack only.
import type { Material, ServiceItemCreate } from '../../shared/schemas/catalog';
import type { Leader } from '../../shared/schemas/contacts';
import type { Department, Region } from '../../shared/schemas/regions';
import type { Certificate, RegionLevel, ResidentTag, ServicePointLevel, StaffRole } from '../../shared/enums';

// ---------------------------------------------------------------------------
// Regions: county → town (镇) → village/community (村/社区) → group (组)
// Codes follow the national statistical scheme: 6 (county) + 3 (town)
// + 3 (village; 0xx communities, 2xx villages) + 3 (group).
// ---------------------------------------------------------------------------

export const COUNTY_CODE = '511999';
export const COUNTY_NAME = '青山县';

const GROUP_NAMES = ['一组', '二组', '三组', '四组', '五组', '六组', '七组', '八组'];

interface VillageSpec {
  code: string;
  name: string;
  groups: number;
}
interface TownSpec {
  code: string;
  name: string;
  villages: VillageSpec[];
}

const TOWNS: TownSpec[] = [
  {
    code: '511999101',
    name: '城关镇',
    villages: [
      { code: '511999101001', name: '东街社区', groups: 3 },
      { code: '511999101002', name: '滨江社区', groups: 2 },
      { code: '511999101201', name: '石桥村', groups: 4 },
    ],
  },
  {
    code: '511999102',
    name: '向阳镇',
    villages: [
      { code: '511999102201', name: '向阳村', groups: 3 },
      { code: '511999102202', name: '柏林村', groups: 4 },
      { code: '511999102203', name: '桃园村', groups: 2 },
    ],
  },
  {
    code: '511999103',
    name: '高滩镇',
    villages: [
      { code: '511999103201', name: '高滩村', groups: 3 },
      { code: '511999103202', name: '白岩村', groups: 5 },
      { code: '511999103203', name: '龙泉村', groups: 3 },
    ],
  },
  {
    code: '511999104',
    name: '石门镇',
    villages: [
      { code: '511999104201', name: '石门村', groups: 3 },
      { code: '511999104202', name: '云台村', groups: 4 },
    ],
  },
];

export const regions: Region[] = [
  { code: COUNTY_CODE, name: COUNTY_NAME, level: 'county', parentCode: null },
  ...TOWNS.flatMap((t): Region[] => [
    { code: t.code, name: t.name, level: 'town', parentCode: COUNTY_CODE },
    ...t.villages.flatMap((v): Region[] => [
      { code: v.code, name: v.name, level: 'village', parentCode: t.code },
      ...GROUP_NAMES.slice(0, v.groups).map(
        (g, i): Region => ({ code: `${v.code}${String(i + 1).padStart(3, '0')}`, name: g, level: 'group', parentCode: v.code }),
      ),
    ]),
  ]),
];

/** Region codes used below, by name, so typos fail the data test rather than the demo. */
export const R = {
  county: COUNTY_CODE,
  chengguan: '511999101',
  dongjie: '511999101001',
  binjiang: '511999101002',
  shiqiao: '511999101201',
  xiangyang: '511999102',
  xiangyangVillage: '511999102201',
  bailin: '511999102202',
  bailinGroup2: '511999102202002',
  taoyuan: '511999102203',
  gaotan: '511999103',
  gaotanVillage: '511999103201',
  baiyan: '511999103202',
  baiyanGroup3: '511999103202003',
  longquan: '511999103203',
  longquanGroup1: '511999103203001',
  shimen: '511999104',
  shimenVillage: '511999104201',
  yuntai: '511999104202',
  yuntaiGroup2: '511999104202002',
  dongjieGroup1: '511999101001001',
} as const;

// ---------------------------------------------------------------------------
// Departments
// ---------------------------------------------------------------------------

export const departments: Department[] = [
  { id: 'civil-affairs', name: '县民政局', phone: '0817-7221301', address: '青山县城关镇滨江大道88号县政务服务中心二楼' },
  { id: 'human-resources', name: '县人力资源和社会保障局', phone: '0817-7221402', address: '青山县城关镇滨江大道88号县政务服务中心一楼' },
  { id: 'public-security', name: '县公安局', phone: '0817-7222110', address: '青山县城关镇人民路56号（户政业务在县政务服务中心一楼）' },
  { id: 'agriculture', name: '县农业农村局', phone: '0817-7221503', address: '青山县城关镇农林路12号' },
  { id: 'medical-insurance', name: '县医疗保障局', phone: '0817-7221604', address: '青山县城关镇滨江大道88号县政务服务中心一楼' },
  { id: 'health', name: '县卫生健康局（县老龄办）', phone: '0817-7221705', address: '青山县城关镇健康路3号' },
  { id: 'disabled-persons', name: '县残疾人联合会', phone: '0817-7221806', address: '青山县城关镇和平街21号' },
  { id: 'market-regulation', name: '县市场监督管理局', phone: '0817-7221907', address: '青山县城关镇滨江大道88号县政务服务中心三楼' },
  { id: 'natural-resources', name: '县自然资源局', phone: '0817-7222008', address: '青山县城关镇国土路8号（不动产登记在县政务服务中心三楼）' },
  { id: 'housing', name: '县住房和城乡建设局', phone: '0817-7222109', address: '青山县城关镇建设路15号' },
  { id: 'education', name: '县教育局', phone: '0817-7222210', address: '青山县城关镇文昌路2号' },
  { id: 'veterans', name: '县退役军人事务局', phone: '0817-7222311', address: '青山县城关镇人民路60号' },
  { id: 'government-services', name: '县政务服务管理局', phone: '0817-7220000', address: '青山县城关镇滨江大道88号县政务服务中心四楼' },
  { id: 'efficiency-office', name: '县效能办（县政府督查室）', phone: '0817-7228890', address: '青山县城关镇人民路1号县政府大院' },
];

// ---------------------------------------------------------------------------
// Materials used by many items
// ---------------------------------------------------------------------------

const m = {
  idCard: (notes = '本人有效居民身份证；身份证过期的可用临时身份证'): Material => ({
    name: '居民身份证', required: true, copies: 1, format: 'original_and_copy', notes,
  }),
  hukou: (notes = '户主页及本人页'): Material => ({ name: '居民户口簿', required: true, copies: 1, format: 'original_and_copy', notes }),
  photo: (size: '一寸' | '二寸', copies: number, notes = '近期白底免冠彩色照片；窗口可免费现场拍照'): Material => ({
    name: `${size}免冠照片`, required: true, copies, format: 'original', notes,
  }),
  bank: (notes = '本人名下的社会保障卡（金融账户已激活）或惠民惠农财政补贴资金“一卡通”'): Material => ({
    name: '社会保障卡或“一卡通”银行账户', required: true, copies: 1, format: 'copy', notes,
    sample: '复印卡面正面，写明开户行及账号，本人签字确认',
  }),
  form: (name: string, notes = '窗口免费提供，也可在小程序下载打印；不会填写的由工作人员或代办员协助'): Material => ({
    name, required: true, copies: 1, format: 'form', notes,
  }),
  mandate: (): Material => ({
    name: '代办委托书及代办人身份证',
    required: false,
    copies: 1,
    format: 'original',
    notes: '由包联干部或代办员代办时提供；代办员代办全程免费，委托书可在小程序一键生成',
    sample: '本人×××（身份证号×××）委托×××（包联干部，电话×××）代为办理××××事项，委托期限至办结为止。委托人签字（按手印）、日期',
  }),
};

// ---------------------------------------------------------------------------
// Service items (事项目录)
// ---------------------------------------------------------------------------

export const services: ServiceItemCreate[] = [
  // ---- 人社 --------------------------------------------------------------
  {
    code: 'QS-RS-001',
    name: '城乡居民基本养老保险参保登记',
    departmentId: 'human-resources',
    category: 'social_security',
    serves: '年满16周岁（不含在校学生），非国家机关和事业单位工作人员，不属于职工基本养老保险覆盖范围的本县户籍城乡居民',
    description:
      '办理城乡居民基本养老保险参保登记。登记后按年缴费，缴费档次每年200元至5000元，政府按档次给予缴费补贴；低保对象、特困人员、返贫致贫人口、重度残疾人等困难群体由政府代缴最低档次保费。村（社区）协办员可上门代办，外出务工人员可由家属或代办员代为登记。',
    basis:
      '《中华人民共和国社会保险法》第二十条、第二十一条；《国务院关于建立统一的城乡居民基本养老保险制度的意见》（国发〔2014〕8号）',
    handlingLevel: 'village',
    statutoryDays: 20,
    promisedDays: 0,
    type: 'instant',
    materials: [
      m.idCard(),
      m.hukou(),
      m.form('《城乡居民基本养老保险参保登记表》'),
      { name: '社会保障卡', required: false, copies: 1, format: 'original', notes: '已有社会保障卡的提供，用于绑定缴费账户' },
      m.mandate(),
    ],
    feeYuan: 0,
    feeNote: '办理不收费；养老保险费按本人选择的缴费档次另行缴纳',
    visits: 0,
    appointment: false,
    online: true,
    proxy: true,
    keywords: ['养老', '养老保险', '社保', '参保', '城乡居民养老'],
    minAge: 16,
  },
  {
    code: 'QS-RS-002',
    name: '城乡居民养老保险待遇申领',
    departmentId: 'human-resources',
    category: 'social_security',
    serves: '年满60周岁、累计缴费满15年（或符合政策规定的补缴、衔接条件），未领取国家规定的基本养老保障待遇的参保人',
    description:
      '参保人年满60周岁后申领按月发放的城乡居民基本养老金（基础养老金+个人账户养老金）。每年需完成一次待遇领取资格认证，可在小程序或“掌上12333”刷脸认证，行动不便的由村协办员上门认证。',
    basis: '《中华人民共和国社会保险法》第二十一条；《国务院关于建立统一的城乡居民基本养老保险制度的意见》（国发〔2014〕8号）',
    handlingLevel: 'town',
    statutoryDays: 20,
    promisedDays: 5,
    type: 'promised',
    materials: [
      m.idCard(),
      m.hukou(),
      { name: '社会保障卡', required: true, copies: 1, format: 'original_and_copy', notes: '养老金发放到社会保障卡金融账户' },
      m.photo('一寸', 1),
      m.form('《城乡居民基本养老保险待遇申领表》'),
      m.mandate(),
    ],
    feeYuan: 0,
    visits: 1,
    appointment: true,
    online: true,
    proxy: true,
    keywords: ['养老金', '领取养老金', '60岁', '待遇', '社保'],
    minAge: 60,
  },
  {
    code: 'QS-RS-003',
    name: '就业创业证申领',
    departmentId: 'human-resources',
    category: 'education',
    serves: '在法定劳动年龄内、有劳动能力和就业要求的城乡劳动者，包括返乡创业人员、高校毕业生、脱贫劳动力',
    description:
      '《就业创业证》是享受就业创业扶持政策（创业担保贷款、社会保险补贴、职业培训补贴等）的凭证，已实行电子化，办理后可在电子社保卡中查看。',
    basis: '《中华人民共和国就业促进法》；《就业服务与就业管理规定》',
    handlingLevel: 'town',
    statutoryDays: 5,
    promisedDays: 0,
    type: 'instant',
    materials: [m.idCard(), m.form('《就业创业证》申领登记表')],
    feeYuan: 0,
    visits: 0,
    appointment: false,
    online: true,
    proxy: true,
    keywords: ['就业', '创业', '就业创业证', '创业贷款', '返乡'],
  },
  {
    code: 'QS-RS-004',
    name: '失业登记',
    departmentId: 'human-resources',
    category: 'education',
    serves: '法定劳动年龄内，有劳动能力和就业要求，处于无业状态的城乡劳动者（含返乡农民工）',
    description: '在常住地办理失业登记后，可享受免费职业介绍、职业指导、技能培训和就业援助；符合条件的可申领失业保险金。',
    basis: '《中华人民共和国就业促进法》；《就业服务与就业管理规定》',
    handlingLevel: 'village',
    statutoryDays: 5,
    promisedDays: 0,
    type: 'instant',
    materials: [
      m.idCard(),
      { name: '解除或终止劳动关系证明', required: false, copies: 1, format: 'original_and_copy', notes: '原单位出具；灵活就业、返乡人员无需提供' },
      m.form('《失业登记表》'),
    ],
    feeYuan: 0,
    visits: 0,
    appointment: false,
    online: true,
    proxy: true,
    keywords: ['失业', '找工作', '失业保险', '培训'],
  },
  // ---- 民政 --------------------------------------------------------------
  {
    code: 'QS-MZ-001',
    name: '最低生活保障申请',
    departmentId: 'civil-affairs',
    category: 'civil_affairs',
    serves: '共同生活的家庭成员人均收入低于当地最低生活保障标准，且家庭财产状况符合规定的本县户籍居民家庭',
    description:
      '以家庭为单位向户籍所在地镇人民政府（便民服务中心）提出申请，也可由村（居）民委员会或包联干部代为提出。镇政府组织入户调查、信息核对和民主评议，审核确认后在村务公开栏公示7天。审核确认权已下放至镇。',
    basis: '《社会救助暂行办法》（国务院令第649号）第二章；《最低生活保障审核确认办法》（民发〔2021〕57号）',
    handlingLevel: 'town',
    statutoryDays: 30,
    promisedDays: 20,
    type: 'promised',
    materials: [
      {
        ...m.form('《最低生活保障申请书》', '户主或其代理人签字；不识字的可由代办员代写，本人按手印'),
        sample: '写明家庭人口、主要收入来源、困难原因（如患病、残疾、缺乏劳动力）及申请理由',
      },
      m.hukou('全户户口簿'),
      m.idCard('共同生活家庭成员的居民身份证'),
      {
        name: '家庭经济状况核对授权书',
        required: true,
        copies: 1,
        format: 'form',
        notes: '所有共同生活家庭成员签字授权查询收入、存款、车辆、房产等信息',
      },
      m.form('《家庭收入和财产状况申报表》'),
      { name: '患病、残疾等情况证明', required: false, copies: 1, format: 'copy', notes: '家庭成员患重病的提供病历或诊断证明，残疾的提供残疾人证' },
      m.bank(),
      m.mandate(),
    ],
    feeYuan: 0,
    visits: 1,
    appointment: true,
    online: true,
    proxy: true,
    keywords: ['低保', '最低生活保障', '救助', '困难', '生活困难'],
  },
  {
    code: 'QS-MZ-002',
    name: '特困人员救助供养申请',
    departmentId: 'civil-affairs',
    category: 'civil_affairs',
    serves: '无劳动能力、无生活来源，且无法定赡养抚养扶养义务人或其义务人无履行能力的老年人、残疾人和未满16周岁的未成年人',
    description:
      '经认定为特困人员的，给予基本生活保障、照料护理、疾病治疗和殡葬服务。生活能自理的可选择在家分散供养（由村委会或亲友照料）或到县敬老院集中供养。镇政府受理并提出审核意见，县民政局确认。',
    basis: '《社会救助暂行办法》（国务院令第649号）第三章；《特困人员认定办法》（民发〔2021〕43号）',
    handlingLevel: 'town',
    statutoryDays: 40,
    promisedDays: 30,
    type: 'promised',
    materials: [
      m.form('《特困人员救助供养申请书》'),
      m.idCard(),
      m.hukou(),
      m.form('《家庭经济状况核对授权书》'),
      { name: '残疾人证或生活自理能力评估资料', required: false, copies: 1, format: 'copy', notes: '以残疾为由申请的提供；生活自理能力由镇政府组织评估' },
      m.bank(),
      m.mandate(),
    ],
    feeYuan: 0,
    visits: 0,
    appointment: false,
    online: false,
    proxy: true,
    keywords: ['特困', '五保', '供养', '敬老院', '救助'],
  },
  {
    code: 'QS-MZ-003',
    name: '临时救助申请',
    departmentId: 'civil-affairs',
    category: 'civil_affairs',
    serves: '因火灾、交通事故、突发重大疾病等意外事件，或因生活必需支出突然增加，导致基本生活暂时出现严重困难的家庭或个人',
    description:
      '急难型救助实行“先行救助”：情况紧急的，镇政府可先行给予救助，事后补齐材料和手续。支出型救助按规定程序审核审批。在本县遭遇急难的非本县户籍人员，可向所在地镇政府申请。',
    basis: '《社会救助暂行办法》（国务院令第649号）第九章；《国务院关于全面建立临时救助制度的通知》（国发〔2014〕47号）',
    handlingLevel: 'town',
    statutoryDays: 15,
    promisedDays: 10,
    type: 'promised',
    materials: [
      m.form('《临时救助申请书》'),
      m.idCard(),
      m.hukou(),
      {
        name: '遭遇困难的相关证明',
        required: true,
        copies: 1,
        format: 'copy',
        notes: '如医疗费用票据、火灾或交通事故证明等；急难情形可先受理后补交',
      },
      m.bank(),
      m.mandate(),
    ],
    feeYuan: 0,
    visits: 1,
    appointment: false,
    online: true,
    proxy: true,
    keywords: ['临时救助', '急难', '大病', '火灾', '救助'],
  },
  {
    code: 'QS-MZ-004',
    name: '高龄津贴申领',
    departmentId: 'civil-affairs',
    category: 'elderly_disabled',
    serves: '本县户籍、年满80周岁的老年人',
    description:
      '80至89周岁、90至99周岁、100周岁及以上老年人分档按月发放高龄津贴，发放至本人社会保障卡或“一卡通”。村便民服务站即可受理；老人行动不便的，由包联干部上门代办，无需本人到场。',
    basis: '《中华人民共和国老年人权益保障法》第三十三条',
    handlingLevel: 'village',
    statutoryDays: 20,
    promisedDays: 10,
    type: 'promised',
    materials: [
      m.idCard('老年人本人的居民身份证'),
      m.hukou(),
      m.bank(),
      m.form('《高龄津贴申请审批表》'),
      m.mandate(),
    ],
    feeYuan: 0,
    visits: 0,
    appointment: false,
    online: true,
    proxy: true,
    keywords: ['高龄', '高龄津贴', '80岁', '老年人', '津贴'],
    minAge: 80,
    grants: { certificate: 'high_age_allowance', validMonths: 12 },
  },
  {
    code: 'QS-MZ-005',
    name: '困难残疾人生活补贴和重度残疾人护理补贴',
    departmentId: 'civil-affairs',
    category: 'elderly_disabled',
    serves: '困难残疾人生活补贴：低保家庭中的残疾人；重度残疾人护理补贴：残疾等级为一、二级且需长期照护的重度残疾人',
    description:
      '“两项补贴”按月发放。在户籍所在地镇便民服务中心申请，也可委托包联干部或村委会代办；镇政府审核后报县民政局审定，从审定次月起发放。',
    basis: '《国务院关于全面建立困难残疾人生活补贴和重度残疾人护理补贴制度的意见》（国发〔2015〕52号）',
    handlingLevel: 'town',
    statutoryDays: 20,
    promisedDays: 15,
    type: 'promised',
    materials: [
      m.form('《困难残疾人生活补贴和重度残疾人护理补贴申请审批表》'),
      m.idCard(),
      { name: '中华人民共和国残疾人证（第二代）', required: true, copies: 1, format: 'original_and_copy' },
      m.hukou(),
      m.bank(),
      m.mandate(),
    ],
    feeYuan: 0,
    visits: 0,
    appointment: false,
    online: true,
    proxy: true,
    keywords: ['残疾人', '两项补贴', '护理补贴', '生活补贴', '重度残疾'],
  },
  {
    code: 'QS-MZ-006',
    name: '内地居民结婚登记',
    departmentId: 'civil-affairs',
    category: 'household',
    serves: '男年满22周岁、女年满20周岁，双方自愿结婚且均无配偶的内地居民',
    description:
      '男女双方须共同到县婚姻登记处（县政务服务中心二楼）办理，不能委托他人代办。婚姻登记已实行全国通办，无需提供户口簿。可在小程序预约登记时段。',
    basis: '《中华人民共和国民法典》第一千零四十九条；《婚姻登记条例》',
    handlingLevel: 'county',
    statutoryDays: 0,
    promisedDays: 0,
    type: 'instant',
    materials: [
      { name: '双方居民身份证', required: true, copies: 1, format: 'original', notes: '有效期内的身份证原件' },
      { name: '双方近期半身免冠合影照片', required: true, copies: 3, format: 'original', notes: '2寸红底合影；登记处可现场拍照' },
      {
        name: '无配偶及无禁止结婚亲属关系的签字声明',
        required: true,
        copies: 1,
        format: 'form',
        notes: '在婚姻登记员面前亲笔签字，不得代签',
      },
    ],
    feeYuan: 0,
    visits: 1,
    appointment: true,
    online: false,
    proxy: false,
    keywords: ['结婚', '结婚证', '婚姻登记', '领证'],
    minAge: 20,
  },
  // ---- 卫健（老龄） --------------------------------------------------------
  {
    code: 'QS-WJ-001',
    name: '老年人优待证办理',
    departmentId: 'health',
    category: 'elderly_disabled',
    serves: '本县户籍或在本县常住的60周岁以上老年人',
    description:
      '凭老年人优待证在本县享受公园景区免费、医疗机构优先就诊等优待；年满70周岁的享受免费乘坐城乡公交。村便民服务站当场办结；村干部每月核对即将年满70周岁的老人，主动上门提醒办理。',
    basis: '《中华人民共和国老年人权益保障法》第五十七条、第五十八条',
    handlingLevel: 'village',
    statutoryDays: 5,
    promisedDays: 0,
    type: 'instant',
    materials: [
      m.idCard('老年人本人的居民身份证'),
      m.photo('一寸', 1, '近期白底免冠彩色照片；便民服务站可现场拍照'),
      m.mandate(),
    ],
    feeYuan: 0,
    visits: 0,
    appointment: false,
    online: true,
    proxy: true,
    keywords: ['老年证', '优待证', '敬老', '70岁', '免费公交'],
    minAge: 60,
    grants: { certificate: 'elder_card', validMonths: 60 },
  },
  {
    code: 'QS-WJ-002',
    name: '生育登记服务',
    departmentId: 'health',
    category: 'health',
    serves: '生育第一、二、三个子女的夫妻或生育子女的本省户籍居民',
    description:
      '生育登记实行“线上办、即时办”，登记后可享受孕产期保健、免费孕前优生健康检查等服务。本省已取消生育登记的结婚限制，未婚生育也可登记。',
    basis: '《中华人民共和国人口与计划生育法》；《中共中央 国务院关于优化生育政策促进人口长期均衡发展的决定》',
    handlingLevel: 'village',
    statutoryDays: 0,
    promisedDays: 0,
    type: 'instant',
    materials: [
      m.idCard('夫妻双方（或生育人）居民身份证'),
      m.hukou('户口簿或居住证'),
      { name: '结婚证', required: false, copies: 1, format: 'original', notes: '已婚的提供；未婚生育也可登记' },
    ],
    feeYuan: 0,
    visits: 0,
    appointment: false,
    online: true,
    proxy: true,
    keywords: ['生育', '生育登记', '怀孕', '准生证', '孕检'],
  },
  {
    code: 'QS-WJ-003',
    name: '农村部分计划生育家庭奖励扶助金申报',
    departmentId: 'health',
    category: 'health',
    serves: '本县农业户籍（或曾为农业户籍）、只生育一个子女或两个女孩、年满60周岁的夫妻',
    description: '每年集中申报一次，经村初审、镇审核、县审批并公示后，奖励扶助金按年发放至本人“一卡通”账户，直到亡故。',
    basis: '《国务院办公厅转发人口计生委财政部关于开展对农村部分计划生育家庭实行奖励扶助制度试点工作意见的通知》（国办发〔2004〕21号）',
    handlingLevel: 'village',
    statutoryDays: 30,
    promisedDays: 20,
    type: 'promised',
    materials: [
      m.idCard(),
      m.hukou(),
      { name: '结婚证或离婚证', required: true, copies: 1, format: 'copy' },
      m.form('《农村部分计划生育家庭奖励扶助对象确认申报表》'),
      m.bank(),
      m.mandate(),
    ],
    feeYuan: 0,
    visits: 0,
    appointment: false,
    online: false,
    proxy: true,
    keywords: ['计生', '奖励扶助', '独生子女', '扶助金'],
    minAge: 60,
  },
  // ---- 残联 --------------------------------------------------------------
  {
    code: 'QS-CL-001',
    name: '残疾人证新办',
    departmentId: 'disabled-persons',
    category: 'elderly_disabled',
    serves: '视力、听力、言语、肢体、智力、精神及多重残疾的本县户籍居民',
    description:
      '在镇便民服务中心提交申请，持《残疾人证申请表》到县残联指定医疗机构进行残疾评定；行动不便的可申请评定医生上门。县残联收到评定结果后审核发证，证件可寄送到村。',
    basis: '《中华人民共和国残疾人保障法》；《中华人民共和国残疾人证管理办法》',
    handlingLevel: 'town',
    statutoryDays: 20,
    promisedDays: 15,
    type: 'promised',
    materials: [
      m.form('《中华人民共和国残疾人证申请表》'),
      m.idCard('未成年人可提供户口簿'),
      m.hukou(),
      m.photo('二寸', 3, '近期白底免冠彩色照片'),
      {
        name: '残疾评定表',
        required: true,
        copies: 1,
        format: 'original',
        notes: '由县残联指定医疗机构评定后出具；评定时需本人到场或申请上门评定',
      },
      m.mandate(),
    ],
    feeYuan: 0,
    visits: 1,
    appointment: true,
    online: true,
    proxy: true,
    keywords: ['残疾人证', '残疾', '评残', '残疾评定'],
    grants: { certificate: 'disability_card', validMonths: 120 },
  },
  // ---- 公安 --------------------------------------------------------------
  {
    code: 'QS-GA-001',
    name: '居民身份证换领',
    departmentId: 'public-security',
    category: 'household',
    serves: '居民身份证有效期满、证件损坏难以辨认、登记项目变更的居民（含异地换领）',
    description:
      '须本人到场采集人像和指纹，可在户籍地或居住地派出所户籍窗口、县政务服务中心公安窗口办理，已实行跨省通办。法定期限为60日（约42个工作日），本县承诺20个工作日内制证完成，可选择邮寄到家（邮费自理）。75岁以上或行动不便的老人可预约民警上门采集。',
    basis: '《中华人民共和国居民身份证法》第十条、第十一条、第二十条',
    handlingLevel: 'town',
    statutoryDays: 42,
    promisedDays: 20,
    type: 'promised',
    materials: [
      { name: '原居民身份证', required: true, copies: 1, format: 'original', notes: '证件遗失的按补领办理' },
      m.hukou('户籍在本县的提供；异地换领无需户口簿'),
      { name: '近期免冠证件照', required: false, copies: 0, format: 'electronic', notes: '窗口免费现场采集；也可提供相馆出具的带回执的数码照片' },
    ],
    feeYuan: 20,
    feeNote: '工本费每证20元；城乡低保对象等特殊困难居民换领免收工本费；邮寄费另计',
    visits: 1,
    appointment: true,
    online: false,
    proxy: false,
    keywords: ['身份证', '换证', '身份证到期', '换领', '户籍'],
  },
  {
    code: 'QS-GA-002',
    name: '户口迁移（省内）',
    departmentId: 'public-security',
    category: 'household',
    serves: '在本省范围内迁移户口的居民（投靠亲属、购房、就业、结婚等）',
    description: '省内户口迁移实行“一站式”办理：只需到迁入地派出所申请，无需回迁出地开具准迁证和迁移证。',
    basis: '《中华人民共和国户口登记条例》第十条；《国务院关于进一步推进户籍制度改革的意见》（国发〔2014〕25号）',
    handlingLevel: 'town',
    statutoryDays: 20,
    promisedDays: 3,
    type: 'promised',
    materials: [
      m.form('《户口迁移申请表》'),
      m.idCard('迁移人员的居民身份证'),
      m.hukou('迁出地户口簿及迁入地（拟落户）户口簿'),
      {
        name: '合法稳定住所或亲属关系证明',
        required: true,
        copies: 1,
        format: 'original_and_copy',
        notes: '购房落户提供不动产权证书或购房合同；投靠亲属提供结婚证、出生医学证明等关系证明',
      },
    ],
    feeYuan: 0,
    visits: 1,
    appointment: true,
    online: true,
    proxy: true,
    keywords: ['户口', '迁户口', '落户', '户口迁移'],
  },
  {
    code: 'QS-GA-003',
    name: '出生登记（户口）',
    departmentId: 'public-security',
    category: 'household',
    serves: '在本县出生或父母一方户籍在本县的新生儿',
    description:
      '婴儿出生后一个月以内，由父母或监护人办理出生登记。可通过“出生一件事”联办，一次提交同时办理出生登记、预防接种证、医保参保和社保卡申领，结果邮寄到家。',
    basis:
      '《中华人民共和国户口登记条例》第七条；《国务院办公厅关于解决无户口人员登记户口问题的意见》（国办发〔2015〕96号）',
    handlingLevel: 'town',
    statutoryDays: 20,
    promisedDays: 0,
    type: 'instant',
    materials: [
      { name: '《出生医学证明》', required: true, copies: 1, format: 'original_and_copy', notes: '由助产医院出具' },
      m.idCard('父母双方居民身份证'),
      m.hukou('随迁父（母）方的户口簿'),
      { name: '结婚证', required: false, copies: 1, format: 'original_and_copy', notes: '父母已婚的提供' },
    ],
    feeYuan: 0,
    visits: 0,
    appointment: false,
    online: true,
    proxy: true,
    keywords: ['出生', '上户口', '新生儿', '落户', '出生一件事'],
  },
  // ---- 农业农村 --------------------------------------------------------------
  {
    code: 'QS-NY-001',
    name: '农村宅基地和建房（规划许可）审批',
    departmentId: 'agriculture',
    category: 'agriculture',
    serves: '符合“一户一宅”条件、需新建、改建或翻建住房的本村集体经济组织成员',
    description:
      '村民向村民小组提出申请，经小组会议讨论通过并公示后报村审查，再由镇便民服务中心一个窗口受理，农业农村、自然资源等部门联审，镇政府核发《农村宅基地批准书》和《乡村建设规划许可证》。开工前实地丈量批放，竣工后验收（“三到场”）。',
    basis:
      '《中华人民共和国土地管理法》第六十二条；《中华人民共和国城乡规划法》第四十一条；《农业农村部 自然资源部关于规范农村宅基地审批管理的通知》（农经发〔2019〕6号）',
    handlingLevel: 'town',
    statutoryDays: 20,
    promisedDays: 15,
    type: 'promised',
    materials: [
      m.form('《农村宅基地和建房（规划许可）申请表》'),
      m.form('《农村宅基地使用承诺书》'),
      m.idCard('申请人及家庭成员的居民身份证'),
      m.hukou(),
      {
        name: '村民小组会议记录及公示材料',
        required: true,
        copies: 1,
        format: 'original',
        notes: '由村民小组组织讨论并公示5个工作日以上',
        sample: '会议记录写明参会户数、讨论事项、表决结果，参会村民签字；附公示照片',
      },
      { name: '住宅设计图或选用的通用图集', required: true, copies: 1, format: 'copy', notes: '可免费选用县住建局提供的农房通用图集' },
      { name: '原宅基地处置情况说明', required: false, copies: 1, format: 'original', notes: '拆旧建新的提供，承诺建新拆旧' },
      m.mandate(),
    ],
    feeYuan: 0,
    visits: 1,
    appointment: true,
    online: false,
    proxy: true,
    keywords: ['宅基地', '建房', '修房子', '规划许可', '农房'],
  },
  {
    code: 'QS-NY-002',
    name: '耕地地力保护补贴申领',
    departmentId: 'agriculture',
    category: 'agriculture',
    serves: '拥有耕地承包权的种地农民',
    description:
      '每年春耕前由村民小组长逐户核实承包耕地面积（已改变用途、长期抛荒的不予补贴），村委会汇总公示，镇政府审核，补贴资金通过“一卡通”直接发放到户。外出务工人员可委托亲属或小组长代为申报。',
    basis: '《财政部 农业部关于全面推开农业“三项补贴”改革工作的通知》（财农〔2016〕26号）',
    handlingLevel: 'group',
    statutoryDays: 30,
    promisedDays: 20,
    type: 'promised',
    materials: [
      m.idCard('承包户户主居民身份证'),
      {
        name: '农村土地承包经营权证',
        required: true,
        copies: 1,
        format: 'copy',
        notes: '或承包合同；用于核实承包面积',
      },
      m.form('《耕地地力保护补贴面积申报确认表》', '由户主签字确认面积；小组长上门填报'),
      m.bank('惠民惠农财政补贴资金“一卡通”账户'),
    ],
    feeYuan: 0,
    visits: 0,
    appointment: false,
    online: false,
    proxy: true,
    keywords: ['种粮补贴', '地力补贴', '耕地补贴', '一卡通', '农业补贴'],
  },
  {
    code: 'QS-NY-003',
    name: '农机购置与应用补贴申领',
    departmentId: 'agriculture',
    category: 'agriculture',
    serves: '从事农业生产、购置纳入补贴范围农业机械的个人和农业生产经营组织',
    description:
      '购机后在补贴系统或手机App中提交申请，县农业农村局核验机具（人机合影、铭牌）并公示后，补贴资金直接发放到购机者账户。拖拉机、联合收割机须先办理牌证。',
    basis: '《中华人民共和国农业机械化促进法》第二十七条；《2024—2026年农机购置与应用补贴实施意见》',
    handlingLevel: 'county',
    statutoryDays: 30,
    promisedDays: 20,
    type: 'promised',
    materials: [
      m.idCard('购机者居民身份证；组织提供营业执照'),
      { name: '购机发票', required: true, copies: 1, format: 'original_and_copy', notes: '须为机动车或增值税发票，开票日期在当年补贴期内' },
      {
        name: '人机合影及机具铭牌照片',
        required: true,
        copies: 1,
        format: 'electronic',
        notes: '在App中现场拍照上传',
        sample: '购机者与机具同框，出厂编号铭牌清晰可辨',
      },
      m.form('《农机购置补贴申请表》'),
      m.bank(),
      { name: '拖拉机、联合收割机行驶证', required: false, copies: 1, format: 'copy', notes: '购置拖拉机、联合收割机的提供' },
    ],
    feeYuan: 0,
    visits: 1,
    appointment: false,
    online: true,
    proxy: true,
    keywords: ['农机', '农机补贴', '拖拉机', '收割机', '购机'],
  },
  // ---- 医保 --------------------------------------------------------------
  {
    code: 'QS-YB-001',
    name: '城乡居民基本医疗保险参保登记',
    departmentId: 'medical-insurance',
    category: 'social_security',
    serves: '未参加职工基本医疗保险的本县城乡居民（含新生儿、在校学生、灵活就业人员）',
    description:
      '每年集中征缴期内参保缴费，次年享受待遇；新生儿出生90天内参保的，自出生之日起享受待遇。村民小组长、村协办员上门宣传代办，也可在小程序或税务App自助缴费。',
    basis: '《中华人民共和国社会保险法》第二十五条；《国务院关于整合城乡居民基本医疗保险制度的意见》（国发〔2016〕3号）',
    handlingLevel: 'group',
    statutoryDays: 20,
    promisedDays: 0,
    type: 'instant',
    materials: [
      { name: '居民身份证或户口簿', required: true, copies: 1, format: 'original', notes: '新生儿提供出生医学证明或户口簿' },
      { name: '《城乡居民基本医疗保险参保登记表》', required: false, copies: 1, format: 'form', notes: '首次参保填写' },
    ],
    feeYuan: 0,
    feeNote: '办理不收费；医保费按当年个人缴费标准另行缴纳，困难群体按规定资助参保',
    visits: 0,
    appointment: false,
    online: true,
    proxy: true,
    keywords: ['医保', '参保', '合作医疗', '新农合', '医保缴费'],
  },
  {
    code: 'QS-YB-002',
    name: '跨省异地就医备案',
    departmentId: 'medical-insurance',
    category: 'health',
    serves: '异地长期居住人员、常驻异地工作人员（含外出务工人员）、异地转诊就医人员和临时外出就医人员',
    description:
      '备案后在就医地定点医疗机构直接结算，不用先垫付再回来报销。外出务工人员可在“国家医保服务平台”App、小程序自助备案，备案即时生效；也可由家属或代办员在镇便民服务中心代办。',
    basis: '《国家医保局 财政部关于进一步做好基本医疗保险跨省异地就医直接结算工作的通知》（医保发〔2022〕22号）',
    handlingLevel: 'town',
    statutoryDays: 0,
    promisedDays: 0,
    type: 'instant',
    materials: [
      { name: '社会保障卡或居民身份证', required: true, copies: 1, format: 'original' },
      m.form('《基本医疗保险跨省异地就医备案表》'),
      {
        name: '异地居住或工作证明',
        required: false,
        copies: 1,
        format: 'electronic',
        notes: '长期居住/工作人员可用个人承诺书代替；转诊人员提供转诊证明',
      },
      m.mandate(),
    ],
    feeYuan: 0,
    visits: 0,
    appointment: false,
    online: true,
    proxy: true,
    keywords: ['异地就医', '备案', '外出务工', '报销', '直接结算'],
  },
  {
    code: 'QS-YB-003',
    name: '门诊慢特病待遇认定',
    departmentId: 'medical-insurance',
    category: 'health',
    serves: '患有高血压、糖尿病、恶性肿瘤门诊放化疗、尿毒症透析等门诊慢特病病种的参保人',
    description: '认定后门诊费用按慢特病政策报销。镇便民服务中心受理，县医保局组织专家审核；高血压、糖尿病可由乡镇卫生院直接认定。',
    basis: '《中华人民共和国社会保险法》第二十八条；《国家医保局 财政部关于建立医疗保障待遇清单制度的意见》（医保发〔2021〕5号）',
    handlingLevel: 'town',
    statutoryDays: 20,
    promisedDays: 15,
    type: 'promised',
    materials: [
      { name: '社会保障卡或居民身份证', required: true, copies: 1, format: 'original' },
      {
        name: '二级及以上医疗机构诊断证明、出院记录或病历',
        required: true,
        copies: 1,
        format: 'copy',
        notes: '近一年内的资料；高血压、糖尿病可由乡镇卫生院出具',
      },
      { name: '相关检查检验报告', required: true, copies: 1, format: 'copy' },
      m.form('《门诊慢特病待遇认定申请表》'),
      m.mandate(),
    ],
    feeYuan: 0,
    visits: 0,
    appointment: false,
    online: true,
    proxy: true,
    keywords: ['慢性病', '慢特病', '门诊', '高血压', '糖尿病'],
  },
  // ---- 市场监管 --------------------------------------------------------------
  {
    code: 'QS-SJ-001',
    name: '个体工商户设立登记',
    departmentId: 'market-regulation',
    category: 'business',
    serves: '有经营能力、从事工商业经营的自然人或家庭',
    description: '材料齐全、符合法定形式的当场登记、发放营业执照；可在镇市场监管所、便民服务中心或线上“全程电子化”办理。',
    basis: '《促进个体工商户发展条例》（国务院令第755号）；《中华人民共和国市场主体登记管理条例》（国务院令第746号）第十九条',
    handlingLevel: 'town',
    statutoryDays: 3,
    promisedDays: 0,
    type: 'instant',
    materials: [
      m.form('《个体工商户登记（备案）申请书》'),
      m.idCard('经营者居民身份证'),
      {
        name: '经营场所使用证明',
        required: true,
        copies: 1,
        format: 'copy',
        notes: '自有房屋提供产权证明；租赁的提供租赁合同；农村自建房可由村委会出具证明',
      },
      { name: '委托代理人身份证及委托书', required: false, copies: 1, format: 'original', notes: '委托他人办理时提供' },
    ],
    feeYuan: 0,
    visits: 0,
    appointment: false,
    online: true,
    proxy: true,
    keywords: ['营业执照', '个体户', '开店', '个体工商户'],
  },
  {
    code: 'QS-SJ-002',
    name: '食品经营许可（小餐饮）',
    departmentId: 'market-regulation',
    category: 'business',
    serves: '在本县从事餐饮服务的小餐馆、小吃店、农家乐等经营者',
    description: '受理后对经营场所进行现场核查（可预约时间）；准予许可的发放《食品经营许可证》，可选择电子证书。',
    basis: '《中华人民共和国食品安全法》第三十五条；《食品经营许可和备案管理办法》（国家市场监督管理总局令第78号）',
    handlingLevel: 'town',
    statutoryDays: 10,
    promisedDays: 5,
    type: 'promised',
    materials: [
      m.form('《食品经营许可申请书》'),
      { name: '营业执照', required: true, copies: 1, format: 'copy' },
      { name: '经营场所平面布局图及主要设备设施清单', required: true, copies: 1, format: 'original', notes: '标明加工区、就餐区、清洗消毒设施位置' },
      { name: '食品安全管理制度和食品安全管理人员信息', required: true, copies: 1, format: 'original', notes: '窗口提供模板' },
      m.idCard('经营者或负责人居民身份证'),
    ],
    feeYuan: 0,
    visits: 1,
    appointment: true,
    online: true,
    proxy: true,
    keywords: ['食品经营许可', '餐饮', '小吃店', '开饭店', '农家乐'],
  },
  // ---- 住建 --------------------------------------------------------------
  {
    code: 'QS-ZJ-001',
    name: '农村低收入群体等重点对象危房改造补助申请',
    departmentId: 'housing',
    category: 'housing',
    serves: '住房经鉴定为C级、D级危房的农村低保户、特困人员、低保边缘家庭、防止返贫监测对象等重点对象',
    description:
      '农户申请，村评议公示，镇组织房屋安全性鉴定并审核，县住建局审批。改造完成验收合格后，补助资金通过“一卡通”发放。包联干部可全程代办。',
    basis: '《住房和城乡建设部 财政部 民政部 国家乡村振兴局关于做好农村低收入群体等重点对象住房安全保障工作的实施意见》',
    handlingLevel: 'town',
    statutoryDays: 30,
    promisedDays: 20,
    type: 'promised',
    materials: [
      m.form('《农村危房改造申请表》'),
      m.idCard('户主居民身份证'),
      m.hukou(),
      { name: '低保、特困等重点对象身份证明', required: true, copies: 1, format: 'copy', notes: '民政部门已有信息的可免于提供' },
      { name: '房屋安全性鉴定结论', required: false, copies: 1, format: 'copy', notes: '由镇政府组织鉴定，申请人无需自行委托' },
      m.bank('惠民惠农财政补贴资金“一卡通”账户'),
      m.mandate(),
    ],
    feeYuan: 0,
    visits: 0,
    appointment: false,
    online: false,
    proxy: true,
    keywords: ['危房', '危房改造', '住房安全', '修房补助'],
  },
  // ---- 自然资源 --------------------------------------------------------------
  {
    code: 'QS-ZR-001',
    name: '不动产登记资料查询',
    departmentId: 'natural-resources',
    category: 'housing',
    serves: '不动产权利人、利害关系人，以及持有效法律文书的人民法院、检察院等',
    description: '权利人可查询本人名下不动产登记结果和原始资料，当场出具查询结果；也可在线查询并下载带电子签章的证明。',
    basis: '《不动产登记暂行条例》第二十七条；《不动产登记资料查询暂行办法》（国土资源部令第80号）',
    handlingLevel: 'county',
    statutoryDays: 5,
    promisedDays: 0,
    type: 'instant',
    materials: [
      m.idCard('查询人居民身份证'),
      m.form('《不动产登记资料查询申请书》'),
      { name: '利害关系证明材料', required: false, copies: 1, format: 'copy', notes: '利害关系人查询时提供' },
      { name: '授权委托书', required: false, copies: 1, format: 'original', notes: '委托他人查询时提供' },
    ],
    feeYuan: 0,
    visits: 1,
    appointment: true,
    online: true,
    proxy: false,
    keywords: ['不动产', '房产查询', '查档', '房产证'],
  },
  // ---- 教育 --------------------------------------------------------------
  {
    code: 'QS-JY-001',
    name: '义务教育家庭经济困难学生生活补助申请',
    departmentId: 'education',
    category: 'education',
    serves: '就读于本县义务教育阶段学校的家庭经济困难寄宿生和非寄宿生（低保、特困、残疾、防止返贫监测户子女优先）',
    description: '每学期开学后向就读学校申请，学校评议公示后报县学生资助管理中心审核，补助资金发放到监护人“一卡通”或学生资助卡。',
    basis: '《中华人民共和国义务教育法》第四十四条；《学生资助资金管理办法》（财教〔2021〕310号）',
    handlingLevel: 'town',
    statutoryDays: 30,
    promisedDays: 20,
    type: 'promised',
    materials: [
      m.form('《义务教育家庭经济困难学生生活补助申请表》'),
      m.hukou('学生户口簿'),
      { name: '家庭经济困难证明材料', required: false, copies: 1, format: 'copy', notes: '低保证、特困证、残疾人证等；已纳入民政信息的可免提供' },
      m.bank('监护人“一卡通”账户或学生资助卡'),
    ],
    feeYuan: 0,
    visits: 0,
    appointment: false,
    online: false,
    proxy: true,
    keywords: ['助学', '生活补助', '困难学生', '上学', '资助'],
  },
  // ---- 退役军人 --------------------------------------------------------------
  {
    code: 'QS-TY-001',
    name: '退役军人优待证申领',
    departmentId: 'veterans',
    category: 'other',
    serves: '本县户籍的退役军人（含退休军人、复员军人、转业军人）及其他优抚对象',
    description: '在村（社区）退役军人服务站即可提交申请，县退役军人事务局审核后统一制证，制证完成后送到村服务站发放。',
    basis: '《中华人民共和国退役军人保障法》；《退役军人、其他优抚对象优待证管理办法（试行）》',
    handlingLevel: 'village',
    statutoryDays: 30,
    promisedDays: 20,
    type: 'promised',
    materials: [
      m.idCard(),
      { name: '退役证件', required: true, copies: 1, format: 'original_and_copy', notes: '退伍证、转业证、复员证或退役证明书' },
      { name: '近期免冠彩色证件照', required: true, copies: 1, format: 'electronic', notes: '白底电子照，服务站可现场拍摄' },
      m.form('《退役军人、其他优抚对象优待证申请表》'),
      m.mandate(),
    ],
    feeYuan: 0,
    visits: 0,
    appointment: false,
    online: true,
    proxy: true,
    keywords: ['退役军人', '优待证', '军人', '优抚'],
  },
];

// ---------------------------------------------------------------------------
// Service points and roving office days
// ---------------------------------------------------------------------------

export interface ServicePointSeed {
  id: string;
  name: string;
  level: ServicePointLevel;
  regionCode: string;
  address: string;
  phone: string;
  openingHours: string;
  serviceCodes: string[];
}

const LEVEL_RANK: Record<RegionLevel, number> = { county: 0, town: 1, village: 2, group: 3 };
/** Items that can be handled at `level` (their lowest handling level is `level` or below). */
const codesAt = (level: RegionLevel): string[] =>
  services.filter((s) => LEVEL_RANK[s.handlingLevel] >= LEVEL_RANK[level]).map((s) => s.code);

const TOWN_HOURS = '周一至周五 8:30—12:00，14:00—17:30；逢场天（农历三、六、九）周末照常上班';
const VILLAGE_HOURS = '周一至周五 9:00—12:00，14:00—17:00；其余时间可电话预约代办员上门';

export const servicePoints: ServicePointSeed[] = [
  {
    id: 'qs-county-center',
    name: '青山县政务服务中心',
    level: 'county',
    regionCode: R.county,
    address: '青山县城关镇滨江大道88号',
    phone: '0817-7220000',
    openingHours: '周一至周五 9:00—12:00，13:30—17:30；周六 9:00—12:00（户籍、社保、不动产窗口延时服务）',
    serviceCodes: codesAt('county'),
  },
  {
    id: 'chengguan-center',
    name: '城关镇便民服务中心',
    level: 'town',
    regionCode: R.chengguan,
    address: '青山县城关镇人民路102号',
    phone: '0817-7231001',
    openingHours: TOWN_HOURS,
    serviceCodes: codesAt('town'),
  },
  {
    id: 'xiangyang-center',
    name: '向阳镇便民服务中心',
    level: 'town',
    regionCode: R.xiangyang,
    address: '青山县向阳镇向阳街18号',
    phone: '0817-7232001',
    openingHours: TOWN_HOURS,
    serviceCodes: codesAt('town'),
  },
  {
    id: 'gaotan-center',
    name: '高滩镇便民服务中心',
    level: 'town',
    regionCode: R.gaotan,
    address: '青山县高滩镇河街6号',
    phone: '0817-7233001',
    openingHours: TOWN_HOURS,
    serviceCodes: codesAt('town'),
  },
  {
    id: 'shimen-center',
    name: '石门镇便民服务中心',
    level: 'town',
    regionCode: R.shimen,
    address: '青山县石门镇新街29号',
    phone: '0817-7234001',
    openingHours: TOWN_HOURS,
    serviceCodes: codesAt('town'),
  },
  {
    id: 'shiqiao-station',
    name: '石桥村便民服务站',
    level: 'village',
    regionCode: R.shiqiao,
    address: '青山县城关镇石桥村村委会一楼',
    phone: '0817-7231201',
    openingHours: VILLAGE_HOURS,
    serviceCodes: codesAt('village'),
  },
  {
    id: 'bailin-station',
    name: '柏林村便民服务站',
    level: 'village',
    regionCode: R.bailin,
    address: '青山县向阳镇柏林村党群服务中心',
    phone: '0817-7232202',
    openingHours: VILLAGE_HOURS,
    serviceCodes: codesAt('village'),
  },
  {
    id: 'baiyan-station',
    name: '白岩村便民服务站',
    level: 'village',
    regionCode: R.baiyan,
    address: '青山县高滩镇白岩村党群服务中心（村小旁）',
    phone: '0817-7233202',
    openingHours: VILLAGE_HOURS,
    serviceCodes: codesAt('village'),
  },
  {
    id: 'longquan-station',
    name: '龙泉村便民服务站',
    level: 'village',
    regionCode: R.longquan,
    address: '青山县高滩镇龙泉村村委会',
    phone: '0817-7233203',
    openingHours: VILLAGE_HOURS,
    serviceCodes: codesAt('village'),
  },
  {
    id: 'yuntai-station',
    name: '云台村便民服务站',
    level: 'village',
    regionCode: R.yuntai,
    address: '青山县石门镇云台村党群服务中心',
    phone: '0817-7234202',
    openingHours: VILLAGE_HOURS,
    serviceCodes: codesAt('village'),
  },
];

export interface RovingDaySeed {
  id: string;
  departmentId: string;
  townCode: string;
  /** `nth-weekday:<n>:<MON|TUE|WED|THU|FRI|SAT|SUN>`: the n-th such weekday of each month. */
  rule: string;
  label: string;
  start: string;
  end: string;
}

/** County departments holding office in the towns on a fixed day each month (绥江 “流动办公日”). */
export const rovingDays: RovingDaySeed[] = [
  { id: 'rs-gaotan', departmentId: 'human-resources', townCode: R.gaotan, rule: 'nth-weekday:2:TUE', label: '每月第二个星期二', start: '09:00', end: '12:00' },
  { id: 'rs-shimen', departmentId: 'human-resources', townCode: R.shimen, rule: 'nth-weekday:3:TUE', label: '每月第三个星期二', start: '09:00', end: '12:00' },
  { id: 'ga-shimen', departmentId: 'public-security', townCode: R.shimen, rule: 'nth-weekday:1:THU', label: '每月第一个星期四', start: '09:00', end: '16:00' },
  { id: 'ga-gaotan', departmentId: 'public-security', townCode: R.gaotan, rule: 'nth-weekday:3:THU', label: '每月第三个星期四', start: '09:00', end: '16:00' },
  { id: 'yb-xiangyang', departmentId: 'medical-insurance', townCode: R.xiangyang, rule: 'nth-weekday:2:WED', label: '每月第二个星期三', start: '09:00', end: '12:00' },
  { id: 'yb-gaotan', departmentId: 'medical-insurance', townCode: R.gaotan, rule: 'nth-weekday:4:WED', label: '每月第四个星期三', start: '09:00', end: '12:00' },
  { id: 'cl-gaotan', departmentId: 'disabled-persons', townCode: R.gaotan, rule: 'nth-weekday:1:FRI', label: '每月第一个星期五', start: '09:00', end: '15:00' },
  { id: 'mz-xiangyang', departmentId: 'civil-affairs', townCode: R.xiangyang, rule: 'nth-weekday:1:MON', label: '每月第一个星期一', start: '09:00', end: '12:00' },
  { id: 'ny-shimen', departmentId: 'agriculture', townCode: R.shimen, rule: 'nth-weekday:2:FRI', label: '每月第二个星期五', start: '14:00', end: '17:00' },
];

// ---------------------------------------------------------------------------
// Staff (demo logins)
// ---------------------------------------------------------------------------

export interface StaffSeed {
  username: string;
  /** Demo only: the local stack's login. */
  password: string;
  name: string;
  role: StaffRole;
  departmentId: string | null;
  regionCode: string;
  phone: string;
  duties: string;
}

export const DEMO_PASSWORD = 'banshi2026';

export const staff: StaffSeed[] = [
  {
    username: 'admin',
    password: DEMO_PASSWORD,
    name: '李明',
    role: 'admin',
    departmentId: 'government-services',
    regionCode: R.county,
    phone: '13908170001',
    duties: '县政务服务管理局信息科：维护事项目录、服务网点、工作日历和工作人员账号',
  },
  {
    username: 'xiaoneng',
    password: DEMO_PASSWORD,
    name: '王建华',
    role: 'supervisor',
    departmentId: 'efficiency-office',
    regionCode: R.county,
    phone: '13908170002',
    duties: '县效能办督查员：电子监察超期办件，督办差评整改，核定有效投诉，编制民情月报',
  },
  {
    username: 'mz-chen',
    password: DEMO_PASSWORD,
    name: '陈秀兰',
    role: 'dept_head',
    departmentId: 'civil-affairs',
    regionCode: R.county,
    phone: '13908170011',
    duties: '县民政局副局长：分管社会救助、养老服务；负责本局诉求办理和差评整改',
  },
  {
    username: 'rs-liu',
    password: DEMO_PASSWORD,
    name: '刘志强',
    role: 'dept_head',
    departmentId: 'human-resources',
    regionCode: R.county,
    phone: '13908170012',
    duties: '县人社局副局长：分管城乡居民养老保险、就业服务；负责本局诉求办理和政策通知发布',
  },
  {
    username: 'yb-he',
    password: DEMO_PASSWORD,
    name: '何丽萍',
    role: 'dept_head',
    departmentId: 'medical-insurance',
    regionCode: R.county,
    phone: '13908170013',
    duties: '县医保局副局长：分管待遇保障和异地就医；负责本局诉求办理',
  },
  {
    username: 'clerk-mz',
    password: DEMO_PASSWORD,
    name: '赵丽',
    role: 'clerk',
    departmentId: 'civil-affairs',
    regionCode: R.county,
    phone: '13908170021',
    duties: '县政务服务中心民政窗口（A岗）：受理救助、补贴类事项，一次性告知缺件',
  },
  {
    username: 'clerk-rs',
    password: DEMO_PASSWORD,
    name: '孙海燕',
    role: 'clerk',
    departmentId: 'human-resources',
    regionCode: R.county,
    phone: '13908170022',
    duties: '县政务服务中心社保窗口（A岗）：受理养老保险、就业创业事项',
  },
  {
    username: 'clerk-gaotan',
    password: DEMO_PASSWORD,
    name: '周敏',
    role: 'clerk',
    departmentId: null,
    regionCode: R.gaotan,
    phone: '13908170031',
    duties: '高滩镇便民服务中心综合窗口：一窗受理下放到镇的各部门事项，预约签到',
  },
  {
    username: 'clerk-xiangyang',
    password: DEMO_PASSWORD,
    name: '吴春梅',
    role: 'clerk',
    departmentId: null,
    regionCode: R.xiangyang,
    phone: '13908170032',
    duties: '向阳镇便民服务中心综合窗口：一窗受理下放到镇的各部门事项，预约签到',
  },
  {
    username: 'agent-yang',
    password: DEMO_PASSWORD,
    name: '杨德明',
    role: 'agent',
    departmentId: null,
    regionCode: R.baiyan,
    phone: '13908170041',
    duties: '高滩镇驻白岩村干部：包联白岩村一至三组86户，每月走访；负责所联系农户的全程代办',
  },
  {
    username: 'agent-luo',
    password: DEMO_PASSWORD,
    name: '罗红',
    role: 'agent',
    departmentId: null,
    regionCode: R.longquan,
    phone: '13908170042',
    duties: '高滩镇民政办干部：包联龙泉村一、二组92户，负责低保、特困户“五必访”和代办',
  },
  {
    username: 'agent-xu',
    password: DEMO_PASSWORD,
    name: '徐国平',
    role: 'agent',
    departmentId: null,
    regionCode: R.bailin,
    phone: '13908170043',
    duties: '向阳镇驻柏林村干部：包联柏林村二、三组80户，重点关注留守老人；负责全程代办',
  },
  {
    username: 'agent-tang',
    password: DEMO_PASSWORD,
    name: '唐小兵',
    role: 'agent',
    departmentId: null,
    regionCode: R.yuntai,
    phone: '13908170044',
    duties: '石门镇驻云台村干部：包联云台村一、二组95户；负责全程代办',
  },
  // AB posts (AB岗): every window has a second clerk of the same unit, so it is never empty (scripts/seed/posts.ts pairs them).
  {
    username: 'clerk-mz2',
    password: DEMO_PASSWORD,
    name: '钱芳',
    role: 'clerk',
    departmentId: 'civil-affairs',
    regionCode: R.county,
    phone: '13908170023',
    duties: '县政务服务中心民政窗口：赵丽的B岗，受理救助、补贴类事项',
  },
  {
    username: 'clerk-rs2',
    password: DEMO_PASSWORD,
    name: '郑伟',
    role: 'clerk',
    departmentId: 'human-resources',
    regionCode: R.county,
    phone: '13908170024',
    duties: '县政务服务中心社保窗口：孙海燕的B岗，受理养老保险、就业创业事项',
  },
  {
    username: 'clerk-gaotan2',
    password: DEMO_PASSWORD,
    name: '李娟',
    role: 'clerk',
    departmentId: null,
    regionCode: R.gaotan,
    phone: '13908170033',
    duties: '高滩镇便民服务中心综合窗口：周敏的B岗',
  },
  {
    username: 'clerk-xiangyang2',
    password: DEMO_PASSWORD,
    name: '黄静',
    role: 'clerk',
    departmentId: null,
    regionCode: R.xiangyang,
    phone: '13908170034',
    duties: '向阳镇便民服务中心综合窗口：吴春梅的B岗',
  },
];

// ---------------------------------------------------------------------------
// Demo residents (the H5 login picker of the fake WeChat)
// ---------------------------------------------------------------------------

export interface ResidentSeed {
  openid: string;
  /** Shown in the H5 build's login picker. */
  label: string;
  name: string;
  phone: string;
  currentRegionCode: string | null;
  hometownRegionCode: string | null;
  tags: ResidentTag[];
  elderMode: boolean;
  pairedCadreUsername: string | null;
  /** Outside the county: a city code of shared/data/places-cn.ts. */
  currentPlaceCode?: string | null;
  birthDate?: string | null;
  /** Certificates and benefits held, ending this many days after the seed runs (主动服务 reminds within 30). */
  holds?: { certificate: Certificate; validMonths: number; endsInDays: number }[];
}

export const residents: ResidentSeed[] = [
  {
    openid: 'demo-openid-zhang',
    label: '张桂英（72岁，留守老人，向阳镇柏林村）',
    name: '张桂英',
    phone: '13990817201',
    currentRegionCode: R.bailinGroup2,
    hometownRegionCode: null,
    tags: ['elderly', 'left_behind'],
    elderMode: true,
    pairedCadreUsername: 'agent-xu',
    birthDate: '1954-03-12',
    holds: [{ certificate: 'elder_card', validMonths: 60, endsInDays: 20 }],
  },
  {
    openid: 'demo-openid-wang',
    label: '王小军（38岁，在广东东莞务工，老家高滩镇白岩村）',
    name: '王小军',
    phone: '13790817202',
    currentRegionCode: null,
    // 广东省 东莞市: outside the county; his hometown, 高滩镇, is what notices target.
    currentPlaceCode: '441900',
    hometownRegionCode: R.baiyanGroup3,
    tags: ['migrant_worker'],
    elderMode: false,
    pairedCadreUsername: 'agent-yang',
    birthDate: '1988-05-16',
  },
  {
    openid: 'demo-openid-li',
    label: '李春花（51岁，低保户，高滩镇龙泉村）',
    name: '李春花',
    phone: '15890817203',
    currentRegionCode: R.longquanGroup1,
    hometownRegionCode: null,
    tags: ['low_income'],
    elderMode: false,
    pairedCadreUsername: 'agent-luo',
  },
  {
    openid: 'demo-openid-chen',
    label: '陈思雨（29岁，新手妈妈，城关镇东街社区）',
    name: '陈思雨',
    phone: '18190817204',
    currentRegionCode: R.dongjieGroup1,
    hometownRegionCode: null,
    tags: [],
    elderMode: false,
    pairedCadreUsername: null,
  },
  {
    openid: 'demo-openid-zhao',
    label: '赵德福（83岁，肢体残疾，石门镇云台村）',
    name: '赵德福',
    phone: '13590817205',
    currentRegionCode: R.yuntaiGroup2,
    hometownRegionCode: null,
    tags: ['elderly', 'disabled'],
    elderMode: true,
    pairedCadreUsername: 'agent-tang',
    holds: [
      { certificate: 'high_age_allowance', validMonths: 12, endsInDays: 26 },
      { certificate: 'disability_card', validMonths: 120, endsInDays: 1500 },
    ],
  },
];

// ---------------------------------------------------------------------------
// Leaders' public directory (领导干部公开联系表)
// ---------------------------------------------------------------------------

export const leaders: Leader[] = [
  { id: 'county-secretary', name: '黄永红', title: '县委书记', phone: '0817-7200001', duties: '主持县委全面工作', regionCode: R.county },
  { id: 'county-mayor', name: '郑卫东', title: '县委副书记、县长', phone: '0817-7200002', duties: '主持县政府全面工作，负责审计、财政工作', regionCode: R.county },
  {
    id: 'county-exec-vice-mayor',
    name: '邓建军',
    title: '常务副县长',
    phone: '0817-7200003',
    duties: '负责县政府常务工作，分管发展改革、政务服务、市场监管、自然资源、住房城乡建设',
    regionCode: R.county,
  },
  {
    id: 'county-vice-mayor-social',
    name: '曾晓琳',
    title: '副县长',
    phone: '0817-7200004',
    duties: '分管民政、人力资源社会保障、医疗保障、卫生健康、教育、残联、退役军人事务',
    regionCode: R.county,
  },
  {
    id: 'county-vice-mayor-rural',
    name: '蒋文斌',
    title: '副县长',
    phone: '0817-7200005',
    duties: '分管农业农村、乡村振兴、水利、林业，联系高滩镇、石门镇',
    regionCode: R.county,
  },
  { id: 'chengguan-secretary', name: '林志勇', title: '城关镇党委书记', phone: '13908171101', duties: '主持镇党委全面工作，包联石桥村', regionCode: R.chengguan },
  { id: 'chengguan-mayor', name: '谢芳', title: '城关镇镇长', phone: '13908171102', duties: '主持镇政府全面工作，分管便民服务中心', regionCode: R.chengguan },
  { id: 'xiangyang-secretary', name: '韩光明', title: '向阳镇党委书记', phone: '13908171201', duties: '主持镇党委全面工作，包联柏林村', regionCode: R.xiangyang },
  { id: 'xiangyang-mayor', name: '冯丽娟', title: '向阳镇镇长', phone: '13908171202', duties: '主持镇政府全面工作，分管社会事务、便民服务', regionCode: R.xiangyang },
  { id: 'gaotan-secretary', name: '曹德华', title: '高滩镇党委书记', phone: '13908171301', duties: '主持镇党委全面工作，包联白岩村；负责地灾隐患点防汛', regionCode: R.gaotan },
  { id: 'gaotan-mayor', name: '彭雪梅', title: '高滩镇镇长', phone: '13908171302', duties: '主持镇政府全面工作，分管社会救助、全程代办', regionCode: R.gaotan },
  { id: 'shimen-secretary', name: '邱建国', title: '石门镇党委书记', phone: '13908171401', duties: '主持镇党委全面工作，包联云台村', regionCode: R.shimen },
  { id: 'shimen-mayor', name: '潘燕', title: '石门镇镇长', phone: '13908171402', duties: '主持镇政府全面工作，分管农业产业、便民服务', regionCode: R.shimen },
  // Department heads residents can book on their reception days (领导接待日, scripts/seed/posts.ts).
  { id: 'mz-head', name: '陈秀兰', title: '县民政局副局长', phone: '13908170011', duties: '分管社会救助、养老服务；每周三上午接待群众', regionCode: R.county },
  { id: 'rs-head', name: '刘志强', title: '县人社局副局长', phone: '13908170012', duties: '分管城乡居民养老保险、就业服务；每周四上午接待群众', regionCode: R.county },
  { id: 'yb-head', name: '何丽萍', title: '县医保局副局长', phone: '13908170013', duties: '分管待遇保障和异地就医；隔周周五下午接待群众', regionCode: R.county },
];

/**
 * Concluded cases of the past months and how their applicants rated them,
 * so the satisfaction page, the dashboard's trends and the items' on-time
 * rates have a history. Two bad reviews, each with its rectification closed
 * and published. Only residents the end-to-end journeys do not start from.
 */
export interface HistoryCase {
  openid: string;
  serviceCode: string;
  /** Handled by (the responsible person). */
  handler: string;
  monthsAgo: number;
  level: 1 | 2 | 3 | 4 | 5;
  /** Concluded this many working days late. */
  lateDays?: number;
  reasons?: ('overdue' | 'extra_conditions' | 'extra_materials' | 'attitude' | 'repeat_visits')[];
  comment?: string;
  rectification?: { verification: string; rectification: string; followUp: string; outcome: string };
}

export const history: HistoryCase[] = [
  { openid: 'demo-openid-wang', serviceCode: 'QS-RS-001', handler: 'clerk-rs', monthsAgo: 5, level: 5, comment: '在外地也能办，省了一趟路费' },
  { openid: 'demo-openid-li', serviceCode: 'QS-MZ-001', handler: 'clerk-mz', monthsAgo: 5, level: 4 },
  { openid: 'demo-openid-zhao', serviceCode: 'QS-MZ-002', handler: 'clerk-mz', monthsAgo: 4, level: 5, comment: '代办员上门，很贴心' },
  {
    openid: 'demo-openid-wang', serviceCode: 'QS-YB-001', handler: 'yb-he', monthsAgo: 4, level: 2, lateDays: 3, reasons: ['overdue'],
    comment: '超过承诺时限三天才办好',
    rectification: {
      verification: '属实：医保信息系统升级期间受理积压，超期3个工作日。',
      rectification: '升级期间改为人工受理并每日清零，已向居民致歉。',
      followUp: '电话回访，居民表示理解。',
      outcome: '因系统升级延误3个工作日，已改为人工受理、每日清零，并向居民致歉。',
    },
  },
  { openid: 'demo-openid-li', serviceCode: 'QS-MZ-003', handler: 'clerk-mz', monthsAgo: 3, level: 5 },
  { openid: 'demo-openid-zhao', serviceCode: 'QS-RS-002', handler: 'clerk-rs', monthsAgo: 3, level: 3 },
  {
    openid: 'demo-openid-wang', serviceCode: 'QS-MZ-004', handler: 'clerk-mz', monthsAgo: 2, level: 1, reasons: ['extra_materials'],
    comment: '窗口要我回村里开证明，指南上没写',
    rectification: {
      verification: '属实：窗口要求提供办事指南以外的村委会证明。',
      rectification: '取消该证明要求，窗口人员作检讨，全员重学办事指南。',
      followUp: '电话回访，居民认可整改。',
      outcome: '已取消指南外的村委会证明要求，窗口人员已作检讨，并组织全员重学办事指南。',
    },
  },
  { openid: 'demo-openid-li', serviceCode: 'QS-YB-002', handler: 'yb-he', monthsAgo: 2, level: 4 },
  { openid: 'demo-openid-zhao', serviceCode: 'QS-MZ-001', handler: 'clerk-mz', monthsAgo: 1, level: 5 },
  { openid: 'demo-openid-wang', serviceCode: 'QS-RS-003', handler: 'clerk-rs', monthsAgo: 1, level: 4 },
  { openid: 'demo-openid-li', serviceCode: 'QS-MZ-005', handler: 'clerk-mz', monthsAgo: 1, level: 5, comment: '一次就办好了' },
  { openid: 'demo-openid-zhao', serviceCode: 'QS-YB-003', handler: 'yb-he', monthsAgo: 1, level: 3 },
];
