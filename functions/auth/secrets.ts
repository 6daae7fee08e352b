// The secrets a function runs with. Deployed stages get them from SSM at
// deploy time (serverless.yml); the local stack and the tests make their own.
// Outside the local and test stages a missing, short or once-public secret
// stops the function instead of letting anyone mint tokens.

export type SecretName = 'JWT_SECRET' | 'JWT_SECRET_PREVIOUS' | 'WECHAT_SECRET';

const LOCAL_STAGES = new Set(['local', 'test']);

/** Values that were defaults in this repository at some time: public, never for a deployed stage. */
const PUBLIC_VALUES = new Set([
  'local-dev-secret-not-for-deployment',
  'local-dev-secret-not-for-deployment-0123456789',
  'local-dev-wechat-secret',
]);

/** JWT secrets: 32+ characters (256 bits from `openssl rand -base64 32`). WeChat app secrets are 32 hex digits. */
const MIN_LENGTH: Record<SecretName, number> = { JWT_SECRET: 32, JWT_SECRET_PREVIOUS: 32, WECHAT_SECRET: 32 };

export class SecretConfigError extends Error {
  override readonly name = 'SecretConfigError';
}

export const isLocalStage = (stage = process.env.STAGE) => LOCAL_STAGES.has(stage ?? '');

/** The secret's value; throws when it is missing (unless optional) or unfit for this stage. */
export function readSecret(name: SecretName, opts: { optional: true }): string | undefined;
export function readSecret(name: SecretName, opts?: { optional?: false }): string;
export function readSecret(name: SecretName, opts: { optional?: boolean } = {}): string | undefined {
  const value = process.env[name] || undefined;
  if (!value) {
    if (opts.optional) return undefined;
    throw new SecretConfigError(`${name} is not set`);
  }
  if (!isLocalStage()) {
    const stage = process.env.STAGE ?? '(unset)';
    if (PUBLIC_VALUES.has(value)) throw new SecretConfigError(`${name} is a published local default; stage ${stage} needs its own`);
    if (value.length < MIN_LENGTH[name]) throw new SecretConfigError(`${name} is shorter than ${MIN_LENGTH[name]} characters on stage ${stage}`);
  }
  return value;
}
