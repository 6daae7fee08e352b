// In-process HTTP API: what API Gateway does for a request (route match,
// Lambda authorizer, 401/403, event shape), then the real handler. Every
// successful response is parsed with the route's shared response schema.
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type * as z from 'zod/mini';
import { routes, type RouteDef } from '../../shared/routes';
import type { ErrorBody } from '../../shared/schemas/common';
import * as authorizers from '../../functions/http/authorizers';
import type { HttpEvent } from '../../functions/lib/http';

type Handler = (event: HttpEvent) => Promise<APIGatewayProxyStructuredResultV2>;

// serverless.yml function name → handler module (a test checks they agree).
const modules: Record<string, () => Promise<{ handler: Handler }>> = {
  auth: () => import('../../functions/http/auth'),
  me: () => import('../../functions/http/me'),
  uploads: () => import('../../functions/http/uploads'),
  privacy: () => import('../../functions/http/privacy'),
  catalog: () => import('../../functions/http/catalog'),
  openapi: () => import('../../functions/http/openapi'),
  adminAuth: () => import('../../functions/http/admin-auth'),
  adminHome: () => import('../../functions/http/admin-home'),
  adminCatalog: () => import('../../functions/http/admin-catalog'),
  adminCalendar: () => import('../../functions/http/admin-calendar'),
  places: () => import('../../functions/http/places'),
  appointments: () => import('../../functions/http/appointments'),
  adminAppointments: () => import('../../functions/http/admin-appointments'),
  applications: () => import('../../functions/http/applications'),
  adminApplications: () => import('../../functions/http/admin-applications'),
  ratings: () => import('../../functions/http/ratings'),
  adminRatings: () => import('../../functions/http/admin-ratings'),
  commitments: () => import('../../functions/http/commitments'),
  adminCommitments: () => import('../../functions/http/admin-commitments'),
  inbox: () => import('../../functions/http/inbox'),
  adminNotices: () => import('../../functions/http/admin-notices'),
  demands: () => import('../../functions/http/demands'),
  adminDemands: () => import('../../functions/http/admin-demands'),
  adminAccountability: () => import('../../functions/http/admin-accountability'),
  adminReports: () => import('../../functions/http/admin-reports'),
  open311: () => import('../../functions/http/open311'),
  adminHouseholds: () => import('../../functions/http/admin-households'),
  households: () => import('../../functions/http/households'),

  posts: () => import('../../functions/http/posts'),
  adminPosts: () => import('../../functions/http/admin-posts'),
};

// ---------------------------------------------------------------- the contract's types
// A test names a concrete path (`/admin/tickets/${id}`); the compiler finds the
// route it reaches in shared/routes.ts and types the body it sends and the answer.

type Routes = typeof routes;
export type RouteKey = keyof Routes;
type Method = RouteDef['method'];

type Segments<S extends string> = S extends `${infer H}/${infer T}` ? [H, ...Segments<T>] : [S];
/** A `{name}` segment takes any one segment; a fixed one only itself (a `${string}` piece is not known to be it). */
type SegmentsMatch<A extends string[], P extends string[]> = A extends [infer A0 extends string, ...infer AR extends string[]]
  ? P extends [infer P0 extends string, ...infer PR extends string[]]
    ? (P0 extends `{${string}}` ? true : string extends A0 ? false : A0 extends P0 ? true : false) extends true
      ? SegmentsMatch<AR, PR>
      : false
    : false
  : P extends []
    ? true
    : false;

/** The route a method and concrete path reach, e.g. `RouteAt<'GET', `/admin/tickets/${string}`>` is `'GET /admin/tickets/{id}'`. */
export type RouteAt<M extends Method, P extends string> = P extends string
  ? { [K in RouteKey]: K extends `${M} ${infer T extends string}` ? (SegmentsMatch<Segments<P>, Segments<T>> extends true ? K : never) : never }[RouteKey]
  : never;

/** The success body of a route (the response schema's output); unknown when no route is known. */
export type RouteResponse<K> = [K] extends [never] ? unknown : K extends RouteKey ? Walkable<z.output<Routes[K]['response']>> : unknown;
/**
 * The one route the contract leaves untyped is GET /openapi.json (`z.unknown()`): a JSON
 * document the tests walk by hand, so it stays free-form.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Walkable<T> = unknown extends T ? any : T;

export interface CallOptions {
  token?: string;
  body?: unknown;
  /** Sent as is (for malformed JSON tests). */
  rawBody?: string;
  /** The Content-Type header; `null` sends none (default application/json). */
  contentType?: string | null;
  query?: Record<string, string>;
}

/** A success has the route's body; an error (400, 403, 409 …) our `ErrorBody`, hence its fields are optional here. */
export interface ApiResponse<T = unknown> {
  status: number;
  body: T & Partial<ErrorBody>;
  headers: Record<string, string>;
}

/** What API Gateway answers itself (no route, no or a refused token): `{message}` only. */
function gatewayAnswer<T>(status: number, message: string): ApiResponse<T> {
  return { status, body: { message } as ApiResponse<T>['body'], headers: {} };
}

function match(method: string, path: string) {
  for (const [routeKey, def] of Object.entries(routes) as [string, RouteDef][]) {
    if (def.method !== method) continue;
    const names: string[] = [];
    const re = new RegExp('^' + def.path.replace(/\{(\w+)\}/g, (_, n: string) => (names.push(n), '([^/]+)')) + '$');
    const m = re.exec(path);
    if (m) {
      const pathParameters = Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(m[i + 1]!)]));
      return { routeKey, def, pathParameters };
    }
  }
  return undefined;
}

export async function call<M extends Method, P extends string, T = RouteResponse<RouteAt<M, P>>>(
  method: M,
  path: P,
  opts: CallOptions = {},
): Promise<ApiResponse<T>> {
  const found = match(method, path);
  if (!found) return gatewayAnswer(404, 'Not Found');
  const { routeKey, def, pathParameters } = found;
  const headers: Record<string, string> = {};
  if (opts.contentType !== null) headers['content-type'] = opts.contentType ?? 'application/json';
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  let lambda: Record<string, string> | undefined;
  if (def.auth !== 'public') {
    if (!opts.token) return gatewayAnswer(401, 'Unauthorized');
    const authorize = def.auth === 'resident' ? authorizers.resident : authorizers.staff;
    try {
      const result = await authorize({ headers, identitySource: [headers.authorization!], routeKey } as never);
      if (!result.isAuthorized) return gatewayAnswer(403, 'Forbidden');
      lambda = result.context;
    } catch {
      return gatewayAnswer(401, 'Unauthorized');
    }
  }
  const event = {
    version: '2.0',
    routeKey,
    rawPath: path,
    rawQueryString: new URLSearchParams(opts.query ?? {}).toString(),
    headers,
    queryStringParameters: opts.query,
    pathParameters: Object.keys(pathParameters).length ? pathParameters : undefined,
    body: opts.rawBody ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body)),
    isBase64Encoded: false,
    requestContext: { requestId: `test-${Math.random().toString(36).slice(2)}`, authorizer: lambda ? { lambda } : undefined },
  } as unknown as HttpEvent;
  const { handler } = await modules[def.fn]!();
  const res = await handler(event);
  // A file route (CSV) answers text; everything else, errors included, is JSON.
  const isFile = String(res.headers?.['content-type'] ?? '').startsWith('text/csv');
  const body = isFile ? String(res.body) : JSON.parse(String(res.body));
  const status = res.statusCode ?? 200;
  if (status < 300) def.response.parse(body);
  return { status, body, headers: (res.headers ?? {}) as Record<string, string> };
}

export const modulesByFunction = Object.keys(modules);
