/**
 * Starts the bot (`tsx src/server.ts`, like `npm start`) and the Microsoft 365 Agents Playground
 * as child processes in their own process groups, waits until both answer, and kills both groups
 * at the end (also when the test fails or the runner exits).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');

export interface Proc {
  name: string;
  child: ChildProcess;
  logFile: string;
  log(): string;
}

const running = new Set<Proc>();

function killGroup(p: Proc, signal: NodeJS.Signals): void {
  if (p.child.pid === undefined || p.child.exitCode !== null || p.child.signalCode !== null) return;
  try {
    process.kill(-p.child.pid, signal);
  } catch {
    // Already gone.
  }
}

// Last resort: never leave a bot or Playground behind when the runner itself exits or is stopped.
process.once('exit', () => {
  for (const p of running) killGroup(p, 'SIGKILL');
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    for (const p of running) killGroup(p, 'SIGKILL');
    process.exit(130);
  });
}

/** Stops every started process group: SIGTERM, then SIGKILL after `graceMs`. */
export async function stopAll(graceMs = 3_000): Promise<void> {
  const procs = [...running];
  await Promise.all(
    procs.map(async (p) => {
      const exited = new Promise<void>((r) => (p.child.exitCode !== null || p.child.signalCode !== null ? r() : p.child.once('exit', () => r())));
      killGroup(p, 'SIGTERM');
      const timer = setTimeout(() => killGroup(p, 'SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
      running.delete(p);
    }),
  );
}

function start(name: string, command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; logDir: string }): Proc {
  const logFile = join(options.logDir, `${name}.log`);
  const out = openSync(logFile, 'a');
  // detached: own process group, so the whole tree (npm/tsx/node) can be killed by group id.
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', out, out], detached: true });
  const proc: Proc = { name, child, logFile, log: () => readFileSync(logFile, 'utf8') };
  running.add(proc);
  return proc;
}

async function portFree(port: number): Promise<boolean> {
  return new Promise((resolveFree) => {
    const s = createServer();
    s.once('error', () => resolveFree(false));
    s.listen(port, '127.0.0.1', () => s.close(() => resolveFree(true)));
  });
}

/** `preferred` when free, else any free port. */
export async function pickPort(preferred: number): Promise<number> {
  if (await portFree(preferred)) return preferred;
  return new Promise((resolvePort, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => resolvePort(port));
    });
  });
}

export async function waitForHttp(url: string, proc: Proc, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    if (proc.child.exitCode !== null || proc.child.signalCode !== null) {
      throw new Error(`${proc.name} exited (${proc.child.exitCode ?? proc.child.signalCode}) before ${url} answered:\n${proc.log().slice(-2000)}`);
    }
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(1_000) });
      if (res.ok) return;
      last = `HTTP ${res.status}`;
    } catch (err) {
      last = (err as Error).message;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${proc.name}: ${url} did not answer within ${timeoutMs} ms (${last}):\n${proc.log().slice(-2000)}`);
}

export interface Stack {
  botUrl: string;
  playgroundUrl: string;
  bot: Proc;
  playground: Proc;
  dataDir: string;
  workDir: string;
  cleanup(): Promise<void>;
}

export interface StackOptions {
  /** Extra environment for the bot process (e.g. GA_TEST_CLOCK=1, REMINDER_POLL_MS). */
  botEnv?: Record<string, string>;
}

/** The bot on 3978 (or a free port) with a temp DATA_DIR, and the Playground on 56150 (or a free port) pointed at it. */
export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const workDir = mkdtempSync(join(tmpdir(), 'ga-e2e-'));
  const dataDir = join(workDir, 'data');
  const botPort = await pickPort(3978);
  const playgroundPort = await pickPort(56150);
  const bin = (name: string) => join(ROOT, 'node_modules', '.bin', name);

  const bot = start('bot', bin('tsx'), ['src/server.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(botPort), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'info', MicrosoftAppId: '', ...options.botEnv },
    logDir: workDir,
  });
  // The Playground reads .m365agentsplayground.yml from its cwd and writes ./devTools there:
  // give it its own directory with a copy of the checked-in demo tenant.
  copyFileSync(join(ROOT, '.m365agentsplayground.yml'), join(workDir, '.m365agentsplayground.yml'));
  const playground = start(
    'playground',
    bin('agentsplayground'),
    ['-e', `http://127.0.0.1:${botPort}/api/messages`, '-c', 'msteams', '-p', String(playgroundPort), '--disable-telemetry'],
    { cwd: workDir, env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none' }, logDir: workDir },
  );
  const botUrl = `http://127.0.0.1:${botPort}`;
  const playgroundUrl = `http://localhost:${playgroundPort}`;
  try {
    await Promise.all([waitForHttp(`${botUrl}/readyz`, bot, 30_000), waitForHttp(playgroundUrl, playground, 30_000)]);
  } catch (err) {
    await stopAll();
    throw err;
  }
  return {
    botUrl,
    playgroundUrl,
    bot,
    playground,
    dataDir,
    workDir,
    async cleanup() {
      await stopAll();
      rmSync(workDir, { recursive: true, force: true });
    },
  };
}
