// The demo's past: concluded cases of earlier months and their ratings,
// written through the same store transactions the API uses (the case with its
// timeline, the item's performance counters, the rating with its satisfaction
// counters and, for a bad review, its closed rectification ticket). Each case
// has a fixed id: seeding again finds it and writes nothing.
import { createHash } from 'node:crypto';
import type { HistoryCase } from './data';

const stableId = (seed: string) => {
  const h = createHash('sha256').update(`banshi-demo-history:${seed}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

/** An instant at `hhmm` Asia/Shanghai on `date`. */
const at = (date: string, hhmm: string) => new Date(`${date}T${hhmm}:00+08:00`).toISOString();

export async function seedHistory(
  cases: readonly HistoryCase[],
  residentIdOf: (openid: string) => string,
  now = new Date(),
): Promise<{ created: number; existing: number; skipped: number }> {
  const { createCalendar, shanghaiDate } = await import('../../functions/domain/calendar');
  const { caseClock, workingDaysTaken } = await import('../../functions/domain/application');
  const { ticketDueOn, RECTIFY_WORKING_DAYS } = await import('../../functions/domain/ratings');
  const { townOf } = await import('../../functions/domain/regions');
  const applications = await import('../../functions/store/applications');
  const ratings = await import('../../functions/store/ratings');
  const { getResident, getStaff } = await import('../../functions/store/people');
  const { getService } = await import('../../functions/store/services');
  const { caseInvite } = await import('../../functions/http/rating-views');
  const cal = createCalendar();
  const today = shanghaiDate(now);
  const out = { created: 0, existing: 0, skipped: 0 };

  for (const [i, h] of cases.entries()) {
    const id = stableId(`${i}:${h.openid}:${h.serviceCode}`);
    if (await applications.getApplication(id)) {
      out.existing += 1;
      continue;
    }
    // The 3rd of that month (or the next working day), Asia/Shanghai.
    const [y, m] = today.split('-').map(Number) as [number, number];
    const month = new Date(Date.UTC(y, m - 1 - h.monthsAgo, 3)).toISOString().slice(0, 10);
    const [item, resident, handler] = await Promise.all([getService(h.serviceCode), getResident(residentIdOf(h.openid)), getStaff(h.handler)]);
    if (!item || !resident || !handler || !cal.knows(Number(month.slice(0, 4)))) {
      out.skipped += 1;
      continue;
    }
    const submittedOn = cal.isWorkingDay(month) ? month : cal.addWorkingDays(month, 1);
    // On time within the month (at most 8 working days), or late by `lateDays`; rated the next working day, still that month.
    const took = h.lateDays ? item.promisedDays + h.lateDays : Math.min(item.promisedDays, 8);
    const concludedOn = took ? cal.addWorkingDays(submittedOn, took) : submittedOn;
    const record: import('../../functions/store/applications').ApplicationRecord = {
      id,
      caseNumber: `${submittedOn.replace(/-/g, '')}-H${String(i + 1).padStart(4, '0')}`,
      residentId: resident.id,
      townCode: townOf(resident.currentRegionCode ?? resident.hometownRegionCode),
      applicantName: resident.name ?? '未填写姓名',
      applicantPhone: resident.phone,
      serviceCode: item.code,
      serviceName: item.name,
      handlingLevel: item.handlingLevel,
      departmentId: item.departmentId,
      departmentName: item.departmentName,
      state: 'delivered',
      previousState: null,
      materials: item.materials.map((x) => ({ name: x.name, required: x.required, provided: true, uploadKeys: [] })),
      missing: [],
      materialsRequests: 0,
      handler: { username: handler.username, name: handler.name, phone: handler.phone },
      proxy: null,
      submittedOn,
      firstSubmittedOn: submittedOn,
      acceptedOn: submittedOn,
      concludedOn,
      promisedDays: item.promisedDays,
      statutoryDays: item.statutoryDays,
      extension: null,
      pauses: [],
      submittedAt: at(submittedOn, '09:12'),
      updatedAt: at(concludedOn, '15:30'),
      version: 1,
    };
    const who = `${handler.name}（工作人员）`;
    const events = [
      { at: at(submittedOn, '09:12'), actor: '申请人', action: 'submit', from: null, to: 'submitted' as const, note: null },
      { at: at(submittedOn, '09:40'), actor: who, action: 'accept', from: 'submitted' as const, to: 'accepted' as const, note: '受理' },
      { at: at(submittedOn, '14:05'), actor: who, action: 'review', from: 'accepted' as const, to: 'reviewing' as const, note: '开始审核' },
      { at: at(concludedOn, '15:00'), actor: who, action: 'approve', from: 'reviewing' as const, to: 'approved' as const, note: '准予办结' },
      { at: at(concludedOn, '15:30'), actor: who, action: 'deliver', from: 'approved' as const, to: 'delivered' as const, note: '送达' },
    ];
    const clock = caseClock(record, concludedOn, cal);
    const days = workingDaysTaken({ ...record, extensionDays: 0 }, cal);
    if ((await applications.createApplication(record, `history-${id}`, events)) !== 'created') {
      out.existing += 1;
      continue;
    }
    // Saving it as concluded drops the queue pointer and adds to the item's performance.
    await applications.saveApplication(
      record,
      record.version,
      [],
      clock.onTime !== null && days !== null ? { serviceCode: item.code, onTime: clock.onTime, workingDays: days } : undefined,
    );

    const { dueOn: _dueOn, ...context } = caseInvite(record, concludedOn);
    const ratedOn = cal.addWorkingDays(concludedOn, 1);
    const ratedAt = at(ratedOn, '20:15');
    const bad = h.level <= 2;
    const ticketId = bad ? `${ratedAt.replace(/[-:]/g, '').slice(0, 15)}-${id.slice(0, 6)}` : null;
    const rating: import('../../functions/store/ratings').RatingRecord = {
      ...context,
      level: h.level,
      dimensions: { efficiency: h.lateDays ? 1 : h.level, attitude: h.level, service: h.level, convenience: h.level },
      reasons: h.reasons ?? [],
      comment: h.comment ?? null,
      agentLevel: null,
      isDefault: false,
      ratedAt,
      month: ratedOn.slice(0, 7),
      ticketId,
      ticket: null,
      voided: false,
      version: 1,
    };
    let ticket: import('../../functions/store/tickets').TicketRecord | null = null;
    if (bad && ticketId && h.rectification) {
      const r = h.rectification;
      const head = (await getStaff(h.handler))?.role === 'dept_head' ? who : '部门负责人';
      const step = (n: number) => cal.addWorkingDays(ratedOn, n);
      const published = at(step(3), '16:00');
      ticket = {
        id: ticketId,
        targetType: 'application',
        targetId: id,
        residentId: resident.id,
        reference: record.caseNumber,
        serviceName: item.name,
        departmentId: item.departmentId,
        departmentName: item.departmentName,
        responsible: { username: handler.username, name: handler.name },
        level: h.level,
        reasons: rating.reasons,
        comment: rating.comment,
        status: 'closed',
        statusBeforeAppeal: null,
        createdOn: ratedOn,
        dueOn: ticketDueOn(cal, ratedOn, RECTIFY_WORKING_DAYS),
        verification: r.verification,
        rectification: r.rectification,
        followUp: { at: at(step(3), '10:30'), reached: true, residentView: 'satisfied', note: r.followUp },
        outcome: r.outcome,
        outcomeAt: published,
        appeal: null,
        events: [
          { at: ratedAt, actor: '系统', action: 'open', note: '居民差评，转责任单位整改' },
          { at: at(step(1), '10:00'), actor: head, action: 'verify', note: r.verification },
          { at: at(step(2), '11:00'), actor: head, action: 'rectify', note: r.rectification },
          { at: at(step(3), '10:30'), actor: head, action: 'follow_up', note: r.followUp },
          { at: published, actor: head, action: 'publish', note: r.outcome },
        ],
        createdAt: ratedAt,
        updatedAt: published,
        version: 5,
      };
      rating.ticket = { status: 'closed', dueOn: ticket.dueOn, outcome: r.outcome, outcomeAt: published };
    }
    await ratings.createRating(rating, `history-${id}`, ticket);
    out.created += 1;
  }
  return out;
}
