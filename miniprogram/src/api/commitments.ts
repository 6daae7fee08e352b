// Service-commitment cards (承诺卡): the public page of a village or town, a
// resident's rating, and the workbench's cards, progress and results.
import {
  Card, CardsResponse, CommitmentRating, PublicCardsResponse, type DoneRequest, type PostCardRequest, type ProgressRequest,
} from '../../../shared/schemas/commitments';
import { request } from './client';

export function getPublicCards(regionCode: string) {
  return request('GET /commitments', { query: { regionCode } }, PublicCardsResponse);
}

export function rateCommitment(id: string, n: number, level: number, idempotencyKey: string) {
  return request('POST /commitments/{id}/items/{n}/ratings', { auth: 'resident', params: { id, n: String(n) }, body: { level, idempotencyKey } }, CommitmentRating);
}

export function listCards(view: 'mine' | 'all', cursor?: string) {
  return request('GET /admin/commitments', { auth: 'staff', query: { view, cursor } }, CardsResponse);
}

export function getCard(id: string) {
  return request('GET /admin/commitments/{id}', { auth: 'staff', params: { id } }, Card);
}

export function postCard(body: PostCardRequest) {
  return request('POST /admin/commitments', { auth: 'staff', body }, Card);
}

export function addProgress(id: string, body: ProgressRequest) {
  return request('POST /admin/commitments/{id}/progress', { auth: 'staff', params: { id }, body }, Card);
}

export function markDone(id: string, body: DoneRequest) {
  return request('POST /admin/commitments/{id}/done', { auth: 'staff', params: { id }, body }, Card);
}
