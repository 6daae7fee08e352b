// Child processes the local stack starts: each runs in its own process group
// (spawned detached), is tracked here, and is killed with its whole group on
// stop(), on normal exit, on SIGINT/SIGTERM/SIGHUP, and — through a tiny shell
// watchdog — even when this process dies without running any handler (SIGKILL,
// OOM). Nothing the stack starts may outlive it.
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';

export interface Managed {
  child: ChildProcess;
  name: string;
  /** Last lines of combined stdout/stderr (for error messages). */
  tail(): string;
  /** Resolves when the process has exited (immediately if it already has). */
  exited: Promise<void>;
  /** SIGTERM the process group, SIGKILL after `graceMs`; resolves once it is gone. */
  stop(graceMs?: number): Promise<void>;
}

const live = new Set<Managed>();
let handlersInstalled = false;

function killGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  if (!pid) return;
  try {
    process.kill(-pid, signal);
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      /* already gone */
    }
  }
}

/** Synchronously SIGKILL every tracked process group (safe inside 'exit'). */
export function killAllSync(): void {
  for (const m of live) killGroup(m.child.pid, 'SIGKILL');
  live.clear();
}

function installHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.on('exit', killAllSync);
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    const code = sig === 'SIGINT' ? 130 : sig === 'SIGTERM' ? 143 : 129;
    process.on(sig, () => {
      // Someone else handles the signal (e.g. start.ts stops the stack gracefully):
      // leave it to them; the 'exit' handler is the safety net.
      if (process.listenerCount(sig) > 1) return;
      void killAllAndReap().finally(() => process.exit(code));
    });
  }
}

/** SIGKILL every tracked group and wait (≤ 2 s) until the children are reaped, so no zombie is left. */
export async function killAllAndReap(): Promise<void> {
  const all = [...live];
  for (const m of all) killGroup(m.child.pid, 'SIGKILL');
  await Promise.race([Promise.all(all.map((m) => m.exited)), new Promise((r) => setTimeout(r, 2000).unref())]);
  live.clear();
}

/**
 * A shell loop that kills the group `pgid` as soon as `parentPid` is gone
 * (covers a SIGKILLed parent, where no JS handler runs). It exits by itself
 * when the group is gone.
 */
function startWatchdog(parentPid: number, pgid: number): ChildProcess {
  const script = `while kill -0 ${parentPid} 2>/dev/null && kill -0 -${pgid} 2>/dev/null; do sleep 1; done; kill -TERM -${pgid} 2>/dev/null; sleep 3; kill -KILL -${pgid} 2>/dev/null; exit 0`;
  const dog = spawn('sh', ['-c', script], { detached: true, stdio: 'ignore' });
  dog.unref();
  return dog;
}

export interface SpawnManagedOptions extends Omit<SpawnOptions, 'detached' | 'stdio'> {
  name: string;
  /** Echo output lines to this stream with a `[name]` prefix. */
  echo?: NodeJS.WritableStream | null;
  tailLines?: number;
}

/** Adopt an already spawned child (it must have been spawned with detached: true). */
export function manage(child: ChildProcess, opts: { name: string; echo?: NodeJS.WritableStream | null; tailLines?: number }): Managed {
  installHandlers();
  const lines: string[] = [];
  const max = opts.tailLines ?? 60;
  const onData = (buf: Buffer): void => {
    const text = buf.toString('utf8');
    for (const line of text.split(/\r?\n/)) {
      if (!line) continue;
      lines.push(line);
      if (lines.length > max) lines.shift();
      if (opts.echo) opts.echo.write(`[${opts.name}] ${line}\n`);
    }
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);

  let done = child.exitCode !== null || child.signalCode !== null;
  const exited = done
    ? Promise.resolve()
    : new Promise<void>((resolve) => {
        child.once('exit', () => {
          done = true;
          resolve();
        });
        child.once('error', () => {
          done = true;
          resolve();
        });
      });

  const dog = child.pid ? startWatchdog(process.pid, child.pid) : null;

  const m: Managed = {
    child,
    name: opts.name,
    tail: () => lines.join('\n'),
    exited,
    async stop(graceMs = 5000) {
      if (!done) {
        killGroup(child.pid, 'SIGTERM');
        const timer = setTimeout(() => killGroup(child.pid, 'SIGKILL'), graceMs);
        await exited;
        clearTimeout(timer);
      }
      // The group may still hold grandchildren (e.g. a shell's children).
      killGroup(child.pid, 'SIGKILL');
      if (dog?.pid) killGroup(dog.pid, 'SIGKILL');
      live.delete(m);
    },
  };
  exited.then(() => {
    // Keep it tracked until stop(): grandchildren may live on in the group.
  });
  live.add(m);
  return m;
}

/** Spawn `command` in its own process group, tracked for cleanup. */
export function spawnManaged(command: string, args: string[], opts: SpawnManagedOptions): Managed {
  const { name, echo, tailLines, ...rest } = opts;
  const child = spawn(command, args, { ...rest, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  return manage(child, { name, echo, tailLines });
}
