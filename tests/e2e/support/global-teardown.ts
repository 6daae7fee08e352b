import { rmSync } from 'node:fs';
import type { Stack } from '../../../scripts/start';
import { STACK_FILE } from './global-setup';

export default async function globalTeardown() {
  await (globalThis as { __BANSHI_STACK__?: Stack }).__BANSHI_STACK__?.stop();
  rmSync(STACK_FILE, { force: true });
}
