// The browser of the end-to-end tests, found the way a developer expects:
// CHROMIUM_PATH, else an installed Chrome/Chromium, else the Chromium that npm
// installed with the project (@sparticuz/chromium, Linux x64 only), so a fresh
// machine with only Node and Java needs no apt step.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export interface BrowserChoice {
  executablePath: string;
  args: string[];
  source: 'CHROMIUM_PATH' | 'installed' | '@sparticuz/chromium';
}

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Where Linux distributions and macOS put Chrome and Chromium. */
export const INSTALLED_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
  '/snap/bin/chromium',
  '/opt/google/chrome/chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

/**
 * @sparticuz/chromium is an ES module; loading it in a child Node keeps it out
 * of jest's CommonJS module system. executablePath() unpacks the brotli-packed
 * binary into the temp folder once (~2.5 s), then returns it at once.
 */
function packagedChromium(): Promise<BrowserChoice> {
  const script =
    "const { default: c } = await import('@sparticuz/chromium');" +
    'c.setGraphicsMode = false;' +
    // Without --single-process: in one process Chromium shares storage between
    // browser contexts, so a second phone in a test would wake up signed in as the first.
    "process.stdout.write(JSON.stringify({ executablePath: await c.executablePath(), args: c.args.filter((a) => a !== '--single-process') }));";
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--input-type=module', '-e', script], { cwd: __dirname, timeout: 120_000 }, (err, stdout, stderr) => {
      if (err) {
        reject(new Error(`无法解压 @sparticuz/chromium（npm ci 是否完成？）：${stderr || err.message}`));
        return;
      }
      const { executablePath, args } = JSON.parse(stdout) as { executablePath: string; args: string[] };
      resolve({ executablePath, args, source: '@sparticuz/chromium' });
    });
  });
}

let choice: Promise<BrowserChoice> | undefined;

export function findBrowser(env: NodeJS.ProcessEnv = process.env, platform: string = process.platform, arch: string = process.arch): Promise<BrowserChoice> {
  const explicit = env.CHROMIUM_PATH;
  if (explicit) {
    if (!existsSync(explicit)) return Promise.reject(new Error(`CHROMIUM_PATH 指向的浏览器不存在：${explicit}`));
    return Promise.resolve({ executablePath: explicit, args: ARGS, source: 'CHROMIUM_PATH' });
  }
  const installed = INSTALLED_PATHS.find((p) => existsSync(p));
  if (installed) return Promise.resolve({ executablePath: installed, args: ARGS, source: 'installed' });
  if (platform === 'linux' && arch === 'x64') return packagedChromium();
  return Promise.reject(
    new Error('找不到 Chrome/Chromium：请安装 Google Chrome，或用 CHROMIUM_PATH 指定浏览器路径（npm 自带的 Chromium 仅支持 Linux x64）'),
  );
}

/** A headless browser for a test file (the choice is made once per process). */
export async function launchBrowser(): Promise<Browser> {
  choice ??= findBrowser();
  const { executablePath, args } = await choice;
  return chromium.launch({ executablePath, args });
}
