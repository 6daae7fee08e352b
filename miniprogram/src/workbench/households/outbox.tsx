// The phone's unsent contacts: shown where the cadre works, sent on every
// showing of the page and on 立即发送.
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { recordContact } from '../../api/households';
import { Btn } from '../../components/Btn';
import { role } from '../../utils/a11y';
import { flushContacts, onOutboxChange, queuedContacts } from '../../utils/contact-outbox';

/** Send what the phone kept; then the list shows the sent contacts. */
export async function sendQueuedContacts() {
  return flushContacts((c) => recordContact(c.householdId, c.body));
}

export function Outbox({ onSent }: { onSent?: () => void }) {
  const [queued, setQueued] = useState(queuedContacts);
  const [note, setNote] = useState<string | null>(null);
  const send = async () => {
    const r = await sendQueuedContacts();
    setQueued(queuedContacts());
    setNote(r.left ? `还有 ${r.left} 条未发送，有信号时会自动发送` : `已发送 ${r.sent} 条`);
    if (r.sent) onSent?.();
  };
  useEffect(() => onOutboxChange(() => setQueued(queuedContacts())), []);
  // The signal came back: send what waited (WeChat; H5 has no such event and relies on showings and 立即发送).
  useEffect(() => {
    if (typeof Taro.onNetworkStatusChange !== 'function') return undefined;
    const listener = (r: { isConnected: boolean }) => {
      if (r.isConnected && queuedContacts().length) void send();
    };
    Taro.onNetworkStatusChange(listener);
    return () => Taro.offNetworkStatusChange?.(listener);
  }, []);
  useDidShow(() => {
    if (queuedContacts().length) void send();
  });
  if (!queued.length && !note) return null;
  return (
    <View className='card outbox' {...role('status')}>
      <Text className='household__meta'>{queued.length ? `手机上有 ${queued.length} 条联系记录待发送` : note}</Text>
      {queued.map((q) => (
        <Text key={q.body.idempotencyKey} className='household__meta'>
          {q.headName} · {q.refused ? `未被接受：${q.refused}` : '等待信号'}
        </Text>
      ))}
      {queued.length ? (
        <Btn className='btn btn--ghost btn--small' onClick={() => void send()}>
          立即发送
        </Btn>
      ) : null}
    </View>
  );
}

