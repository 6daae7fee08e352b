import './zod-setup';
import type { PropsWithChildren } from 'react';
import './app.scss';

function App({ children }: PropsWithChildren) {
  // Pages render as children; global state lives in store/app.ts (no provider needed).
  return children;
}

export default App;
