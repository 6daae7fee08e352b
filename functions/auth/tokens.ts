// Session tokens: HS256 JWTs with a separate audience for residents and staff.
import { SignJWT, jwtVerify, errors } from 'jose';
import type { StaffRole } from '../../shared/enums';

export const RESIDENT_TTL_SECONDS = 7 * 24 * 3600;
export const STAFF_TTL_SECONDS = 12 * 3600;
const ISSUER = 'banshi';
const DEV_SECRET = 'local-dev-secret-not-for-deployment';

function secret(): Uint8Array {
  const value = process.env.JWT_SECRET ?? DEV_SECRET;
  // A deployed stage must bring its own secret.
  if (value === DEV_SECRET && process.env.STAGE && !['dev', 'local', 'test'].includes(process.env.STAGE)) {
    throw new Error('JWT_SECRET must be set outside local stages');
  }
  return new TextEncoder().encode(value);
}

export interface StaffClaims {
  role: StaffRole;
  dept: string;
  region: string;
}

async function sign(aud: 'resident' | 'staff', sub: string, claims: Record<string, string>, ttl: number, now: Date) {
  const iat = Math.floor(now.getTime() / 1000);
  const exp = iat + ttl;
  const token = await new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(ISSUER)
    .setAudience(aud)
    .setSubject(sub)
    .setIssuedAt(iat)
    .setExpirationTime(exp)
    .sign(secret());
  return { token, expiresAt: new Date(exp * 1000).toISOString() };
}

export const signResidentToken = (residentId: string, now = new Date()) =>
  sign('resident', residentId, {}, RESIDENT_TTL_SECONDS, now);

export const signStaffToken = (username: string, claims: StaffClaims, now = new Date()) =>
  sign('staff', username, { ...claims }, STAFF_TTL_SECONDS, now);

export type VerifyResult =
  | { ok: true; aud: 'resident' | 'staff'; sub: string; claims: Record<string, unknown> }
  | { ok: false; reason: 'invalid' | 'expired' };

/** Verify signature, issuer and expiry; report which audience the token is for. */
export async function verifyToken(token: string): Promise<VerifyResult> {
  try {
    const { payload } = await jwtVerify(token, secret(), { issuer: ISSUER, algorithms: ['HS256'] });
    const aud = payload.aud;
    if ((aud !== 'resident' && aud !== 'staff') || !payload.sub) return { ok: false, reason: 'invalid' };
    return { ok: true, aud, sub: payload.sub, claims: payload };
  } catch (err) {
    return { ok: false, reason: err instanceof errors.JWTExpired ? 'expired' : 'invalid' };
  }
}
