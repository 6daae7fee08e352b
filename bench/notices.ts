// npm run bench:notices (tsx bench/notices.ts): a notice to 10 000 residents on
// DynamoDB Local (in memory) with the fake WeChat. Measures publish-to-inbox
// time (the fan-out), sender throughput and DynamoDB calls per push; writes
// bench/notices-results.json. BENCH_RESIDENTS to change the size.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { startDynamoLocal } from '../scripts/lib/dynamo-local';
import { createTables } from '../scripts/lib/tables';
import { startFakeWechat } from '../scripts/fake-wechat';

const N = Number(process.env.BENCH_RESIDENTS ?? 10_000);
const TOWN = '511999103';

async function main(): Promise<void> {
  const dynamo = await startDynamoLocal({});
  const fake = await startFakeWechat({ appid: 'wx-bench', secret: 'bench-secret' });
  Object.assign(process.env, {
    AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint, AWS_REGION: 'cn-northwest-1', AWS_ACCESS_KEY_ID: 'local', AWS_SECRET_ACCESS_KEY: 'local',
    TABLE_NAME: 'banshi-bench', WECHAT_API_BASE: fake.url, WECHAT_APPID: 'wx-bench', WECHAT_SECRET: 'bench-secret', LOG_LEVEL: 'silent', STAGE: 'local',
  });
  try {
    await createTables(dynamo.endpoint, { tableName: 'banshi-bench' });
    const { db, ddbCallCount, resetDdbCallCount, tableName } = await import('../functions/store/client');
    const { key } = await import('../functions/store/keys');
    const { putRegion } = await import('../functions/store/reference');
    const { createNotice, publishNotice } = await import('../functions/store/notices');
    const { runNoticeFanout } = await import('../functions/jobs/notice-fanout');
    const { runOutboxSender } = await import('../functions/jobs/outbox-sender');
    await putRegion({ code: '511999', name: '青山县', level: 'county', parentCode: null });
    await putRegion({ code: TOWN, name: '高滩镇', level: 'town', parentCode: '511999' });

    // Residents (profile + region index + a long-term consent to notices), 25 a BatchWrite.
    const items: Record<string, unknown>[] = [];
    for (let i = 0; i < N; i++) {
      const id = `bench-${i}`;
      const region = `${TOWN}${String(201 + (i % 20)).padStart(3, '0')}`;
      items.push(
        { ...key.resident(id), id, openid: `openid-${id}`, name: null, phone: null, currentRegionCode: region, hometownRegionCode: null, tags: [], elderMode: false, pairedCadreUsername: null, createdAt: 'x', updatedAt: 'x' },
        { ...key.regionResident(region, id), residentId: id, regionCode: region, tags: [], birthDate: null },
        { ...key.consent(`RESIDENT#${id}`), long_notice: true },
      );
    }
    for (let i = 0; i < items.length; i += 25) {
      await db().send(new BatchWriteCommand({ RequestItems: { [tableName()]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) } }));
    }

    const at = new Date().toISOString();
    await createNotice({
      id: 'bench-notice', kind: 'hometown', title: '高滩镇返乡创业补贴', body: '正文', attachmentKey: null,
      target: { regionCodes: [TOWN], tags: [], minAge: null, maxAge: null }, expiresOn: null, status: 'draft', departmentId: null,
      author: { username: 'admin', name: '管理员' }, createdAt: at, updatedAt: at, publishedAt: null, withdrawnAt: null, fanoutDone: false, version: 1,
      reach: { targeted: 0, inboxWritten: 0, pushed: 0, delivered: 0, skipped: 0, failed: 0, read: 0 },
    });
    await publishNotice('bench-notice', 1, at, { status: 'published', publishedAt: at, updatedAt: at });

    resetDdbCallCount();
    let t = Date.now();
    const fan = await runNoticeFanout({ pageSize: 500, concurrency: 16 });
    const fanoutMs = Date.now() - t;
    const fanoutCalls = ddbCallCount();

    resetDdbCallCount();
    t = Date.now();
    let sent = 0;
    for (;;) {
      const r = await runOutboxSender({ limit: 250, concurrency: 16 });
      sent += r.sent;
      if (!r.claimed) break;
    }
    const senderMs = Date.now() - t;
    const senderCalls = ddbCallCount();

    const results = {
      residents: N,
      fanout: { ms: fanoutMs, written: fan.written, residentsPerSecond: Math.round((fan.written / fanoutMs) * 1000), ddbCallsPerResident: +(fanoutCalls / fan.written).toFixed(2) },
      sender: { ms: senderMs, sent, received: fake.messages().length, pushesPerSecond: Math.round((sent / senderMs) * 1000), ddbCallsPerPush: +(senderCalls / Math.max(sent, 1)).toFixed(2) },
      at: new Date().toISOString(),
    };
    console.log(JSON.stringify(results, null, 2));
    writeFileSync(join(__dirname, 'notices-results.json'), JSON.stringify(results, null, 2) + '\n');
  } finally {
    await fake.stop();
    await dynamo.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
