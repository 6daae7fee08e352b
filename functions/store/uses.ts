// Use counters for "most-used first" (the catalogue, the places of an item):
// `uses` on CATALOG / USE#<code>#<placeId | ONLINE>, ADDed in the transaction
// of each booking and each application, read with the catalogue in the same
// Query or, for one item's places, in one Query of its own. No Scan.
import { tableName } from './client';
import { key } from './keys';
import { partition, queryAll } from './query';
import type { Item } from './transact';

/** Applications (online) count apart from bookings at a place. */
export const ONLINE = 'ONLINE';

/** The transaction item that counts one use of `code` at `where` (a place id, or ONLINE). */
export function countUse(code: string, where: string): Item {
  return {
    Update: {
      TableName: tableName(),
      Key: key.serviceUse(code, where),
      UpdateExpression: 'ADD uses :one',
      ExpressionAttributeValues: { ':one': 1 },
    },
  };
}

export interface UseRow {
  sk: string;
  uses?: number;
}

export const isUseRow = (sk: string) => sk.startsWith(key.serviceUsesPrefix());

/** Uses per item code, summed over its places and online. */
export function usesByItem(rows: UseRow[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of rows) {
    if (!isUseRow(r.sk)) continue;
    const code = r.sk.slice(key.serviceUsesPrefix().length).split('#')[0]!;
    out.set(code, (out.get(code) ?? 0) + Number(r.uses ?? 0));
  }
  return out;
}

/** Every item's use rows (for a list that did not read the CATALOG partition whole). */
export function listUseRows(): Promise<UseRow[]> {
  return queryAll<UseRow>({ ...partition(key.catalogPartition, key.serviceUsesPrefix()), ProjectionExpression: 'sk, #u', ExpressionAttributeNames: { '#u': 'uses' } });
}

/** Bookings of one item per place id. */
export async function placeUses(code: string): Promise<Map<string, number>> {
  const prefix = key.serviceUsesPrefix(code);
  const rows = await queryAll<UseRow>({ ...partition(key.catalogPartition, prefix), ProjectionExpression: 'sk, #u', ExpressionAttributeNames: { '#u': 'uses' } });
  return new Map(rows.map((r) => [r.sk.slice(prefix.length), Number(r.uses ?? 0)]));
}
