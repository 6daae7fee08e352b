// The HTTP adapter's answer and log line when a handler fails unexpectedly.
import { httpHandler, type HttpEvent } from '../../functions/lib/http';
import { ContentionError } from '../../functions/store/transact';

const event = (routeKey: string) => ({ routeKey, requestContext: { requestId: 'req-1' }, headers: {} }) as unknown as HttpEvent;

function captureLogs() {
  const lines: string[] = [];
  const err = jest.spyOn(console, 'error').mockImplementation((l: string) => void lines.push(l));
  const out = jest.spyOn(console, 'log').mockImplementation((l: string) => void lines.push(l));
  return { lines, restore: () => (err.mockRestore(), out.mockRestore()) };
}

test('a 500 logs the error class and stack frames, never its message (which can echo a phone number)', async () => {
  class LookupError extends Error {
    code = 'E_LOOKUP';
    constructor(m: string) {
      super(m);
      this.name = 'LookupError';
    }
  }
  const handler = httpHandler({
    'GET /regions': async () => {
      throw new LookupError('no resident with phone 13812345678');
    },
  });
  const logs = captureLogs();
  try {
    const res = await handler(event('GET /regions'));
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toContain('13812345678');
  } finally {
    logs.restore();
  }
  const all = logs.lines.join('\n');
  expect(all).not.toContain('13812345678');
  const line = JSON.parse(logs.lines.find((l) => l.includes('"unhandled"'))!);
  expect(line).toMatchObject({ level: 'error', requestId: 'req-1', routeKey: 'GET /regions', errorClass: 'LookupError', errorCode: 'E_LOOKUP' });
  expect(line.stack).toMatch(/at /);
});

test('contention that outlasts the retries is a 503 busy, not a 500 or a stale 409', async () => {
  const handler = httpHandler({
    'GET /regions': async () => {
      throw new ContentionError();
    },
  });
  const logs = captureLogs();
  try {
    const res = await handler(event('GET /regions'));
    expect(res.statusCode).toBe(503);
    expect(JSON.parse(res.body as string)).toEqual({ code: 'BUSY', message: '办理的人较多，请稍后重试' });
  } finally {
    logs.restore();
  }
});
