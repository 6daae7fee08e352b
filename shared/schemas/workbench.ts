// The workbench home: a number beside each entry the staff member has.
import * as z from 'zod/mini';

/** null: the entry is not the caller's (the page shows no number). */
const Count = z.nullable(z.int());

export const AdminHome = z.object({
  /** Today in Asia/Shanghai (the day of `appointmentsToday`). */
  date: z.string(),
  counts: z.object({
    /** Bookings of today at the service point(s) of the staff member's region, cancellations left out. */
    appointmentsToday: Count,
    /** Open cases in the staff member's queue (department, or the town's 便民服务中心). */
    queue: Count,
    /** Open cases that are red, yellow or deemed accepted (supervisor, admin). */
    overdue: Count,
    /** Unfinished rectification tickets (the department's; all for supervisors and admins). */
    tickets: Count,
    /** Open demands waiting in the staff member's queue (all open for supervisors and admins). */
    demands: Count,
    /** Open service commitments past their deadline, county-wide (supervisor, admin). */
    commitmentsOverdue: z.optional(Count),
  }),
});
export type AdminHome = z.infer<typeof AdminHome>;
