// The API contract: every route with its auth, roles and schemas. The backend
// parses with these, /openapi.json is generated from them, and a test keeps
// serverless.yml in step with this table.
import * as z from 'zod/mini';
import type { StaffRole } from './enums';
import { ErrorBody, OkResponse, PageQuery } from './schemas/common';
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
import { UploadRequest, UploadTicket } from './schemas/uploads';
import {
  AppointmentParams, Appointment, AppointmentsResponse, BookRequest, CancelRequest, CapacityRequest, CheckInRequest,
  CloseDayParams, CloseRequest, CloseResult, ReopenRequest, ReopenResult, DayQuery, DayResponse, Place, PlaceParams, PlacesQuery, PlacesResponse,
  PointInput, RescheduleRequest, RovingInput, SlotParams, Slot, SlotsQuery, SlotsResponse, StaffActionRequest,
} from './schemas/appointments';
import {
  AlertsQuery, AlertsResponse, PhotosResponse, ApplicationDetail, ApplicationParams, ApplicationsResponse, ApplyRequest, ProxyAssignBody, ProxyStepBody, QueueQuery,
  StaffActionBody, SupplementRequest, WithdrawRequest,
} from './schemas/applications';
import {
  AppealDecisionBody, DashboardQuery, DashboardResponse, MyRatingsResponse, PublicSatisfactionResponse, RateRequest, Rating,
  TicketActionBody, TicketDetail, TicketParams, TicketsQuery, TicketsResponse,
} from './schemas/ratings';
import { CalendarOverrideRequest, CalendarYear, CalendarYearParams } from './schemas/calendar';
import {
  ConsultAnsweredRequest, DemandActionBody, DemandDetail, DemandLimits, DemandLimitsUpdate, DemandParams, DemandsQuery, DemandsResponse,
  EvaluationRequest, FileDemandRequest, IntakeDemandRequest, KnowledgeEntry, KnowledgeQuery, KnowledgeResponse, ProvideInfoRequest,
  PublishKnowledgeRequest, ReopenDemandRequest, StaffDemandDetail,
} from './schemas/demands';
import {
  AccountabilityResponse, Apology, ApologyDoneRequest, ApologyParams, ComplaintCase, ComplaintParams, ComplaintsResponse, DecisionRequest,
  LadderActionRequest, LadderPerson, OpenComplaintRequest, StaffParams, StatementRequest,
} from './schemas/accountability';
import { MonthlyReport, MonthlyReportQuery } from './schemas/reports';
import { AdminHome } from './schemas/workbench';
import {
  Open311RequestParams, Open311Requests, Open311RequestsQuery, Open311ServiceDefinition, Open311ServiceParams, Open311Services,
} from './schemas/open311';
import { BindWechatRequest, DeadPushesResponse, InboxParams, InboxResponse, SubscriptionsRequest, SubscriptionsResponse, UnreadResponse } from './schemas/inbox';
import { AccountDeletion, DeleteAccountRequest, FullViewsResponse, PersonalDataExport, PrivacyConsent, PrivacyConsentRequest, PrivacyNotice } from './schemas/privacy';
import {
  Card, CardParams, CardsQuery, CardsResponse, CommitmentParams, CommitmentRating, DoneRequest, PostCardRequest, ProgressRequest, PublicCardsQuery,
  PublicCardsResponse, RateCommitmentRequest,
} from './schemas/commitments';
import { Notice, NoticeInput, NoticeParams, NoticePreview, NoticesResponse, NoticeTarget, NoticeUpdate, NoticeVersionBody, ResidentNotice } from './schemas/notices';
import {
  CoverageQuery, CoverageResponse, CreateHouseholdRequest, DeactivateHouseholdRequest, HouseholdDetail, HouseholdParams, HouseholdsQuery, HouseholdsResponse,
  HouseholdSummary, MyHouseholdContact, RecordContactRequest, RecordContactResponse, UpdateHouseholdRequest,
} from './schemas/households';
import {
  AbsenceCancelRequest, AbsenceParams, AbsenceRequest, AbsencesQuery, AbsencesResponse, BackupRequest, DeskStatus, Post, PostsQuery, PostsResponse, Reception,
  ReceptionBookRequest, ReceptionHostsResponse, ReceptionInput, ReceptionParams, ReceptionsResponse,
} from './schemas/posts';

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
  /** Answers 429 (`retryAfter`, Retry-After) when one caller tries too often. */
  throttled?: true;
  /** A file instead of JSON: the handler returns the text, sent with this type as an attachment. */
  produces?: 'text/csv';
}

/** Staff who run a service point's desk (the day list, check-in, closing and reopening); agents run none. */
const DESK_ROLES: readonly StaffRole[] = ['clerk', 'dept_head', 'supervisor', 'admin'];
/** Who reads the monthly report (a department head: their department and the county's totals). */
const REPORT_READERS: readonly StaffRole[] = ['supervisor', 'admin', 'dept_head'];
/** Who decides complaints and keeps the accountability ladder. */
const SUPERVISORS: readonly StaffRole[] = ['supervisor', 'admin'];
/** Who writes notices: department heads (their department's) and admins. */
const NOTICE_EDITORS: readonly StaffRole[] = ['dept_head', 'admin'];
/** Who posts service-commitment cards: paired cadres (their own) and department heads (their department's). */
const CARD_AUTHORS: readonly StaffRole[] = ['agent', 'dept_head'];

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
  'GET /privacy': {
    method: 'GET', path: '/privacy', fn: 'privacy', auth: 'public', summary: '隐私政策（当前版本与全文）', response: PrivacyNotice,
  },
  'POST /me/privacy-consent': {
    method: 'POST', path: '/me/privacy-consent', fn: 'privacy', auth: 'resident',
    summary: '同意当前版本的隐私政策（记录版本与时间；政策更新后需重新同意）', body: PrivacyConsentRequest, response: PrivacyConsent,
  },
  'GET /me/export': {
    method: 'GET', path: '/me/export', fn: 'privacy', auth: 'resident',
    summary: '导出我的个人信息：资料、预约、办件及进度、评价、诉求、消息（JSON 与中文摘要；留痕）', response: PersonalDataExport,
  },
  'POST /me/delete': {
    method: 'POST', path: '/me/delete', fn: 'privacy', auth: 'resident',
    summary: '注销账号：删除或匿名化个人信息，依法保留的记录去除身份关联并说明原因（留痕）', body: DeleteAccountRequest, response: AccountDeletion,
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
  'POST /uploads': {
    method: 'POST', path: '/uploads', fn: 'uploads', auth: 'resident',
    summary: '上传材料照片：签发直传 S3 的预签名地址（10 分钟内有效，限定类型与大小）', body: UploadRequest, response: UploadTicket, status: 201,
  },
  'POST /admin/auth/login': {
    method: 'POST', path: '/admin/auth/login', fn: 'adminAuth', auth: 'public',
    summary: '工作人员登录（同一用户名 15 分钟内密码错误 5 次即锁定 15 分钟）', body: StaffLoginRequest, response: StaffSession, throttled: true,
  },
  'GET /admin/me': {
    method: 'GET', path: '/admin/me', fn: 'adminAuth', auth: 'staff', summary: '当前工作人员', response: StaffProfile,
  },
  'GET /admin/home': {
    method: 'GET', path: '/admin/home', fn: 'adminHome', auth: 'staff',
    summary: '工作台首页计数：今日预约、待办办件、超期、整改单、诉求（按角色，无关的为 null）', response: AdminHome,
  },
  'POST /admin/me/wechat': {
    method: 'POST', path: '/admin/me/wechat', fn: 'adminAuth', auth: 'staff',
    summary: '绑定微信（wx.login 的 code），部门负责人每天早上收到督办提醒推送；可附订阅授权结果', body: BindWechatRequest, response: StaffProfile,
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
  'GET /services/{code}/places': {
    method: 'GET', path: '/services/{code}/places', fn: 'places', auth: 'public',
    summary: '可办理该事项的地点（本村、本镇、县直部门本镇坐班、县城），由近及远', params: ServiceCodeParams, query: PlacesQuery,
    response: PlacesResponse,
  },
  'GET /places/{placeId}/slots': {
    method: 'GET', path: '/places/{placeId}/slots', fn: 'places', auth: 'public',
    summary: '某地点未来若干天的预约时段与剩余名额（仅工作日）', params: PlaceParams, query: SlotsQuery, response: SlotsResponse,
  },
  'POST /appointments': {
    method: 'POST', path: '/appointments', fn: 'appointments', auth: 'resident',
    summary: '预约（幂等：同一幂等键重试返回同一预约）', body: BookRequest, response: Appointment, status: 201,
  },
  'GET /appointments': {
    method: 'GET', path: '/appointments', fn: 'appointments', auth: 'resident', summary: '我的预约（分页）', query: PageQuery, response: AppointmentsResponse,
  },
  'GET /appointments/{id}': {
    method: 'GET', path: '/appointments/{id}', fn: 'appointments', auth: 'resident', summary: '预约详情（含预约码）',
    params: AppointmentParams, response: Appointment,
  },
  'POST /appointments/{id}/cancel': {
    method: 'POST', path: '/appointments/{id}/cancel', fn: 'appointments', auth: 'resident',
    summary: '取消预约（截止时间前）', params: AppointmentParams, body: CancelRequest, response: Appointment,
  },
  'POST /appointments/{id}/reschedule': {
    method: 'POST', path: '/appointments/{id}/reschedule', fn: 'appointments', auth: 'resident',
    summary: '改约：新名额与旧名额同时占用与释放（领导接待预约只能改到同一位领导的接待时段，可一并修改事由）', params: AppointmentParams, body: RescheduleRequest, response: Appointment,
  },
  'GET /admin/places/{placeId}/day': {
    method: 'GET', path: '/admin/places/{placeId}/day', fn: 'adminAppointments', auth: 'staff', roles: DESK_ROLES,
    summary: '某地点某日的预约名单', params: PlaceParams, query: DayQuery, response: DayResponse,
  },
  'POST /admin/appointments/check-in': {
    method: 'POST', path: '/admin/appointments/check-in', fn: 'adminAppointments', auth: 'staff', roles: DESK_ROLES,
    summary: '凭预约码签到', body: CheckInRequest, response: Appointment,
  },
  'POST /admin/appointments/{id}/no-show': {
    method: 'POST', path: '/admin/appointments/{id}/no-show', fn: 'adminAppointments', auth: 'staff', roles: DESK_ROLES,
    summary: '标记未到场（时段结束后）', params: AppointmentParams, body: StaffActionRequest, response: Appointment,
  },
  'POST /admin/slots/{slotId}/close': {
    method: 'POST', path: '/admin/slots/{slotId}/close', fn: 'adminAppointments', auth: 'staff', roles: DESK_ROLES,
    summary: '关闭时段：已预约的居民收到取消通知与原因', params: SlotParams, body: CloseRequest, response: CloseResult,
  },
  'POST /admin/places/{placeId}/days/{date}/close': {
    method: 'POST', path: '/admin/places/{placeId}/days/{date}/close', fn: 'adminAppointments', auth: 'staff', roles: DESK_ROLES,
    summary: '关闭某日全部时段（如坐班取消）', params: CloseDayParams, body: CloseRequest, response: CloseResult,
  },
  'POST /admin/slots/{slotId}/reopen': {
    method: 'POST', path: '/admin/slots/{slotId}/reopen', fn: 'adminAppointments', auth: 'staff', roles: DESK_ROLES,
    summary: '重新开放已关闭的时段：名额重新可约，因关闭被取消的预约不会自动恢复', params: SlotParams, body: ReopenRequest, response: ReopenResult,
  },
  'POST /admin/places/{placeId}/days/{date}/reopen': {
    method: 'POST', path: '/admin/places/{placeId}/days/{date}/reopen', fn: 'adminAppointments', auth: 'staff', roles: DESK_ROLES,
    summary: '重新开放某日已关闭的时段', params: CloseDayParams, body: ReopenRequest, response: ReopenResult,
  },
  'PUT /admin/slots/{slotId}/capacity': {
    method: 'PUT', path: '/admin/slots/{slotId}/capacity', fn: 'adminAppointments', auth: 'staff', roles: ['admin', 'dept_head'],
    summary: '调整时段名额（不得低于已预约数）', params: SlotParams, body: CapacityRequest, response: Slot,
  },
  'PUT /admin/points/{placeId}': {
    method: 'PUT', path: '/admin/points/{placeId}', fn: 'adminAppointments', auth: 'staff', roles: ['admin'],
    summary: '新增或修改服务网点（时段、名额、取消截止）', params: PlaceParams, body: PointInput, response: Place,
  },
  'PUT /admin/roving/{placeId}': {
    method: 'PUT', path: '/admin/roving/{placeId}', fn: 'adminAppointments', auth: 'staff', roles: ['admin', 'dept_head'],
    summary: '新增或修改县直部门下乡坐班安排', params: PlaceParams, body: RovingInput, response: Place,
  },
  'POST /applications': {
    method: 'POST', path: '/applications', fn: 'applications', auth: 'resident',
    summary: '申请办理（可选全程代办；幂等）', body: ApplyRequest, response: ApplicationDetail, status: 201,
  },
  'GET /applications': {
    method: 'GET', path: '/applications', fn: 'applications', auth: 'resident', summary: '我的办件（分页）', query: PageQuery, response: ApplicationsResponse,
  },
  'GET /applications/{id}': {
    method: 'GET', path: '/applications/{id}', fn: 'applications', auth: 'resident',
    summary: '办件详情：进度时间线、时限、缺件告知、代办进度', params: ApplicationParams, response: ApplicationDetail,
  },
  'POST /applications/{id}/withdraw': {
    method: 'POST', path: '/applications/{id}/withdraw', fn: 'applications', auth: 'resident',
    summary: '撤回申请（受理前；单独统计，不计为不予受理）', params: ApplicationParams, body: WithdrawRequest, response: ApplicationDetail,
  },
  'POST /applications/{id}/supplement': {
    method: 'POST', path: '/applications/{id}/supplement', fn: 'applications', auth: 'resident',
    summary: '补齐补正材料（回到收件）', params: ApplicationParams, body: SupplementRequest, response: ApplicationDetail,
  },
  'GET /admin/queue': {
    method: 'GET', path: '/admin/queue', fn: 'adminApplications', auth: 'staff', roles: ['clerk', 'dept_head', 'supervisor', 'admin'],
    summary: '部门办件队列（按期限排序，亮灯）', query: QueueQuery, response: ApplicationsResponse,
  },
  'GET /admin/overdue': {
    method: 'GET', path: '/admin/overdue', fn: 'adminApplications', auth: 'staff', roles: ['supervisor', 'admin'],
    summary: '督查：各部门临期与超期办件（分页）', query: PageQuery, response: ApplicationsResponse,
  },
  'GET /admin/alerts': {
    method: 'GET', path: '/admin/alerts', fn: 'adminApplications', auth: 'staff', roles: ['dept_head', 'supervisor', 'admin'],
    summary: '电子监察：每日临期、超期与视为受理的办件（部门负责人）', query: AlertsQuery, response: AlertsResponse,
  },
  'GET /admin/proxy-tasks': {
    method: 'GET', path: '/admin/proxy-tasks', fn: 'adminApplications', auth: 'staff', roles: ['agent', 'dept_head', 'supervisor', 'admin'],
    summary: '我的代办任务（分页）', query: PageQuery, response: ApplicationsResponse,
  },
  'GET /admin/applications/{id}': {
    method: 'GET', path: '/admin/applications/{id}', fn: 'adminApplications', auth: 'staff',
    summary: '办件详情（工作人员）', params: ApplicationParams, response: ApplicationDetail,
  },
  'GET /admin/applications/{id}/photos': {
    method: 'GET', path: '/admin/applications/{id}/photos', fn: 'adminApplications', auth: 'staff',
    summary: '查看办件材料照片（10分钟有效的签名链接）', params: ApplicationParams, response: PhotosResponse,
  },
  'POST /admin/applications/{id}/actions': {
    method: 'POST', path: '/admin/applications/{id}/actions', fn: 'adminApplications', auth: 'staff', roles: ['clerk', 'dept_head', 'supervisor'],
    summary: '办理操作：受理、一次性告知补正、不予受理、审核、办结、送达、挂起、恢复、延期', params: ApplicationParams,
    body: StaffActionBody, response: ApplicationDetail,
  },
  'POST /admin/applications/{id}/proxy-steps': {
    method: 'POST', path: '/admin/applications/{id}/proxy-steps', fn: 'adminApplications', auth: 'staff', roles: ['agent'],
    summary: '记录代办步骤：委托、代收、代交、代领、回交', params: ApplicationParams, body: ProxyStepBody, response: ApplicationDetail,
  },
  'POST /admin/applications/{id}/proxy-agent': {
    method: 'POST', path: '/admin/applications/{id}/proxy-agent', fn: 'adminApplications', auth: 'staff', roles: ['dept_head', 'admin'],
    summary: '改派代办员', params: ApplicationParams, body: ProxyAssignBody, response: ApplicationDetail,
  },
  'POST /ratings': {
    method: 'POST', path: '/ratings', fn: 'ratings', auth: 'resident', status: 201,
    summary: '评价办件或办事（好差评；差评须选择原因；24小时内可修改）', body: RateRequest, response: Rating,
  },
  'GET /ratings': {
    method: 'GET', path: '/ratings', fn: 'ratings', auth: 'resident',
    summary: '我的评价：待评价与已评价（已评价分页，含差评整改结果）', query: PageQuery, response: MyRatingsResponse,
  },
  'GET /satisfaction': {
    method: 'GET', path: '/satisfaction', fn: 'ratings', auth: 'public',
    summary: '满意度公示：各部门满意率与近期差评整改结果（不含评价人信息）', response: PublicSatisfactionResponse,
  },
  'GET /commitments': {
    method: 'GET', path: '/commitments', fn: 'commitments', auth: 'public',
    summary: '承诺卡公示：一个村（社区）或镇的服务承诺、每周进展、完成结果与群众评价', query: PublicCardsQuery, response: PublicCardsResponse,
  },
  'POST /commitments/{id}/items/{n}/ratings': {
    method: 'POST', path: '/commitments/{id}/items/{n}/ratings', fn: 'commitments', auth: 'resident', status: 201,
    summary: '评价一项已完成的承诺（本村居民，每人每项一次；幂等键）', params: CommitmentParams, body: RateCommitmentRequest, response: CommitmentRating,
  },
  'GET /admin/commitments': {
    method: 'GET', path: '/admin/commitments', fn: 'adminCommitments', auth: 'staff',
    summary: '承诺卡列表：我的（包联干部本人、部门负责人本部门）或全部（督查、管理员），新的在前（分页）', query: CardsQuery, response: CardsResponse,
  },
  'POST /admin/commitments': {
    method: 'POST', path: '/admin/commitments', fn: 'adminCommitments', auth: 'staff', roles: CARD_AUTHORS, status: 201,
    summary: '发布承诺卡：3至5项承诺，各有问题、责任人、目标、时限（工作日）和所涉村或镇（幂等键）', body: PostCardRequest, response: Card,
  },
  'GET /admin/commitments/{id}': {
    method: 'GET', path: '/admin/commitments/{id}', fn: 'adminCommitments', auth: 'staff',
    summary: '一张承诺卡（本人、本部门；督查、管理员可看全部）', params: CardParams, response: Card,
  },
  'POST /admin/commitments/{id}/progress': {
    method: 'POST', path: '/admin/commitments/{id}/progress', fn: 'adminCommitments', auth: 'staff', roles: CARD_AUTHORS,
    summary: '记录一项承诺的每周进展（version 防并发）', params: CardParams, body: ProgressRequest, response: Card,
  },
  'POST /admin/commitments/{id}/done': {
    method: 'POST', path: '/admin/commitments/{id}/done', fn: 'adminCommitments', auth: 'staff', roles: CARD_AUTHORS,
    summary: '一项承诺办结：完成结果与照片（version 防并发）', params: CardParams, body: DoneRequest, response: Card,
  },
  'GET /admin/tickets': {
    method: 'GET', path: '/admin/tickets', fn: 'adminRatings', auth: 'staff', roles: ['dept_head', 'clerk', 'supervisor', 'admin'],
    summary: '差评整改单：本部门的、超期的、申诉中的', query: TicketsQuery, response: TicketsResponse,
  },
  'GET /admin/tickets/{id}': {
    method: 'GET', path: '/admin/tickets/{id}', fn: 'adminRatings', auth: 'staff', roles: ['dept_head', 'clerk', 'supervisor', 'admin'],
    summary: '整改单详情（部门负责人与督查可见居民联系方式以便回访）', params: TicketParams, response: TicketDetail,
  },
  'POST /admin/tickets/{id}/actions': {
    method: 'POST', path: '/admin/tickets/{id}/actions', fn: 'adminRatings', auth: 'staff', roles: ['dept_head', 'clerk', 'supervisor'],
    summary: '整改：核实、整改、回访、公开结果（部门负责人或督查，差评涉及的本人除外）；或对恶意、错误评价提出申诉', params: TicketParams, body: TicketActionBody, response: TicketDetail,
  },
  'POST /admin/tickets/{id}/appeal-decision': {
    method: 'POST', path: '/admin/tickets/{id}/appeal-decision', fn: 'adminRatings', auth: 'staff', roles: ['supervisor'],
    summary: '督查裁定申诉', params: TicketParams, body: AppealDecisionBody, response: TicketDetail,
  },
  'GET /admin/satisfaction': {
    method: 'GET', path: '/admin/satisfaction', fn: 'adminRatings', auth: 'staff', roles: ['supervisor', 'admin', 'dept_head'],
    summary: '满意度看板（部门、人员、乡镇；趋势与预警）：督查看全县，部门负责人看本部门及其干部', query: DashboardQuery, response: DashboardResponse,
  },
  'POST /demands': {
    method: 'POST', path: '/demands', fn: 'demands', auth: 'resident', status: 201,
    summary: '我要反映：投诉、求助、咨询、建议、举报（可对部门匿名；幂等）', body: FileDemandRequest, response: DemandDetail,
  },
  'GET /demands': {
    method: 'GET', path: '/demands', fn: 'demands', auth: 'resident', summary: '我的诉求（新的在前，分页）', query: PageQuery, response: DemandsResponse,
  },
  'GET /demands/{id}': {
    method: 'GET', path: '/demands/{id}', fn: 'demands', auth: 'resident',
    summary: '诉求详情：状态、承办部门与首办责任人、期限与亮灯、全部进度、答复（并案的看主件进度）', params: DemandParams, response: DemandDetail,
  },
  'POST /demands/{id}/evaluation': {
    method: 'POST', path: '/demands/{id}/evaluation', fn: 'demands', auth: 'resident',
    summary: '评价答复：是否解决、是否满意（未解决或不满意可重办一次，第二次评价为最终评价）', params: DemandParams, body: EvaluationRequest, response: DemandDetail,
  },
  'POST /demands/{id}/reopen': {
    method: 'POST', path: '/demands/{id}/reopen', fn: 'demands', auth: 'resident',
    summary: '办结后14天内重新打开', params: DemandParams, body: ReopenDemandRequest, response: DemandDetail,
  },
  'POST /demands/{id}/info': {
    method: 'POST', path: '/demands/{id}/info', fn: 'demands', auth: 'resident',
    summary: '按承办人要求补充情况（恢复计时）', params: DemandParams, body: ProvideInfoRequest, response: DemandDetail,
  },
  'POST /demands/consult-answered': {
    method: 'POST', path: '/demands/consult-answered', fn: 'demands', auth: 'resident', status: 201,
    summary: '咨询已由知识库或办事指南解答：记录并当场办结（幂等）', body: ConsultAnsweredRequest, response: DemandDetail,
  },
  'GET /knowledge': {
    method: 'GET', path: '/knowledge', fn: 'demands', auth: 'public',
    summary: '咨询前先看：已答复的常见问题与相关办事事项', query: KnowledgeQuery, response: KnowledgeResponse,
  },
  'POST /admin/demands': {
    method: 'POST', path: '/admin/demands', fn: 'adminDemands', auth: 'staff', status: 201,
    summary: '代群众登记诉求（热线、窗口来访、包联走访、意见簿；幂等）', body: IntakeDemandRequest, response: StaffDemandDetail,
  },
  'GET /admin/demands': {
    method: 'GET', path: '/admin/demands', fn: 'adminDemands', auth: 'staff',
    summary: '诉求列表：待派单、部门队列（A级在前，按期限亮灯）；督查看全部、超期、待裁定退单、延期申请、默认办结', query: DemandsQuery, response: DemandsResponse,
  },
  'GET /admin/demands/{id}': {
    method: 'GET', path: '/admin/demands/{id}', fn: 'adminDemands', auth: 'staff',
    summary: '诉求详情（工作人员）：可并案的相似诉求、建议派往的部门；匿名诉求仅督查可见反映人', params: DemandParams, response: StaffDemandDetail,
  },
  'POST /admin/demands/{id}/actions': {
    method: 'POST', path: '/admin/demands/{id}/actions', fn: 'adminDemands', auth: 'staff',
    summary: '办理：派单、当场答复、退单、督查改派、签收、联系群众、请群众补充、申请与审批延期、答复、并案', params: DemandParams, body: DemandActionBody, response: StaffDemandDetail,
  },
  'POST /admin/demands/{id}/knowledge': {
    method: 'POST', path: '/admin/demands/{id}/knowledge', fn: 'adminDemands', auth: 'staff', roles: ['dept_head', 'supervisor', 'admin'], status: 201,
    summary: '把答复整理为常见问题发布到知识库', params: DemandParams, body: PublishKnowledgeRequest, response: KnowledgeEntry,
  },
  'GET /admin/demand-limits': {
    method: 'GET', path: '/admin/demand-limits', fn: 'adminDemands', auth: 'staff', summary: '诉求办理时限与派单规则', response: DemandLimits,
  },
  'PUT /admin/demand-limits': {
    method: 'PUT', path: '/admin/demand-limits', fn: 'adminDemands', auth: 'staff', roles: ['admin'],
    summary: '修改诉求办理时限（按类型、领域）与派单规则（乐观并发：携带 version）', body: DemandLimitsUpdate, response: DemandLimits,
  },
  'POST /admin/uploads': {
    method: 'POST', path: '/admin/uploads', fn: 'adminDemands', auth: 'staff', status: 201,
    summary: '工作人员上传照片（答复照片、通知附件）：签发直传 S3 的预签名地址', body: UploadRequest, response: UploadTicket,
  },
  'GET /inbox': {
    method: 'GET', path: '/inbox', fn: 'inbox', auth: 'resident',
    summary: '我的消息：通知与个人消息（预约、办件、评价、整改、主动服务），新的在前，分页，含未读数', query: PageQuery, response: InboxResponse,
  },
  'GET /inbox/unread': {
    method: 'GET', path: '/inbox/unread', fn: 'inbox', auth: 'resident', summary: '未读消息数（首页“消息”角标）', response: UnreadResponse,
  },
  'POST /inbox/{id}/read': {
    method: 'POST', path: '/inbox/{id}/read', fn: 'inbox', auth: 'resident', summary: '标记消息已读（回执）', params: InboxParams, response: UnreadResponse,
  },
  'GET /me/subscriptions': {
    method: 'GET', path: '/me/subscriptions', fn: 'inbox', auth: 'resident', summary: '我的订阅消息授权（长期授权与一次性授权余量）', response: SubscriptionsResponse,
  },
  'PUT /me/subscriptions': {
    method: 'PUT', path: '/me/subscriptions', fn: 'inbox', auth: 'resident',
    summary: '记录 wx.requestSubscribeMessage 的结果：一次性授权每次同意记一次，拒绝则清除', body: SubscriptionsRequest, response: SubscriptionsResponse,
  },
  'GET /notices/{id}': {
    method: 'GET', path: '/notices/{id}', fn: 'inbox', auth: 'resident',
    summary: '通知全文（只能看到发给自己的、未撤回的通知）', params: NoticeParams, response: ResidentNotice,
  },
  'POST /admin/notices': {
    method: 'POST', path: '/admin/notices', fn: 'adminNotices', auth: 'staff', roles: NOTICE_EDITORS, status: 201,
    summary: '起草通知（部门负责人发本部门的，管理员可发任何）：类别、标题、正文、附件、发送范围（区域、人群标签、年龄）、截止日期', body: NoticeInput, response: Notice,
  },
  'GET /admin/notices': {
    method: 'GET', path: '/admin/notices', fn: 'adminNotices', auth: 'staff', roles: [...NOTICE_EDITORS, 'supervisor'],
    summary: '通知列表（新的在前，分页），含触达情况', query: PageQuery, response: NoticesResponse,
  },
  'GET /admin/notices/{id}': {
    method: 'GET', path: '/admin/notices/{id}', fn: 'adminNotices', auth: 'staff', roles: [...NOTICE_EDITORS, 'supervisor'],
    summary: '通知详情与触达：目标人数、已写入消息、推送、送达、未授权跳过、失败、已读', params: NoticeParams, response: Notice,
  },
  'PUT /admin/notices/{id}': {
    method: 'PUT', path: '/admin/notices/{id}', fn: 'adminNotices', auth: 'staff', roles: NOTICE_EDITORS,
    summary: '修改草稿（乐观并发：携带 version）', params: NoticeParams, body: NoticeUpdate, response: Notice,
  },
  'POST /admin/notices/preview': {
    method: 'POST', path: '/admin/notices/preview', fn: 'adminNotices', auth: 'staff', roles: NOTICE_EDITORS,
    summary: '预览发送范围覆盖的居民人数（现居地或户籍地在范围内、符合标签与年龄）', body: NoticeTarget, response: NoticePreview,
  },
  'POST /admin/notices/{id}/publish': {
    method: 'POST', path: '/admin/notices/{id}/publish', fn: 'adminNotices', auth: 'staff', roles: NOTICE_EDITORS,
    summary: '发布通知：逐页写入目标居民的消息并推送（可断点续发，不重复）', params: NoticeParams, body: NoticeVersionBody, response: Notice,
  },
  'GET /admin/push-failures': {
    method: 'GET', path: '/admin/push-failures', fn: 'adminNotices', auth: 'staff', roles: ['admin'],
    summary: '推送失败告警：微信拒绝（无效openid、模板、页面、数据）或重试用尽的推送，新的在前', response: DeadPushesResponse,
  },
  'POST /admin/notices/{id}/withdraw': {
    method: 'POST', path: '/admin/notices/{id}/withdraw', fn: 'adminNotices', auth: 'staff', roles: NOTICE_EDITORS,
    summary: '撤回已发布的通知（居民的消息列表不再显示）', params: NoticeParams, body: NoticeVersionBody, response: Notice,
  },
  'POST /admin/demands/{id}/complaint': {
    method: 'POST', path: '/admin/demands/{id}/complaint', fn: 'adminAccountability', auth: 'staff', roles: SUPERVISORS, status: 201,
    summary: '投诉立案核查：指明被投诉的工作人员（记入诉求进度）', params: DemandParams, body: OpenComplaintRequest, response: ComplaintCase,
  },
  'GET /admin/complaints': {
    method: 'GET', path: '/admin/complaints', fn: 'adminAccountability', auth: 'staff',
    summary: '投诉核查：督查看全部，工作人员看涉及本人的（分页）', query: PageQuery, response: ComplaintsResponse,
  },
  'GET /admin/complaints/{id}': {
    method: 'GET', path: '/admin/complaints/{id}', fn: 'adminAccountability', auth: 'staff',
    summary: '投诉核查详情（督查、被投诉人本人）', params: ComplaintParams, response: ComplaintCase,
  },
  'POST /admin/complaints/{id}/statement': {
    method: 'POST', path: '/admin/complaints/{id}/statement', fn: 'adminAccountability', auth: 'staff',
    summary: '被投诉人在核查结论作出前陈述情况（一次）', params: ComplaintParams, body: StatementRequest, response: ComplaintCase,
  },
  'POST /admin/complaints/{id}/decision': {
    method: 'POST', path: '/admin/complaints/{id}/decision', fn: 'adminAccountability', auth: 'staff', roles: SUPERVISORS,
    summary: '核查结论：查实有效或查无实据，写明结论与证据（查实有效的计入问责阶梯、部门致歉与月度统计）', params: ComplaintParams, body: DecisionRequest, response: ComplaintCase,
  },
  'GET /admin/accountability': {
    method: 'GET', path: '/admin/accountability', fn: 'adminAccountability', auth: 'staff', roles: ['supervisor', 'admin', 'dept_head'],
    summary: '问责阶梯：每人两年内查实有效投诉数、所处阶梯、应作出的处理；部门致歉（部门负责人看本部门）', response: AccountabilityResponse,
  },
  'POST /admin/accountability/{username}/actions': {
    method: 'POST', path: '/admin/accountability/{username}/actions', fn: 'adminAccountability', auth: 'staff', roles: SUPERVISORS,
    summary: '记录一项问责处理已完成（约谈、培训、调岗……）', params: StaffParams, body: LadderActionRequest, response: LadderPerson,
  },
  'POST /admin/apologies/{id}/done': {
    method: 'POST', path: '/admin/apologies/{id}/done', fn: 'adminAccountability', auth: 'staff', roles: ['supervisor', 'admin', 'dept_head'],
    summary: '记录部门致歉已完成（部门负责人记录本部门的）', params: ApologyParams, body: ApologyDoneRequest, response: Apology,
  },
  'GET /admin/reports/monthly': {
    method: 'GET', path: '/admin/reports/monthly', fn: 'adminReports', auth: 'staff', roles: REPORT_READERS,
    summary: '民情月报：渠道×领域×等级、各责任单位得分与三率、满意度评定、办件按时率、差评整改、热点，均对比上月（部门负责人看本部门与全县合计）',
    query: MonthlyReportQuery, response: MonthlyReport,
  },
  'GET /admin/reports/monthly.csv': {
    method: 'GET', path: '/admin/reports/monthly.csv', fn: 'adminReports', auth: 'staff', roles: REPORT_READERS, produces: 'text/csv',
    summary: '民情月报下载（CSV，UTF-8 带 BOM，Excel 可直接打开）', query: MonthlyReportQuery, response: z.string(),
  },
  'GET /open311/v2/services.json': {
    method: 'GET', path: '/open311/v2/services.json', fn: 'open311', auth: 'public',
    summary: 'Open311 GeoReport v2：服务列表（诉求类型×领域，不含举报）', response: Open311Services,
  },
  'GET /open311/v2/services/{code}': {
    method: 'GET', path: '/open311/v2/services/{code}', fn: 'open311', auth: 'public',
    summary: 'Open311 GeoReport v2：服务定义（路径为 /services/{service_code}.json；无附加属性）', params: Open311ServiceParams, response: Open311ServiceDefinition,
  },
  'GET /open311/v2/requests.json': {
    method: 'GET', path: '/open311/v2/requests.json', fn: 'open311', auth: 'public',
    summary: 'Open311 GeoReport v2：公开诉求（默认近90天，最多200条；可按状态、服务代码、起止时间筛选；不含匿名与举报，不含反映人与原文，地址到村）',
    query: Open311RequestsQuery, response: Open311Requests,
  },
  'GET /open311/v2/requests/{id}': {
    method: 'GET', path: '/open311/v2/requests/{id}', fn: 'open311', auth: 'public',
    summary: 'Open311 GeoReport v2：一件公开诉求（路径为 /requests/{service_request_id}.json）', params: Open311RequestParams, response: Open311Requests,
  },
  'GET /admin/audit/full-views': {
    method: 'GET', path: '/admin/audit/full-views', fn: 'privacy', auth: 'staff', roles: SUPERVISORS,
    summary: '查看完整手机号、身份证号的留痕（谁、何时、哪条记录），新的在前（分页）', query: PageQuery, response: FullViewsResponse,
  },
  'GET /admin/households': {
    method: 'GET', path: '/admin/households', fn: 'adminHouseholds', auth: 'staff',
    summary: '我的包联户：成员、标签（五必访）、最近联系与亮灯（本月已联系、待联系、逾期）；镇便民服务中心看本镇干部的，督查看全部（分页）',
    query: HouseholdsQuery, response: HouseholdsResponse,
  },
  'GET /admin/households/{id}': {
    method: 'GET', path: '/admin/households/{id}', fn: 'adminHouseholds', auth: 'staff',
    summary: '包联户详情与最近的联系记录（民情日记）', params: HouseholdParams, response: HouseholdDetail,
  },
  'POST /admin/households': {
    method: 'POST', path: '/admin/households', fn: 'adminHouseholds', auth: 'staff', status: 201,
    summary: '新增包联户（户主、村组、家庭成员、标签）：干部加入本人包联，镇便民服务中心为本镇干部、督查为任何干部新增；幂等，重发只记一户；户数计入当月覆盖',
    body: CreateHouseholdRequest, response: HouseholdSummary,
  },
  'PUT /admin/households/{id}': {
    method: 'PUT', path: '/admin/households/{id}', fn: 'adminHouseholds', auth: 'staff',
    summary: '修改包联户（户主、干部包联范围内的村组、家庭成员、标签）；镇便民服务中心、督查可改派给该村的其他包联干部；版本号过期为 409',
    params: HouseholdParams, body: UpdateHouseholdRequest, response: HouseholdSummary,
  },
  'POST /admin/households/{id}/deactivation': {
    method: 'POST', path: '/admin/households/{id}/deactivation', fn: 'adminHouseholds', auth: 'staff',
    summary: '包联户迁出/注销（写明原因，不删除记录）：镇便民服务中心、督查；移出干部名单，覆盖户数同步减少；版本号过期为 409',
    params: HouseholdParams, body: DeactivateHouseholdRequest, response: HouseholdSummary,
  },
  'POST /admin/households/{id}/contacts': {
    method: 'POST', path: '/admin/households/{id}/contacts', fn: 'adminHouseholds', auth: 'staff', status: 201,
    summary: '记录一次联系（走访、电话、微信；例行、三必到、五必访），可同时代群众登记诉求（包联走访）；幂等，离线补发只记一次',
    params: HouseholdParams, body: RecordContactRequest, response: RecordContactResponse,
  },
  'GET /admin/coverage': {
    method: 'GET', path: '/admin/coverage', fn: 'adminHouseholds', auth: 'staff',
    summary: '包联覆盖（按月）：县、镇、村、干部的户数、已联系、逾期、五必访、三必到、走访中收集的诉求及办结；未达标的标出；群众未联系反映',
    query: CoverageQuery, response: CoverageResponse,
  },
  'GET /me/household': {
    method: 'GET', path: '/me/household', fn: 'households', auth: 'resident',
    summary: '包联干部最近一次联系我家的时间和方式；本月是否已反映未联系', response: MyHouseholdContact,
  },
  'POST /me/household/no-contact': {
    method: 'POST', path: '/me/household/no-contact', fn: 'households', auth: 'resident', status: 201,
    summary: '一键反映“包联干部未联系我”，送督查；每月一次（重复为 409）', response: MyHouseholdContact,
  },
  'GET /receptions': {
    method: 'GET', path: '/receptions', fn: 'posts', auth: 'public',
    summary: '领导接待日：部门负责人的接待日、时段与地点（可在线预约并写明事由）', response: ReceptionsResponse,
  },
  'POST /receptions/{id}/appointments': {
    method: 'POST', path: '/receptions/{id}/appointments', fn: 'posts', auth: 'resident',
    summary: '预约领导接待（须写明事由；幂等：同一幂等键重试返回同一预约）', params: ReceptionParams, body: ReceptionBookRequest, response: Appointment, status: 201,
  },
  'GET /places/{placeId}/desk': {
    method: 'GET', path: '/places/{placeId}/desk', fn: 'posts', auth: 'public',
    summary: '窗口今日在岗情况：每个窗口由谁受理（A岗不在时显示B岗代岗）', params: PlaceParams, response: DeskStatus,
  },
  'GET /admin/receptions': {
    method: 'GET', path: '/admin/receptions', fn: 'adminPosts', auth: 'staff', roles: ['dept_head', 'admin'],
    summary: '领导接待日安排（部门负责人看自己的，管理员看本地区各部门负责人的）：日期、时段与名额、地点，及可选的工作日', response: ReceptionHostsResponse,
  },
  'PUT /admin/receptions/{id}': {
    method: 'PUT', path: '/admin/receptions/{id}', fn: 'adminPosts', auth: 'staff', roles: ['dept_head', 'admin'],
    summary: '安排领导接待日（部门负责人安排自己的，管理员可安排任何人的）；已有预约的时段不能取消或少于已约人数（409）', params: ReceptionParams, body: ReceptionInput, response: Reception,
  },
  'GET /admin/posts': {
    method: 'GET', path: '/admin/posts', fn: 'adminPosts', auth: 'staff', roles: DESK_ROLES,
    summary: 'AB岗：某地区各窗口岗位某日的B岗、请假与代岗情况（默认本人所在地区、今天）', query: PostsQuery, response: PostsResponse,
  },
  'GET /admin/absences': {
    method: 'GET', path: '/admin/absences', fn: 'adminPosts', auth: 'staff', roles: DESK_ROLES,
    summary: 'AB岗：某地区窗口人员今天起的不在岗登记（默认本人所在地区），及可登记的日期', query: AbsencesQuery, response: AbsencesResponse,
  },
  'PUT /admin/staff/{username}/backup': {
    method: 'PUT', path: '/admin/staff/{username}/backup', fn: 'adminPosts', auth: 'staff', roles: ['dept_head', 'admin'],
    summary: '设置窗口人员的B岗（同部门的其他窗口人员；null 取消）', params: StaffParams, body: BackupRequest, response: Post,
  },
  'POST /admin/staff/{username}/absences': {
    method: 'POST', path: '/admin/staff/{username}/absences', fn: 'adminPosts', auth: 'staff', roles: ['dept_head', 'admin'],
    summary: '登记窗口人员某日不在岗（今天或30天内的工作日；由B岗代岗，B岗也不在时由部门负责人代岗）', params: StaffParams, body: AbsenceRequest, response: Post, status: 201,
  },
  'POST /admin/staff/{username}/absences/{date}/cancel': {
    method: 'POST', path: '/admin/staff/{username}/absences/{date}/cancel', fn: 'adminPosts', auth: 'staff', roles: ['dept_head', 'admin'],
    summary: '撤销不在岗登记（按版本号，防止覆盖他人的修改）', params: AbsenceParams, body: AbsenceCancelRequest, response: Post,
  },
  'GET /openapi.json': {
    method: 'GET', path: '/openapi.json', fn: 'openapi', auth: 'public', summary: 'OpenAPI 文档', response: z.unknown(),
  },
} as const satisfies Record<string, RouteDef>;

export type RouteKey = keyof typeof routes;
export { ErrorBody, OkResponse };
