// How the integration layer's globalSetup hands DynamoDB Local's endpoint to
// the test files: an env var (inherited by jest workers) and, as a fallback,
// a file in .tmp/ named after the jest main process (parallel jest runs in the
// same tree never read each other's).
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ENDPOINT_ENV = 'BANSHI_TEST_DYNAMO_ENDPOINT';
/** The local S3 (s3rver) of the run, and the uploads bucket it holds. */
export const S3_ENDPOINT_ENV = 'BANSHI_TEST_S3_ENDPOINT';
export const TEST_UPLOADS_BUCKET = 'banshi-test-uploads';
export const TMP_DIR = resolve(__dirname, '../../.tmp');
export const stateFile = (jestMainPid: number) => join(TMP_DIR, `jest-dynamo-${jestMainPid}.json`);

export interface TestStackState {
  endpoint: string;
  port: number;
  pid: number;
  s3Endpoint?: string;
}

export function readTestEndpoint(): string | undefined {
  if (process.env[ENDPOINT_ENV]) return process.env[ENDPOINT_ENV];
  return readState()?.endpoint;
}

export function readTestS3Endpoint(): string | undefined {
  if (process.env[S3_ENDPOINT_ENV]) return process.env[S3_ENDPOINT_ENV];
  return readState()?.s3Endpoint;
}

function readState(): TestStackState | undefined {
  // A worker's parent is the jest main process; runInBand runs in it.
  for (const pid of [process.ppid, process.pid]) {
    const f = stateFile(pid);
    if (existsSync(f)) return JSON.parse(readFileSync(f, 'utf8')) as TestStackState;
  }
  return undefined;
}
