// The age rules for the mini-program: the one home is functions/domain/age.ts (pure).
export { ageOn, ageWarning, type AgeRange } from '../functions/domain/age';
