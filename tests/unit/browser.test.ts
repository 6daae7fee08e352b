// Where the end-to-end tests get their browser: CHROMIUM_PATH, an installed
// Chrome/Chromium, else the Chromium npm installed (Linux x64 only).
import { existsSync } from 'node:fs';
import { findBrowser, INSTALLED_PATHS } from '../e2e/support/browser';

const noneInstalled = !INSTALLED_PATHS.some((p) => existsSync(p));

test('CHROMIUM_PATH comes first; a wrong one is an error that names it', async () => {
  await expect(findBrowser({ CHROMIUM_PATH: process.execPath })).resolves.toMatchObject({ executablePath: process.execPath, source: 'CHROMIUM_PATH' });
  await expect(findBrowser({ CHROMIUM_PATH: '/nowhere/chrome' })).rejects.toThrow('/nowhere/chrome');
});

(noneInstalled ? test : test.skip)('with no browser installed, a Mac is told to install Chrome or set CHROMIUM_PATH', async () => {
  await expect(findBrowser({}, 'darwin', 'arm64')).rejects.toThrow(/Chrome.*CHROMIUM_PATH/);
});

(noneInstalled && process.platform === 'linux' && process.arch === 'x64' ? test : test.skip)(
  'with no browser installed, Linux x64 unpacks the Chromium npm installed',
  async () => {
    const choice = await findBrowser({});
    expect(choice.source).toBe('@sparticuz/chromium');
    expect(existsSync(choice.executablePath)).toBe(true);
    expect(choice.args).toContain('--no-sandbox');
  },
  60_000,
);
