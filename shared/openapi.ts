// /openapi.json, generated from the route table and its zod schemas.
import * as z from 'zod/mini';
import { routes, type RouteDef } from './routes';
import { ErrorBody, GatewayErrorBody } from './schemas/common';

type JsonSchema = { properties?: Record<string, unknown>; required?: string[] } & Record<string, unknown>;

const toSchema = (s: z.ZodMiniType): JsonSchema => {
  const { $schema: _drop, ...rest } = z.toJSONSchema(s, { unrepresentable: 'any', io: 'input' }) as JsonSchema;
  return rest;
};

function parameters(schema: z.ZodMiniType | undefined, where: 'path' | 'query') {
  if (!schema) return [];
  const js = toSchema(schema);
  return Object.entries(js.properties ?? {}).map(([name, s]) => ({
    name,
    in: where,
    required: where === 'path' || (js.required ?? []).includes(name),
    schema: s,
  }));
}

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});
/** API Gateway's Lambda authorizers answer 401/403 themselves with `{message}`; the handlers' own 401/403 are ours. */
const authResponse = (description: string) => ({
  description: `${description}（网关授权器的应答为 {"message": "Unauthorized"} 或 {"message": "Forbidden"}，没有 code）`,
  content: {
    'application/json': { schema: { oneOf: [{ $ref: '#/components/schemas/GatewayError' }, { $ref: '#/components/schemas/Error' }] } },
  },
});

export function buildOpenApi() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const def of Object.values(routes) as RouteDef[]) {
    const op: Record<string, unknown> = {
      summary: def.summary,
      operationId: `${def.method.toLowerCase()}${def.path.replace(/[{}]/g, '').replace(/\/(\w)/g, (_, c: string) => c.toUpperCase()).replace(/[^\w]/g, '')}`,
      tags: [def.auth === 'staff' || def.path.startsWith('/admin') ? 'admin' : 'resident'],
      parameters: [...parameters(def.params, 'path'), ...parameters(def.query, 'query')],
      responses: {
        [String(def.status ?? 200)]: { description: '成功', content: { [def.produces ?? 'application/json']: { schema: toSchema(def.response) } } },
        400: errorResponse('请求参数有误'),
        ...(def.auth !== 'public' ? { 401: authResponse('未登录或登录已过期'), 403: authResponse('无权访问') } : {}),
        404: errorResponse('记录不存在'),
        409: errorResponse('状态冲突'),
        ...(def.throttled ? { 429: errorResponse('尝试过于频繁：retryAfter 秒后再试（同 Retry-After 头）') } : {}),
        ...(def.body
          ? { 413: errorResponse('请求内容超过 64 KB'), 415: errorResponse('请求内容不是 JSON（Content-Type 应为 application/json）') }
          : {}),
      },
    };
    if (def.body) op.requestBody = { required: true, content: { 'application/json': { schema: toSchema(def.body) } } };
    if (def.auth !== 'public') op.security = [{ [def.auth === 'staff' ? 'staffToken' : 'residentToken']: [] }];
    (paths[def.path] ??= {})[def.method.toLowerCase()] = op;
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Banshi 办事 API', version: '1.0.0', description: '县域居民办事小程序与工作台的接口' },
    paths,
    components: {
      schemas: { Error: toSchema(ErrorBody), GatewayError: toSchema(GatewayErrorBody) },
      securitySchemes: {
        residentToken: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: '居民会话（POST /auth/wechat）' },
        staffToken: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: '工作人员会话（POST /admin/auth/login）' },
      },
    },
  };
}
