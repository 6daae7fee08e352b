// A stored card as the API shows it: each commitment's light for today, its
// ratings summarized, result photos as short-lived links.
import type { Card } from '../../shared/schemas/commitments';
import { commitmentLight, concerns, doneLate, lastUpdateOn, type CommitmentState } from '../domain/commitments';
import { mayEditCard, type Staff } from '../domain/access';
import { summarize } from '../domain/ratings';
import type { CardWithRatings, CommitmentRecord } from '../store/commitments';
import { presignDownload } from '../store/uploads';

export const stateOf = (c: CommitmentRecord, postedOn: string): CommitmentState => ({
  status: c.status,
  dueOn: c.dueOn,
  postedOn,
  progressOn: c.progress.map((p) => p.on),
  doneOn: c.result?.on ?? null,
});

const photos = (keys: string[], now: Date) => Promise.all(keys.map(async (k) => ({ key: k, url: (await presignDownload(k, now)).url })));

export interface CardViewer {
  /** Staff: whether they may edit, and the author shown; null on the public page. */
  staff: Staff | null;
  /** The public page of a region shows only the commitments about it. */
  regionCode?: string;
}

export async function toCard({ card, counts }: CardWithRatings, viewer: CardViewer, today: string, now = new Date()): Promise<Card> {
  const shown = viewer.regionCode ? card.commitments.filter((c) => concerns(c.regionCode, viewer.regionCode!)) : card.commitments;
  const commitments = await Promise.all(
    shown.map(async (c) => {
      const state = stateOf(c, card.postedOn);
      const level = (l: number) => counts[`n${c.n}_l${l}`] ?? 0;
      return {
        n: c.n,
        problem: c.problem,
        owner: c.owner,
        target: c.target,
        workingDays: c.workingDays,
        regionCode: c.regionCode,
        regionName: c.regionName,
        dueOn: c.dueOn,
        dueOnPending: c.dueOn === null,
        light: commitmentLight(state, today),
        lastUpdateOn: lastUpdateOn(state),
        progress: [...c.progress].reverse(),
        result: c.result && { at: c.result.at, on: c.result.on, text: c.result.text, by: c.result.by, photos: await photos(c.result.photoKeys, now), late: doneLate(state) },
        ratings: summarize({ l1: level(1), l2: level(2), l3: level(3), l4: level(4), l5: level(5) }),
      };
    }),
  );
  return {
    id: card.id,
    title: card.title,
    owner: { kind: card.owner.kind, name: card.owner.name, departmentId: card.owner.departmentId },
    author: viewer.staff ? card.author : null,
    postedOn: card.postedOn,
    commitments,
    version: card.version,
    editable: viewer.staff ? mayEditCard(viewer.staff, card) : false,
  };
}
