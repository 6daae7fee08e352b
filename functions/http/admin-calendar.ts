import type { CalendarYear } from '../../shared/schemas/calendar';
import { officialSchedule, validateSchedule } from '../domain/calendar';
import { badRequest, conflict, notFound } from '../lib/errors';
import { httpHandler } from '../lib/http';
import { listCalendarOverrides, putCalendarOverride } from '../store/calendar';

export const handler = httpHandler({
  'GET /admin/calendar/{year}': async ({ params }) => {
    const year = Number(params.year);
    const override = (await listCalendarOverrides()).find((o) => o.year === year);
    if (override) return { ...override, source: 'override' } satisfies CalendarYear;
    const official = officialSchedule(year);
    if (!official) throw notFound(`${year}年工作日历尚未发布，请管理员按国务院办公厅通知发布`);
    return { year, source: 'official', ...official, updatedAt: null, updatedBy: null } satisfies CalendarYear;
  },

  'PUT /admin/calendar/{year}': async ({ params, body, principal }) => {
    const year = Number(params.year);
    if (officialSchedule(year)) {
      throw conflict(`${year}年已有国务院办公厅公布的官方日历，不能覆盖`, 'OFFICIAL_CALENDAR');
    }
    const schedule = { holidays: [...new Set(body.holidays)].sort(), workdays: [...new Set(body.workdays)].sort() };
    const errors = validateSchedule(year, schedule);
    if (Object.keys(errors).length) throw badRequest(Object.values(errors)[0]!, errors);
    const record = { year, ...schedule, updatedAt: new Date().toISOString(), updatedBy: principal.username };
    await putCalendarOverride(record);
    return { ...record, source: 'override' } satisfies CalendarYear;
  },
});
