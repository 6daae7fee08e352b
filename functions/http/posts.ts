// Public and resident side of reception days and window posts: the leaders'
// reception days, booking one with a topic, and who serves each window today.
import { badRequest, notFound } from '../lib/errors';
import { httpHandler } from '../lib/http';
import { shanghaiDate } from '../domain/calendar';
import { servingLabel } from '../domain/posts';
import { RECEPTION_SERVICE_CODE, receptionPlace } from '../domain/reception';
import { parseSlotId } from '../domain/schedule';
import { loadCalendar } from '../store/calendar';
import { getReception, listReceptions } from '../store/reception';
import { bookableWindow, bookSeat } from './booking-flow';
import { loadPlace } from './place-views';
import { loadRoster, toReception } from './post-views';

export const handler = httpHandler({
  'GET /receptions': async () => {
    const [list, cal] = await Promise.all([listReceptions(), loadCalendar()]);
    const today = shanghaiDate();
    const receptions = list.map((r) => toReception(r, today, cal));
    // The soonest first; leaders with nothing announced last.
    return { receptions: receptions.sort((a, b) => (a.nextDate ?? '9999').localeCompare(b.nextDate ?? '9999') || a.name.localeCompare(b.name, 'zh-CN')) };
  },

  'POST /receptions/{id}/appointments': async ({ params, body, principal }) => {
    const [r, cal] = await Promise.all([getReception(params.id), loadCalendar()]);
    if (!r) throw notFound('该领导的接待日安排不存在');
    const place = receptionPlace(r);
    const { placeId, date, start } = parseSlotId(body.slotId);
    if (placeId !== place.id) throw badRequest('该时段不是这位领导的接待时段', { slotId: '该时段不是这位领导的接待时段' });
    return bookSeat({
      residentId: principal.residentId,
      service: { code: RECEPTION_SERVICE_CODE, name: `领导接待（${r.title}${r.name}）` },
      topic: body.topic,
      place,
      slotId: body.slotId,
      date,
      start,
      window: bookableWindow(place, date, start, cal),
      idempotencyKey: body.idempotencyKey,
    });
  },

  'GET /places/{placeId}/desk': async ({ params }) => {
    const place = await loadPlace(params.placeId);
    if (!place) throw notFound('办理地点不存在');
    const date = shanghaiDate();
    // Window posts belong to service points; a roving team or a leader's reception is its own desk.
    const posts = place.kind === 'point' ? (await loadRoster(place.regionCode, date)).posts : [];
    return {
      placeId: place.id,
      placeName: place.name,
      date,
      windows: posts.map((s) => ({ postName: s.post.name, servedByName: s.servedBy?.name ?? null, via: s.via, label: servingLabel(s) })),
    };
  },
});
