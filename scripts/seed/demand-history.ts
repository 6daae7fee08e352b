// Demo history for the 民情月报: five months of finished demands before the
// current month, generated deterministically (same seeds every run, so seeding
// again writes nothing), across channels, domains, villages and outcomes, with
// a rising cluster of road complaints in 柏林村 as the hot spot.
import type { DemandChannel, DemandDomain, DemandSatisfaction, DemandType } from '../../shared/schemas/demands';
import { R } from './data';
import type { DemandSeed } from './demands';

/** Departments with demo staff who sign (the seed's step runner knows them). */
const SIGNERS: Record<string, string> = { 'civil-affairs': 'clerk-mz', 'human-resources': 'rs-liu', 'medical-insurance': 'yb-he' };
const KINDS: { domain: DemandDomain; dept: keyof typeof SIGNERS; type: DemandType; text: string }[] = [
  { domain: 'civil_affairs', dept: 'civil-affairs', type: 'help', text: '家里老人申请低保需要准备什么材料，村里说法不一。' },
  { domain: 'roads', dept: 'civil-affairs', type: 'complaint', text: '村道坑洼积水，雨天老人小孩出行困难，请尽快修补。' },
  { domain: 'social_security', dept: 'human-resources', type: 'consult', text: '灵活就业人员养老保险怎么续缴，断缴的月份能不能补？' },
  { domain: 'health', dept: 'medical-insurance', type: 'complaint', text: '镇卫生院门诊报销比例和宣传的不一样，请核实。' },
  { domain: 'staff_conduct', dept: 'civil-affairs', type: 'complaint', text: '窗口工作人员让我跑了三趟才办好，希望一次告知清楚。' },
  { domain: 'agriculture', dept: 'human-resources', type: 'suggestion', text: '建议农闲时在村里开设种养技术培训班。' },
];
const VILLAGES = [R.bailin, R.yuntai, R.baiyan, R.longquan, R.dongjie, R.shimenVillage];
const CHANNELS: DemandChannel[] = ['miniprogram', 'hotline', 'walk_in', 'household_visit', 'opinion_book', 'miniprogram'];
const REPORTERS = ['demo-openid-zhang', 'demo-openid-wang', 'demo-openid-zhao', 'demo-openid-chen'];
const INTAKE: Partial<Record<DemandChannel, string>> = { hotline: 'clerk-mz', walk_in: 'clerk-rs', household_visit: 'agent-yang', opinion_book: 'clerk-mz' };

/** The day (days ago) a demand of history month m (1 = last month … 5) at position i was filed. */
const dayOf = (m: number, i: number, now: Date) => {
  const today = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', day: 'numeric' }).format(now));
  // Land inside the target month: past this month's days, then ~30 days per month back, spread over days 2–26.
  return today + (m - 1) * 30 + 3 + ((i * 7) % 24);
};

export function demandHistorySeeds(now = new Date()): DemandSeed[] {
  const seeds: DemandSeed[] = [];
  for (let m = 1; m <= 5; m++) {
    // More each month towards today; the road cluster in 柏林村 grows.
    const n = 6 + (5 - m) * 2;
    for (let i = 0; i < n; i++) {
      const kind = KINDS[(i + m) % KINDS.length]!;
      const hot = i < 6 - m;
      const domain = hot ? 'roads' : kind.domain;
      const dept = hot ? 'civil-affairs' : kind.dept;
      const channel = CHANNELS[(i + 2 * m) % CHANNELS.length]!;
      const outcome: [boolean, DemandSatisfaction][] = [[true, 'satisfied'], [true, 'basic'], [true, 'satisfied'], [false, 'dissatisfied'], [true, 'satisfied']];
      const [solved, sat] = outcome[(i + m) % outcome.length]!;
      const signer = SIGNERS[dept]!;
      const steps: DemandSeed['steps'] = [['dispatch', dept], ['sign', signer], ['reply', '已核实并处理，请群众查看。', '已处理']];
      if (solved) steps.push(['evaluate', true, sat]);
      // Not solved → redone; the second answer is final, and not every redo succeeds.
      else steps.push(['evaluate', false, 'dissatisfied'], ['reply', '重办：已再次现场核实并处理。', '重办完成'], i % 2 ? ['evaluate', true, 'basic'] : ['evaluate', false, 'dissatisfied']);
      seeds.push({
        key: `history-${m}-${i}`,
        // Every reporter has an account here, so each can evaluate (a hotline caller without one cannot).
        openid: REPORTERS[(i + m) % REPORTERS.length]!,
        channel, intakeBy: INTAKE[channel], type: hot ? 'complaint' : kind.type, domain, grade: i % 5 === 0 ? 'A' : 'B',
        text: hot ? '柏林村通往镇上的村道路面塌陷，车辆难以通行。' : kind.text,
        regionCode: hot ? R.bailin : VILLAGES[(i + m) % VILLAGES.length]!,
        daysAgo: dayOf(m, i, now), steps,
      });
    }
  }
  return seeds;
}
