// Stops the integration layer's DynamoDB Local: no Java is left running.
import { rmSync } from 'node:fs';
import { ENDPOINT_ENV, stateFile } from './shared-state';

export default async function globalTeardown(): Promise<void> {
  const dynamo = globalThis.__BANSHI_DYNAMO__;
  globalThis.__BANSHI_DYNAMO__ = undefined;
  delete process.env[ENDPOINT_ENV];
  rmSync(stateFile(process.pid), { force: true });
  if (dynamo) await dynamo.stop();
}
