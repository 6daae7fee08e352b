// Integration layer: one DynamoDB Local (in memory, random port) for the whole
// run; each test file creates and drops its own table (see ./table.ts). One
// local S3 (s3rver, temporary folder, random port) holds the uploads bucket.
import { mkdirSync, writeFileSync } from 'node:fs';
import { startDynamoLocal, type DynamoLocal } from '../../scripts/lib/dynamo-local';
import { startS3Local, type S3Local } from '../../scripts/lib/s3-local';
import { readTableDefinitionsAsync } from '../../scripts/lib/tables';
import { ENDPOINT_ENV, S3_ENDPOINT_ENV, TEST_UPLOADS_BUCKET, TMP_DIR, stateFile, type TestStackState } from './shared-state';

declare global {
  // eslint-disable-next-line no-var
  var __BANSHI_DYNAMO__: DynamoLocal | undefined;
  // eslint-disable-next-line no-var
  var __BANSHI_S3__: S3Local | undefined;
}

export default async function globalSetup(): Promise<void> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const started = Date.now();
  // Warm the `serverless print` cache while Java boots (the first print takes ~3-5 s).
  const warm = readTableDefinitionsAsync().then(
    () => undefined,
    (err: Error) => console.warn(`\n[global-setup] 无法从 serverless.yml 读取表定义：${err.message}`),
  );
  const s3 = await startS3Local({ port: 0, bucket: TEST_UPLOADS_BUCKET });
  globalThis.__BANSHI_S3__ = s3;
  process.env[S3_ENDPOINT_ENV] = s3.endpoint;
  const dynamo = await startDynamoLocal({ port: 0 });
  await warm;
  globalThis.__BANSHI_DYNAMO__ = dynamo;
  process.env[ENDPOINT_ENV] = dynamo.endpoint;
  mkdirSync(TMP_DIR, { recursive: true });
  const state: TestStackState = { endpoint: dynamo.endpoint, port: dynamo.port, pid: dynamo.pid, s3Endpoint: s3.endpoint };
  writeFileSync(stateFile(process.pid), JSON.stringify(state));
  if (process.env.BANSHI_TEST_VERBOSE) console.log(`\n[global-setup] DynamoDB Local ${dynamo.endpoint} in ${Date.now() - started} ms`);
}
