// Staff side of service-commitment cards: a cadre posts their own card, a
// department head their department's; either writes weekly progress and marks
// a commitment done with its result and photos. Supervisors and admins read all.
import { cardOwnerKind, mayEditCard, maySeeAllCards, maySeeCard, type Staff } from '../domain/access';
import { shanghaiDate } from '../domain/calendar';
import { cardErrors, commitmentChangeRefusal, commitmentDueOn } from '../domain/commitments';
import { conflict, forbidden, notFound, refuseFieldErrors } from '../lib/errors';
import { httpHandler } from '../lib/http';
import { loadCalendar } from '../store/calendar';
import { createCard, getCard, newCardId, ownerKeyOf, pageCards, saveCard, withRatings, type CardRecord, type CardWithRatings, type CommitmentRecord } from '../store/commitments';
import { getStaff } from '../store/people';
import { getDepartment, getRegions } from '../store/reference';
import { staffUploadOwner } from '../store/uploads';
import { toCard } from './commitment-views';
import { keepPhotos } from './demand-steps';

const view = (c: CardWithRatings, s: Staff) => toCard(c, { staff: s }, shanghaiDate());

async function cardFor(s: Staff, id: string): Promise<CardWithRatings> {
  const found = await getCard(id);
  if (!found || !maySeeCard(s, found.card)) throw notFound('承诺卡不存在');
  return found;
}

/** The card and the commitment a change is about, if the caller may change it now. */
async function changing(s: Staff, id: string, n: number, version: number): Promise<{ found: CardWithRatings; c: CommitmentRecord }> {
  const found = await getCard(id);
  if (!found) throw notFound('承诺卡不存在');
  if (!mayEditCard(s, found.card)) throw forbidden('只能更新本人或本部门的承诺卡');
  const c = found.card.commitments.find((m) => m.n === n);
  const refusal = commitmentChangeRefusal(c);
  if (refusal === 'missing') throw notFound('承诺不存在');
  if (refusal === 'done') throw conflict('这项承诺已完成，不能再更新', 'COMMITMENT_DONE');
  if (found.card.version !== version) throw conflict('承诺卡已被他人更新，请刷新后重试', 'VERSION_CONFLICT');
  return { found, c: c! };
}

async function save(s: Staff, found: CardWithRatings, n: number, change: (c: CommitmentRecord) => CommitmentRecord, now: Date) {
  const next: CardRecord = {
    ...found.card,
    commitments: found.card.commitments.map((m) => (m.n === n ? change(m) : m)),
    version: found.card.version + 1,
    updatedAt: now.toISOString(),
  };
  const closed = next.commitments.filter((m) => m.n === n && m.status === 'done');
  if ((await saveCard(next, found.card.version, closed)) === 'stale') throw conflict('承诺卡已被他人更新，请刷新后重试', 'VERSION_CONFLICT');
  return view({ card: next, counts: found.counts }, s);
}

export const handler = httpHandler({
  'GET /admin/commitments': async ({ query, principal }) => {
    const all = (query.view ?? (maySeeAllCards(principal) ? 'all' : 'mine')) === 'all';
    if (all && !maySeeAllCards(principal)) throw forbidden('只有督查人员和管理员可以查看全部承诺卡');
    const owner = ownerKeyOf({ kind: cardOwnerKind(principal), username: principal.username, departmentId: principal.departmentId });
    const page = await pageCards(all ? 'all' : owner, query);
    const cards = await withRatings(page.items);
    return { items: await Promise.all(cards.map((c) => view(c, principal))), nextCursor: page.nextCursor };
  },

  'POST /admin/commitments': async ({ body, principal }) => {
    const kind = cardOwnerKind(principal);
    if (kind === 'department' && !principal.departmentId) throw forbidden('部门负责人账号未关联部门');
    const [regions, me, dept, cal] = await Promise.all([
      getRegions(body.commitments.map((c) => c.regionCode)),
      getStaff(principal.username),
      kind === 'department' ? getDepartment(principal.departmentId!) : undefined,
      loadCalendar(),
    ]);
    refuseFieldErrors(cardErrors(body.commitments, new Map([...regions].map(([code, r]) => [code, r.level]))));
    const now = new Date();
    const postedOn = shanghaiDate(now);
    const name = me?.name ?? principal.username;
    const card: CardRecord = {
      id: newCardId(now),
      title: body.title,
      owner: { kind, name: kind === 'department' ? (dept?.name ?? principal.departmentId!) : name, username: kind === 'cadre' ? principal.username : null, departmentId: kind === 'department' ? principal.departmentId : null },
      author: { username: principal.username, name },
      postedAt: now.toISOString(),
      postedOn,
      commitments: body.commitments.map((c, i) => ({
        ...c, n: i + 1, regionName: regions.get(c.regionCode)!.name, dueOn: commitmentDueOn(cal, postedOn, c.workingDays), status: 'open', progress: [], result: null,
      })),
      version: 1,
      updatedAt: now.toISOString(),
    };
    const created = await createCard(card, body.idempotencyKey);
    if (created.outcome === 'created') return view({ card, counts: {} }, principal);
    const first = created.id ? await getCard(created.id) : undefined;
    if (!first) throw conflict('请求正在处理，请稍后刷新', 'IN_PROGRESS');
    return view(first, principal);
  },

  'GET /admin/commitments/{id}': async ({ params, principal }) => view(await cardFor(principal, params.id), principal),

  'POST /admin/commitments/{id}/progress': async ({ params, body, principal }) => {
    const { found } = await changing(principal, params.id, body.n, body.version);
    const now = new Date();
    const by = (await getStaff(principal.username))?.name ?? principal.username;
    const entry = { at: now.toISOString(), on: shanghaiDate(now), text: body.text, by };
    return save(principal, found, body.n, (c) => ({ ...c, progress: [...c.progress, entry] }), now);
  },

  'POST /admin/commitments/{id}/done': async ({ params, body, principal }) => {
    const { found } = await changing(principal, params.id, body.n, body.version);
    const now = new Date();
    const [staff, photoKeys] = await Promise.all([
      getStaff(principal.username),
      keepPhotos(body.photos, staffUploadOwner(principal.username), params.id, 'commitments'),
    ]);
    const result = { at: now.toISOString(), on: shanghaiDate(now), text: body.result, by: staff?.name ?? principal.username, photoKeys };
    return save(principal, found, body.n, (c) => ({ ...c, status: 'done', result }), now);
  },
});
