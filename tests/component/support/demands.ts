// Demand (诉求) bodies shaped exactly like the shared schemas (the tests parse
// them through the real request module).
import type { Demand, DemandClock, DemandDetail, DemandEvent, KnowledgeEntry, StaffDemandDetail } from '../../../shared/schemas/demands';

export const demandClock = (over: Partial<DemandClock> = {}): DemandClock => ({
  startedAt: '2026-11-23T02:00:00.000Z',
  signDueAt: '2026-11-24T15:59:59.999Z',
  replyDueOn: '2026-12-07',
  limitDays: 10,
  usedDays: 6,
  remainingDays: 4,
  pausedDays: 0,
  light: 'green',
  signedInTime: true,
  repliedInTime: null,
  ...over,
});

export const ev = (action: string, at: string, actor: string, note: string | null = null, over: Partial<DemandEvent> = {}): DemandEvent => ({
  at, actor, role: actor === '群众' ? '群众' : '部门负责人', action, from: null, to: null, note, ...over,
});

export const demand: DemandDetail = {
  id: 'd0a1b2c3-0001',
  number: '20261123-K7P2X',
  type: 'complaint',
  domain: 'roads',
  grade: 'B',
  channel: 'miniprogram',
  text: '石桥村口的路面塌了一个大坑，晚上有人摔倒。',
  place: { regionCode: '511999101201', regionName: '石桥村', point: null },
  anonymous: true,
  reporter: { name: '王秀英', phone: '13800001111' },
  state: 'signed',
  department: { id: 'housing', name: '县住房和城乡建设局', phone: '0817-7221600' },
  handler: { name: '周建国', phone: '0817-7221601' },
  clock: demandClock(),
  extension: null,
  reply: null,
  evaluations: [],
  redone: false,
  reopened: 0,
  defaultClosed: false,
  parentId: null,
  allowedActions: [],
  filedAt: '2026-11-23T01:30:00.000Z',
  closedAt: null,
  updatedAt: '2026-11-24T03:00:00.000Z',
  version: 4,
  photos: [{ key: 'demands/d0a1b2c3-0001/a.jpg', url: 'http://s3.local/demands/a.jpg?sig=1' }],
  events: [
    ev('file', '2026-11-23T01:30:00.000Z', '群众', '通过小程序反映（对部门匿名）', { to: 'received' }),
    ev('dispatch', '2026-11-23T02:00:00.000Z', '周敏', '派单至县住房和城乡建设局', { from: 'received', to: 'dispatched' }),
    ev('sign', '2026-11-24T03:00:00.000Z', '周建国', '签收，首办责任人：周建国', { from: 'dispatched', to: 'signed' }),
  ],
  parent: null,
};

export const reply = {
  at: '2026-11-27T06:00:00.000Z',
  text: '已安排施工队回填并压实路面。',
  result: '坑已填平，设置了警示牌',
  photos: [{ key: 'demands/d0a1b2c3-0001/r.jpg', url: 'http://s3.local/demands/r.jpg?sig=2' }],
  by: '周建国',
};

export const replied = (over: Partial<DemandDetail> = {}): DemandDetail => ({
  ...demand,
  state: 'replied',
  reply,
  clock: demandClock({ light: 'done', repliedInTime: true }),
  allowedActions: ['evaluate'],
  events: [...demand.events, ev('reply', reply.at, '周建国', `答复：${reply.text}`, { from: 'signed', to: 'replied' })],
  ...over,
});

/** The list item of a detail (lists carry no events or photos). */
export function summary(d: DemandDetail, over: Partial<Demand> = {}): Demand {
  const { events: _e, photos: _p, parent: _parent, ...rest } = d;
  return { ...rest, ...over };
}

export const staffDetail = (over: Partial<StaffDemandDetail> = {}): StaffDemandDetail => ({
  ...demand,
  reporter: null,
  mergeCandidates: [],
  suggestedDepartment: { id: 'housing', name: '县住房和城乡建设局' },
  ...over,
});

export const knowledge: KnowledgeEntry = {
  id: 'qa-d9',
  question: '低保每年什么时候复核？',
  answer: '每年第四季度由镇民政办入户复核，无需本人申请。',
  domain: 'civil_affairs',
  departmentName: '县民政局',
  publishedAt: '2026-10-10T02:00:00.000Z',
};
