// How a stored item becomes its record type. Each store module declares one
// decoder per entity it owns (`decodeTicket = decoder<TicketRecord>()`) and
// reads through it, so an item is decoded in exactly one place and no call
// site casts. `fill` supplies what older items may lack (defaults).

type Raw = Record<string, unknown>;

/** Strip key attributes before returning an item to the domain. */
export function withoutKeys<T extends Raw>(item: T): Omit<T, 'pk' | 'sk' | 'gsi1pk' | 'gsi1sk' | 'gsi2pk' | 'gsi2sk'> {
  const { pk: _pk, sk: _sk, gsi1pk: _g1, gsi1sk: _g2, gsi2pk: _g3, gsi2sk: _g4, ...rest } = item;
  return rest;
}

export function decoder<T>(fill: (item: Raw) => Raw = (item) => item): (raw: Raw) => T {
  // The one cast: the owning module wrote the item from a T, plus its keys.
  return (raw) => fill(withoutKeys(raw)) as unknown as T;
}
