// Certificates a resident holds: one item per kind in the resident's
// partition (a renewal overwrites it), indexed on gsi2 by the month it ends,
// so the daily reminder Queries the coming weeks instead of scanning.
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { CERTIFICATES, type Certificate } from '../../shared/enums';
import { monthsBetween, type Holding } from '../domain/certificates';
import { db, tableName } from './client';
import { withoutKeys } from './entity';
import { key, skPrefix } from './keys';
import type { Item } from './transact';

export interface HeldCertificate extends Holding {
  residentId: string;
}

function decodeHolding(raw: Record<string, unknown>): HeldCertificate {
  const r = withoutKeys(raw);
  const certificate = String(r.certificate) as Certificate;
  if (!CERTIFICATES.includes(certificate)) throw new Error('unknown certificate kind');
  return { residentId: String(r.residentId), certificate, grantedOn: String(r.grantedOn), endsOn: String(r.endsOn), caseId: String(r.caseId) };
}

/** The Put that records (or renews) a holding, for the conclusion's transaction. */
export function holdingItem(residentId: string, h: Holding): Item {
  return {
    Put: {
      TableName: tableName(),
      Item: { ...key.certificate(residentId, h.certificate), ...key.certificateByEnd(h.endsOn, h.certificate, residentId), residentId, ...h },
    },
  };
}

/** What one resident holds (their export; their deletion). */
export async function certificatesOf(residentId: string): Promise<HeldCertificate[]> {
  const out = await db().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :cert)',
      ExpressionAttributeValues: { ':pk': key.certificate(residentId, '').pk, ':cert': skPrefix.certificate },
    }),
  );
  return (out.Items ?? []).map(decodeHolding);
}

/** Holdings that end between `from` and `to` (inclusive): one Query per month touched. */
export async function certificatesEnding(from: string, to: string): Promise<HeldCertificate[]> {
  const out: HeldCertificate[] = [];
  for (const month of monthsBetween(from, to)) {
    let start: Record<string, unknown> | undefined;
    do {
      const page = await db().send(
        new QueryCommand({
          TableName: tableName(),
          IndexName: 'gsi2',
          KeyConditionExpression: 'gsi2pk = :pk AND gsi2sk BETWEEN :from AND :to',
          ExpressionAttributeValues: { ':pk': key.certificateEndPartition(month), ':from': from, ':to': `${to}#\uffff` },
          ExclusiveStartKey: start,
        }),
      );
      out.push(...(page.Items ?? []).map(decodeHolding));
      start = page.LastEvaluatedKey;
    } while (start);
  }
  return out;
}
