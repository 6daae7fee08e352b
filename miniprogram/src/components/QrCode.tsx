// A QR code drawn with plain views (no canvas, works in WeChat, H5 and jsdom):
// one row per module row, each a run of equally dark modules.
import { View } from '@tarojs/components';
import { useMemo } from 'react';
import { role } from '../utils/a11y';
import { qrMatrix } from '../utils/qr';

export function QrCode({ text, label }: { text: string; label?: string }) {
  const rows = useMemo(() => {
    const m = qrMatrix(text);
    if (!m) return null;
    return m.map((row) => {
      const runs: { dark: boolean; n: number }[] = [];
      for (const dark of row) {
        const last = runs[runs.length - 1];
        if (last && last.dark === dark) last.n++;
        else runs.push({ dark, n: 1 });
      }
      return runs;
    });
  }, [text]);
  if (!rows) return null;
  return (
    <View className='qr' {...role('img')} aria-label={label ?? text} data-qr={text}>
      {rows.map((runs, y) => (
        <View className='qr__row' key={y}>
          {runs.map((r, i) => (
            <View key={i} className={r.dark ? 'qr__run qr__run--dark' : 'qr__run'} style={{ flex: r.n }} />
          ))}
        </View>
      ))}
    </View>
  );
}
