// Reception days for the mini-program: the one home is functions/domain/reception.ts (pure).
export { receptionPlaceId } from '../functions/domain/reception';
