// Subscribe-message consent of a push recipient (one item in their partition):
// one-time consents banked as credits per template, long-term ones as flags.
// The sender spends a credit conditionally, so two sends cannot spend one.
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { PushTemplate } from '../../shared/push-templates';
import { db, isConditionFailed, tableName } from './client';
import { key } from './keys';
import type { Recipient } from './outbox';

export interface ConsentState {
  template: PushTemplate;
  credits: number;
  long: boolean;
}

const creditAttr = (t: PushTemplate) => `credits_${t}`;
const longAttr = (t: PushTemplate) => `long_${t}`;

export async function getConsent(to: Recipient, templates: readonly PushTemplate[]): Promise<ConsentState[]> {
  const out = await db().send(new GetCommand({ TableName: tableName(), Key: key.consent(key.recipientOwner(to)), ConsistentRead: true }));
  const item = out.Item ?? {};
  return templates.map((t) => ({ template: t, credits: Number(item[creditAttr(t)] ?? 0), long: item[longAttr(t)] === true }));
}

/** Record what wx.requestSubscribeMessage answered: an accepted one-time template banks one credit; a refusal clears it. */
export async function recordConsent(to: Recipient, results: { template: PushTemplate; accepted: boolean; long: boolean }[], now: string): Promise<void> {
  if (!results.length) return;
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = { ':now': now };
  const sets = ['updatedAt = :now'];
  const adds: string[] = [];
  results.forEach((r, i) => {
    if (!r.accepted) {
      Object.assign(names, { [`#c${i}`]: creditAttr(r.template), [`#l${i}`]: longAttr(r.template) });
      sets.push(`#c${i} = :zero`, `#l${i} = :false`);
      Object.assign(values, { ':zero': 0, ':false': false });
    } else if (r.long) {
      names[`#l${i}`] = longAttr(r.template);
      sets.push(`#l${i} = :true`);
      values[':true'] = true;
    } else {
      names[`#c${i}`] = creditAttr(r.template);
      adds.push(`#c${i} :one`);
      values[':one'] = 1;
    }
  });
  await db().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: key.consent(key.recipientOwner(to)),
      UpdateExpression: `SET ${sets.join(', ')}${adds.length ? ` ADD ${adds.join(', ')}` : ''}`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    }),
  );
}

/** Take one send's worth of consent: a long-term one, else a credit (conditional, so two sends cannot spend one credit). */
export async function reserveConsent(to: Recipient, t: PushTemplate): Promise<'long' | 'credit' | 'none'> {
  const [state] = await getConsent(to, [t]);
  if (state!.long) return 'long';
  try {
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: key.consent(key.recipientOwner(to)),
        UpdateExpression: 'ADD #c :minus',
        ConditionExpression: '#c > :zero',
        ExpressionAttributeNames: { '#c': creditAttr(t) },
        ExpressionAttributeValues: { ':minus': -1, ':zero': 0 },
      }),
    );
    return 'credit';
  } catch (err) {
    if (isConditionFailed(err)) return 'none';
    throw err;
  }
}

/** Give a credit back: the send did not happen (retry later, or dead). */
export async function refundCredit(to: Recipient, t: PushTemplate): Promise<void> {
  await db().send(
    new UpdateCommand({ TableName: tableName(), Key: key.consent(key.recipientOwner(to)), UpdateExpression: 'ADD #c :one', ExpressionAttributeNames: { '#c': creditAttr(t) }, ExpressionAttributeValues: { ':one': 1 } }),
  );
}

/** WeChat said 43101: the user's consent for this template is gone. */
export async function clearConsent(to: Recipient, t: PushTemplate, now: string): Promise<void> {
  await recordConsent(to, [{ template: t, accepted: false, long: false }], now);
}
