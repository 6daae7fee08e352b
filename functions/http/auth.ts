import { randomUUID } from 'node:crypto';
import { code2session } from '../auth/wechat';
import { signResidentToken } from '../auth/tokens';
import { httpHandler } from '../lib/http';
import { createResident, getResident, getResidentIdByOpenid, type ResidentRecord } from '../store/people';
import { toMe } from './views';

async function findOrCreateResident(openid: string): Promise<ResidentRecord> {
  const existingId = await getResidentIdByOpenid(openid);
  if (existingId) {
    const found = await getResident(existingId);
    if (found) return found;
  }
  const now = new Date().toISOString();
  const record: ResidentRecord = {
    id: randomUUID(),
    openid,
    name: null,
    phone: null,
    currentRegionCode: null,
    hometownRegionCode: null,
    tags: [],
    elderMode: false,
    pairedCadreUsername: null,
    createdAt: now,
    updatedAt: now,
  };
  if ((await createResident(record)) === 'created') return record;
  // Another sign-in of the same person won the race: use theirs.
  const winnerId = await getResidentIdByOpenid(openid);
  const winner = winnerId && (await getResident(winnerId));
  if (!winner) throw new Error('resident vanished after conflict');
  return winner;
}

export const handler = httpHandler({
  'POST /auth/wechat': async ({ body }) => {
    const { openid } = await code2session(body.code);
    const resident = await findOrCreateResident(openid);
    const session = await signResidentToken(resident.id);
    return { ...session, me: toMe(resident) };
  },
});
