// The local table is serverless.yml's table: keys, GSIs, and conditional writes
// behave as they will on AWS.
import { DescribeTableCommand, DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { readTableDefinitions } from '../../scripts/lib/tables';
import { useTestTable } from '../support/table';

const { tableName } = useTestTable();
const client = new DynamoDBClient({});
const doc = DynamoDBDocumentClient.from(client);

afterAll(() => client.destroy());

describe('test table from serverless.yml', () => {
  it('exists under this file’s own name, with the keys and GSIs serverless.yml declares', async () => {
    const expected = readTableDefinitions().find((d) => d.logicalId === 'MainTable');
    expect(expected).toBeDefined();
    expect(tableName).toMatch(/^banshi-test-[0-9a-f]{12}$/);

    const { TableNames } = await client.send(new ListTablesCommand({}));
    expect(TableNames).toContain(tableName);

    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    expect(Table?.TableStatus).toBe('ACTIVE');
    expect(Table?.KeySchema).toEqual([
      { AttributeName: 'pk', KeyType: 'HASH' },
      { AttributeName: 'sk', KeyType: 'RANGE' },
    ]);
    expect(Table?.BillingModeSummary?.BillingMode).toBe('PAY_PER_REQUEST');
    const gsis = (Table?.GlobalSecondaryIndexes ?? []).map((g) => g.IndexName).sort();
    const declared = (expected!.input.GlobalSecondaryIndexes ?? []).map((g) => g.IndexName).sort();
    expect(gsis).toEqual(declared);
    expect(gsis).toContain('gsi1');
    const gsi1 = Table?.GlobalSecondaryIndexes?.find((g) => g.IndexName === 'gsi1');
    expect(gsi1?.KeySchema).toEqual([
      { AttributeName: 'gsi1pk', KeyType: 'HASH' },
      { AttributeName: 'gsi1sk', KeyType: 'RANGE' },
    ]);
  });

  it('refuses a second put with attribute_not_exists(pk)', async () => {
    const put = (note: string) =>
      doc.send(
        new PutCommand({
          TableName: tableName,
          Item: { pk: 'SANITY#1', sk: 'META', gsi1pk: 'SANITY', gsi1sk: '1', note },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    await put('first');
    await expect(put('second')).rejects.toMatchObject({ name: 'ConditionalCheckFailedException' });

    const { Items } = await doc.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :p',
        ExpressionAttributeValues: { ':p': 'SANITY' },
      }),
    );
    expect(Items).toEqual([expect.objectContaining({ pk: 'SANITY#1', note: 'first' })]);
  });
});
