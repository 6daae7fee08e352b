// Stops the integration layer's DynamoDB Local (no Java is left running) and local S3.
import { rmSync } from 'node:fs';
import { ENDPOINT_ENV, S3_ENDPOINT_ENV, stateFile } from './shared-state';

export default async function globalTeardown(): Promise<void> {
  const dynamo = globalThis.__BANSHI_DYNAMO__;
  globalThis.__BANSHI_DYNAMO__ = undefined;
  delete process.env[ENDPOINT_ENV];
  rmSync(stateFile(process.pid), { force: true });
  if (dynamo) await dynamo.stop();
  const s3 = globalThis.__BANSHI_S3__;
  globalThis.__BANSHI_S3__ = undefined;
  delete process.env[S3_ENDPOINT_ENV];
  if (s3) await s3.stop();
}
