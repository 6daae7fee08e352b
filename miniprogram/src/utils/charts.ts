// Simple SVG charts as data URIs for <Image>: horizontal bars and a line
// chart of rates. No chart library; pure functions a test can read.

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export const svgDataUri = (svg: string) => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;

/** Horizontal bars, one per row, this month dark and last month's value as a thin light bar beneath. */
export function barChartSvg(rows: { label: string; value: number; previous?: number }[], width = 640): string {
  const rowH = 34;
  const labelW = 150;
  const max = Math.max(1, ...rows.flatMap((r) => [r.value, r.previous ?? 0]));
  const barW = width - labelW - 60;
  const h = Math.max(rowH, rows.length * rowH + 10);
  const parts = rows.map((r, i) => {
    const y = i * rowH + 6;
    const w = Math.round((r.value / max) * barW);
    const pw = Math.round(((r.previous ?? 0) / max) * barW);
    return [
      `<text x="${labelW - 8}" y="${y + 15}" font-size="14" text-anchor="end" fill="#333">${esc(r.label)}</text>`,
      `<rect x="${labelW}" y="${y}" width="${w}" height="16" fill="#1f6feb"/>`,
      r.previous !== undefined ? `<rect x="${labelW}" y="${y + 19}" width="${pw}" height="5" fill="#9db9e8"/>` : '',
      `<text x="${labelW + w + 6}" y="${y + 14}" font-size="13" fill="#333">${r.value}</text>`,
    ].join('');
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${h}" viewBox="0 0 ${width} ${h}">${parts.join('')}</svg>`;
}

/** Rates (0–1 or null) over months: one line per series, a gap where a month has no figure. */
export function lineChartSvg(months: string[], series: { label: string; color: string; values: (number | null)[] }[], width = 640, height = 240): string {
  const left = 44;
  const right = 16;
  const top = 16;
  const bottom = 56;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const x = (i: number) => left + (months.length > 1 ? (i * plotW) / (months.length - 1) : plotW / 2);
  const y = (v: number) => top + plotH - v * plotH;
  const grid = [0, 0.25, 0.5, 0.75, 1].map((g) =>
    `<line x1="${left}" x2="${width - right}" y1="${y(g)}" y2="${y(g)}" stroke="#e5e5e5"/><text x="${left - 6}" y="${y(g) + 4}" font-size="11" text-anchor="end" fill="#666">${g * 100}%</text>`);
  const ticks = months.map((m, i) => `<text x="${x(i)}" y="${top + plotH + 16}" font-size="11" text-anchor="middle" fill="#666">${Number(m.slice(5, 7))}月</text>`);
  const lines = series.map((s) => {
    const segs: string[] = [];
    let cur: string[] = [];
    s.values.forEach((v, i) => {
      if (v === null) {
        if (cur.length) segs.push(cur.join(' '));
        cur = [];
      } else cur.push(`${x(i).toFixed(1)},${y(v).toFixed(1)}`);
    });
    if (cur.length) segs.push(cur.join(' '));
    const dots = s.values.map((v, i) => (v === null ? '' : `<circle cx="${x(i).toFixed(1)}" cy="${y(v).toFixed(1)}" r="3" fill="${s.color}"/>`)).join('');
    return segs.map((p) => `<polyline points="${p}" fill="none" stroke="${s.color}" stroke-width="2"/>`).join('') + dots;
  });
  const legend = series.map((s, i) => `<rect x="${left + i * 110}" y="${height - 18}" width="12" height="12" fill="${s.color}"/><text x="${left + i * 110 + 16}" y="${height - 8}" font-size="12" fill="#333">${esc(s.label)}</text>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${grid.join('')}${ticks.join('')}${lines.join('')}${legend.join('')}</svg>`;
}
