// npm run dev: the bot in local mode plus the Microsoft 365 Agents Playground, in one command.
// Ctrl+C stops both. Set TEAMSAPPTESTER_BROWSER=none on a machine without a desktop browser.
import { spawn, type ChildProcess } from 'node:child_process';

const port = process.env.PORT ?? '3978';
const children: ChildProcess[] = [];

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = {}): ChildProcess {
  const child = spawn(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  children.push(child);
  child.on('exit', (code) => {
    if (!stopping) {
      console.error(`${cmd} stopped (exit ${code ?? 'signal'}); stopping the rest.`);
      stop(code ?? 1);
    }
  });
  return child;
}

let stopping = false;
function stop(code = 0): void {
  stopping = true;
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  setTimeout(() => process.exit(code), 1500).unref();
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

async function waitForBot(): Promise<void> {
  for (let i = 0; i < 120; i++) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('the bot did not start within 60 s');
}

run('npx', ['tsx', 'src/server.ts'], { PORT: port });
await waitForBot();
run('npx', ['agentsplayground', '-e', `http://127.0.0.1:${port}/api/messages`, '-c', 'msteams', '-p', '56150', '--disable-telemetry']);
console.log('\nGroepsaanpak draait lokaal. Open http://localhost:56150 (Agents Playground) en typ "help".\n');
