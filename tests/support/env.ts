// setupFiles of the integration layer: runs in each test file's context before
// any module loads, so the AWS SDK and the handlers see these values.
import { randomBytes } from 'node:crypto';
import { readTestEndpoint, readTestS3Endpoint, TEST_UPLOADS_BUCKET } from './shared-state';

const endpoint = readTestEndpoint();
if (!endpoint) {
  throw new Error('DynamoDB Local 的地址未知：集成测试须经 jest --selectProjects integration 运行（globalSetup 负责启动）');
}

process.env.AWS_ENDPOINT_URL_DYNAMODB = endpoint;
// The local S3 of the run (s3rver, started by globalSetup); unknown = a closed port, never AWS.
process.env.AWS_ENDPOINT_URL_S3 = readTestS3Endpoint() ?? 'http://127.0.0.1:9';
process.env.UPLOADS_BUCKET = TEST_UPLOADS_BUCKET;
process.env.AWS_ACCESS_KEY_ID = 'local';
process.env.AWS_SECRET_ACCESS_KEY = 'local';
process.env.AWS_REGION = 'cn-northwest-1';
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
delete process.env.AWS_PROFILE;
process.env.JWT_SECRET = 'test-secret-do-not-use-in-production-0123456789';
/** One table per test file: files run in parallel against one DynamoDB Local. */
process.env.TABLE_NAME = `banshi-test-${randomBytes(6).toString('hex')}`;
process.env.STAGE = 'test';
process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'silent';
// WeChat: tests that log residents in start the fake with useFakeWechat() (./wechat.ts),
// which points WECHAT_API_BASE at it. Until then, a closed port: fails fast, never the real API.
process.env.WECHAT_API_BASE = 'http://127.0.0.1:9';
process.env.WECHAT_APPID = 'wx-test-appid';
process.env.WECHAT_SECRET = 'wx-test-secret';
