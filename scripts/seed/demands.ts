// Demo demands (诉求): a dozen across types, channels and states, and a merged
// pair, written through the same store transaction and the same step
// function the API uses (timeline, queue pointers, monthly counters). Each has
// a fixed id: seeding again finds it and writes nothing.
import { createHash } from 'node:crypto';
import type { DemandAction, DemandChannel, DemandDomain, DemandGrade, DemandSatisfaction, DemandType } from '../../shared/schemas/demands';
import { R } from './data';

type Step =
  | ['dispatch' | 'route', string]
  | ['sign', string]
  | ['return' | 'request_info' | 'answer' | 'contact', string]
  | ['provide_info', string]
  | ['reply', string, string]
  | ['evaluate', boolean, DemandSatisfaction]
  | ['request_extension', number, string]
  | ['decide_extension', boolean]
  | ['merge', string];

export interface DemandSeed {
  key: string;
  /** The reporter's demo account, or a caller without one (hotline, opinion book). */
  openid: string | null;
  reporterName?: string;
  channel: DemandChannel;
  /** Who entered it (another channel). */
  intakeBy?: string;
  type: DemandType;
  domain: DemandDomain;
  grade?: DemandGrade;
  anonymous?: boolean;
  text: string;
  regionCode: string;
  point?: { lat: number; lng: number; address?: string };
  /** Filed this many days ago (0: a few hours ago). */
  daysAgo: number;
  steps: Step[];
}

const HEAD_MZ = 'mz-chen';
const SUPERVISOR = 'xiaoneng';

export const demandSeeds: DemandSeed[] = [
  {
    key: 'dibao-late', openid: 'demo-openid-zhang', channel: 'miniprogram', type: 'complaint', domain: 'civil_affairs', anonymous: true,
    text: '我家低保金九月、十月两个月没有到账，问村里也说不清楚原因。', regionCode: R.bailinGroup2, daysAgo: 12,
    steps: [
      ['dispatch', 'human-resources'], ['return', '低保金发放属民政部门职责'], ['route', 'civil-affairs'], ['sign', HEAD_MZ],
      ['request_info', '请上传银行卡近三个月流水截图'], ['provide_info', '流水显示九月、十月均未到账'],
      ['reply', '经核实，系银行卡年审未过被冻结', '已协调银行解冻'], ['evaluate', false, 'basic'],
      ['reply', '两个月低保金已补发到账，并开通到账短信提醒', '已补发到账'], ['evaluate', true, 'satisfied'],
    ],
  },
  {
    key: 'elder-water', openid: 'demo-openid-li', channel: 'hotline', intakeBy: 'clerk-mz', type: 'help', domain: 'civil_affairs', grade: 'A',
    text: '独居老人家中水管冻裂断水，老人行动不便，请尽快上门帮助。', regionCode: R.longquanGroup1, daysAgo: 0,
    steps: [['dispatch', 'civil-affairs'], ['sign', 'clerk-mz'], ['contact', '已电话联系老人女儿，村干部正在上门']],
  },
  {
    key: 'medical-when', openid: 'demo-openid-chen', channel: 'miniprogram', type: 'consult', domain: 'social_security',
    text: '明年的城乡居民医保什么时候开始缴费？在哪里交？', regionCode: R.dongjieGroup1, daysAgo: 5,
    steps: [['answer', '每年9月至12月集中缴纳次年医保，可在微信“四川税务”或村便民服务站缴费。']],
  },
  {
    key: 'road-lights', openid: 'demo-openid-zhao', channel: 'opinion_book', intakeBy: 'clerk-xiangyang', reporterName: '赵德福', type: 'suggestion',
    domain: 'roads', text: '建议在云台村村口到学校的路段安装路灯，晚上学生放学太黑。', regionCode: R.yuntaiGroup2, daysAgo: 1, steps: [],
  },
  {
    key: 'mine-report', openid: 'demo-openid-wang', channel: 'walk_in', intakeBy: 'clerk-gaotan', type: 'report', domain: 'safety', anonymous: true,
    text: '白岩村后山有人夜间私自开采砂石，大车进出，山体有滑坡隐患。', regionCode: R.baiyanGroup3, daysAgo: 3,
    steps: [['dispatch', 'public-security']],
  },
  {
    key: 'pension-visit', openid: null, reporterName: '杨秀英', channel: 'household_visit', intakeBy: 'agent-yang', type: 'help', domain: 'social_security',
    text: '杨秀英老人反映养老金认证不会操作，想请人帮忙办理。', regionCode: R.baiyanGroup3, daysAgo: 2,
    steps: [['dispatch', 'human-resources'], ['sign', 'clerk-rs'], ['request_info', '请提供老人社保卡号']],
  },
  {
    key: 'clinic-fee', openid: 'demo-openid-li', channel: 'miniprogram', type: 'complaint', domain: 'health',
    text: '镇卫生院报销时多收了一次挂号费，窗口说系统就是这样算的。', regionCode: R.longquanGroup1, daysAgo: 8,
    steps: [['dispatch', 'medical-insurance'], ['sign', 'yb-he'], ['request_extension', 5, '需调取卫生院三个月的结算记录核对']],
  },
  {
    key: 'bailin-bridge', openid: 'demo-openid-zhang', channel: 'miniprogram', type: 'complaint', domain: 'roads',
    text: '柏林村二组通往镇上的便民桥护栏断了两段，老人小孩过桥很危险。', regionCode: R.bailinGroup2,
    point: { lat: 30.5012, lng: 104.6021, address: '柏林村二组便民桥' }, daysAgo: 4,
    steps: [['dispatch', 'civil-affairs'], ['sign', 'clerk-mz'], ['reply', '已联系镇村建办，护栏已临时加固，下周更换', '已临时加固']],
  },
  {
    key: 'bailin-bridge-2', openid: null, reporterName: '刘大爷', channel: 'hotline', intakeBy: 'clerk-mz', type: 'complaint', domain: 'roads',
    text: '柏林村的桥栏杆坏了，晚上看不清，怕有人掉下去。', regionCode: R.bailin, point: { lat: 30.5020, lng: 104.6030 }, daysAgo: 4,
    steps: [['merge', 'bailin-bridge']],
  },
  {
    key: 'subsidy-card', openid: 'demo-openid-zhao', channel: 'miniprogram', type: 'help', domain: 'civil_affairs',
    text: '高龄补贴的一卡通丢了，补办后补贴能不能打到新卡上？', regionCode: R.yuntaiGroup2, daysAgo: 14,
    steps: [['dispatch', 'civil-affairs'], ['sign', 'clerk-mz'], ['reply', '补办新卡后到村便民服务站登记新卡号即可，下月起打入新卡', '已登记新卡号']],
  },
  {
    key: 'job-training', openid: 'demo-openid-chen', channel: 'miniprogram', type: 'suggestion', domain: 'social_security',
    text: '建议在镇上多开几期电商技能培训，时间安排在晚上或周末。', regionCode: R.dongjieGroup1, daysAgo: 10,
    steps: [['dispatch', 'human-resources'], ['sign', 'rs-liu'], ['reply', '已将晚间电商培训班纳入明年培训计划', '已纳入计划'], ['evaluate', true, 'satisfied']],
  },
  {
    key: 'window-attitude', openid: 'demo-openid-wang', channel: 'miniprogram', type: 'complaint', domain: 'staff_conduct',
    text: '在县民政局窗口咨询时工作人员态度生硬，没有一次说清楚要带的材料。', regionCode: R.baiyanGroup3, daysAgo: 6,
    steps: [['dispatch', 'civil-affairs'], ['sign', HEAD_MZ], ['contact', '已电话向群众致歉并说明全部材料']],
  },
];

/** Who returns a demand for its department; the first handler takes the later steps. */
const DEPARTMENT_STAFF: Record<string, string> = { 'civil-affairs': 'clerk-mz', 'human-resources': 'clerk-rs', 'medical-insurance': 'yb-he' };
const HANDLER_STEPS: DemandAction[] = ['contact', 'request_info', 'reply', 'request_extension'];

export const stableId = (key: string) => {
  const h = createHash('sha256').update(`banshi-demo-demand:${key}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

export async function seedDemands(seeds: readonly DemandSeed[], residentIdOf: (openid: string) => string, now = new Date()): Promise<{ created: number; existing: number }> {
  const { getDemand, createDemand } = await import('../../functions/store/demands');
  const { getDemandLimits, putKnowledge } = await import('../../functions/store/demand-config');
  const { loadCalendar } = await import('../../functions/store/calendar');
  const { getResident, getStaff } = await import('../../functions/store/people');
  const { getDepartment } = await import('../../functions/store/reference');
  const { counterMonth } = await import('../../functions/domain/demands');
  const { countersOf, newDemand, saveStep, takeStep } = await import('../../functions/http/demand-steps');
  const { STAFF_ROLE_LABELS } = await import('../../shared/enums');
  const [cal, limits] = await Promise.all([loadCalendar(), getDemandLimits()]);
  const out = { created: 0, existing: 0 };

  for (const s of seeds) {
    const id = stableId(s.key);
    if (await getDemand(id)) {
      out.existing += 1;
      continue;
    }
    const residentId = s.openid ? residentIdOf(s.openid) : null;
    const resident = residentId ? await getResident(residentId) : undefined;
    const filedAt = s.daysAgo ? new Date(now.getTime() - s.daysAgo * 86_400_000) : new Date(now.getTime() - 3 * 3600_000);
    const stepGap = s.daysAgo ? Math.min(6 * 3600_000, (s.daysAgo * 86_400_000) / (s.steps.length + 1)) : 20 * 60_000;
    const d = newDemand({
      residentId: resident ? residentId : null,
      reporter: { name: resident?.name ?? s.reporterName ?? '群众', phone: resident?.phone ?? null },
      anonymous: s.anonymous ?? false, type: s.type, domain: s.domain, grade: s.grade ?? 'B', channel: s.channel, text: s.text,
      regionCode: s.regionCode, point: s.point ?? null, intakeBy: s.intakeBy ?? null,
    }, filedAt);
    d.id = id;
    const intake = s.intakeBy ? await getStaff(s.intakeBy) : undefined;
    const actor = intake ? { name: intake.name, role: STAFF_ROLE_LABELS[intake.role] } : { name: '群众', role: '群众' };
    const event = { at: d.filedAt, actor: actor.name, role: actor.role, action: 'file', from: null, to: d.state, note: intake ? `${intake.name}代为登记` : '通过小程序反映' };
    await createDemand(d, 'seed', `seed-${s.key}`, [event], counterMonth(d.filedAt), countersOf(d, [{ kind: 'received', channel: d.channel, domain: d.domain, grade: d.grade, type: d.type }]));

    let current = d;
    for (const [i, step] of s.steps.entries()) {
      const at = new Date(filedAt.getTime() + (i + 1) * stepGap);
      const action = step[0] as DemandAction;
      const resident = action === 'provide_info' || action === 'evaluate';
      const username = action === 'route' || action === 'decide_extension' ? SUPERVISOR
        : action === 'sign' ? (step[1] as string)
        : action === 'return' ? DEPARTMENT_STAFF[current.departmentId ?? ''] ?? SUPERVISOR
        : HANDLER_STEPS.includes(action) ? current.handler?.username ?? SUPERVISOR
        : s.intakeBy ?? 'clerk-mz';
      const staff = resident ? undefined : await getStaff(username);
      if (!resident && !staff) throw new Error(`演示诉求 ${s.key}：工作人员 ${username} 不存在`);
      const viewer = resident
        ? { kind: 'resident' as const, residentId: current.residentId ?? '' }
        : { kind: 'staff' as const, username: staff!.username, role: staff!.role, departmentId: staff!.departmentId };
      const input: Parameters<typeof takeStep>[1] = {
        action, viewer, now: at, cal, limits,
        actor: resident ? { name: '群众', role: '群众' } : { name: staff!.name, role: STAFF_ROLE_LABELS[staff!.role] },
      };
      let parent;
      if (step[0] === 'dispatch' || step[0] === 'route') {
        const dept = await getDepartment(step[1]);
        input.department = dept && { id: dept.id, name: dept.name, phone: dept.phone ?? null };
      }
      if (step[0] === 'sign') input.handler = { username: staff!.username, name: staff!.name, phone: staff!.phone };
      if (step[0] === 'return' || step[0] === 'request_info' || step[0] === 'answer' || step[0] === 'provide_info') input.text = step[1];
      if (step[0] === 'contact') input.note = step[1];
      if (step[0] === 'reply') Object.assign(input, { text: step[1], result: step[2] });
      if (step[0] === 'evaluate') input.evaluation = { solved: step[1], satisfaction: step[2], comment: null };
      if (step[0] === 'request_extension') Object.assign(input, { extensionDays: step[1], text: step[2] });
      if (step[0] === 'decide_extension') input.approve = step[1];
      if (step[0] === 'merge') {
        parent = await getDemand(stableId(step[1]));
        input.parent = parent;
      }
      const taken = takeStep(current, input, parent?.state ?? null);
      await saveStep(current, taken, parent && { id: parent.id, event: { ...taken.event, action: 'merged_in', from: null, to: null, note: `诉求 ${current.number} 并入本件` } });
      current = taken.next;
    }
    if (s.key === 'medical-when') {
      await putKnowledge({ id: `qa-${id}`, question: '城乡居民医保什么时候缴费？在哪里交？', answer: current.replies[0]!.text, domain: s.domain, departmentName: '县人力资源和社会保障局', publishedAt: now.toISOString() });
    }
    out.created += 1;
  }
  return out;
}
