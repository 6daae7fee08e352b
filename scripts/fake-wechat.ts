// A fake of WeChat's server API for the local stack and tests, speaking
// WeChat's protocol (HTTP 200 with errcode on errors, like the real one):
//   GET  /sns/jscode2session?appid&secret&js_code&grant_type=authorization_code
//   GET  /cgi-bin/token?grant_type=client_credential&appid&secret
//   POST /cgi-bin/stable_token {grant_type, appid, secret, force_refresh}
//   POST /cgi-bin/message/subscribe/send?access_token=
//   POST /wxa/msg_sec_check?access_token=
// plus dev endpoints (CORS-enabled: the H5 build calls them from the browser):
//   GET  /dev/users            → [{openid, label}]
//   POST /dev/code {openid}    → {code}   (a wx.login stand-in)
//   POST /dev/failures {endpoint, mode, forMs?} → switch failures on/off
//        (mode: errcode = -1, http500, timeout, or `errcode:<n>` e.g. errcode:45009)
//   POST /dev/refusals {openid, refused} → 43101 for that user's sends
//   POST /dev/expire-tokens → every access token expires now (42001 next)
//   GET  /dev/messages         → subscribe messages sent so far
//   DELETE /dev/messages       → forget them
//   GET  /health
// CLI: tsx scripts/fake-wechat.ts [--port 3100] [--appid wx…] [--secret …]
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeWechatUser {
  openid: string;
  label: string;
}

export const FAILURE_ENDPOINTS = ['jscode2session', 'token', 'subscribe', 'msg_sec_check'] as const;
export type FailureEndpoint = (typeof FAILURE_ENDPOINTS)[number];
export const FAILURE_MODES = ['errcode', 'http500', 'timeout'] as const;
/** A named mode, or one errcode to answer (`errcode:45009`, `errcode:40037` …). */
export type FailureMode = (typeof FAILURE_MODES)[number] | `errcode:${number}`;
export const isFailureMode = (m: unknown): m is FailureMode =>
  typeof m === 'string' && ((FAILURE_MODES as readonly string[]).includes(m) || /^errcode:-?\d{1,6}$/.test(m));

export interface SentMessage {
  at: string;
  accessToken: string;
  touser: string;
  template_id: string;
  page?: string;
  data: Record<string, { value: string }>;
  miniprogram_state?: string;
  lang?: string;
}

export interface FakeWechatOptions {
  /** 0 or omitted = random free port. */
  port?: number;
  host?: string;
  users?: FakeWechatUser[];
  /** When set, jscode2session/token check them (40013 invalid appid, 40125 invalid secret). */
  appid?: string;
  secret?: string;
  /** Code lifetime (WeChat: 5 minutes). */
  codeTtlMs?: number;
  /** How long a `timeout` failure holds the request before dropping it. */
  timeoutHoldMs?: number;
  /** Log each request to stdout. */
  log?: boolean;
}

export interface FakeWechat {
  url: string;
  port: number;
  stop(): Promise<void>;
  /** Switch a failure on (for `forMs` only, when given: "down for a while") or off with null. */
  setFailure(endpoint: FailureEndpoint, mode: FailureMode | null, forMs?: number): void;
  /** Answer 43101 (the user refused or used up consent) to sends to `openid`. */
  refuse(openid: string, refused?: boolean): void;
  /** Every access token issued so far expires now (the next send answers 42001). */
  expireTokens(): void;
  /** How many access tokens were issued (token and stable_token calls that minted one). */
  tokensIssued(): number;
  /** Mint a code for `openid` (what POST /dev/code does). */
  mintCode(openid: string): string;
  messages(): SentMessage[];
  clearMessages(): void;
  users(): FakeWechatUser[];
}

const SYSTEM_ERROR = { errcode: -1, errmsg: 'system error' };
const CORS_HEADERS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, DELETE, OPTIONS',
  'access-control-allow-headers': 'content-type, authorization',
  'access-control-max-age': '600',
};

interface CodeEntry {
  openid: string;
  expiresAt: number;
  used: boolean;
}

function rid(): string {
  return randomBytes(8).toString('hex');
}

export async function startFakeWechat(opts: FakeWechatOptions = {}): Promise<FakeWechat> {
  const users = [...(opts.users ?? [])];
  const codeTtlMs = opts.codeTtlMs ?? 5 * 60_000;
  const holdMs = opts.timeoutHoldMs ?? 30_000;
  const codes = new Map<string, CodeEntry>();
  const tokens = new Map<string, number>(); // access_token → expiresAt
  const sessions = new Map<string, string>(); // openid → session_key (stable per openid, like WeChat within a session)
  const failures = new Map<FailureEndpoint, { mode: FailureMode; until: number | null }>();
  const refused = new Set<string>();
  let stable: { token: string; expiresAt: number } | null = null;
  let issued = 0;
  const sent: SentMessage[] = [];
  const held = new Set<ServerResponse>();

  const mintCode = (openid: string): string => {
    const now = Date.now();
    for (const [c, e] of codes) if (e.expiresAt < now - 60_000) codes.delete(c); // keep the map small
    const code = `fake-${rid()}${rid()}`;
    codes.set(code, { openid, expiresAt: now + codeTtlMs, used: false });
    return code;
  };

  const send = (res: ServerResponse, status: number, body: unknown, cors = false) => {
    const text = JSON.stringify(body);
    res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(text),
      ...(cors ? CORS_HEADERS : {}),
    });
    res.end(text);
  };

  /** Applies a switched-on failure; returns true when the request was handled by it. */
  const failed = (endpoint: FailureEndpoint, res: ServerResponse): boolean => {
    const f = failures.get(endpoint);
    if (f && f.until !== null && f.until <= Date.now()) failures.delete(endpoint);
    const mode = failures.get(endpoint)?.mode;
    if (!mode) return false;
    if (mode === 'errcode') send(res, 200, SYSTEM_ERROR);
    else if (mode.startsWith('errcode:')) send(res, 200, { errcode: Number(mode.slice(8)), errmsg: 'fake failure' });
    else if (mode === 'http500') send(res, 500, { errcode: -1, errmsg: 'internal server error' });
    else {
      // Hold the request without answering; drop the socket after holdMs.
      held.add(res);
      const t = setTimeout(() => {
        held.delete(res);
        res.socket?.destroy();
      }, holdMs);
      t.unref();
      res.on('close', () => {
        clearTimeout(t);
        held.delete(res);
      });
    }
    return true;
  };

  const readJson = async (req: IncomingMessage): Promise<unknown> => {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const c of req) {
      size += (c as Buffer).length;
      if (size > 1 << 20) throw new Error('body too large');
      chunks.push(c as Buffer);
    }
    const text = Buffer.concat(chunks).toString('utf8');
    return text ? JSON.parse(text) : {};
  };

  const tokenValid = (token: string | null): boolean => {
    if (!token) return false;
    const exp = tokens.get(token);
    return exp !== undefined && exp > Date.now();
  };
  /** 40001 for a token never issued, 42001 for one that expired (as WeChat tells them apart). */
  const tokenError = (token: string | null) =>
    token && tokens.has(token)
      ? { errcode: 42001, errmsg: 'access_token expired' }
      : { errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' };
  const mintToken = (): { token: string; expiresAt: number } => {
    const token = `fake-token-${rid()}${rid()}`;
    const expiresAt = Date.now() + 7200_000;
    tokens.set(token, expiresAt);
    issued += 1;
    return { token, expiresAt };
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://fake-wechat');
    const q = url.searchParams;
    const path = url.pathname;
    const method = req.method ?? 'GET';
    if (opts.log) console.log(`[fake-wechat] ${method} ${path}`);

    if (method === 'OPTIONS') {
      res.writeHead(204, CORS_HEADERS);
      res.end();
      return;
    }

    if (method === 'GET' && path === '/health') return send(res, 200, { ok: true }, true);

    // --- WeChat's protocol ---------------------------------------------------
    if (method === 'GET' && path === '/sns/jscode2session') {
      if (failed('jscode2session', res)) return;
      if (q.get('grant_type') !== 'authorization_code') return send(res, 200, { errcode: 40002, errmsg: 'invalid grant_type' });
      if (opts.appid && q.get('appid') !== opts.appid) return send(res, 200, { errcode: 40013, errmsg: 'invalid appid' });
      if (opts.secret && q.get('secret') !== opts.secret) return send(res, 200, { errcode: 40125, errmsg: 'invalid appsecret' });
      const code = q.get('js_code') ?? '';
      const entry = codes.get(code);
      if (!entry || entry.expiresAt < Date.now()) return send(res, 200, { errcode: 40029, errmsg: 'invalid code' });
      if (entry.used) return send(res, 200, { errcode: 40163, errmsg: 'code been used' });
      entry.used = true;
      let sessionKey = sessions.get(entry.openid);
      if (!sessionKey) {
        sessionKey = randomBytes(16).toString('base64');
        sessions.set(entry.openid, sessionKey);
      }
      return send(res, 200, { openid: entry.openid, session_key: sessionKey });
    }

    if (method === 'GET' && path === '/cgi-bin/token') {
      if (failed('token', res)) return;
      if (q.get('grant_type') !== 'client_credential') return send(res, 200, { errcode: 40002, errmsg: 'invalid grant_type' });
      if (opts.appid && q.get('appid') !== opts.appid) return send(res, 200, { errcode: 40013, errmsg: 'invalid appid' });
      if (opts.secret && q.get('secret') !== opts.secret) return send(res, 200, { errcode: 40125, errmsg: 'invalid appsecret' });
      const { token } = mintToken();
      return send(res, 200, { access_token: token, expires_in: 7200 });
    }

    // The stable token: the same token until it expires, unless force_refresh.
    if (method === 'POST' && path === '/cgi-bin/stable_token') {
      if (failed('token', res)) return;
      let body: { grant_type?: unknown; appid?: unknown; secret?: unknown; force_refresh?: unknown };
      try {
        body = (await readJson(req)) as typeof body;
      } catch {
        return send(res, 200, { errcode: 47001, errmsg: 'data format error' });
      }
      if (body.grant_type !== 'client_credential') return send(res, 200, { errcode: 40002, errmsg: 'invalid grant_type' });
      if (opts.appid && body.appid !== opts.appid) return send(res, 200, { errcode: 40013, errmsg: 'invalid appid' });
      if (opts.secret && body.secret !== opts.secret) return send(res, 200, { errcode: 40125, errmsg: 'invalid appsecret' });
      if (!stable || stable.expiresAt <= Date.now() || body.force_refresh === true) stable = mintToken();
      return send(res, 200, { access_token: stable.token, expires_in: Math.floor((stable.expiresAt - Date.now()) / 1000) });
    }

    if (method === 'POST' && path === '/cgi-bin/message/subscribe/send') {
      if (failed('subscribe', res)) return;
      const token = q.get('access_token');
      if (!tokenValid(token)) return send(res, 200, tokenError(token));
      let body: Partial<SentMessage>;
      try {
        body = (await readJson(req)) as Partial<SentMessage>;
      } catch {
        return send(res, 200, { errcode: 47001, errmsg: 'data format error' });
      }
      if (!body.touser) return send(res, 200, { errcode: 40003, errmsg: 'invalid openid' });
      if (!body.template_id) return send(res, 200, { errcode: 40037, errmsg: 'invalid template_id' });
      if (!body.data || typeof body.data !== 'object') return send(res, 200, { errcode: 47003, errmsg: 'argument invalid! data is empty' });
      if (refused.has(body.touser)) return send(res, 200, { errcode: 43101, errmsg: 'user refuse to accept the msg' });
      sent.push({ ...(body as SentMessage), accessToken: token!, at: new Date().toISOString() });
      return send(res, 200, { errcode: 0, errmsg: 'ok', msgid: Date.now() });
    }

    if (method === 'POST' && path === '/wxa/msg_sec_check') {
      if (failed('msg_sec_check', res)) return;
      if (!tokenValid(q.get('access_token'))) return send(res, 200, { errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' });
      try {
        await readJson(req);
      } catch {
        return send(res, 200, { errcode: 47001, errmsg: 'data format error' });
      }
      return send(res, 200, {
        errcode: 0,
        errmsg: 'ok',
        result: { suggest: 'pass', label: 100 },
        detail: [{ strategy: 'content_model', errcode: 0, suggest: 'pass', label: 100, prob: 90 }],
        trace_id: rid(),
      });
    }

    // --- dev endpoints (CORS) ------------------------------------------------
    if (path.startsWith('/dev/')) {
      if (method === 'GET' && path === '/dev/users') return send(res, 200, users, true);
      if (method === 'POST' && path === '/dev/code') {
        let body: { openid?: unknown };
        try {
          body = (await readJson(req)) as { openid?: unknown };
        } catch {
          return send(res, 400, { error: 'invalid JSON' }, true);
        }
        if (typeof body.openid !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(body.openid)) {
          return send(res, 400, { error: 'openid required' }, true);
        }
        return send(res, 200, { code: mintCode(body.openid) }, true);
      }
      if (method === 'POST' && path === '/dev/failures') {
        let body: { endpoint?: unknown; mode?: unknown; forMs?: unknown };
        try {
          body = (await readJson(req)) as typeof body;
        } catch {
          return send(res, 400, { error: 'invalid JSON' }, true);
        }
        const endpoint = body.endpoint as FailureEndpoint;
        const mode = (body.mode ?? null) as FailureMode | null;
        if (!FAILURE_ENDPOINTS.includes(endpoint)) return send(res, 400, { error: `endpoint must be one of ${FAILURE_ENDPOINTS.join(', ')}` }, true);
        if (mode !== null && !isFailureMode(mode)) return send(res, 400, { error: `mode must be null, errcode:<n> or one of ${FAILURE_MODES.join(', ')}` }, true);
        const forMs = typeof body.forMs === 'number' && body.forMs > 0 ? body.forMs : undefined;
        api.setFailure(endpoint, mode, forMs);
        return send(res, 200, { failures: failureModes() }, true);
      }
      if (method === 'GET' && path === '/dev/failures') return send(res, 200, { failures: failureModes() }, true);
      if (method === 'POST' && path === '/dev/refusals') {
        let body: { openid?: unknown; refused?: unknown };
        try {
          body = (await readJson(req)) as typeof body;
        } catch {
          return send(res, 400, { error: 'invalid JSON' }, true);
        }
        if (typeof body.openid !== 'string') return send(res, 400, { error: 'openid required' }, true);
        api.refuse(body.openid, body.refused !== false);
        return send(res, 200, { ok: true }, true);
      }
      if (method === 'POST' && path === '/dev/expire-tokens') {
        api.expireTokens();
        return send(res, 200, { ok: true }, true);
      }
      if (method === 'GET' && path === '/dev/messages') return send(res, 200, sent, true);
      if (method === 'DELETE' && path === '/dev/messages') {
        sent.length = 0;
        return send(res, 200, { ok: true }, true);
      }
    }

    send(res, 404, { errcode: 404, errmsg: `not found: ${method} ${path}` }, path.startsWith('/dev/'));
  };

  const failureModes = () => Object.fromEntries([...failures].map(([e, f]) => [e, f.mode]));

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) send(res, 500, { errcode: -1, errmsg: `fake error: ${(err as Error).message}` });
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 5_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  const api: FakeWechat = {
    url: `http://127.0.0.1:${port}`,
    port,
    setFailure(endpoint, mode, forMs) {
      if (mode) failures.set(endpoint, { mode, until: forMs ? Date.now() + forMs : null });
      else failures.delete(endpoint);
    },
    refuse(openid, on = true) {
      if (on) refused.add(openid);
      else refused.delete(openid);
    },
    expireTokens() {
      for (const t of tokens.keys()) tokens.set(t, 0);
      stable = null;
    },
    tokensIssued: () => issued,
    mintCode,
    messages: () => [...sent],
    clearMessages: () => {
      sent.length = 0;
    },
    users: () => [...users],
    stop: () =>
      new Promise<void>((resolve) => {
        for (const r of held) r.socket?.destroy();
        held.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  return api;
}

// --- CLI ---------------------------------------------------------------------
function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  let users: FakeWechatUser[] = [];
  try {
    const { residents } = await import('./seed/data');
    users = residents.map((r) => ({ openid: r.openid, label: r.label }));
  } catch {
    /* no seed data: no picker users */
  }
  const fake = await startFakeWechat({
    port: Number(arg('port') ?? process.env.FAKE_WECHAT_PORT ?? 3100),
    host: arg('host'),
    appid: arg('appid') ?? process.env.WECHAT_APPID,
    secret: arg('secret') ?? process.env.WECHAT_SECRET,
    users,
    log: process.argv.includes('--log'),
  });
  console.log(`假微信接口（fake WeChat API）: ${fake.url}  （演示用户 ${users.length} 个；Ctrl-C 退出）`);
  const stop = () => void fake.stop().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
