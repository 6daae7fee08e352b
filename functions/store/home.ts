// The workbench home's counts: each one Query with Select COUNT (no items
// shipped back), run in parallel by the handler; only the overdue count
// reads the open cases themselves, since lights move with the calendar.
import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from './client';
import { key } from './keys';
import { queryAll } from './query';

/** How many items a query matches, following pages (COUNT still pages at 1 MB read). */
async function count(input: Omit<QueryCommandInput, 'TableName' | 'Select'>): Promise<number> {
  let total = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const out = await db().send(new QueryCommand({ ...input, TableName: tableName(), Select: 'COUNT', ExclusiveStartKey: start }));
    total += out.Count ?? 0;
    start = out.LastEvaluatedKey;
  } while (start);
  return total;
}

const inPartition = (pk: string, skPrefix?: string) =>
  skPrefix
    ? { KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)', ExpressionAttributeValues: { ':pk': pk, ':p': skPrefix } }
    : { KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': pk } };

/** Open cases of a department, or of a town's 便民服务中心 (its town-level cases). */
export const countOpenApplications = (scope: { kind: 'department'; departmentId: string } | { kind: 'town'; townCode: string }) =>
  scope.kind === 'department'
    ? count(inPartition(key.openApplicationsPartition, `${scope.departmentId}#`))
    : count({ IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': key.openApplicationByTown(scope.townCode, '').gsi1pk } });

/** Open demands in a queue bucket (`demandQueue`), or all open ones. */
export const countOpenDemands = (bucket?: string) => count(inPartition(key.openDemandsPartition, bucket ? `${bucket}#` : undefined));

/** Unfinished rectification tickets, of one department or all. */
export const countOpenTickets = (departmentId?: string) =>
  count({
    IndexName: 'gsi2',
    KeyConditionExpression: 'gsi2pk = :pk',
    ...(departmentId
      ? { FilterExpression: 'departmentId = :d', ExpressionAttributeValues: { ':pk': key.openTicketsPartition, ':d': departmentId } }
      : { ExpressionAttributeValues: { ':pk': key.openTicketsPartition } }),
  });

/** Today's bookings (not cancelled) at the service points of a region. */
export async function countBookingsAtRegionPoints(regionCode: string, date: string): Promise<number> {
  const points = await queryAll<{ id: string }>({
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': key.pointByRegion(regionCode, '').gsi1pk },
    ProjectionExpression: 'id',
  });
  const counts = await Promise.all(
    points.map((p) =>
      count({
        IndexName: 'gsi2',
        KeyConditionExpression: 'gsi2pk = :pk',
        FilterExpression: '#s <> :cancelled',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':pk': key.appointmentByPlaceDay(p.id, date, '', '').gsi2pk, ':cancelled': 'cancelled' },
      }),
    ),
  );
  return counts.reduce((a, b) => a + b, 0);
}

/** Open service commitments past their deadline: their pointers sort by deadline, so those before today. */
export const countOverdueCommitments = (today: string) =>
  count({ KeyConditionExpression: 'pk = :pk AND sk < :today', ExpressionAttributeValues: { ':pk': key.openCommitmentsPartition, ':today': today } });
