// Which workbench entries a role gets, read from the route table's roles
// (shared/routes.ts), so the home never offers a page whose API refuses it.
import { allowedStaffActions, type CaseFacts } from '../../../shared/application-flow';
import type { StaffRole } from '../../../shared/enums';
import { routes, type RouteKey } from '../../../shared/routes';
import type { StaffAction } from '../../../shared/schemas/applications';

export function mayUse(role: StaffRole | null | undefined, route: RouteKey): boolean {
  if (!role) return false;
  const def = routes[route] as { roles?: readonly StaffRole[] };
  return !def.roles || def.roles.includes(role);
}

/** The day list (今日预约): staff who run a service point's desk. */
export const DESK_ROUTE: RouteKey = 'GET /admin/places/{placeId}/day';
/** 代办任务: for those who record the proxy steps (the list is their own tasks). */
export const PROXY_ROUTE: RouteKey = 'POST /admin/applications/{id}/proxy-steps';
/** 诉求: the demand lists (待派单 for any first taker, the department's queue, the supervisor's views). */
export const DEMANDS_ROUTE: RouteKey = 'GET /admin/demands';
/** 政策通知: department heads and admins write them, the supervisor reads their reach. */
export const NOTICES_ROUTE: RouteKey = 'GET /admin/notices';
/** 民情月报: the supervisor, admins and department heads. */
export const REPORT_ROUTE: RouteKey = 'GET /admin/reports/monthly';
/** 推送失败: the admin's dead-push list. */
export const PUSH_FAILURES_ROUTE: RouteKey = 'GET /admin/push-failures';
/** 部门办件: the queue of one department or town desk. */
export const QUEUE_ROUTE: RouteKey = 'GET /admin/queue';
/** 超期督办: the county-wide view of late cases; whoever has it oversees every department (supervisors, admins). */
export const OVERDUE_ROUTE: RouteKey = 'GET /admin/overdue';
export const oversees = (role: StaffRole | null | undefined): boolean => mayUse(role, OVERDUE_ROUTE);
/** 差评整改 and 满意度看板. */
export const TICKETS_ROUTE: RouteKey = 'GET /admin/tickets';
export const SATISFACTION_ROUTE: RouteKey = 'GET /admin/satisfaction';
/** The accountability ladder and apologies (the supervisor, admins, department heads). */
export const LADDER_ROUTE: RouteKey = 'GET /admin/accountability';

/** 改派代办员: department heads and admins. */
export const PROXY_AGENT_ROUTE: RouteKey = 'POST /admin/applications/{id}/proxy-agent';

/** The 办理操作 buttons of a case: none unless the role may act on cases; then what the shared table offers now. */
export function caseActions(app: CaseFacts, role: StaffRole | null | undefined): StaffAction[] {
  return role && mayUse(role, 'POST /admin/applications/{id}/actions') ? allowedStaffActions(app, role) : [];
}

/** AB岗: the window posts of the day (every desk role; heads and admins act on them). */
export const POSTS_ROUTE: RouteKey = 'GET /admin/posts';

/** 领导接待日: department heads set their own, admins any head's. */
export const RECEPTIONS_ROUTE: RouteKey = 'GET /admin/receptions';
