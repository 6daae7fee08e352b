// Public and resident side of reception days and window posts: the leaders'
// reception days, booking one with a topic, and who serves each window today.
import { notFound } from '../lib/errors';
import { httpHandler } from '../lib/http';
import { shanghaiDate } from '../domain/calendar';
import { servingLabel } from '../domain/posts';
import { RECEPTION_SERVICE_CODE } from '../domain/reception';
import { loadCalendar } from '../store/calendar';
import { listReceptions } from '../store/reception';
import { bookSeat, resolveReceptionSlot } from './booking-flow';
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
    const { reception: r, place, date, start, window } = await resolveReceptionSlot(params.id, body.slotId);
    return bookSeat({
      residentId: principal.residentId,
      service: { code: RECEPTION_SERVICE_CODE, name: `领导接待（${r.title}${r.name}）` },
      topic: body.topic,
      place,
      slotId: body.slotId,
      date,
      start,
      window,
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
