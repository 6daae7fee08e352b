// The DynamoDB client. Only functions/store imports this module.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

let calls = 0;
let doc: DynamoDBDocumentClient | undefined;

/** DynamoDB calls made since the last reset (one request): reported per request. */
export const ddbCallCount = () => calls;
export const resetDdbCallCount = () => {
  calls = 0;
};

export function db(): DynamoDBDocumentClient {
  if (!doc) {
    const base = new DynamoDBClient({});
    base.middlewareStack.add(
      (next) => async (args) => {
        calls += 1;
        return next(args);
      },
      { step: 'initialize', name: 'countDdbCalls' },
    );
    doc = DynamoDBDocumentClient.from(base, { marshallOptions: { removeUndefinedValues: true } });
  }
  return doc;
}

/** Read at call time so tests can point each file at its own table. */
export function tableName(): string {
  const name = process.env.TABLE_NAME;
  if (!name) throw new Error('TABLE_NAME is not set');
  return name;
}

export function isConditionFailed(err: unknown): boolean {
  return err instanceof Error && err.name === 'ConditionalCheckFailedException';
}
