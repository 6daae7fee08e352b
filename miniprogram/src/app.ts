import './zod-setup';
import type { PropsWithChildren } from 'react';
import './app.scss';
import { installKeyboardActivation, installStructure } from './utils/a11y';

// H5: Enter/Space on a focused div control clicks it; headings and the title bar's names (utils/a11y.ts).
if (process.env.TARO_ENV === 'h5' && typeof document !== 'undefined') {
  installKeyboardActivation(document);
  installStructure(document);
}

function App({ children }: PropsWithChildren) {
  // Pages render as children; global state lives in store/app.ts (no provider needed).
  return children;
}

export default App;
