// Failed staff logins per username: a counter item in the table, so every
// Lambda instance sees the same count. The window opens at the first failure;
// the fifth within it locks the username for 15 minutes from that failure.
// `ttl` lets DynamoDB drop stale counters; the times decide, not the deletion
// (TTL deletes lazily, DynamoDB Local not at all).
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db, isConditionFailed, tableName } from './client';
import { key } from './keys';

export const LOGIN_MAX_FAILURES = 5;
export const LOGIN_WINDOW_SECONDS = 15 * 60;

export interface LoginFailures {
  failures: number;
  /** Epoch seconds: the end of the counting window. */
  windowEnds: number;
  /** Epoch seconds of the latest failure. */
  lastFailureAt: number;
}

const epoch = (now: Date) => Math.floor(now.getTime() / 1000);

/** The username's failures, if any were recorded (one consistent Get). */
export async function getLoginFailures(username: string): Promise<LoginFailures | null> {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: key.loginFailures(username), ConsistentRead: true }));
  if (!Item) return null;
  return { failures: Number(Item.failures), windowEnds: Number(Item.windowEnds), lastFailureAt: Number(Item.lastFailureAt) };
}

/** Seconds until the username may try again; 0 when it is not locked. */
export function lockedFor(record: LoginFailures | null, now: Date): number {
  if (!record || record.failures < LOGIN_MAX_FAILURES) return 0;
  return Math.max(0, record.lastFailureAt + LOGIN_WINDOW_SECONDS - epoch(now));
}

/** Count a failure: in the open window, or as the first of a new one. */
export async function recordLoginFailure(username: string, now: Date): Promise<void> {
  const at = epoch(now);
  const ttl = at + 2 * LOGIN_WINDOW_SECONDS;
  // Two rounds at most: a concurrent failure may open the new window first.
  for (let round = 0; ; round++) {
    try {
      await db().send(
        new UpdateCommand({
          TableName: tableName(),
          Key: key.loginFailures(username),
          UpdateExpression: 'ADD failures :one SET lastFailureAt = :at, #ttl = :ttl',
          ConditionExpression: 'windowEnds > :at',
          ExpressionAttributeNames: { '#ttl': 'ttl' },
          ExpressionAttributeValues: { ':one': 1, ':at': at, ':ttl': ttl },
        }),
      );
      return;
    } catch (err) {
      if (!isConditionFailed(err)) throw err;
    }
    try {
      // No counter, or its window has closed: start a new one.
      await db().send(
        new PutCommand({
          TableName: tableName(),
          Item: { ...key.loginFailures(username), failures: 1, windowEnds: at + LOGIN_WINDOW_SECONDS, lastFailureAt: at, ttl },
          ConditionExpression: 'attribute_not_exists(pk) OR windowEnds <= :at',
          ExpressionAttributeValues: { ':at': at },
        }),
      );
      return;
    } catch (err) {
      if (!isConditionFailed(err) || round > 0) throw err;
    }
  }
}

/** A successful login starts over. */
export async function clearLoginFailures(username: string): Promise<void> {
  await db().send(new DeleteCommand({ TableName: tableName(), Key: key.loginFailures(username) }));
}
