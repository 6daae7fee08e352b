// The evening before: every resident booked at any service point or roving
// office day tomorrow is reminded (inbox + push), once per booking. One Query
// per place of tomorrow's day list (GSI2), no Scan.
import { shanghaiDate } from '../domain/calendar';
import { bookingReminder } from '../domain/messages';
import { addDays, ROVING_PREFIX } from '../domain/schedule';
import { log } from '../lib/log';
import { listPlaceDayAppointments } from '../store/appointments';
import { writePush } from '../store/outbox';
import { listRovingDays, listServicePoints } from '../store/points';

export async function remindTomorrow(now = new Date()): Promise<{ written: number; already: number }> {
  const tomorrow = addDays(shanghaiDate(now), 1);
  const [points, roving] = await Promise.all([listServicePoints(), listRovingDays()]);
  const places = [...points.map((p) => p.id), ...roving.map((r) => `${ROVING_PREFIX}${r.id}`)];
  let written = 0;
  let already = 0;
  for (const placeId of places) {
    for (const a of await listPlaceDayAppointments(placeId, tomorrow)) {
      if (a.status !== 'booked') continue;
      if ((await writePush({ kind: 'resident', id: a.residentId }, bookingReminder(a), now.toISOString())) === 'written') written += 1;
      else already += 1;
    }
  }
  log.info('booking.reminders', { places: places.length, written, already });
  return { written, already };
}

export const handler = async () => remindTomorrow();
