// One local stack (with the H5 app) for the end-to-end files: started once,
// its URLs and environment handed to the test files through a file.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startStack } from '../../../scripts/start';

export const STACK_FILE = join(__dirname, '../../../.tmp/e2e-stack.json');

export default async function globalSetup() {
  const stack = await startStack({
    inMemory: true,
    buildH5: true,
    logLevel: 'warn',
    ports: { api: 0, lambda: 0, websocket: 0, fakeWechat: 0, dynamo: 0, s3: 0, h5: 0 },
  });
  (globalThis as { __BANSHI_STACK__?: typeof stack }).__BANSHI_STACK__ = stack;
  mkdirSync(join(STACK_FILE, '..'), { recursive: true });
  writeFileSync(STACK_FILE, JSON.stringify({ urls: stack.urls, env: stack.env, tableName: stack.tableName }));
}
