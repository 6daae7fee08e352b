import { periodsOf, ratingDeltas, replacementDeltas, type RatedFacts } from '../../functions/domain/satisfaction';

const rating = (over: Partial<RatedFacts> = {}): RatedFacts => ({
  level: 2, isDefault: false, departmentId: 'civil-affairs', departmentName: '民政局',
  responsible: { username: 'clerk-mz', name: '李娜' }, townCode: '511999102', agent: null, agentLevel: null, ...over,
});

const plain = (d: ReturnType<typeof ratingDeltas>) => Object.fromEntries([...d].map(([scope, v]) => [scope, v]));

describe('satisfaction counters of a rating', () => {
  test('a month counts in the month and its year', () => {
    expect(periodsOf('2026-11')).toEqual(['M#2026-11', 'Y#2026']);
  });

  test('a 不满意 (2) adds one l2 to the county, department, responsible person (named) and town', () => {
    expect(plain(ratingDeltas(rating(), 1))).toEqual({
      COUNTY: { add: { l2: 1 }, set: {} },
      'DEPT#civil-affairs': { add: { l2: 1 }, set: {} },
      'STAFF#clerk-mz': { add: { l2: 1 }, set: { staffName: '李娜', departmentId: 'civil-affairs', departmentName: '民政局' } },
      'TOWN#511999102': { add: { l2: 1 }, set: {} },
    });
  });

  test('a default rating counts as defaults; the proxy agent is rated apart at their own level', () => {
    const d = plain(ratingDeltas(rating({ isDefault: true, responsible: null, townCode: null, agent: { username: 'agent-yang', name: '杨代办' }, agentLevel: 5 }), 1));
    expect(d).toEqual({
      COUNTY: { add: { defaults: 1 }, set: {} },
      'DEPT#civil-affairs': { add: { defaults: 1 }, set: {} },
      'STAFF#agent-yang': { add: { l5: 1 }, set: { staffName: '杨代办', departmentName: '代办员' } },
    });
  });

  test('replacing 2 by 4 moves one count from l2 to l4 in every scope', () => {
    const d = replacementDeltas(rating({ level: 2 }), rating({ level: 4 }));
    for (const scope of ['COUNTY', 'DEPT#civil-affairs', 'STAFF#clerk-mz', 'TOWN#511999102']) expect(d.get(scope)!.add).toEqual({ l2: -1, l4: 1 });
  });

  test('replacing with the same level nets to zero', () => {
    const d = replacementDeltas(rating({ level: 3 }), rating({ level: 3 }));
    expect([...d.values()].every((v) => Object.values(v.add).every((n) => n === 0))).toBe(true);
  });
});
