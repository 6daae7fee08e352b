import { SignJWT } from 'jose';
import { hashPassword, verifyPassword } from '../../functions/auth/password';
import { signResidentToken, signStaffToken, verifyToken, RESIDENT_TTL_SECONDS } from '../../functions/auth/tokens';

beforeAll(() => {
  process.env.JWT_SECRET = 'unit-test-secret-0123456789abcdef';
});

test('passwords are stored as salted scrypt hashes and verified', async () => {
  const a = await hashPassword('banshi2026');
  const b = await hashPassword('banshi2026');
  expect(a).toMatch(/^scrypt\$16384\$8\$1\$/);
  expect(a).not.toEqual(b);
  expect(a).not.toContain('banshi2026');
  await expect(verifyPassword('banshi2026', a)).resolves.toBe(true);
  await expect(verifyPassword('banshi2027', a)).resolves.toBe(false);
  await expect(verifyPassword('banshi2026', 'plain')).resolves.toBe(false);
});

test('resident and staff tokens carry their audience and claims', async () => {
  const r = await signResidentToken('res-1');
  const s = await signStaffToken('clerk1', { role: 'clerk', dept: 'civil-affairs', region: '511999' });
  expect(await verifyToken(r.token)).toMatchObject({ ok: true, aud: 'resident', sub: 'res-1' });
  expect(await verifyToken(s.token)).toMatchObject({ ok: true, aud: 'staff', sub: 'clerk1', claims: { role: 'clerk', dept: 'civil-affairs' } });
});

test('expired, forged and tampered tokens are refused', async () => {
  const old = await signResidentToken('res-1', new Date(Date.now() - (RESIDENT_TTL_SECONDS + 60) * 1000));
  expect(await verifyToken(old.token)).toEqual({ ok: false, reason: 'expired' });
  const forged = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setIssuer('banshi').setAudience('staff')
    .setSubject('admin').setExpirationTime('1h').sign(new TextEncoder().encode('another-secret'));
  expect(await verifyToken(forged)).toEqual({ ok: false, reason: 'invalid' });
  const { token } = await signResidentToken('res-1');
  const [h, p, sig] = token.split('.');
  const payload = JSON.parse(Buffer.from(p!, 'base64url').toString());
  const tampered = [h, Buffer.from(JSON.stringify({ ...payload, sub: 'res-2' })).toString('base64url'), sig].join('.');
  expect(await verifyToken(tampered)).toEqual({ ok: false, reason: 'invalid' });
  expect(await verifyToken('not-a-jwt')).toEqual({ ok: false, reason: 'invalid' });
});
