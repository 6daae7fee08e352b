// Integration layer: one DynamoDB Local (in memory, random port) for the whole
// run; each test file creates and drops its own table (see ./table.ts).
import { mkdirSync, writeFileSync } from 'node:fs';
import { startDynamoLocal, type DynamoLocal } from '../../scripts/lib/dynamo-local';
import { readTableDefinitionsAsync } from '../../scripts/lib/tables';
import { ENDPOINT_ENV, TMP_DIR, stateFile, type TestStackState } from './shared-state';

declare global {
  // eslint-disable-next-line no-var
  var __BANSHI_DYNAMO__: DynamoLocal | undefined;
}

export default async function globalSetup(): Promise<void> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const started = Date.now();
  // Warm the `serverless print` cache while Java boots (the first print takes ~3-5 s).
  const warm = readTableDefinitionsAsync().then(
    () => undefined,
    (err: Error) => console.warn(`\n[global-setup] 无法从 serverless.yml 读取表定义：${err.message}`),
  );
  const dynamo = await startDynamoLocal({ port: 0 });
  await warm;
  globalThis.__BANSHI_DYNAMO__ = dynamo;
  process.env[ENDPOINT_ENV] = dynamo.endpoint;
  mkdirSync(TMP_DIR, { recursive: true });
  const state: TestStackState = { endpoint: dynamo.endpoint, port: dynamo.port, pid: dynamo.pid };
  writeFileSync(stateFile(process.pid), JSON.stringify(state));
  if (process.env.BANSHI_TEST_VERBOSE) console.log(`\n[global-setup] DynamoDB Local ${dynamo.endpoint} in ${Date.now() - started} ms`);
}
