// Port helpers for the local stack and tests.
import { createServer } from 'node:net';

/** A port that was free a moment ago (bound on all interfaces, like DynamoDB Local). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.once('error', reject);
    srv.listen(0, () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** Whether nothing listens on `port` (checked on all interfaces and on 127.0.0.1). */
export async function isPortFree(port: number): Promise<boolean> {
  const tryListen = (host?: string) =>
    new Promise<boolean>((resolve) => {
      const srv = createServer();
      srv.unref();
      srv.once('error', () => resolve(false));
      srv.listen({ port, host, exclusive: true }, () => srv.close(() => resolve(true)));
    });
  return (await tryListen()) && (await tryListen('127.0.0.1'));
}

/** `preferred` if free, else the next free port above it (up to 50 tries), else a random one. */
export async function preferredPort(preferred: number, avoid: ReadonlySet<number> = new Set()): Promise<number> {
  for (let p = preferred; p < preferred + 50; p++) {
    if (!avoid.has(p) && (await isPortFree(p))) return p;
  }
  return freePort();
}
