// The demand state machine for the mini-program: the one table in
// functions/domain/demand-flow.ts (pure, no server imports), re-exported so a
// page never restates it. Responses also carry the caller's `allowedActions`.
export {
  DEMAND_TRANSITIONS, OPEN_DEMAND_STATES, REOPEN_DAYS, allowedDemandActions, afterEvaluation, wantsRedo,
  type DemandActor, type DemandFacts, type Transition, type Viewer,
} from '../functions/domain/demand-flow';
