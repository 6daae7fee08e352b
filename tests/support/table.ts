// useTestTable(): this test file's own table (named process.env.TABLE_NAME by
// ./env.ts), created from serverless.yml's definition before the tests and
// dropped after them.
import { createTables, deleteTable } from '../../scripts/lib/tables';

export interface TestTable {
  endpoint: string;
  tableName: string;
}

export function useTestTable(): TestTable {
  const endpoint = process.env.AWS_ENDPOINT_URL_DYNAMODB;
  const tableName = process.env.TABLE_NAME;
  if (!endpoint || !tableName) throw new Error('useTestTable() 须在集成测试中使用（tests/support/env.ts 未生效）');
  beforeAll(async () => {
    await createTables(endpoint, { tableName });
  }, 60_000);
  afterAll(async () => {
    await deleteTable(endpoint, tableName);
  }, 30_000);
  return { endpoint, tableName };
}
