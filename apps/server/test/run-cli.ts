/** Runs the `dangjian` command line in a child process for tests, as an operator would. */
import { spawn } from 'node:child_process';
import path from 'node:path';

const BIN = path.resolve(import.meta.dirname, '../bin/dangjian.mjs');

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI with exactly the given settings on top of the environment (no inherited database or key). */
export function runCli(settings: Record<string, string | undefined>, args: string[]): Promise<CliResult> {
  // A small service history (2%) keeps `demo` quick in tests; the full county is the bench's.
  const env: NodeJS.ProcessEnv = { DJ_DEMO_RESIDENTS_SCALE: '0.02', ...process.env, LOG_LEVEL: 'silent' };
  delete env.DATABASE_URL;
  delete env.DJ_SECRET_KEY;
  delete env.DJ_NEW_PASSWORD;
  Object.assign(env, settings);
  return new Promise((resolve, reject) => {
    // Asynchronous, so that the test worker keeps answering its runner while a command runs.
    const p = spawn(process.execPath, [BIN, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    p.stdout!.on('data', (d) => (stdout += d));
    p.stderr!.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => p.kill('SIGKILL'), 100_000);
    p.once('error', reject);
    p.once('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}
