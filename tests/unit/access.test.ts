// Who may see and act on a case, a ticket, a place: one rule, as tables.
import {
  caseAccess, canRecordProxySteps, mayCallBack, mayManagePlace, mayReassignAgent, maySeeComplaint, maySeeDepartment, ownDepartment, queueScope,
  seesEverything, ticketSteps, type Staff,
} from '../../functions/domain/access';

const GAOTAN = '511999103';
const staff = (username: string, role: Staff['role'], departmentId: string | null, regionCode = '511999'): Staff => ({ username, role, departmentId, regionCode });
const admin = staff('admin', 'admin', 'government-services');
const supervisor = staff('xiaoneng', 'supervisor', 'efficiency-office');
const mzHead = staff('mz-chen', 'dept_head', 'civil-affairs');
const mzClerk = staff('clerk-mz', 'clerk', 'civil-affairs');
const gaClerk = staff('clerk-ga', 'clerk', 'public-security');
const gaotanClerk = staff('clerk-gaotan', 'clerk', null, GAOTAN);
const xiangyangClerk = staff('clerk-xiangyang', 'clerk', null, '511999102');
const agent = staff('agent-luo', 'agent', null, '511999103203');
const townAgent = staff('agent-town', 'agent', null, GAOTAN);

describe('caseAccess', () => {
  const dibao = { departmentId: 'civil-affairs', townCode: GAOTAN, handlingLevel: 'town' as const, proxy: { agentUsername: 'agent-luo' } };
  const idCard = { departmentId: 'public-security', townCode: GAOTAN, handlingLevel: 'county' as const, proxy: null };
  const villageItem = { ...dibao, handlingLevel: 'village' as const };
  it.each([
    ['a town clerk, a town-level case of their town (低保)', gaotanClerk, dibao, 'act'],
    ['a town clerk, a village-level item from their town', gaotanClerk, villageItem, 'act'],
    ['a town clerk, a county-level case of their town', gaotanClerk, idCard, 'none'],
    ['another town’s clerk', xiangyangClerk, dibao, 'none'],
    ['a town clerk, a town-level case recorded without its level', gaotanClerk, { ...dibao, handlingLevel: undefined }, 'none'],
    ['the county department still handles it', mzClerk, dibao, 'act'],
    ['its head', mzHead, dibao, 'act'],
    ['another department', gaClerk, dibao, 'none'],
    ['the assigned proxy agent follows, does not act', agent, dibao, 'view'],
    ['an agent whose region is the town is not its desk', townAgent, dibao, 'none'],
    ['supervisor', supervisor, idCard, 'act'],
    ['admin', admin, idCard, 'act'],
  ] as const)('%s → %s', (_, s, c, expected) => {
    expect(caseAccess(s, c)).toBe(expected);
  });
});

describe('queueScope', () => {
  it.each([
    ['own department by default', mzClerk, undefined, { kind: 'department', departmentId: 'civil-affairs' }],
    ['another department is refused', mzClerk, 'public-security', { refused: 'forbidden' }],
    ['a supervisor picks any', supervisor, 'public-security', { kind: 'department', departmentId: 'public-security' }],
    ['a town clerk: their town’s town-level cases', gaotanClerk, undefined, { kind: 'town', townCode: GAOTAN }],
    ['an admin without a choice of department… their own', admin, undefined, { kind: 'department', departmentId: 'government-services' }],
    ['an agent has no queue', agent, undefined, { refused: 'choose' }],
  ] as const)('%s', (_, s, asked, expected) => {
    expect(queueScope(s, asked)).toEqual(expected);
  });
});

describe('ticketSteps: the person a review names may appeal, never handle', () => {
  const ticket = (status: 'open' | 'verified' | 'rectified' | 'followed_up' | 'closed' | 'appealed', responsible: string | null, appeal: { decision: string | null } | null = null) => ({
    departmentId: 'civil-affairs',
    responsible: responsible ? { username: responsible, role: responsible === 'mz-chen' ? ('dept_head' as const) : ('clerk' as const) } : null,
    status,
    appeal,
  });
  it.each([
    ['the head, a clerk’s ticket, open', mzHead, ticket('open', 'clerk-mz'), ['verify', 'appeal']],
    ['the head, verified', mzHead, ticket('verified', 'clerk-mz'), ['rectify', 'appeal']],
    ['the head, rectified', mzHead, ticket('rectified', 'clerk-mz'), ['follow_up']],
    ['the head, followed up', mzHead, ticket('followed_up', 'clerk-mz'), ['publish']],
    ['the head, closed', mzHead, ticket('closed', 'clerk-mz'), []],
    ['the head named herself, open', mzHead, ticket('open', 'mz-chen'), ['appeal']],
    ['the head named herself, verified', mzHead, ticket('verified', 'mz-chen'), ['appeal']],
    ['the head named herself, followed up', mzHead, ticket('followed_up', 'mz-chen'), []],
    ['another head of the department handles it', staff('mz-li', 'dept_head', 'civil-affairs'), ticket('open', 'mz-chen'), ['verify', 'appeal']],
    ['the supervisor handles it', supervisor, ticket('open', 'mz-chen'), ['verify']],
    ['the supervisor leaves a clerk’s ticket to the head', supervisor, ticket('open', 'clerk-mz'), []],
    ['the supervisor decides an appeal', supervisor, ticket('appealed', 'mz-chen', { decision: null }), ['decide']],
    ['the named clerk appeals', mzClerk, ticket('open', 'clerk-mz'), ['appeal']],
    ['once', mzClerk, ticket('open', 'clerk-mz', { decision: 'dismissed' }), []],
    ['a clerk not named', staff('clerk-2', 'clerk', 'civil-affairs'), ticket('open', 'clerk-mz'), []],
    ['another department’s head', staff('ga-head', 'dept_head', 'public-security'), ticket('open', 'clerk-mz'), []],
    ['an admin', admin, ticket('open', 'clerk-mz'), []],
  ] as const)('%s → %j', (_, s, t, expected) => {
    expect(ticketSteps(s, t)).toEqual(expected);
  });
});

describe('places and proxy agents', () => {
  it('staff manage the point of their region and their department’s roving days', () => {
    expect(mayManagePlace(gaotanClerk, { kind: 'point', regionCode: GAOTAN, departmentId: null })).toBe(true);
    expect(mayManagePlace(gaotanClerk, { kind: 'roving', regionCode: GAOTAN, departmentId: 'civil-affairs' })).toBe(false);
    expect(mayManagePlace(mzHead, { kind: 'roving', regionCode: GAOTAN, departmentId: 'civil-affairs' })).toBe(true);
    expect(mayManagePlace(townAgent, { kind: 'point', regionCode: GAOTAN, departmentId: null })).toBe(false);
    expect(mayManagePlace(supervisor, { kind: 'point', regionCode: GAOTAN, departmentId: null })).toBe(true);
  });
  it('only someone who can record proxy steps is given a proxy case', () => {
    expect(canRecordProxySteps(agent)).toBe(true);
    expect(canRecordProxySteps(mzClerk)).toBe(false);
    expect(canRecordProxySteps(mzHead)).toBe(false);
  });
});

describe('a department’s own views: members see theirs, supervisors and admins every one', () => {
  it.each([
    // who, department asked, sees it, limited to (ownDepartment), sees everything
    ['the head, her department', mzHead, 'civil-affairs', true, 'civil-affairs', false],
    ['the head, another department', mzHead, 'public-security', false, 'civil-affairs', false],
    ['a clerk, his department', gaClerk, 'public-security', true, 'public-security', false],
    ['a town clerk of no department', gaotanClerk, 'civil-affairs', false, '', false],
    ['an agent', agent, 'civil-affairs', false, '', false],
    ['the supervisor, any department', supervisor, 'public-security', true, null, true],
    ['an admin, any department', admin, 'civil-affairs', true, null, true],
  ] as const)('%s', (_, s, dept, sees, limited, everything) => {
    expect(maySeeDepartment(s, dept)).toBe(sees);
    expect(ownDepartment(s)).toBe(limited);
    expect(seesEverything(s)).toBe(everything);
  });
});

describe('complaints, call-backs and re-assigning a proxy agent', () => {
  const dibao = { departmentId: 'civil-affairs', townCode: GAOTAN, handlingLevel: 'town' as const, proxy: { agentUsername: 'agent-luo' } };
  const clerksTicket = { departmentId: 'civil-affairs', responsible: { username: 'clerk-mz', role: 'clerk' as const }, status: 'open' as const, appeal: null };
  it.each([
    // who, sees a complaint naming clerk-mz, calls the resident back on clerk-mz's ticket, re-assigns the agent of a 低保 case
    ['the named clerk', mzClerk, true, false, false],
    ['another clerk of the department', staff('clerk-2', 'clerk', 'civil-affairs'), false, false, false],
    ['the department head', mzHead, false, true, true],
    ['another department’s head', staff('ga-head', 'dept_head', 'public-security'), false, false, false],
    ['the supervisor', supervisor, true, true, false],
    ['an admin', admin, true, false, true],
  ] as const)('%s', (_, s, complaint, callBack, reassign) => {
    expect(maySeeComplaint(s, { username: 'clerk-mz' })).toBe(complaint);
    expect(mayCallBack(s, clerksTicket)).toBe(callBack);
    expect(mayReassignAgent(s, dibao)).toBe(reassign);
  });
});
