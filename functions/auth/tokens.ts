// Session tokens: HS256 JWTs with a separate audience for residents and staff.
// Tokens are signed with JWT_SECRET under its key id (`kid`); a token signed
// with JWT_SECRET_PREVIOUS still verifies, so rotating the secret signs no one
// out (README: Deploy → Rotating the token secret).
import { createHash } from 'node:crypto';
import { SignJWT, jwtVerify, errors } from 'jose';
import type { StaffRole } from '../../shared/enums';
import { readSecret } from './secrets';

export const RESIDENT_TTL_SECONDS = 7 * 24 * 3600;
export const STAFF_TTL_SECONDS = 12 * 3600;
const ISSUER = 'banshi';

interface SigningKey {
  kid: string;
  bytes: Uint8Array;
}

/** Names a secret without revealing it: the same secret always has the same kid. */
export const keyIdOf = (secret: string) => createHash('sha256').update(`banshi-jwt-kid\0${secret}`).digest('base64url').slice(0, 16);

const keyOf = (secret: string): SigningKey => ({ kid: keyIdOf(secret), bytes: new TextEncoder().encode(secret) });

/** Read on every call: a misconfigured function refuses to sign or verify anything. */
function signingKeys(): { current: SigningKey; byKid: Map<string, SigningKey> } {
  const current = keyOf(readSecret('JWT_SECRET'));
  const previous = readSecret('JWT_SECRET_PREVIOUS', { optional: true });
  const byKid = new Map([[current.kid, current]]);
  if (previous) {
    const prev = keyOf(previous);
    if (!byKid.has(prev.kid)) byKid.set(prev.kid, prev);
  }
  return { current, byKid };
}

export interface StaffClaims {
  role: StaffRole;
  dept: string;
  region: string;
}

async function sign(aud: 'resident' | 'staff', sub: string, claims: Record<string, string>, ttl: number, now: Date) {
  const { current } = signingKeys();
  const iat = Math.floor(now.getTime() / 1000);
  const exp = iat + ttl;
  const token = await new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', kid: current.kid })
    .setIssuer(ISSUER)
    .setAudience(aud)
    .setSubject(sub)
    .setIssuedAt(iat)
    .setExpirationTime(exp)
    .sign(current.bytes);
  return { token, expiresAt: new Date(exp * 1000).toISOString() };
}

export const signResidentToken = (residentId: string, now = new Date()) =>
  sign('resident', residentId, {}, RESIDENT_TTL_SECONDS, now);

export const signStaffToken = (username: string, claims: StaffClaims, now = new Date()) =>
  sign('staff', username, { ...claims }, STAFF_TTL_SECONDS, now);

export type VerifyResult =
  | { ok: true; aud: 'resident' | 'staff'; sub: string; claims: Record<string, unknown> }
  | { ok: false; reason: 'invalid' | 'expired' };

/** Verify key id, signature, issuer and expiry; report which audience the token is for. */
export async function verifyToken(token: string): Promise<VerifyResult> {
  // Outside the try: a missing or public secret is the server's fault, not the token's.
  const { byKid } = signingKeys();
  try {
    const { payload } = await jwtVerify(
      token,
      (header) => {
        // A token without a known kid was not signed by a secret of this stage.
        const key = header.kid ? byKid.get(header.kid) : undefined;
        if (!key) throw new errors.JWKSNoMatchingKey();
        return key.bytes;
      },
      { issuer: ISSUER, algorithms: ['HS256'] },
    );
    const aud = payload.aud;
    if ((aud !== 'resident' && aud !== 'staff') || !payload.sub) return { ok: false, reason: 'invalid' };
    return { ok: true, aud, sub: payload.sub, claims: payload };
  } catch (err) {
    return { ok: false, reason: err instanceof errors.JWTExpired ? 'expired' : 'invalid' };
  }
}
