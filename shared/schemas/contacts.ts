import * as z from 'zod/mini';
import { RegionCode } from './common';

/** A leader in the public directory (领导干部公开联系表). */
export const Leader = z.object({
  id: z.string(),
  name: z.string(),
  title: z.string(),
  phone: z.string(),
  duties: z.string(),
  regionCode: RegionCode,
});
export type Leader = z.infer<typeof Leader>;

/** The resident's paired cadre (包联干部). */
export const PairedCadre = z.object({
  name: z.string(),
  phone: z.string(),
  duties: z.string(),
  departmentName: z.nullable(z.string()),
});
export type PairedCadre = z.infer<typeof PairedCadre>;

export const ContactsResponse = z.object({
  leaders: z.array(Leader),
  pairedCadre: z.nullable(PairedCadre),
});
export type ContactsResponse = z.infer<typeof ContactsResponse>;
