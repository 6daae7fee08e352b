// How a stored item becomes its record type. Each store module declares one
// decoder per entity it owns (`decodeTicket = decoder<TicketRecord>()`) and
// reads through it, so an item is decoded in exactly one place and no call
// site casts. `fill` supplies what older items may lack (defaults).
import { withoutKeys } from './keys';

type Raw = Record<string, unknown>;

export function decoder<T>(fill: (item: Raw) => Raw = (item) => item): (raw: Raw) => T {
  // The one cast: the owning module wrote the item from a T, plus its keys.
  return (raw) => fill(withoutKeys(raw)) as unknown as T;
}
