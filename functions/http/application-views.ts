// Case records → responses, with the clock computed for today.
import type { Application, ApplicationDetail } from '../../shared/schemas/applications';
import type { Calendar } from '../domain/calendar';
import {
  canWithdraw, caseClock, IllegalTransitionError, nextProxyStep, nextState, type ApplicationAction, type ApplicationState,
} from '../domain/application';
import { StaffActionRefused } from '../domain/case-actions';
import { badRequest, conflict } from '../lib/errors';
import { maskName, maskPhone } from '../domain/schedule';
import type { ApplicationRecord, EventRecord } from '../store/applications';

/** The state an action leads to, or a 409 in Chinese. */
export function advance(state: ApplicationState, action: ApplicationAction, previous: ApplicationState | null): ApplicationState {
  try {
    return nextState(state, action, previous);
  } catch (err) {
    if (err instanceof IllegalTransitionError) throw conflict(err.message, 'ILLEGAL_TRANSITION');
    throw err;
  }
}

/** Run a staff action's rules; a refusal becomes a 400 (what the request says) or a 409 (the case). */
export function decided<T>(apply: () => T): T {
  try {
    return apply();
  } catch (err) {
    if (!(err instanceof StaffActionRefused)) throw err;
    const p = err.problem;
    if (p.kind === 'input') throw badRequest(err.message, p.fields);
    throw conflict(p.message, p.code);
  }
}

export function toApplication(a: ApplicationRecord, today: string, cal: Calendar, opts: { maskApplicant?: boolean } = {}): Application {
  const clock = caseClock(a, today, cal);
  const lastStep = a.proxy?.steps[a.proxy.steps.length - 1]?.step ?? null;
  return {
    id: a.id,
    caseNumber: a.caseNumber,
    serviceCode: a.serviceCode,
    serviceName: a.serviceName,
    departmentId: a.departmentId,
    departmentName: a.departmentName,
    applicant: opts.maskApplicant
      ? { name: maskName(a.applicantName), phone: a.applicantPhone ? maskPhone(a.applicantPhone) : null }
      : { name: a.applicantName, phone: a.applicantPhone },
    state: a.state,
    materials: a.materials,
    missing: a.missing,
    materialsRequests: a.materialsRequests,
    handler: a.handler && { name: a.handler.name, phone: a.handler.phone },
    proxy: a.proxy && {
      agent: { name: a.proxy.agentName, phone: a.proxy.agentPhone },
      steps: a.proxy.steps,
      nextStep: nextProxyStep(lastStep),
    },
    clock: { ...clock },
    extension: a.extension,
    submittedAt: a.submittedAt,
    updatedAt: a.updatedAt,
    version: a.version,
  };
}

export function toDetail(a: ApplicationRecord, events: EventRecord[], today: string, cal: Calendar, opts: { maskApplicant?: boolean } = {}): ApplicationDetail {
  return { ...toApplication(a, today, cal, opts), events: [...events].sort((x, y) => x.at.localeCompare(y.at)), withdrawable: canWithdraw(a.state) };
}

const LIGHT_ORDER = { red: 0, yellow: 1, green: 2, pending: 3, paused: 4, done: 5 } as const;

/** Most urgent first: red, yellow, then by the nearest deadline. */
export function byUrgency(a: Application, b: Application): number {
  const due = (x: Application) => x.clock.promisedDueOn ?? x.clock.intakeDueOn ?? '9999';
  return LIGHT_ORDER[a.clock.light] - LIGHT_ORDER[b.clock.light] || due(a).localeCompare(due(b)) || a.submittedAt.localeCompare(b.submittedAt);
}
