// Resident ratings (好差评): rate a concluded case or an attended visit
// (idempotent; within 24 hours a new rating replaces the old one), my ratings
// (invitations and given ratings with their rectification tickets), and the
// public satisfaction page (no sign-in). Used only by the rating subpackage.
import {
  MyRatingsResponse,
  PublicSatisfactionResponse,
  Rating,
  type RateRequest,
} from '../../../shared/schemas/ratings';
import { request } from './client';

export function rate(body: RateRequest) {
  return request('POST /ratings', { auth: 'resident', body }, Rating);
}

/** What I may rate, and one page of my ratings (newest first; `cursor` is the previous page's nextCursor). */
export function myRatings(cursor?: string) {
  return request('GET /ratings', { auth: 'resident', query: { cursor } }, MyRatingsResponse);
}

export function publicSatisfaction() {
  return request('GET /satisfaction', { auth: 'public' }, PublicSatisfactionResponse);
}
