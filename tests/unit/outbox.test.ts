// The push outbox's rules: field limits, answer classification, retry schedule, state machine.
import { asThing, classify, eventFor, fieldErrors, isFinal, nextAttemptAt, nextOutboxState, outboxId, OUTBOX_STATES, RETRY_DELAYS_MS } from '../../functions/domain/outbox';

const ok = { character_string1: 'QS-2026-000123', thing2: '高龄津贴申领', phrase3: '已受理', thing4: '请留意后续进度' };

describe('template fields', () => {
  it('accepts fields within the limits', () => expect(fieldErrors('case_progress', ok)).toEqual([]));
  it('thing ≤ 20 characters (counted as WeChat does, per character)', () => {
    expect(fieldErrors('case_progress', { ...ok, thing2: '字'.repeat(20) })).toEqual([]);
    expect(fieldErrors('case_progress', { ...ok, thing2: '字'.repeat(21) })).toEqual(['thing2: longer than 20']);
  });
  it('phrase ≤ 5 Chinese characters', () => {
    expect(fieldErrors('case_progress', { ...ok, phrase3: '一次性告知补' })).toEqual(['phrase3: longer than 5']);
    expect(fieldErrors('case_progress', { ...ok, phrase3: 'ok' })).toEqual(['phrase3: not a phrase']);
  });
  it('character_string ≤ 32, no Chinese', () => {
    expect(fieldErrors('case_progress', { ...ok, character_string1: 'A'.repeat(33) })).toEqual(['character_string1: longer than 32']);
    expect(fieldErrors('case_progress', { ...ok, character_string1: '编号1' })).toEqual(['character_string1: not a character_string']);
  });
  it('no newlines, no empty, no missing or extra fields', () => {
    expect(fieldErrors('case_progress', { ...ok, thing4: '第一行\n第二行' })).toEqual(['thing4: newline']);
    expect(fieldErrors('case_progress', { ...ok, thing4: ' ' })).toEqual(['thing4: empty']);
    const { thing4: _, ...missing } = ok;
    expect(fieldErrors('case_progress', missing)).toEqual(['thing4: empty']);
    expect(fieldErrors('case_progress', { ...ok, thing9: 'x' })).toEqual(['thing9: not in template']);
  });
  it('time and date fields', () => {
    const b = { thing1: '县政务服务中心', time2: '2026-12-02 09:00', thing3: '停电检修' };
    expect(fieldErrors('booking_cancelled', b)).toEqual([]);
    expect(fieldErrors('booking_cancelled', { ...b, time2: '明天上午' })).toEqual(['time2: not a time']);
  });
  it('asThing shortens to one line of 20', () => {
    expect(asThing('关于做好2026年度城乡居民医疗保险参保缴费工作的通知')).toHaveLength(20);
    expect(asThing('关于做好2026年度城乡居民医疗保险参保缴费工作的通知').endsWith('…')).toBe(true);
    expect(asThing('两行\n文字')).toBe('两行 文字');
  });
});

describe('classifying WeChat answers', () => {
  it.each([
    [{ errcode: 0 }, 'sent'],
    [{ errcode: 43101 }, 'skip'],
    [{ errcode: 40003 }, 'dead'],
    [{ errcode: 40037 }, 'dead'],
    [{ errcode: 41030 }, 'dead'],
    [{ errcode: 47003 }, 'dead'],
    [{ errcode: -1 }, 'retry'],
    [{ errcode: 45009 }, 'retry'],
    [{ httpStatus: 502 }, 'retry'],
    [{ httpStatus: 500 }, 'retry'],
    [{ timeout: true }, 'retry'],
    [{ network: true }, 'retry'],
    [{ errcode: 40001 }, 'refresh_token'],
    [{ errcode: 42001 }, 'refresh_token'],
    [{ errcode: 12345 }, 'dead'],
  ] as const)('%j → %s', (answer, outcome) => expect(classify(answer)).toBe(outcome));
});

describe('retry schedule', () => {
  const now = new Date('2026-12-01T00:00:00.000Z');
  it('1 min, 5 min, 30 min, 2 h, 12 h, then dead', () => {
    expect(RETRY_DELAYS_MS.map((ms) => ms / 60_000)).toEqual([1, 5, 30, 120, 720]);
    expect(nextAttemptAt(1, now)).toBe('2026-12-01T00:01:00.000Z');
    expect(nextAttemptAt(2, now)).toBe('2026-12-01T00:05:00.000Z');
    expect(nextAttemptAt(5, now)).toBe('2026-12-01T12:00:00.000Z');
    expect(nextAttemptAt(6, now)).toBeNull();
  });
  it('a retryable answer after the last retry is dead', () => {
    expect(eventFor('retry', 3, now)).toEqual({ event: 'retry', dueAt: '2026-12-01T00:30:00.000Z' });
    expect(eventFor('retry', 6, now)).toEqual({ event: 'die', dueAt: null });
    expect(eventFor('skip', 1, now).event).toBe('skip');
  });
});

describe('outbox row states', () => {
  it('pending → sending → sent | skipped | dead | pending (retry)', () => {
    expect(nextOutboxState('pending', 'claim')).toBe('sending');
    expect(nextOutboxState('sending', 'sent')).toBe('sent');
    expect(nextOutboxState('sending', 'skip')).toBe('skipped');
    expect(nextOutboxState('sending', 'retry')).toBe('pending');
    expect(nextOutboxState('sending', 'die')).toBe('dead');
  });
  it('a lease that ran out may be claimed again; a pending row cannot be marked sent', () => {
    expect(nextOutboxState('sending', 'claim')).toBe('sending');
    expect(nextOutboxState('pending', 'sent')).toBeNull();
  });
  it('sent, skipped and dead are final', () => {
    expect(OUTBOX_STATES.filter(isFinal)).toEqual(['sent', 'skipped', 'dead']);
    expect(nextOutboxState('sent', 'claim')).toBeNull();
  });
  it('ids are deterministic per cause', () => {
    expect(outboxId.bookingCancelled('a1')).toBe(outboxId.bookingCancelled('a1'));
    expect(outboxId.caseStep('c1', 3)).not.toBe(outboxId.caseStep('c1', 4));
  });
});
