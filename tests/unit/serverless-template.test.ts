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
