// Drive the mocked network: answer `Taro.request` per route, record calls.
import * as taro from './taro';

export const API = 'http://127.0.0.1:3000';

export interface SeenRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  auth: string | undefined;
  url: string;
}

export type Reply = { status?: number; body?: unknown } | 'network-error';
export type Handler = (req: SeenRequest) => Reply | Promise<Reply>;

/** Route table keyed like `GET /services/{code}`; full URLs allowed for other hosts. */
export function mockApi(routes: Record<string, Handler | Reply>): SeenRequest[] {
  const seen: SeenRequest[] = [];
  taro.request.mockImplementation(async (opts) => {
    const u = new URL(opts.url);
    const base = `${u.protocol}//${u.host}`;
    const path = base === API ? u.pathname : base + u.pathname;
    const method = (opts.method ?? 'GET').toUpperCase();
    const req: SeenRequest = {
      method,
      path,
      query: Object.fromEntries(u.searchParams.entries()),
      body: opts.data,
      auth: opts.header?.Authorization,
      url: opts.url,
    };
    seen.push(req);
    const key = Object.keys(routes).find((k) => {
      const [m, p] = k.split(' ') as [string, string];
      if (m !== method) return false;
      const re = new RegExp('^' + p.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{\w+\\?\}|\{\w+\}/g, '[^/]+') + '$');
      return re.test(path);
    });
    if (!key) return { statusCode: 404, data: { code: 'NOT_FOUND', message: `no mock for ${method} ${path}` } };
    const h = routes[key]!;
    const reply = typeof h === 'function' ? await h(req) : h;
    if (reply === 'network-error') throw Object.assign(new Error('request:fail'), { errMsg: 'request:fail' });
    return { statusCode: reply.status ?? 200, data: reply.body ?? null };
  });
  return seen;
}

export const ok = (body: unknown): Reply => ({ status: 200, body });
