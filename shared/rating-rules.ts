// The rating rules for the mini-program: the one home is functions/domain/rating-rules.ts (pure).
export { isBad, ratingErrors, type RatingInput } from '../functions/domain/rating-rules';
