// Package the service offline (no AWS credentials) and check the generated
// CloudFormation: the properties a county's production system depends on.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { routes, type RouteDef } from '../../shared/routes';

type Resource = { Type: string; Properties: any; DeletionPolicy?: string; UpdateReplacePolicy?: string };
let resources: Record<string, Resource>;
let artifacts: string[];
const out = mkdtempSync(join(tmpdir(), 'banshi-package-'));

beforeAll(() => {
  const env = { ...process.env, AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '', AWS_PROFILE: 'none-configured' };
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

test('a deployed stage carries no local default secrets as the only protection', () => {
  const [, fn] = ofType('AWS::Lambda::Function').find(([id]) => id === 'AuthLambdaFunction')!;
  expect(fn.Properties.Environment.Variables.STAGE).toBe('prod');
});
