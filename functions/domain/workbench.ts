// What the workbench home counts for a staff member: one number per entry
// their role has (the roles come from the route table, as the pages' do).
import type { StaffRole } from '../../shared/enums';
import { routes } from '../../shared/routes';
import { demandQueue } from './scopes';
import { queueScope, type QueueScope, type Staff } from './access';
import type { Clock } from './application';

const allowed = (route: keyof typeof routes, role: StaffRole) => {
  const roles = (routes[route] as { roles?: readonly StaffRole[] }).roles;
  return !roles || roles.includes(role);
};
const everywhere = (role: StaffRole) => role === 'supervisor' || role === 'admin';

export interface HomePlan {
  /** Count today's bookings at the points of this region. */
  appointmentsRegion: string | null;
  queue: QueueScope | null;
  overdue: boolean;
  /** `all`, a department, or not counted. */
  tickets: 'all' | { departmentId: string } | null;
  /** `all` open demands, one queue bucket, or not counted. */
  demands: 'all' | { bucket: string } | null;
  /** Count overdue service commitments (county-wide). */
  commitmentsOverdue: boolean;
}

export function homePlan(s: Staff): HomePlan {
  const scope = s.role === 'clerk' || s.role === 'dept_head' ? queueScope(s, undefined) : null;
  return {
    appointmentsRegion: allowed('GET /admin/places/{placeId}/day', s.role) ? s.regionCode : null,
    queue: scope && !('refused' in scope) ? scope : null,
    overdue: allowed('GET /admin/overdue', s.role),
    tickets: !allowed('GET /admin/tickets', s.role) ? null : everywhere(s.role) ? 'all' : s.departmentId ? { departmentId: s.departmentId } : null,
    demands: !allowed('GET /admin/demands', s.role) ? null : everywhere(s.role) ? 'all' : { bucket: s.departmentId ? demandQueue.dept(s.departmentId) : demandQueue.intake },
    commitmentsOverdue: everywhere(s.role),
  };
}

/** A case the supervisor's 超期督办 list shows: red, yellow, or deemed accepted. */
export const needsSupervision = (c: Pick<Clock, 'light' | 'deemedAccepted'>): boolean => c.light === 'red' || c.light === 'yellow' || c.deemedAccepted;
