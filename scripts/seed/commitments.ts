// Demo service-commitment cards (承诺卡), Shawan style: two village cadres each
// post a card of concrete problems with an owner, a target and a deadline,
// updated weekly. Dates are relative to today, so the demo always shows one
// commitment done, one overdue, one waiting for its weekly update (待更新) and
// the rest on track. Written through the store like the API writes them; the
// idempotency key per card makes seeding again write nothing.
interface CommitmentSeed {
  problem: string;
  owner: string;
  target: string;
  workingDays: number;
  /** Days ago of each weekly progress entry, oldest first. */
  progress: [number, string][];
  /** Days ago it was done, with the result. */
  done?: [number, string];
}

interface CardSeed {
  key: string;
  cadre: string;
  regionCode: string;
  title: string;
  postedDaysAgo: number;
  commitments: CommitmentSeed[];
}

export const cardSeeds: CardSeed[] = [
  {
    key: 'seed-card-baiyan-winter',
    cadre: 'agent-yang',
    regionCode: '511999103202', // 高滩镇白岩村
    title: '白岩村冬季服务承诺',
    postedDaysAgo: 36,
    commitments: [
      {
        problem: '三组入户路硬化（约320米）', owner: '杨德明', target: '硬化完成并验收，雨天群众出行不再踩泥', workingDays: 20,
        progress: [[33, '已与施工队现场踏勘，确定线路，群众无异议'], [26, '路基平整完成，水泥、砂石已运到'], [19, '浇筑完成约200米']],
        done: [12, '320米入户路全部硬化完成，镇村两级已验收，沿线14户出行不再踩泥'],
      },
      {
        problem: '五保户、低保户冬季取暖物资发放', owner: '杨德明', target: '12户的棉被、取暖器全部送到家，逐户签收', workingDays: 40,
        progress: [[30, '已摸排需要的12户，报镇民政办'], [23, '物资已到镇，定于下周入户发放'], [16, '已送到8户'], [9, '又送到3户，剩1户老人在外住院'], [3, '住院老人已出院，物资已送到，待本人签收']],
      },
      {
        problem: '白岩村灌溉渠清淤（二组段）', owner: '村主任 王德富', target: '清淤800米，春灌前通水', workingDays: 10,
        progress: [[29, '已组织村民投工投劳，清淤约300米'], [20, '遇雨停工，待天晴继续']],
      },
      {
        problem: '留守儿童寒假托管点', owner: '村妇联主席 李芳', target: '村活动室开设寒假托管，配2名志愿者', workingDays: 45,
        progress: [[28, '已落实村活动室，正在招募志愿者'], [10, '已招募志愿者2名，桌椅已到位']],
      },
    ],
  },
  {
    key: 'seed-card-bailin-elderly',
    cadre: 'agent-xu',
    regionCode: '511999102202', // 向阳镇柏林村
    title: '柏林村留守老人关爱承诺',
    postedDaysAgo: 22,
    commitments: [
      {
        problem: '二、三组独居老人安装一键呼叫设备', owner: '徐国平', target: '20户独居老人家中全部装好并试呼通', workingDays: 30,
        progress: [[20, '已逐户确认20户名单，设备已向县民政局申领'], [13, '设备到村，已装好9户'], [5, '已装好16户，均已试呼']],
      },
      {
        problem: '修复村口至二组路灯6盏', owner: '村主任 周明', target: '6盏路灯全部亮灯', workingDays: 10,
        progress: [[18, '已报镇供电所，定于本周维修']],
        done: [8, '6盏路灯已全部修复亮灯，更换灯头4个、线路1段'],
      },
      {
        problem: '每月一次村卫生室义诊', owner: '村医 陈红', target: '每月15日义诊，量血压、测血糖，行动不便的上门', workingDays: 60,
        progress: [[17, '首次义诊完成，38位老人参加，上门5户'], [4, '已预约县医院医生参加下次义诊']],
      },
    ],
  },
];

const daysAgo = (today: string, n: number) => new Date(Date.parse(`${today}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
/** A Shanghai morning (10:00) of the day, as the entry's instant. */
const morning = (day: string) => `${day}T02:00:00.000Z`;

export async function seedCommitments(): Promise<{ created: number; existing: number }> {
  const { createCard, newCardId } = await import('../../functions/store/commitments');
  const { getStaff } = await import('../../functions/store/people');
  const { getRegions } = await import('../../functions/store/reference');
  const { loadCalendar } = await import('../../functions/store/calendar');
  const { shanghaiDate } = await import('../../functions/domain/calendar');
  const { commitmentDueOn } = await import('../../functions/domain/commitments');
  const [cal, regions] = await Promise.all([loadCalendar(), getRegions(cardSeeds.map((c) => c.regionCode))]);
  const today = shanghaiDate();
  const out = { created: 0, existing: 0 };
  for (const s of cardSeeds) {
    const staff = await getStaff(s.cadre);
    if (!staff) throw new Error(`演示承诺卡：工作人员 ${s.cadre} 不存在`);
    const postedOn = daysAgo(today, s.postedDaysAgo);
    const postedAt = morning(postedOn);
    const card = {
      id: newCardId(new Date(postedAt)),
      title: s.title,
      owner: { kind: 'cadre' as const, name: staff.name, username: staff.username, departmentId: null },
      author: { username: staff.username, name: staff.name },
      postedAt,
      postedOn,
      commitments: s.commitments.map((c, i) => ({
        n: i + 1, problem: c.problem, owner: c.owner, target: c.target, workingDays: c.workingDays,
        regionCode: s.regionCode, regionName: regions.get(s.regionCode)?.name ?? s.regionCode,
        dueOn: commitmentDueOn(cal, postedOn, c.workingDays),
        status: c.done ? ('done' as const) : ('open' as const),
        progress: c.progress.map(([ago, text]) => ({ at: morning(daysAgo(today, ago)), on: daysAgo(today, ago), text, by: staff.name })),
        result: c.done ? { at: morning(daysAgo(today, c.done[0])), on: daysAgo(today, c.done[0]), text: c.done[1], by: staff.name, photoKeys: [] } : null,
      })),
      version: 1,
      updatedAt: postedAt,
    };
    out[(await createCard(card, s.key)).outcome === 'created' ? 'created' : 'existing'] += 1;
  }
  return out;
}
