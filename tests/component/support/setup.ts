import '@testing-library/jest-dom';
import '../../../miniprogram/src/zod-setup';
import { cleanup } from '@testing-library/react';
import { resetState } from '../../../miniprogram/src/store/app';
import { clearRegionsCache } from '../../../miniprogram/src/api/regions';
import { cancelPickerLogin } from '../../../miniprogram/src/api/client';
import { __reset } from './taro';

beforeEach(() => {
  __reset();
  resetState();
  clearRegionsCache();
  delete process.env.TARO_ENV;
});

afterEach(async () => {
  cleanup();
  // A test that opened the H5 picker and never finished it leaves a sign-in
  // pending: cancel it so the next test starts clean.
  cancelPickerLogin();
  await new Promise((r) => setTimeout(r, 0));
});

// @tarojs/components-react's Input passes `onConfirm` down to <input>: a known
// library quirk, not ours. Keep every other console.error visible.
const consoleError = console.error.bind(console);
beforeAll(() => {
  jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].includes('Unknown event handler property `%s`') && args[1] === 'onConfirm') return;
    consoleError(...args);
  });
});
