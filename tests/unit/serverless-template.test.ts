// Package the service offline (no AWS credentials) and check the generated
// CloudFormation: the properties a county's production system depends on.
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { routes, type RouteDef } from '../../shared/routes';

type Resource = { Type: string; Properties: any; DeletionPolicy?: string; UpdateReplacePolicy?: string };
let resources: Record<string, Resource>;
let artifacts: string[];
const out = mkdtempSync(join(tmpdir(), 'banshi-package-'));

// No AWS credentials: nothing here may reach AWS (SSM included).
const offline: NodeJS.ProcessEnv = { ...process.env, AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '', AWS_PROFILE: 'none-configured' };
delete offline.JWT_SECRET;
delete offline.JWT_SECRET_PREVIOUS;
delete offline.WECHAT_SECRET;
const secrets = { JWT_SECRET: randomBytes(32).toString('base64url'), WECHAT_SECRET: randomBytes(16).toString('hex') };

beforeAll(() => {
  const env = { ...offline, ...secrets };
  execFileSync('npx', ['serverless', 'package', '--stage', 'prod', '--package', out], { cwd: join(__dirname, '../..'), env, stdio: 'pipe' });
  resources = JSON.parse(readFileSync(join(out, 'cloudformation-template-update-stack.json'), 'utf8')).Resources;
  artifacts = readdirSync(out).filter((f) => f.endsWith('.zip'));
}, 120_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

const ofType = (type: string) => Object.entries(resources).filter(([, r]) => r.Type === type);

test('every function runs on nodejs22.x and is packaged individually', () => {
  const fns = ofType('AWS::Lambda::Function');
  expect(fns.length).toBeGreaterThanOrEqual(9);
  for (const [, fn] of fns) expect(fn.Properties.Runtime).toBe('nodejs22.x');
  expect(artifacts.length).toBe(fns.length);
});

test('one table: on-demand, point-in-time recovery, deletion protection, retained, with its GSI', () => {
  const tables = ofType('AWS::DynamoDB::Table');
  expect(tables).toHaveLength(1);
  const [, table] = tables[0]!;
  expect(table.DeletionPolicy).toBe('Retain');
  expect(table.UpdateReplacePolicy).toBe('Retain');
  expect(table.Properties).toMatchObject({
    TableName: 'banshi-prod',
    BillingMode: 'PAY_PER_REQUEST',
    DeletionProtectionEnabled: true,
    PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
  });
  expect(table.Properties.GlobalSecondaryIndexes.map((g: { IndexName: string }) => g.IndexName)).toEqual(['gsi1', 'gsi2']);
});

test('IAM is least privilege: named DynamoDB actions on the table and its indexes only', () => {
  const [, role] = ofType('AWS::IAM::Role')[0]!;
  const statements = role.Properties.Policies.flatMap((p: any) => p.PolicyDocument.Statement);
  const ddb = statements.filter((s: any) => s.Action.some((a: string) => a.startsWith('dynamodb:')));
  expect(ddb).toHaveLength(1);
  for (const action of ddb[0].Action) expect(action).toMatch(/^dynamodb:[A-Z][A-Za-z]+$/);
  expect(ddb[0].Action).not.toContain('dynamodb:Scan');
  expect(ddb[0].Action).not.toContain('dynamodb:DeleteTable');
  expect(JSON.stringify(ddb[0].Resource)).toBe(
    JSON.stringify([{ 'Fn::GetAtt': ['MainTable', 'Arn'] }, { 'Fn::Join': ['/', [{ 'Fn::GetAtt': ['MainTable', 'Arn'] }, 'index', '*']] }]),
  );
  for (const s of statements) {
    expect(s.Action).not.toContain('*');
    expect(s.Resource).not.toContain('*');
  }
  expect(JSON.stringify(statements)).not.toContain('dynamodb:*');
});

test('the uploads bucket: private, encrypted, owner-enforced, retained; tmp/ expires after 7 days; CORS for PUT', () => {
  // Besides the framework's own deployment bucket, one bucket: the uploads.
  const buckets = ofType('AWS::S3::Bucket').filter(([id]) => id !== 'ServerlessDeploymentBucket');
  expect(buckets.map(([id]) => id)).toEqual(['UploadsBucket']);
  const [, bucket] = buckets[0]!;
  expect(bucket.DeletionPolicy).toBe('Retain');
  expect(bucket.UpdateReplacePolicy).toBe('Retain');
  const p = bucket.Properties;
  expect(p.BucketName).toBe('banshi-prod-uploads-cn-northwest-1');
  const sse = p.BucketEncryption.ServerSideEncryptionConfiguration.map((c: any) => c.ServerSideEncryptionByDefault.SSEAlgorithm);
  expect(sse.length).toBeGreaterThan(0);
  for (const algo of sse) expect(['AES256', 'aws:kms']).toContain(algo);
  expect(p.PublicAccessBlockConfiguration).toEqual({
    BlockPublicAcls: true,
    BlockPublicPolicy: true,
    IgnorePublicAcls: true,
    RestrictPublicBuckets: true,
  });
  expect(p.OwnershipControls.Rules).toEqual([{ ObjectOwnership: 'BucketOwnerEnforced' }]);
  expect(p.AccessControl).toBeUndefined();
  const tmp = p.LifecycleConfiguration.Rules.find((r: any) => (r.Prefix ?? r.Filter?.Prefix) === 'tmp/');
  expect(tmp).toMatchObject({ Status: 'Enabled', ExpirationInDays: 7 });
  expect(p.CorsConfiguration.CorsRules.some((r: any) => r.AllowedMethods.includes('PUT'))).toBe(true);
  // No bucket policy opens it up.
  expect(ofType('AWS::S3::BucketPolicy').filter(([id]) => id !== 'ServerlessDeploymentBucketPolicy')).toHaveLength(0);
  // Every function knows the bucket.
  for (const [, fn] of ofType('AWS::Lambda::Function')) {
    expect(fn.Properties.Environment.Variables.UPLOADS_BUCKET).toBe('banshi-prod-uploads-cn-northwest-1');
  }
});

test('IAM for S3: only PutObject and GetObject, only on the objects of the uploads bucket', () => {
  const [, role] = ofType('AWS::IAM::Role')[0]!;
  const statements = role.Properties.Policies.flatMap((p: any) => p.PolicyDocument.Statement);
  const s3 = statements.filter((s: any) => [].concat(s.Action).some((a: string) => a.startsWith('s3:')));
  expect(s3).toHaveLength(1);
  expect(s3[0].Effect).toBe('Allow');
  expect([...s3[0].Action].sort()).toEqual(['s3:GetObject', 's3:PutObject']);
  expect(s3[0].Resource).toEqual([{ 'Fn::Sub': 'arn:${AWS::Partition}:s3:::${UploadsBucket}/*' }]);
  // No other statement reaches S3 (the deployment bucket is CloudFormation's, not the functions').
  expect(JSON.stringify(statements.filter((s: any) => s !== s3[0]))).not.toMatch(/"s3:|UploadsBucket/);
});

test('an HTTP API with a resident and a staff authorizer guarding exactly the routes of the contract', () => {
  expect(ofType('AWS::ApiGatewayV2::Api')[0]![1].Properties.ProtocolType).toBe('HTTP');
  const authorizers = Object.fromEntries(ofType('AWS::ApiGatewayV2::Authorizer').map(([id, a]) => [id, a.Properties]));
  expect(Object.values(authorizers).map((a: any) => a.Name).sort()).toEqual(['residentAuthorizer', 'staffAuthorizer']);
  const deployed = Object.fromEntries(
    ofType('AWS::ApiGatewayV2::Route').map(([, r]) => {
      const id = r.Properties.AuthorizerId?.Ref as string | undefined;
      return [r.Properties.RouteKey, id ? authorizers[id].Name : 'public'];
    }),
  );
  const expected = Object.fromEntries(
    Object.entries(routes as Record<string, RouteDef>).map(([key, def]) => [
      key,
      def.auth === 'public' ? 'public' : def.auth === 'resident' ? 'residentAuthorizer' : 'staffAuthorizer',
    ]),
  );
  expect(deployed).toEqual(expected);
  for (const [key, guard] of Object.entries(deployed)) if (key.includes(' /admin/') && key !== 'POST /admin/auth/login') expect(guard).toBe('staffAuthorizer');
});

test('a deployed stage runs on the secrets it was given, never on a default', () => {
  const template = JSON.stringify(resources);
  expect(template).not.toContain('local-dev');
  for (const [, fn] of ofType('AWS::Lambda::Function')) {
    const vars = fn.Properties.Environment.Variables;
    expect(vars.STAGE).toBe('prod');
    expect(vars.JWT_SECRET).toBe(secrets.JWT_SECRET);
    expect(vars.WECHAT_SECRET).toBe(secrets.WECHAT_SECRET);
    expect(vars.JWT_SECRET_PREVIOUS).toBe('');
  }
});

test('without the secrets, packaging a stage stops and names the SSM parameters to create', () => {
  const r = spawnSync('npx', ['serverless', 'print', '--stage', 'staging'], { cwd: join(__dirname, '../..'), env: offline, encoding: 'utf8', timeout: 60_000 });
  const said = r.stdout + r.stderr;
  expect(r.status).not.toBe(0);
  expect(said).toContain('aws ssm put-parameter --region cn-northwest-1 --type SecureString --name /banshi/staging/jwt-secret');
  expect(said).toContain('--name /banshi/staging/wechat-secret');
  // The optional previous secret is not reported as missing.
  expect(said).not.toContain('jwt-secret-previous');
  // No configuration came out, with or without a default secret.
  expect(said).not.toContain('local-dev-secret');
  expect(r.stdout).not.toContain('functions:');
}, 60_000);

test('the table expires login-attempt counters by their ttl attribute', () => {
  const [, table] = ofType('AWS::DynamoDB::Table')[0]!;
  expect(table.Properties.TimeToLiveSpecification).toEqual({ AttributeName: 'ttl', Enabled: true });
});
