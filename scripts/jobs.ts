// The scheduled jobs that run every minute when deployed (the push sender,
// the notice fan-out), on an interval for the local stack: `npm start` runs
// this file as a child process with the stack's environment.
// Env: JOBS_INTERVAL_MS (default 10 s locally, so a demo push shows quickly).
export {};
const interval = Number(process.env.JOBS_INTERVAL_MS ?? 10_000);

async function tick(): Promise<void> {
  const [{ runNoticeFanout }, { runOutboxSender }] = await Promise.all([import('../functions/jobs/notice-fanout'), import('../functions/jobs/outbox-sender')]);
  await runNoticeFanout();
  await runOutboxSender();
}

let running = false;
let timer: NodeJS.Timeout | undefined;
const loop = () => {
  if (running) return; // a slow pass is never overlapped by the next
  running = true;
  tick()
    .catch((err: unknown) => console.error('[jobs]', err instanceof Error ? err.name : 'error'))
    .finally(() => {
      running = false;
    });
};

timer = setInterval(loop, interval);
loop();
const stop = () => {
  clearInterval(timer);
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
