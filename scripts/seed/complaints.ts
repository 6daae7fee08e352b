// Demo accountability: one complaint from the demand history (a 医保 window
// in 县医疗保障局) investigated and found valid, through the same functions as
// the API, so the ladder shows 约谈 owed and the department owes an apology.
// Seeding again finds the investigation and writes nothing.
import { stableId } from './demands';

export const DEMO_COMPLAINT = { demandKey: 'history-1-8', staff: 'yb-he', supervisor: 'xiaoneng' };

export async function seedComplaints(): Promise<{ created: number; existing: number }> {
  const { getComplaint } = await import('../../functions/store/accountability');
  const { getDemand } = await import('../../functions/store/demands');
  const { getStaff } = await import('../../functions/store/people');
  const { getDepartment } = await import('../../functions/store/reference');
  const { loadCalendar } = await import('../../functions/store/calendar');
  const { decideInvestigation, openInvestigation } = await import('../../functions/http/complaint-steps');
  const { STAFF_ROLE_LABELS } = await import('../../shared/enums');
  const id = stableId(DEMO_COMPLAINT.demandKey);
  if (await getComplaint(id)) return { created: 0, existing: 1 };
  const [d, staff, sup, cal] = await Promise.all([getDemand(id), getStaff(DEMO_COMPLAINT.staff), getStaff(DEMO_COMPLAINT.supervisor), loadCalendar()]);
  if (!d || d.type !== 'complaint' || !staff || !sup) throw new Error('演示投诉核查：诉求或工作人员不存在');
  const dept = staff.departmentId ? await getDepartment(staff.departmentId) : undefined;
  const by = { username: sup.username, name: sup.name, role: STAFF_ROLE_LABELS[sup.role] };
  const opened = await openInvestigation(d, { username: staff.username, name: staff.name }, dept ? { id: dept.id, name: dept.name } : null, by, new Date(Date.now() - 3600_000));
  await decideInvestigation(opened, { valid: true, finding: '经调取报销记录并询问窗口人员，报销比例解释有误、多次让群众往返属实', evidence: ['报销记录', '窗口录像'] }, by, new Date(), cal);
  return { created: 1, existing: 0 };
}
