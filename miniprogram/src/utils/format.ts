// Display helpers (zh-CN).

/** 0 → 免费; else "¥12.5 元" style. */
export function formatFee(feeYuan: number): string {
  if (feeYuan <= 0) return '免费';
  const s = Number.isInteger(feeYuan) ? String(feeYuan) : feeYuan.toFixed(2).replace(/0+$/, '').replace(/\.$/, '');
  return `${s} 元`;
}

/** 0 → 零跑腿; else 最多跑N次. */
export function formatVisits(visits: number): string {
  return visits <= 0 ? '零跑腿' : `最多跑${visits}次`;
}

/** Promised time limit of an item, e.g. "承诺5个工作日" / "当场办结". */
export function formatPromise(type: 'instant' | 'promised', promisedDays: number): string {
  if (type === 'instant' || promisedDays <= 0) return '当场办结';
  return `承诺${promisedDays}个工作日`;
}

export function formatDays(days: number): string {
  return days <= 0 ? '当场办结' : `${days}个工作日`;
}

/** 0.9651 → "96.5%". Accepts 0..1 (or a percentage above 1). */
export function formatRate(rate: number): string {
  const pct = rate <= 1 ? rate * 100 : rate;
  const s = (Math.round(pct * 10) / 10).toFixed(1).replace(/\.0$/, '');
  return `${s}%`;
}

/** An ISO instant as a Asia/Shanghai calendar date (UTC+8, no DST). */
export function shanghaiDate(iso: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return '';
  return new Date(t + 8 * 3600_000).toISOString().slice(0, 10);
}

/** Hour of day in Asia/Shanghai. */
export function shanghaiHour(now: number = Date.now()): number {
  return new Date(now + 8 * 3600_000).getUTCHours();
}

export function greeting(now: number = Date.now()): string {
  const h = shanghaiHour(now);
  if (h < 5) return '夜深了';
  if (h < 11) return '上午好';
  if (h < 13) return '中午好';
  if (h < 18) return '下午好';
  return '晚上好';
}

/** 13812345678 → 138****5678 */
export function maskPhone(phone: string | null | undefined): string {
  if (!phone) return '';
  return phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : phone;
}
