// The public side of service-commitment cards: a village's or town's page (no
// login), and a resident of that place rating a finished commitment.
import { badRequest, conflict, forbidden, notFound } from '../lib/errors';
import { httpHandler } from '../lib/http';
import { shanghaiDate } from '../domain/calendar';
import { isResidentOf } from '../domain/commitments';
import { getCard, getCards, listCardIdsOfRegion, rateCommitment } from '../store/commitments';
import { getResident } from '../store/people';
import { getRegions } from '../store/reference';
import { toCard } from './commitment-views';

export const handler = httpHandler({
  'GET /commitments': async ({ query }) => {
    const region = (await getRegions([query.regionCode])).get(query.regionCode);
    if (!region || (region.level !== 'village' && region.level !== 'town')) {
      throw badRequest('请选择一个村（社区）或镇', { regionCode: '请选择一个村（社区）或镇' });
    }
    const cards = await getCards(await listCardIdsOfRegion(region.code));
    const today = shanghaiDate();
    return {
      region: { code: region.code, name: region.name, level: region.level },
      cards: await Promise.all(cards.map((c) => toCard(c, { staff: null, regionCode: region.code }, today))),
    };
  },

  'POST /commitments/{id}/items/{n}/ratings': async ({ params, body, principal }) => {
    const n = Number(params.n);
    const [found, resident] = await Promise.all([getCard(params.id), getResident(principal.residentId)]);
    const c = found?.card.commitments.find((m) => m.n === n);
    if (!c) throw notFound('承诺不存在');
    if (!resident || !isResidentOf(c.regionCode, resident)) throw forbidden(`只有${c.regionName}的居民可以评价这项承诺`);
    if (c.status !== 'done') throw conflict('承诺完成后才能评价', 'NOT_RATEABLE');
    const rating = { cardId: params.id, n, residentId: principal.residentId, level: body.level, idempotencyKey: body.idempotencyKey, ratedAt: new Date().toISOString() };
    const saved = await rateCommitment(rating);
    if (saved.outcome === 'rated') return { level: rating.level, ratedAt: rating.ratedAt };
    // The same request again (a retry) answers as the first did; another one is a second rating.
    if (saved.existing?.idempotencyKey === body.idempotencyKey) return { level: saved.existing.level, ratedAt: saved.existing.ratedAt };
    throw conflict('您已评价过这项承诺', 'ALREADY_RATED');
  },
});
