// The API contract: every route with its auth, roles and schemas. The backend
// parses with these, /openapi.json is generated from them, and a test keeps
// serverless.yml in step with this table.
import * as z from 'zod/mini';
import type { StaffRole } from './enums';
import { ErrorBody, OkResponse } from './schemas/common';
import { RegionsResponse, DepartmentsResponse } from './schemas/regions';
import {
  ServiceCodeParams,
  ServiceItem,
  ServiceItemCreate,
  ServiceItemUpdate,
  ServicesQuery,
  ServicesResponse,
} from './schemas/catalog';
import {
  Me,
  ResidentSession,
  StaffLoginRequest,
  StaffProfile,
  StaffSession,
  UpdateMeRequest,
  WechatLoginRequest,
} from './schemas/auth';
import { ContactsResponse } from './schemas/contacts';
import { CalendarOverrideRequest, CalendarYear, CalendarYearParams } from './schemas/calendar';

export type Auth = 'public' | 'resident' | 'staff';

export interface RouteDef {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  /** The Lambda function (serverless.yml key) that serves it. */
  fn: string;
  auth: Auth;
  /** Staff roles allowed; omitted means any staff role. */
  roles?: readonly StaffRole[];
  summary: string;
  params?: z.ZodMiniType;
  query?: z.ZodMiniType;
  body?: z.ZodMiniType;
  response: z.ZodMiniType;
  /** HTTP status of success (200 unless stated). */
  status?: number;
}

export const routes = {
  'POST /auth/wechat': {
    method: 'POST', path: '/auth/wechat', fn: 'auth', auth: 'public',
    summary: '微信登录：以 wx.login 的 code 换取会话', body: WechatLoginRequest, response: ResidentSession,
  },
  'GET /me': {
    method: 'GET', path: '/me', fn: 'me', auth: 'resident', summary: '我的资料', response: Me,
  },
  'PUT /me': {
    method: 'PUT', path: '/me', fn: 'me', auth: 'resident', summary: '修改我的资料', body: UpdateMeRequest, response: Me,
  },
  'GET /regions': {
    method: 'GET', path: '/regions', fn: 'catalog', auth: 'public', summary: '行政区划（县、镇、村、组）', response: RegionsResponse,
  },
  'GET /departments': {
    method: 'GET', path: '/departments', fn: 'catalog', auth: 'public', summary: '部门列表', response: DepartmentsResponse,
  },
  'GET /services': {
    method: 'GET', path: '/services', fn: 'catalog', auth: 'public',
    summary: '事项目录：关键词搜索，按类别、部门、办理层级筛选', query: ServicesQuery, response: ServicesResponse,
  },
  'GET /services/{code}': {
    method: 'GET', path: '/services/{code}', fn: 'catalog', auth: 'public',
    summary: '事项详情（办事指南、材料清单、时限）', params: ServiceCodeParams, response: ServiceItem,
  },
  'GET /contacts': {
    method: 'GET', path: '/contacts', fn: 'me', auth: 'resident',
    summary: '领导干部公开联系表与我的包联干部', response: ContactsResponse,
  },
  'POST /admin/auth/login': {
    method: 'POST', path: '/admin/auth/login', fn: 'adminAuth', auth: 'public',
    summary: '工作人员登录', body: StaffLoginRequest, response: StaffSession,
  },
  'GET /admin/me': {
    method: 'GET', path: '/admin/me', fn: 'adminAuth', auth: 'staff', summary: '当前工作人员', response: StaffProfile,
  },
  'POST /admin/services': {
    method: 'POST', path: '/admin/services', fn: 'adminCatalog', auth: 'staff', roles: ['admin'],
    summary: '新增事项', body: ServiceItemCreate, response: ServiceItem, status: 201,
  },
  'PUT /admin/services/{code}': {
    method: 'PUT', path: '/admin/services/{code}', fn: 'adminCatalog', auth: 'staff', roles: ['admin'],
    summary: '修改事项（乐观并发：携带 version）', params: ServiceCodeParams, body: ServiceItemUpdate, response: ServiceItem,
  },
  'GET /admin/calendar/{year}': {
    method: 'GET', path: '/admin/calendar/{year}', fn: 'adminCalendar', auth: 'staff',
    summary: '某年的工作日历（官方或管理员发布）', params: CalendarYearParams, response: CalendarYear,
  },
  'PUT /admin/calendar/{year}': {
    method: 'PUT', path: '/admin/calendar/{year}', fn: 'adminCalendar', auth: 'staff', roles: ['admin'],
    summary: '发布某年的节假日与调休上班日', params: CalendarYearParams, body: CalendarOverrideRequest, response: CalendarYear,
  },
  'GET /openapi.json': {
    method: 'GET', path: '/openapi.json', fn: 'openapi', auth: 'public', summary: 'OpenAPI 文档', response: z.unknown(),
  },
} as const satisfies Record<string, RouteDef>;

export type RouteKey = keyof typeof routes;
export { ErrorBody, OkResponse };
