// Every create (book, apply, rate, file a demand, staff intake) carries an
// idempotency key, so a retry after a dropped signal is stored once.

const KEY_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A fresh idempotency key (16 letters and digits): one per form, reused on retry. */
export function newIdempotencyKey(): string {
  let key = '';
  for (let i = 0; i < 16; i++) key += KEY_CHARS[Math.floor(Math.random() * KEY_CHARS.length)];
  return key;
}
