// First load of the H5 app on a weak village signal (400 kbps, 400 ms RTT,
// Chromium's network emulation over CDP), without and with compression:
// the bytes on the wire and the time until the home page shows its content.
// `npx tsx bench/h5-load.ts` runs this measurement alone.
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser } from '../tests/e2e/support/browser';
import { serveStatic } from '../scripts/start';

export const WEAK_SIGNAL = { kbps: 400, rttMs: 400 };
const RUNS = 3;

export interface FirstLoad {
  /** Bytes on the wire (headers included) until the content showed. */
  transferBytes: number;
  requests: number;
  /** Navigation start → the home page's content in the DOM and painted. */
  timeToContentMs: number;
}

async function once(url: string, compressed: boolean): Promise<FirstLoad> {
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    const bytesPerSecond = (WEAK_SIGNAL.kbps * 1000) / 8;
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: WEAK_SIGNAL.rttMs,
      downloadThroughput: bytesPerSecond,
      uploadThroughput: bytesPerSecond,
    });
    // "Before": a server that does not compress, as the browser's identity-only request gets.
    if (!compressed) await cdp.send('Network.setExtraHTTPHeaders', { headers: { 'Accept-Encoding': 'identity' } });
    let transferBytes = 0;
    let requests = 0;
    cdp.on('Network.loadingFinished', (e: { encodedDataLength: number }) => {
      transferBytes += e.encodedDataLength;
      requests += 1;
    });
    const start = Date.now();
    await page.goto(`${url}/#/pages/index/index`, { waitUntil: 'commit', timeout: 120_000 });
    // The home page's search box and category grid: the first thing a resident can use.
    await page.getByPlaceholder(/搜索|输入/).first().waitFor({ state: 'visible', timeout: 120_000 });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
    const timeToContentMs = Date.now() - start;
    return { transferBytes, requests, timeToContentMs };
  } finally {
    await browser.close();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Median of a few cold loads each way, from a copy of the build (a rebuild mid-run cannot skew it). */
export async function measureH5FirstLoad(distDir: string) {
  if (!existsSync(join(distDir, 'index.html'))) throw new Error(`H5 build missing: ${distDir} (npm run build:h5)`);
  const copy = mkdtempSync(join(tmpdir(), 'banshi-h5-'));
  cpSync(distDir, copy, { recursive: true });
  const srv = await serveStatic(copy, 0, { apiBase: 'http://127.0.0.1:9' });
  try {
    const result: Record<'uncompressed' | 'compressed', FirstLoad> = {} as never;
    for (const compressed of [false, true]) {
      const runs: FirstLoad[] = [];
      for (let i = 0; i < RUNS; i++) runs.push(await once(srv.url, compressed));
      result[compressed ? 'compressed' : 'uncompressed'] = {
        transferBytes: median(runs.map((r) => r.transferBytes)),
        requests: median(runs.map((r) => r.requests)),
        timeToContentMs: median(runs.map((r) => r.timeToContentMs)),
      };
    }
    return { network: WEAK_SIGNAL, runs: RUNS, ...result };
  } finally {
    await srv.stop();
    rmSync(copy, { recursive: true, force: true });
  }
}

if (require.main === module) {
  measureH5FirstLoad(join(__dirname, '..', 'miniprogram', 'dist', 'h5')).then(
    (r) => console.log(JSON.stringify(r, null, 2)),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
