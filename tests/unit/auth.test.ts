import { SignJWT } from 'jose';
import { hashPassword, verifyPassword } from '../../functions/auth/password';
import { keyIdOf, signResidentToken, signStaffToken, verifyToken, RESIDENT_TTL_SECONDS } from '../../functions/auth/tokens';
import { randomBytes } from 'node:crypto';

const newSecret = () => randomBytes(32).toString('base64url');
const saved = { ...process.env };

beforeEach(() => {
  // A deployed stage with a secret of its own, unless a test says otherwise.
  process.env.STAGE = 'prod';
  process.env.JWT_SECRET = newSecret();
  delete process.env.JWT_SECRET_PREVIOUS;
});
afterAll(() => {
  process.env = saved;
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

test('after a rotation, a token signed with the previous secret still verifies; once it is dropped, it does not', async () => {
  const old = process.env.JWT_SECRET!;
  const before = await signStaffToken('clerk1', { role: 'clerk', dept: 'civil-affairs', region: '511999' });
  process.env.JWT_SECRET = newSecret();
  process.env.JWT_SECRET_PREVIOUS = old;
  expect(await verifyToken(before.token)).toMatchObject({ ok: true, aud: 'staff', sub: 'clerk1' });
  const after = await signResidentToken('res-1');
  const kidOf = (t: string) => JSON.parse(Buffer.from(t.split('.')[0]!, 'base64url').toString()).kid;
  expect(kidOf(after.token)).toBe(keyIdOf(process.env.JWT_SECRET!));
  expect(kidOf(before.token)).toBe(keyIdOf(old));
  expect(kidOf(after.token)).not.toBe(kidOf(before.token));
  delete process.env.JWT_SECRET_PREVIOUS;
  expect(await verifyToken(before.token)).toEqual({ ok: false, reason: 'invalid' });
  expect(await verifyToken(after.token)).toMatchObject({ ok: true, sub: 'res-1' });
});

test('a token with an unknown kid, no kid, or the right kid over another secret is refused', async () => {
  const current = process.env.JWT_SECRET!;
  const forge = (header: { alg: 'HS256'; kid?: string }, secret: string) =>
    new SignJWT({ role: 'admin', dept: '', region: '511999' }).setProtectedHeader(header).setIssuer('banshi').setAudience('staff')
      .setSubject('admin').setExpirationTime('1h').sign(new TextEncoder().encode(secret));
  const stranger = newSecret();
  expect(await verifyToken(await forge({ alg: 'HS256', kid: keyIdOf(stranger) }, stranger))).toEqual({ ok: false, reason: 'invalid' });
  expect(await verifyToken(await forge({ alg: 'HS256', kid: keyIdOf(current) }, stranger))).toEqual({ ok: false, reason: 'invalid' });
  expect(await verifyToken(await forge({ alg: 'HS256', kid: 'made-up' }, current))).toEqual({ ok: false, reason: 'invalid' });
  expect(await verifyToken(await forge({ alg: 'HS256' }, current))).toEqual({ ok: false, reason: 'invalid' });
  // The control: the same token with the current kid and secret is accepted.
  expect(await verifyToken(await forge({ alg: 'HS256', kid: keyIdOf(current) }, current))).toMatchObject({ ok: true, sub: 'admin' });
});

describe('no stage but local and test runs on a missing or published secret (dev included)', () => {
  const published = 'local-dev-secret-not-for-deployment';
  test.each(['dev', 'prod', 'staging'])('stage %s refuses to sign or verify', async (stage) => {
    process.env.STAGE = stage;
    const valid = (await signResidentToken('res-1')).token;
    for (const bad of [published, 'local-dev-secret-not-for-deployment-0123456789', 'short-secret', undefined]) {
      if (bad === undefined) delete process.env.JWT_SECRET;
      else process.env.JWT_SECRET = bad;
      await expect(signStaffToken('admin', { role: 'admin', dept: '', region: '511999' })).rejects.toThrow(/JWT_SECRET/);
      await expect(verifyToken(valid)).rejects.toThrow(/JWT_SECRET/);
    }
    process.env.JWT_SECRET = newSecret();
    process.env.JWT_SECRET_PREVIOUS = published;
    await expect(verifyToken(valid)).rejects.toThrow(/JWT_SECRET_PREVIOUS/);
  });

  test('with no stage set, the checks apply too', async () => {
    delete process.env.STAGE;
    process.env.JWT_SECRET = published;
    await expect(signResidentToken('res-1')).rejects.toThrow(/JWT_SECRET/);
  });

  test.each(['local', 'test'])('stage %s accepts a short or published secret but still needs one', async (stage) => {
    process.env.STAGE = stage;
    process.env.JWT_SECRET = published;
    const { token } = await signResidentToken('res-1');
    expect(await verifyToken(token)).toMatchObject({ ok: true });
    delete process.env.JWT_SECRET;
    await expect(signResidentToken('res-1')).rejects.toThrow(/JWT_SECRET is not set/);
  });
});
