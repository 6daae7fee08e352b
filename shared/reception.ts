// Reception days for the mini-program: the one home is functions/domain/reception.ts (pure),
// and the window rule the server checks a reception's windows with (functions/domain/schedule.ts).
export { isReceptionBooking, MAX_RECEPTION_DATES, receptionHost, receptionPlaceId } from '../functions/domain/reception';
export { windowErrors } from '../functions/domain/schedule';
