/**
 * A server of the tests' own (its own port, data folder and limits), started the way `npm run serve`
 * starts it, for the tests that hammer, poison or kill it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';

const root = join(import.meta.dirname, '..', '..');

export interface TestServer {
  url: string;
  dataDir: string;
  env: NodeJS.ProcessEnv;
  process: ChildProcess;
  /** What the server has written to stdout and stderr so far (since its last start). */
  output(): string;
  /** Start again after a kill, on the same port and data. */
  restart(): Promise<void>;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

async function waitUntilUp(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}: ${output()}`);
    try {
      const response = await fetch(`${url}/open311/v2/services.json`);
      if (response.ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server did not start: ${output()}`);
}

export async function startServer(port: number, env: NodeJS.ProcessEnv = {}): Promise<TestServer> {
  const dataDir = env.DATA_DIR ?? mkdtempSync(join(tmpdir(), 'duban-e2e-'));
  const fullEnv: NodeJS.ProcessEnv = {
    ...process.env,
    HOST: '127.0.0.1',
    PORT: String(port),
    DATA_DIR: dataDir,
    RATE_LIMIT_PER_CLIENT: '1000000',
    RATE_LIMIT_NOSCRIPT_PER_CLIENT: '1000000',
    RATE_LIMIT_TOTAL: '1000000',
    RATE_LIMIT_LOOKUPS: '1000000',
    RATE_LIMIT_READS: '1000000',
    RATE_LIMIT_READS_BURST: '1000000',
    ALTCHA_COST: '20',
    REBUILD_DAILY_AT: 'off',
    DUBAN_BUILDS_DIR: `${dataDir}-builds`,
    ...env,
  };
  const url = `http://127.0.0.1:${port}`;
  let log = '';
  const launch = async () => {
    log = '';
    const child = spawn(process.execPath, [join(root, 'scripts', 'serve.ts')], { cwd: root, env: fullEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.on('data', (d: Buffer) => (log += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (log += d.toString()));
    await waitUntilUp(url, child, () => log);
    return child;
  };
  const server: TestServer = {
    url,
    dataDir,
    env: fullEnv,
    process: await launch(),
    output: () => log,
    async restart() {
      server.process = await launch();
    },
    async kill(signal = 'SIGKILL') {
      const child = server.process;
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill(signal);
      await exited;
    },
  };
  return server;
}

/** Fetch a challenge from the server and solve it, as the widget does; the value for the `altcha` field. */
export async function solvedProof(url: string): Promise<string> {
  const challenge = (await (await fetch(`${url}/messages/challenge`)).json()) as Challenge;
  const solution = await solveChallenge({ challenge, deriveKey });
  return Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');
}

export interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One request with any method and headers (Host included, which fetch will not set); the body as text. */
export function rawRequest(
  server: Pick<TestServer, 'url'>,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${server.url}${path}`, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}
