// Hub processes and CLIs as real OS processes (`node --import @swc-node/register/esm-register …`,
// as the npm scripts run them), with their JSON log lines kept for the test to read.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TEST_RATE_LIMITS } from './global-setup.js';

/** A free loopback port. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export class NodeProcess {
  /** Every line it printed (stdout and stderr), in arrival order per stream. */
  readonly lines: string[] = [];
  readonly exited: Promise<Exit>;

  private constructor(private readonly child: ChildProcess) {
    this.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    for (const stream of [child.stdout!, child.stderr!]) {
      let rest = '';
      stream.setEncoding('utf8').on('data', (chunk: string) => {
        const lines = (rest + chunk).split('\n');
        rest = lines.pop() ?? '';
        this.lines.push(...lines);
      });
    }
  }

  /** Runs a TypeScript entry point of the project (e.g. `src/cli/migrate.ts`) with the given environment. */
  static start(script: string, env: Record<string, string>): NodeProcess {
    const { NODE_OPTIONS: _jestOptions, ...parentEnv } = process.env;
    const child = spawn(process.execPath, ['--import', '@swc-node/register/esm-register', script], {
      cwd: process.cwd(),
      env: { ...parentEnv, LOG_FORMAT: 'json', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return new NodeProcess(child);
  }

  /**
   * `src/main.ts` as `npm start` runs it, on the given port, without a web client; development
   * sign-in unless `env` names a Keycloak.
   */
  static hub(databaseUrl: string, port: number, env: Record<string, string> = {}): NodeProcess {
    return NodeProcess.start('src/main.ts', {
      PORT: String(port),
      PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
      DATABASE_URL: databaseUrl,
      DATA_DIR: mkdtempSync(join(tmpdir(), 'interkom-proc-')),
      WEB_DIR: '',
      RATE_LIMITS: TEST_RATE_LIMITS,
      ...env,
    });
  }

  get pid(): number {
    return this.child.pid!;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** The `message` of every JSON log line (of one logger context, if given). */
  messages(context?: string): string[] {
    const out: string[] = [];
    for (const line of this.lines) {
      try {
        const entry = JSON.parse(line) as { message?: unknown; context?: string };
        if (typeof entry.message === 'string' && (!context || entry.context === context)) out.push(entry.message);
      } catch {
        // not a JSON line (a stack trace, a config error)
      }
    }
    return out;
  }

  /**
   * Waits until `done` holds (checked every 100 ms). A deadline only turns a hang into a failure
   * that shows the output; no test asserts how long anything took.
   */
  async until(done: () => boolean | Promise<boolean>, what: string, deadlineMs = 90_000): Promise<void> {
    const deadline = Date.now() + deadlineMs;
    while (!(await done())) {
      if (Date.now() > deadline) throw new Error(`never ${what}:\n${this.lines.slice(-30).join('\n')}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** Sends a signal (a test that needs a particular stop sends it itself). */
  signal(signal: NodeJS.Signals): void {
    if (this.running) this.child.kill(signal);
  }

  /** Stops the process if it still runs (SIGTERM, then SIGKILL after a while). */
  async stop(): Promise<Exit> {
    if (this.running) {
      this.child.kill('SIGTERM');
      const killer = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
      const exit = await this.exited;
      clearTimeout(killer);
      return exit;
    }
    return this.exited;
  }
}
