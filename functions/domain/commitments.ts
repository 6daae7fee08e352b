// Service-commitment cards (承诺卡): the rules of a commitment's deadline on
// the official working-day calendar, when it is overdue, when it needs an
// update (待更新), what may change it, and who among residents may rate it.
// Pure functions.
import { COMMITMENTS_MAX, COMMITMENTS_MIN, PROGRESS_STALE_DAYS, type CommitmentLight } from '../../shared/schemas/commitments';
import type { Calendar } from './calendar';
import { ticketDueOn } from './ratings';

export interface CommitmentState {
  status: 'open' | 'done';
  dueOn: string | null;
  postedOn: string;
  /** Dates of the progress entries, oldest first. */
  progressOn: string[];
  doneOn: string | null;
}

/** The deadline: `workingDays` working days after the posting date; null when that year's calendar is unpublished. */
export const commitmentDueOn = (cal: Calendar, postedOn: string, workingDays: number): string | null => ticketDueOn(cal, postedOn, workingDays);

const DAY_MS = 86_400_000;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

/** Past its deadline and not done (a pending deadline is never overdue). */
export const isCommitmentOverdue = (c: Pick<CommitmentState, 'status' | 'dueOn'>, today: string): boolean =>
  c.status === 'open' && c.dueOn !== null && today > c.dueOn;

/** The last day something was written about it: the last progress entry, else the posting date. */
export const lastUpdateOn = (c: Pick<CommitmentState, 'postedOn' | 'progressOn'>): string => c.progressOn[c.progressOn.length - 1] ?? c.postedOn;

/** Open with no progress entry for more than 7 days (待更新: the card is updated weekly). */
export const needsUpdate = (c: Pick<CommitmentState, 'status' | 'postedOn' | 'progressOn'>, today: string): boolean =>
  c.status === 'open' && daysBetween(lastUpdateOn(c), today) > PROGRESS_STALE_DAYS;

/** Overdue wins over 待更新: the deadline is what the public holds the cadre to. */
export function commitmentLight(c: CommitmentState, today: string): CommitmentLight {
  if (c.status === 'done') return 'done';
  if (isCommitmentOverdue(c, today)) return 'overdue';
  return needsUpdate(c, today) ? 'stale' : 'on_track';
}

/** Finished after its deadline. */
export const doneLate = (c: Pick<CommitmentState, 'dueOn' | 'doneOn'>): boolean => c.doneOn !== null && c.dueOn !== null && c.doneOn > c.dueOn;

/** Why progress or a result may not be written now (409), or null. */
export function commitmentChangeRefusal(c: Pick<CommitmentState, 'status'> | undefined): 'missing' | 'done' | null {
  if (!c) return 'missing';
  return c.status === 'done' ? 'done' : null;
}

/** A card holds 3–5 commitments, each about a village or town (the region's level is checked by the caller's lookup). */
export function cardErrors(commitments: { regionCode: string }[], levels: Map<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  if (commitments.length < COMMITMENTS_MIN || commitments.length > COMMITMENTS_MAX) {
    out.commitments = `每张承诺卡应有${COMMITMENTS_MIN}至${COMMITMENTS_MAX}项承诺`;
  }
  commitments.forEach((c, i) => {
    const level = levels.get(c.regionCode);
    if (!level) out[`commitments.${i}.regionCode`] = `第${i + 1}项承诺的村（社区）或镇不存在`;
    else if (level !== 'town' && level !== 'village') out[`commitments.${i}.regionCode`] = `第${i + 1}项承诺应选择一个村（社区）或镇`;
  });
  return out;
}

/**
 * A resident may rate a finished commitment of their village (or town): where
 * they live now or where their home is lies in the commitment's region.
 */
export const isResidentOf = (regionCode: string, r: { currentRegionCode: string | null; hometownRegionCode: string | null }): boolean =>
  [r.currentRegionCode, r.hometownRegionCode].some((code) => !!code && code.startsWith(regionCode));

/** The commitments a region's public page shows: those about the region itself or a place inside it. */
export const concerns = (commitmentRegion: string, pageRegion: string): boolean => commitmentRegion.startsWith(pageRegion);
