// The one HTTP adapter: route → parse input with the shared schemas → check
// the caller → run the handler → JSON out, errors mapped in one place.
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type * as z from 'zod/mini';
import { routes, type RouteDef, type RouteKey } from '../../shared/routes';
import type { StaffRole } from '../../shared/enums';
import { AppError, badRequest, forbidden, tooLarge, TooManyRequestsError, unauthorized, unsupportedMediaType } from './errors';
import { describeError, log } from './log';
import { parseInput } from './validation';
import { ddbCallCount, resetDdbCallCount } from '../store/client';
import { ContentionError } from '../store/transact';
import { UnprocessedKeysError } from '../store/batch';

export const MAX_BODY_BYTES = 64 * 1024;

export interface ResidentPrincipal {
  kind: 'resident';
  residentId: string;
}
export interface StaffPrincipal {
  kind: 'staff';
  username: string;
  role: StaffRole;
  departmentId: string | null;
  regionCode: string;
}

type Routes = typeof routes;
type Part<K extends RouteKey, P extends string> = Routes[K] extends { [Q in P]: infer S }
  ? S extends z.ZodMiniType
    ? z.infer<S>
    : undefined
  : undefined;
type PrincipalOf<K extends RouteKey> = Routes[K]['auth'] extends 'resident'
  ? ResidentPrincipal
  : Routes[K]['auth'] extends 'staff'
    ? StaffPrincipal
    : null;

export interface Request<K extends RouteKey> {
  params: Part<K, 'params'>;
  query: Part<K, 'query'>;
  body: Part<K, 'body'>;
  principal: PrincipalOf<K>;
  requestId: string;
}
export type Response<K extends RouteKey> = z.infer<Routes[K]['response']>;
export type RouteHandlers<K extends RouteKey> = { [P in K]: (req: Request<P>) => Promise<Response<P>> };

/** The event as the HTTP API hands it over after a Lambda authorizer. */
export type HttpEvent = APIGatewayProxyEventV2 & {
  requestContext: { authorizer?: { lambda?: Record<string, unknown> } };
};

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };

function principalFrom(event: HttpEvent, auth: string): ResidentPrincipal | StaffPrincipal | null {
  if (auth === 'public') return null;
  const ctx = event.requestContext.authorizer?.lambda ?? {};
  if (auth === 'resident' && ctx.kind === 'resident' && typeof ctx.sub === 'string') {
    return { kind: 'resident', residentId: ctx.sub };
  }
  if (auth === 'staff' && ctx.kind === 'staff' && typeof ctx.sub === 'string') {
    return {
      kind: 'staff',
      username: ctx.sub,
      role: ctx.role as StaffRole,
      departmentId: typeof ctx.dept === 'string' && ctx.dept ? ctx.dept : null,
      regionCode: String(ctx.region ?? ''),
    };
  }
  // The authorizer should have stopped this; never serve without a principal.
  throw unauthorized();
}

/** `application/json`, with or without parameters (`; charset=utf-8`). */
export const isJsonContentType = (value: string | undefined) => !!value && /^application\/json\s*(;|$)/i.test(value.trim());

function headerOf(event: HttpEvent, name: string): string | undefined {
  for (const [k, v] of Object.entries(event.headers ?? {})) if (k.toLowerCase() === name) return v;
  return undefined;
}

/** The JSON body of a route that takes one; a form or text body is refused before it is parsed. */
function readBody(event: HttpEvent): unknown {
  if (event.body == null || event.body === '') return undefined;
  const raw = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  if (Buffer.byteLength(raw, 'utf8') > MAX_BODY_BYTES) throw tooLarge(`请求内容不能超过 ${MAX_BODY_BYTES / 1024} KB`);
  if (!isJsonContentType(headerOf(event, 'content-type'))) {
    throw unsupportedMediaType('请求内容应为 JSON（Content-Type: application/json）');
  }
  try {
    return JSON.parse(raw);
  } catch {
    throw badRequest('请求内容不是有效的 JSON');
  }
}

/** A route that produces a file (CSV): the handler's text as is, to be saved rather than shown. */
function fileReply(status: number, text: string, contentType: string, path: string, ddbCalls: number): APIGatewayProxyStructuredResultV2 {
  const filename = path.split('/').pop() ?? 'download';
  return {
    statusCode: status,
    headers: { 'content-type': `${contentType}; charset=utf-8`, 'content-disposition': `attachment; filename="${filename}"`, 'cache-control': 'no-store', 'x-ddb-calls': String(ddbCalls) },
    body: text,
  };
}

function reply(status: number, body: unknown, ddbCalls: number, headers: Record<string, string> = {}): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode: status,
    headers: { ...JSON_HEADERS, 'x-ddb-calls': String(ddbCalls), ...headers },
    body: JSON.stringify(body),
  };
}

export function httpHandler<K extends RouteKey>(handlers: RouteHandlers<K>) {
  return async (event: HttpEvent): Promise<APIGatewayProxyStructuredResultV2> => {
    const started = Date.now();
    const requestId = event.requestContext?.requestId ?? 'local';
    const routeKey = event.routeKey as K;
    resetDdbCallCount();
    let status = 500;
    let result: APIGatewayProxyStructuredResultV2;
    try {
      const def = routes[routeKey] as Routes[RouteKey] | undefined;
      const handle = handlers[routeKey] as ((req: unknown) => Promise<unknown>) | undefined;
      if (!def || !handle) throw new AppError(404, 'NOT_FOUND', '接口不存在');
      const principal = principalFrom(event, def.auth);
      if (principal?.kind === 'staff' && 'roles' in def && !(def.roles as readonly string[]).includes(principal.role)) {
        throw forbidden('当前角色无权执行此操作');
      }
      const params = 'params' in def ? parseInput(def.params, event.pathParameters ?? {}, '路径参数') : undefined;
      const query = 'query' in def ? parseInput(def.query, event.queryStringParameters ?? {}, '查询参数') : undefined;
      // A route without a body ignores whatever came along: it needs no content type.
      const body = 'body' in def ? parseInput(def.body, readBody(event), '请求内容') : undefined;
      const data = await handle({ params, query, body, principal, requestId });
      status = ('status' in def ? def.status : undefined) ?? 200;
      const produces = (def as RouteDef).produces;
      result = produces
        ? fileReply(status, String(data), produces, def.path, ddbCallCount())
        : reply(status, data, ddbCallCount());
    } catch (err) {
      if (err instanceof AppError) {
        status = err.status;
        const retryAfter = err instanceof TooManyRequestsError ? err.retryAfter : undefined;
        result = reply(
          status,
          { code: err.code, message: err.message, ...(err.fields ? { fields: err.fields } : {}), ...(retryAfter ? { retryAfter } : {}) },
          ddbCallCount(),
          retryAfter ? { 'retry-after': String(retryAfter) } : {},
        );
      } else if (err instanceof ContentionError || err instanceof UnprocessedKeysError) {
        // Contention or throttling that outlasted the retries: busy, not broken, and not the caller's fault.
        status = 503;
        log.warn('busy', { requestId, routeKey, ...describeError(err) });
        result = reply(503, { code: 'BUSY', message: '办理的人较多，请稍后重试' }, ddbCallCount());
      } else {
        status = 500;
        log.error('unhandled', { requestId, routeKey, ...describeError(err) });
        result = reply(500, { code: 'INTERNAL', message: '服务暂时不可用，请稍后重试' }, ddbCallCount());
      }
    }
    log.info('request', { requestId, routeKey, status, ms: Date.now() - started, ddbCalls: ddbCallCount() });
    return result;
  };
}
