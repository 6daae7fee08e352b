// Demo 包联: each demo cadre's households (the counts in their duties), with
// members and tags, and two months and the current one of contacts, some
// households overdue. Contacts, month markers and counters are computed here
// with the same rule the API uses (domain/households planContact) and written
// in batches, so a few hundred households seed in seconds. Written once: a
// table that has the register keeps it (contacts recorded since stay true).
import { createHash } from 'node:crypto';
import type { ContactKind, ContactOccasion, HouseholdMember, HouseholdTag } from '../../shared/schemas/households';
import { planContact, registerBase, scopesOf, shanghaiMonth, shiftMonth, type Counters } from '../../functions/domain/households';
import type { ContactRecord, HouseholdRecord } from '../../functions/store/households';
import { COUNTY_CODE, R, regions, residents, staff } from './data';

interface CadrePlan {
  username: string;
  village: string;
  groups: number[];
  households: number;
  /** Share of households contacted last month (below 1: the cadre falls under coverage). */
  lastMonth: number;
}

export const CADRE_PLANS: CadrePlan[] = [
  { username: 'agent-yang', village: R.baiyan, groups: [1, 2, 3], households: 86, lastMonth: 0.95 },
  { username: 'agent-luo', village: R.longquan, groups: [1, 2], households: 92, lastMonth: 0.9 },
  { username: 'agent-xu', village: R.bailin, groups: [2, 3], households: 80, lastMonth: 0.97 },
  { username: 'agent-tang', village: R.yuntai, groups: [1, 2], households: 95, lastMonth: 0.7 },
];

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '罗', '唐', '何', '邓', '蒋'];
const GIVEN_M = ['德明', '国强', '建华', '永富', '志刚', '金山', '长贵', '光荣', '成林', '兴旺'];
const GIVEN_F = ['秀英', '桂兰', '玉珍', '淑芬', '春梅', '翠华', '明霞', '小燕', '素琴', '凤英'];
const NOTES = ['身体还好，庄稼收成不错', '了解医保缴费情况', '老人用药正常，叮嘱注意保暖', '孩子上学有困难，已记下', '房屋无隐患', '宣传防汛避险常识', '帮助填写养老认证'];

/** A deterministic stream of numbers in [0, 1) per name: the demo is the same every time. */
function random(name: string): () => number {
  let n = 0;
  return () => parseInt(createHash('sha256').update(`${name}:${n++}`).digest('hex').slice(0, 8), 16) / 0x1_0000_0000;
}

const residentId = (openid: string, idOf: (openid: string) => string) => idOf(openid);

/** The households whose resident has a demo account, written as the journeys expect them. */
function knownHouseholds(idOf: (openid: string) => string, now: string): HouseholdRecord[] {
  const base = { phone: null, lastContact: null, createdAt: now, version: 1 };
  const r = (openid: string) => residents.find((x) => x.openid === openid)!;
  return [
    {
      ...base, id: 'hh-agent-yang-wang', headName: '王德贵', phone: r('demo-openid-wang').phone, regionCode: R.baiyanGroup3, villageCode: R.baiyan, townCode: R.gaotan,
      members: [
        { name: '王德贵', relation: '户主', age: 68, note: null }, { name: '刘秀珍', relation: '妻子', age: 66, note: '腿脚不便，独自带孙子' },
        { name: '王小军', relation: '儿子', age: 38, note: '在广东东莞务工' }, { name: '王浩', relation: '孙子', age: 10, note: '留守儿童，在村小读书' },
      ],
      tags: ['left_behind', 'elderly', 'migrant_worker'], cadreUsername: 'agent-yang', residentIds: [residentId('demo-openid-wang', idOf)],
    },
    {
      ...base, id: 'hh-agent-xu-zhang', headName: '张桂英', phone: r('demo-openid-zhang').phone, regionCode: R.bailinGroup2, villageCode: R.bailin, townCode: R.xiangyang,
      members: [{ name: '张桂英', relation: '户主', age: 72, note: '独居，子女在外' }],
      tags: ['left_behind', 'elderly'], cadreUsername: 'agent-xu', residentIds: [residentId('demo-openid-zhang', idOf)],
    },
    {
      ...base, id: 'hh-agent-luo-li', headName: '李春花', phone: r('demo-openid-li').phone, regionCode: R.longquanGroup1, villageCode: R.longquan, townCode: R.gaotan,
      members: [{ name: '李春花', relation: '户主', age: 51, note: null }, { name: '周小兵', relation: '儿子', age: 19, note: '在读大专' }],
      tags: ['low_income'], cadreUsername: 'agent-luo', residentIds: [residentId('demo-openid-li', idOf)],
    },
    {
      ...base, id: 'hh-agent-tang-zhao', headName: '赵德福', phone: r('demo-openid-zhao').phone, regionCode: R.yuntaiGroup2, villageCode: R.yuntai, townCode: R.shimen,
      members: [{ name: '赵德福', relation: '户主', age: 83, note: '肢体残疾' }, { name: '唐玉兰', relation: '妻子', age: 80, note: null }],
      tags: ['elderly', 'disabled'], cadreUsername: 'agent-tang', residentIds: [residentId('demo-openid-zhao', idOf)],
    },
  ];
}

function generated(plan: CadrePlan, count: number, now: string): HouseholdRecord[] {
  const rnd = random(plan.username);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  return Array.from({ length: count }, (_, i) => {
    const surname = pick(SURNAMES);
    const age = 35 + Math.floor(rnd() * 50);
    const head = `${surname}${pick(GIVEN_M)}`;
    const members: HouseholdMember[] = [{ name: head, relation: '户主', age, note: null }];
    if (rnd() < 0.8) members.push({ name: `${pick(SURNAMES)}${pick(GIVEN_F)}`, relation: '妻子', age: age - 2, note: null });
    if (rnd() < 0.5) members.push({ name: `${surname}${pick(GIVEN_M)}`, relation: '儿子', age: Math.max(1, age - 28), note: rnd() < 0.4 ? '外出务工' : null });
    const tags = new Set<HouseholdTag>();
    if (age >= 60) tags.add('elderly');
    const roll = (p: number, t: HouseholdTag) => rnd() < p && tags.add(t);
    roll(0.12, 'left_behind');
    roll(0.08, 'low_income');
    roll(0.05, 'disabled');
    roll(0.06, 'disaster_risk');
    roll(0.05, 'key_industry');
    roll(0.03, 'dispute');
    if (members.some((m) => m.note === '外出务工')) tags.add('migrant_worker');
    const group = plan.groups[i % plan.groups.length]!;
    return {
      id: `hh-${plan.username}-${String(i + 1).padStart(3, '0')}`, headName: head, phone: null, regionCode: `${plan.village}${String(group).padStart(3, '0')}`,
      villageCode: plan.village, townCode: plan.village.slice(0, 9), members, tags: [...tags], cadreUsername: plan.username, residentIds: [],
      lastContact: null, createdAt: now, version: 1,
    };
  });
}

/** Contacts of the two months before and this month so far; the known households as the journeys need them. */
function contactsOf(h: HouseholdRecord, plan: CadrePlan, now: Date, cadreName: string): ContactRecord[] {
  const rnd = random(`contacts:${h.id}`);
  const month = shanghaiMonth(now);
  const day = Number(new Date(now.getTime() + 8 * 3600_000).toISOString().slice(8, 10));
  // 王家 was visited last month, not yet this month (the journey's visit raises the coverage); 赵家 is overdue.
  const share: Record<string, [number, number, number]> = {
    'hh-agent-yang-wang': [1, 1, 0], 'hh-agent-xu-zhang': [1, 1, 0], 'hh-agent-luo-li': [1, 1, 1], 'hh-agent-tang-zhao': [1, 0, 0],
  };
  const [p2, p1, p0] = share[h.id] ?? [0.93, plan.lastMonth, Math.min(0.85, (day / 31) * 0.9)];
  const out: ContactRecord[] = [];
  [[shiftMonth(month, -2), p2], [shiftMonth(month, -1), p1], [month, p0]].forEach(([m, p]) => {
    if (rnd() >= (p as number)) return;
    const lastDay = m === month ? Math.max(1, day - 1) : 28;
    const date = `${m}-${String(1 + Math.floor(rnd() * lastDay)).padStart(2, '0')}`;
    const at = new Date(`${date}T${String(9 + Math.floor(rnd() * 8)).padStart(2, '0')}:00:00+08:00`);
    if (at > now) return;
    const kind: ContactKind = rnd() < 0.5 ? 'visit' : rnd() < 0.7 ? 'phone' : 'wechat';
    const mustVisit = h.tags.some((t) => ['key_industry', 'disaster_risk', 'dispute', 'low_income', 'left_behind'].includes(t));
    const occasion: ContactOccasion = rnd() < 0.04 ? (['emergency', 'dispute', 'wedding_funeral'] as const)[Math.floor(rnd() * 3)]! : mustVisit && kind === 'visit' ? 'must_visit' : 'routine';
    out.push({
      id: `seed-${h.id}-${m}`, householdId: h.id, cadreUsername: h.cadreUsername, cadreName, kind, occasion, note: NOTES[Math.floor(rnd() * NOTES.length)]!,
      at: at.toISOString(), month: m as string, demand: null, recordedAt: at.toISOString(),
    });
  });
  return out;
}

export interface HouseholdSeedPlan {
  households: HouseholdRecord[];
  contacts: ContactRecord[];
  markers: { householdId: string; month: string; visit: boolean }[];
  counters: { month: string; scope: string; counters: Counters }[];
}

/** Everything to write, computed with the API's own counting rule. */
export function planHouseholds(idOf: (openid: string) => string, now: Date): HouseholdSeedPlan {
  const iso = now.toISOString();
  const known = knownHouseholds(idOf, iso);
  const households = CADRE_PLANS.flatMap((p) => {
    const own = known.filter((h) => h.cadreUsername === p.username);
    return [...own, ...generated(p, p.households - own.length, iso)];
  });
  const contacts: ContactRecord[] = [];
  const markers: HouseholdSeedPlan['markers'] = [];
  const counters = new Map<string, Counters>();
  for (const h of households) {
    const plan = CADRE_PLANS.find((p) => p.username === h.cadreUsername)!;
    const cadreName = staff.find((s) => s.username === h.cadreUsername)?.name ?? h.cadreUsername;
    const months = new Set<string>();
    const visited = new Set<string>();
    for (const c of contactsOf(h, plan, now, cadreName)) {
      const step = planContact({ month: c.month, kind: c.kind, occasion: c.occasion, tags: h.tags, withDemand: false }, {
        prev: months.has(shiftMonth(c.month, -1)), this: months.has(c.month), next: months.has(shiftMonth(c.month, 1)), visited: visited.has(c.month),
      });
      if (step.create.month) (months.add(c.month), markers.push({ householdId: h.id, month: c.month, visit: false }));
      if (step.create.visit) (visited.add(c.month), markers.push({ householdId: h.id, month: c.month, visit: true }));
      for (const [m, adds] of Object.entries(step.adds)) {
        for (const scope of scopesOf(h)) {
          const k = `${m}|${scope}`;
          const sum = counters.get(k) ?? {};
          for (const [name, n] of Object.entries(adds)) sum[name] = (sum[name] ?? 0) + n;
          counters.set(k, sum);
        }
      }
      contacts.push(c);
      h.lastContact = { id: c.id, at: c.at, kind: c.kind, occasion: c.occasion };
    }
  }
  return {
    households, contacts, markers,
    counters: [...counters].map(([k, c]) => ({ month: k.split('|')[0]!, scope: k.split('|')[1]!, counters: c })),
  };
}

/** Names of the register's scopes: regions by code, cadres by username. */
export function scopeName(_level: string, code: string): string {
  return regions.find((r) => r.code === code)?.name ?? staff.find((s) => s.username === code)?.name ?? code;
}

export async function seedHouseholds(idOf: (openid: string) => string, reset = false): Promise<{ households: number; contacts: number; existing: boolean }> {
  const store = await import('../../functions/store/households');
  if (!reset && (await store.hasRegister())) return { households: 0, contacts: 0, existing: true };
  const plan = planHouseholds(idOf, new Date());
  await store.putRegister(plan.households, registerBase(plan.households, COUNTY_CODE, scopeName));
  await store.putContactHistory(plan.contacts, plan.markers, plan.counters);
  return { households: plan.households.length, contacts: plan.contacts.length, existing: false };
}
