// The application (办件) state machine for the mini-program: the one table and
// the staff action rules in functions/domain/application-flow.ts (pure, no
// server imports), re-exported so the workbench never restates them.
export {
  allowedStaffActions, canWithdraw, CLOSED, CONCLUDED, MAX_EXTENSION_DAYS, staffActionFieldErrors, staffActionProblem, TRANSITIONS,
  type CaseFacts, type StaffActionProblem,
} from '../functions/domain/application-flow';
