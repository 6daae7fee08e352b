// Certificates and benefits a resident holds (老年人优待证, 高龄津贴资格, 残疾人证):
// an approved case of an item that grants one records it, valid for whole
// months; the daily 主动服务 job reminds the holder before it ends.
import type { Certificate } from '../../shared/enums';
import { addCalendarDays } from './calendar';
import type { CertificateGrant } from '../../shared/schemas/catalog';

export interface Holding {
  certificate: Certificate;
  /** The day it was granted (the case's conclusion, Asia/Shanghai). */
  grantedOn: string;
  /** The last day it is valid. */
  endsOn: string;
  caseId: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** `date` plus `months` calendar months (the day clamped to the month's end). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  return `${year}-${pad(month)}-${pad(Math.min(d, daysIn(year, month)))}`;
}

/** What an approved case grants (a 12-month grant from 2026-03-15 is valid through 2027-03-14), or null when its item grants nothing. */
export function holdingFromConclusion(grant: CertificateGrant | null | undefined, concludedOn: string, caseId: string): Holding | null {
  if (!grant) return null;
  return { certificate: grant.certificate, grantedOn: concludedOn, endsOn: addCalendarDays(addMonths(concludedOn, grant.validMonths), -1), caseId };
}

/** The `yyyy-mm` months a window of dates touches (the end-date index is by month). */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from.slice(0, 7); m <= to.slice(0, 7); m = addMonths(`${m}-01`, 1).slice(0, 7)) out.push(m);
  return out;
}
