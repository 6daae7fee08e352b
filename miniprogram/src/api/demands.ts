// Resident demand routes (诉求): file (idempotent), my demands, one demand
// with its timeline, answer a request for information, evaluate, reopen, and
// the knowledge base a 咨询 looks at first (used only by the demand subpackage).
import {
  DemandDetail,
  DemandsResponse,
  KnowledgeResponse,
  type ConsultAnsweredRequest,
  type EvaluationRequest,
  type FileDemandRequest,
} from '../../../shared/schemas/demands';
import { request, type RouteBody } from './client';

export function fileDemand(body: FileDemandRequest) {
  return request('POST /demands', { auth: 'resident', body }, DemandDetail);
}

/** A 咨询 the knowledge base or the catalogue answered: recorded and closed on the spot. */
export function consultAnswered(body: ConsultAnsweredRequest) {
  return request('POST /demands/consult-answered', { auth: 'resident', body }, DemandDetail);
}

/** One page of my demands, newest first; `cursor` is the previous page's nextCursor. */
export function listDemands(cursor?: string) {
  return request('GET /demands', { auth: 'resident', query: { cursor } }, DemandsResponse);
}

export function getDemand(id: string) {
  return request('GET /demands/{id}', { auth: 'resident', params: { id } }, DemandDetail);
}

export function evaluateDemand(id: string, body: EvaluationRequest) {
  return request('POST /demands/{id}/evaluation', { auth: 'resident', params: { id }, body }, DemandDetail);
}

export function reopenDemand(id: string, body: RouteBody<'POST /demands/{id}/reopen'>) {
  return request('POST /demands/{id}/reopen', { auth: 'resident', params: { id }, body }, DemandDetail);
}

export function provideInfo(id: string, body: RouteBody<'POST /demands/{id}/info'>) {
  return request('POST /demands/{id}/info', { auth: 'resident', params: { id }, body }, DemandDetail);
}

/** Answered questions and catalogue items matching a few words (no words: the latest answers). */
export function searchKnowledge(q?: string) {
  return request('GET /knowledge', { query: { q } }, KnowledgeResponse);
}
